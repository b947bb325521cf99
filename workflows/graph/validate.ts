// Graph validation: the same code runs live in the builder and at publish.
// Returns every issue found, each located by node/edge id and JSON pointer.
import type { z } from 'zod';
import { ZGraph, edgeId, LIMITS, type TGraph } from './schema';
import { findNodeDefinition, latestVersionOf } from './registry';
import type { NodeDefinition } from './node-definition';
import type { GraphIssue } from './plan';
import { CONTEXT_VARIABLES, RUN_SNAPSHOT_VARIABLES, isVariableAvailable, templateVariables } from './template-variables';

export interface ValidateOptions {
  /** Stage keys of the job this pipeline runs for: move-to-stage targets must be among them. */
  stageKeys?: readonly string[];
}

export interface ValidationResult {
  graph?: TGraph;
  /** Parsed config per node id (defaults applied), for nodes whose config is valid. */
  configs: Map<string, unknown>;
  issues: GraphIssue[];
}

const pointer = (path: readonly PropertyKey[]) => path.map((p) => '/' + String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('');

function zodIssues(err: z.ZodError, prefix: readonly PropertyKey[], code: string, nodeId?: string): GraphIssue[] {
  return err.issues.map((i) => ({ code, message: i.message, path: pointer([...prefix, ...i.path]), nodeId }));
}

export function validateGraph(input: unknown, opts: ValidateOptions = {}): ValidationResult {
  const parsed = ZGraph.safeParse(input);
  const configs = new Map<string, unknown>();
  if (!parsed.success) return { configs, issues: zodIssues(parsed.error, [], 'schema') };
  const graph = parsed.data;
  const issues: GraphIssue[] = [];
  const defs = new Map<string, NodeDefinition<any>>();
  const ports = new Map<string, readonly string[]>();

  graph.nodes.forEach((node, i) => {
    const at = ['nodes', i];
    if (defs.has(node.id) || ports.has(node.id)) {
      issues.push({ code: 'duplicate_node_id', message: `node id "${node.id}" is used twice`, path: pointer([...at, 'id']), nodeId: node.id });
      return;
    }
    const def = findNodeDefinition(node.type, node.typeVersion);
    if (!def) {
      const latest = latestVersionOf(node.type);
      const message = latest === undefined ? `unknown node type "${node.type}"` : `node type "${node.type}" has no version ${node.typeVersion} (latest is ${latest})`;
      issues.push({ code: 'unknown_node_type', message, path: pointer([...at, latest === undefined ? 'type' : 'typeVersion']), nodeId: node.id });
      ports.set(node.id, []);
      return;
    }
    defs.set(node.id, def);
    if (JSON.stringify(node.config ?? {}).length > LIMITS.maxConfigBytes) {
      issues.push({ code: 'config_too_large', message: `config is larger than ${LIMITS.maxConfigBytes} bytes`, path: pointer([...at, 'config']), nodeId: node.id });
    }
    const config = def.config.safeParse(node.config ?? {});
    if (!config.success) {
      issues.push(...zodIssues(config.error, [...at, 'config'], 'invalid_config', node.id));
      ports.set(node.id, []);
      return;
    }
    configs.set(node.id, config.data);
    ports.set(node.id, def.ports(config.data));
  });

  const triggers = graph.nodes.filter((n) => defs.get(n.id)?.isTrigger);
  if (triggers.length !== 1) {
    issues.push({ code: 'trigger_count', message: `a graph needs exactly one trigger, found ${triggers.length}`, path: '/nodes', nodeId: triggers[1]?.id });
  }

  // Edges: endpoints exist, ports exist, each port wired once, nothing enters the trigger.
  const next = new Map<string, Map<string, string>>();
  graph.edges.forEach((edge, i) => {
    const at = ['edges', i];
    const id = edgeId(edge);
    if (!ports.has(edge.source)) return void issues.push({ code: 'unknown_node', message: `edge source "${edge.source}" is not a node`, path: pointer([...at, 'source']), edgeId: id });
    if (!ports.has(edge.target)) return void issues.push({ code: 'unknown_node', message: `edge target "${edge.target}" is not a node`, path: pointer([...at, 'target']), edgeId: id });
    if (defs.get(edge.target)?.isTrigger) issues.push({ code: 'edge_into_trigger', message: 'nothing may lead into the trigger', path: pointer([...at, 'target']), edgeId: id });
    const sourcePorts = ports.get(edge.source)!;
    if (defs.has(edge.source) && configs.has(edge.source) && !sourcePorts.includes(edge.sourcePort)) {
      const known = sourcePorts.length ? `its ports are ${sourcePorts.join(', ')}` : 'it has no output ports';
      return void issues.push({ code: 'unknown_port', message: `node "${edge.source}" has no port "${edge.sourcePort}": ${known}`, path: pointer([...at, 'sourcePort']), edgeId: id, nodeId: edge.source });
    }
    const out = next.get(edge.source) ?? new Map<string, string>();
    if (out.has(edge.sourcePort)) {
      return void issues.push({ code: 'port_wired_twice', message: `port "${edge.sourcePort}" of "${edge.source}" has more than one edge`, path: pointer([...at, 'sourcePort']), edgeId: id, nodeId: edge.source });
    }
    out.set(edge.sourcePort, edge.target);
    next.set(edge.source, out);
  });

  graph.nodes.forEach((node, i) => {
    if (!configs.has(node.id)) return;
    for (const port of ports.get(node.id) ?? []) {
      if (!next.get(node.id)?.has(port)) {
        issues.push({ code: 'port_unwired', message: `port "${port}" of "${node.label ?? node.id}" leads nowhere: connect it (use an End node to finish)`, path: pointer(['nodes', i]), nodeId: node.id });
      }
    }
  });

  const trigger = triggers[0];
  if (trigger) {
    checkReachability(graph, trigger.id, next, issues);
    checkCycles(graph, next, defs, configs, issues);
    checkTemplates(graph, trigger.id, next, defs, configs, issues);
  }
  if (opts.stageKeys) checkStages(graph, configs, opts.stageKeys, issues);
  return { graph, configs, issues };
}

function checkReachability(graph: TGraph, triggerId: string, next: Map<string, Map<string, string>>, issues: GraphIssue[]) {
  const seen = new Set([triggerId]);
  const queue = [triggerId];
  while (queue.length) for (const t of next.get(queue.shift()!)?.values() ?? []) if (!seen.has(t)) (seen.add(t), queue.push(t));
  graph.nodes.forEach((n, i) => {
    if (!seen.has(n.id)) issues.push({ code: 'unreachable', message: `"${n.label ?? n.id}" cannot be reached from the trigger`, path: pointer(['nodes', i]), nodeId: n.id });
  });
}

/** Strongly connected components with more than one node or a self-edge: the loops (Tarjan's algorithm). */
function findLoops(ids: readonly string[], successors: (id: string) => string[]): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const loops: string[][] = [];
  let counter = 0;
  const strongConnect = (id: string) => {
    index.set(id, counter);
    low.set(id, counter++);
    stack.push(id);
    onStack.add(id);
    for (const t of successors(id)) {
      if (!index.has(t)) {
        strongConnect(t);
        low.set(id, Math.min(low.get(id)!, low.get(t)!));
      } else if (onStack.has(t)) low.set(id, Math.min(low.get(id)!, index.get(t)!));
    }
    if (low.get(id) !== index.get(id)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== id);
    if (component.length > 1 || successors(id).includes(id)) loops.push(ids.filter((n) => component.includes(n)));
  };
  for (const id of ids) if (!index.has(id)) strongConnect(id);
  return loops;
}

