// Small builders for graph-language tests, so each test spells out only the
// nodes and edges it is about. Configs are valid unless a test overrides them.
import type { TGraph, TGraphEdge, TGraphNode } from '../../../workflows/graph/schema';
import type { RunRef } from '../../../workflows/graph/node-definition';
import type { TCondition } from '../../../workflows/graph/conditions';

export const RUN: RunRef = { runId: 'run-1', workflowId: 'wf-1', orgId: 'org-1', candidateId: 'cand-1', applicationId: 'app-1' };

export function node(id: string, type: string, config: unknown = {}, extra: Partial<TGraphNode> = {}): TGraphNode {
  return { id, type, typeVersion: 1, config, ...extra };
}

export const trigger = (id = 'applied') => node(id, 'trigger.application_received');
export const end = (id = 'done') => node(id, 'action.end');
export const moveToStage = (id: string, stage: string) => node(id, 'action.move_to_stage', { stage });
export const collectFeedback = (id = 'screen', config: Record<string, unknown> = {}) =>
  node(id, 'people.collect_feedback', { timeout: { days: 1 }, ...config });

export function sendEmail(id: string, config: Record<string, unknown> = {}): TGraphNode {
  return node(id, 'message.send_email', { subject: 'Your application for {{job.title}}', body: 'Hi {{candidate.firstName}}', ...config });
}

export function branch(id: string, rules: { port: string; when: TCondition[] }[], otherwise?: string): TGraphNode {
  return node(id, 'logic.branch', otherwise === undefined ? { rules } : { rules, otherwise });
}

export function edge(source: string, sourcePort: string, target: string): TGraphEdge {
  return { source, sourcePort, target };
}

/** trigger -> each middle node in turn (by its "out" port) -> end. */
export function linearGraph(...middle: TGraphNode[]): TGraph {
  const ids = ['applied', ...middle.map((n) => n.id), 'done'];
  return {
    nodes: [trigger(), ...middle, end()],
    edges: ids.slice(1).map((target, i) => edge(ids[i]!, 'out', target)),
  };
}

export function nodeOf(graph: TGraph, id: string): TGraphNode {
  const found = graph.nodes.find((n) => n.id === id);
  if (!found) throw new Error(`test graph has no node ${id}`);
  return found;
}

/** Shallow-merges `patch` into the config of node `id` (the graph is modified in place and returned). */
export function patchConfig(graph: TGraph, id: string, patch: Record<string, unknown>): TGraph {
  const target = nodeOf(graph, id);
  target.config = { ...(target.config as Record<string, unknown>), ...patch };
  return graph;
}
