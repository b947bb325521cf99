// Compile: validate, then freeze the graph into a plan with a content hash.
// Layout (node positions) is not part of the content.
import { canonicalJson, sha256Hex } from './sha256';
import { durationToMs } from './schema';
import type { GraphIssue, Plan, PlanNode } from './plan';
import { validateGraph, type ValidateOptions } from './validate';
import { findNodeDefinition } from './registry';

export type CompileResult = { ok: true; plan: Plan } | { ok: false; issues: GraphIssue[] };

export function compileGraph(input: unknown, opts: ValidateOptions = {}): CompileResult {
  const { graph, configs, issues } = validateGraph(input, opts);
  if (!graph || issues.length) return { ok: false, issues };
  const nodes: Record<string, PlanNode> = {};
  for (const n of graph.nodes) {
    nodes[n.id] = {
      id: n.id,
      type: n.type,
      typeVersion: n.typeVersion,
      label: n.label,
      config: configs.get(n.id),
      retry: n.retry,
      timeoutMs: n.timeout ? durationToMs(n.timeout) : undefined,
      next: {},
    };
  }
  for (const e of graph.edges) nodes[e.source]!.next[e.sourcePort] = e.target;
  const triggerNodeId = graph.nodes.find((n) => findNodeDefinition(n.type, n.typeVersion)?.isTrigger)!.id;
  const exitOn = graph.settings?.exitOn.length ? [...graph.settings.exitOn].sort() : undefined;
  const content = { formatVersion: 1 as const, triggerNodeId, nodes, exitOn };
  return { ok: true, plan: { ...content, hash: sha256Hex(canonicalJson(content)) } };
}