/**
 * Every loop must pass through a durable wait (or it would spin without end),
 * and must be bounded: a branch inside it that reads a loop counter
 * (visits.<nodeId>), so no run circles forever.
 */
function checkCycles(graph: TGraph, next: Map<string, Map<string, string>>, defs: Map<string, NodeDefinition<any>>, configs: Map<string, unknown>, issues: GraphIssue[]) {
  const ids = graph.nodes.map((n) => n.id);
  const isWait = (id: string) => !!defs.get(id)?.isDurableWait;
  const all = (id: string) => [...(next.get(id)?.values() ?? [])];
  for (const loop of findLoops(ids.filter((id) => !isWait(id)), (id) => all(id).filter((t) => !isWait(t)))) {
    issues.push({ code: 'cycle_without_wait', message: `loop through ${loop.join(', ')} has no durable wait (add a wait or feedback step inside it)`, path: '/edges', nodeId: loop[0] });
  }
  const readsCounter = (id: string) =>
    defs.get(id)?.type === 'logic.branch' &&
    ((configs.get(id) as { rules?: { when: { field: string }[] }[] } | undefined)?.rules ?? []).some((r) => r.when.some((c) => c.field.startsWith('visits.')));
  for (const loop of findLoops(ids, all)) {
    if (loop.some(isWait) && !loop.some(readsCounter)) {
      issues.push({ code: 'loop_without_bound', message: `loop through ${loop.join(', ')} has no iteration bound: add a branch on visits.<nodeId> (e.g. visits.${loop.find(isWait) ?? loop[0]} gte 52) that leaves the loop`, path: '/edges', nodeId: loop[0] });
    }
  }
}

/** Variables every run has at its trigger: the context loaded at send time and the run's starting snapshot. */
const baseVariables = () => new Set<string>([...CONTEXT_VARIABLES, ...RUN_SNAPSHOT_VARIABLES]);

/**
 * Forward data flow from the trigger: the variables available at each node it
 * reaches, i.e. those that every path into the node provides. `next` is
 * node id -> port -> target id; `defs` supplies what each port provides.
 */
export function flowVariables(triggerId: string, next: ReadonlyMap<string, ReadonlyMap<string, string>>, defs: ReadonlyMap<string, NodeDefinition<any>>): Map<string, Set<string>> {
  const incoming = new Map<string, Set<string>>();
  const queue = [triggerId];
  incoming.set(triggerId, baseVariables());
  for (let guard = 0; queue.length && guard < 100_000; guard++) {
    const id = queue.shift()!;
    const here = incoming.get(id)!;
    for (const [port, target] of next.get(id) ?? []) {
      const out = new Set([...here, ...(defs.get(id)?.provides?.(port) ?? [])]);
      const prev = incoming.get(target);
      const merged = prev ? new Set([...prev].filter((v) => out.has(v))) : out;
      if (!prev || merged.size !== prev.size) (incoming.set(target, merged), queue.push(target));
    }
  }
  return incoming;
}

/**
 * The variables a template or condition may use at each node of a graph being
 * edited (the builder's autocomplete): the same flow as validation, over known
 * node types and the first edge of each port. Nodes the trigger does not reach
 * get the variables every run has.
 */
export function availableVariablesByNode(graph: Pick<TGraph, 'nodes' | 'edges'>): Map<string, Set<string>> {
  const defs = new Map<string, NodeDefinition<any>>();
  for (const node of graph.nodes) {
    const def = findNodeDefinition(node.type, node.typeVersion);
    if (def && !defs.has(node.id)) defs.set(node.id, def);
  }
  const ids = new Set(graph.nodes.map((n) => n.id));
  const next = new Map<string, Map<string, string>>();
  for (const edge of graph.edges) {
    if (!ids.has(edge.source) || !ids.has(edge.target)) continue;
    const out = next.get(edge.source) ?? new Map<string, string>();
    if (!out.has(edge.sourcePort)) out.set(edge.sourcePort, edge.target);
    next.set(edge.source, out);
  }
  const trigger = graph.nodes.find((n) => defs.get(n.id)?.isTrigger);
  const flow = trigger ? flowVariables(trigger.id, next, defs) : new Map<string, Set<string>>();
  for (const id of ids) if (!flow.has(id)) flow.set(id, baseVariables());
  return flow;
}

/** A variable is available at a node only if every path into it provides it. */
function checkTemplates(
  graph: TGraph, triggerId: string, next: Map<string, Map<string, string>>,
  defs: Map<string, NodeDefinition<any>>, configs: Map<string, unknown>, issues: GraphIssue[],
) {
  const base = baseVariables();
  const incoming = flowVariables(triggerId, next, defs);
  graph.nodes.forEach((node, i) => {
    const def = defs.get(node.id);
    const config = configs.get(node.id) as Record<string, unknown> | undefined;
    if (!def || !config) return;
    // What a node reads must be what the ports leading into it carry, on every path.
    for (const field of def.reads?.(config) ?? []) {
      if (!isVariableAvailable(field, incoming.get(node.id) ?? base)) {
        issues.push({ code: 'unknown_field', message: `reads ${field}, which is not provided on every path into this node`, path: pointer(['nodes', i, 'config']), nodeId: node.id });
      }
    }
    if (!def.templateFields) return;
    for (const field of def.templateFields) {
      const text = config[field];
      if (typeof text !== 'string') continue;
      const path = pointer(['nodes', i, 'config', field]);
      let used: string[];
      try {
        used = templateVariables(text);
      } catch (err) {
        issues.push({ code: 'template_syntax', message: `template error: ${(err as Error).message.split('\n')[0]}`, path, nodeId: node.id });
        continue;
      }
      const available = incoming.get(node.id) ?? base;
      for (const v of used) {
        if (!isVariableAvailable(v, available)) {
          issues.push({ code: 'unknown_variable', message: `{{${v}}} is not available on every path into this node`, path, nodeId: node.id });
        }
      }
    }
  });
}

/** Node types whose config.stage names a stage of the job. */
const STAGE_NODE_TYPES = new Set(['action.move_to_stage', 'action.reject', 'action.hire', 'trigger.stage_entered']);

function checkStages(graph: TGraph, configs: Map<string, unknown>, stageKeys: readonly string[], issues: GraphIssue[]) {
  graph.nodes.forEach((node, i) => {
    const stage = (configs.get(node.id) as { stage?: unknown } | undefined)?.stage;
    if (STAGE_NODE_TYPES.has(node.type) && typeof stage === 'string' && !stageKeys.includes(stage)) {
      issues.push({ code: 'unknown_stage', message: `stage "${stage}" is not in the job's pipeline (${stageKeys.join(', ')})`, path: pointer(['nodes', i, 'config', 'stage']), nodeId: node.id });
    }
  });
}
