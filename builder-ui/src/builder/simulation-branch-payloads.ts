// Which event data sends a run down each port of the branches right after a
// wait: the simulation presets offer "score 4 -> advance" and "score 2 ->
// decline" instead of one payload that always takes the same path. Pure: the
// candidate values come from the branch conditions themselves and each one is
// checked with the same evaluator the interpreter uses.
import { evaluateCondition, type TCondition } from '../../../workflows/graph/conditions';
import { ZBranchConfig, type TBranchConfig } from '../../../workflows/graph/nodes/logic-branch';
import { findNodeDefinition } from '../../../workflows/graph/registry';
import type { TGraph, TGraphNode } from '../../../workflows/graph/schema';

export interface BranchAfterWait {
  node: TGraphNode;
  config: TBranchConfig;
}

/** Field values (paths under the wait's variable, e.g. "score") that select one port of a branch. */
export interface PortWitness {
  port: string;
  fields: Record<string, unknown>;
}

/** Enough combinations for a few fields with a few conditions each; the search stays instant. */
const MAX_COMBINATIONS = 512;

/** Branch nodes a run reaches after leaving `nodeId` by `port`, before it waits again. */
export function branchesAfter(graph: TGraph, nodeId: string, port: string): BranchAfterWait[] {
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const found: BranchAfterWait[] = [];
  const seen = new Set<string>();
  const queue = graph.edges.filter((e) => e.source === nodeId && e.sourcePort === port).map((e) => e.target);
  while (queue.length && seen.size < 200) {
    const id = queue.shift()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const node = nodes.get(id);
    const def = node && findNodeDefinition(node.type, node.typeVersion);
    // A later wait brings its own data: branches behind it are that wait's business.
    if (!node || !def || def.isDurableWait || def.isTrigger) continue;
    if (node.type === 'logic.branch') {
      const parsed = ZBranchConfig.safeParse(node.config);
      if (parsed.success) found.push({ node, config: parsed.data });
    }
    for (const e of graph.edges) if (e.source === id) queue.push(e.target);
  }
  return found;
}

/** The port a branch picks for these run variables, exactly as the node does. */
export function pickPort(config: TBranchConfig, vars: Record<string, unknown>): string {
  const rule = config.rules.find((r) => r.when.every((c) => evaluateCondition(c, vars)));
  return rule ? rule.port : config.otherwise;
}

/**
 * For each port of the branch that data under `namespace` can select: the first
 * field values that select it. `toVars` turns field values into run variables
 * the way the wait node does (a feedback payload becomes `feedback`, a panel's
 * scorecards become their average...).
 */
export function witnessesPerPort(
  config: TBranchConfig,
  namespace: string,
  defaults: Record<string, unknown>,
  toVars: (fields: Record<string, unknown>) => Record<string, unknown>,
): PortWitness[] {
  const prefix = `${namespace}.`;
  const byField = new Map<string, TCondition[]>();
  for (const rule of config.rules) {
    for (const c of rule.when) if (c.field.startsWith(prefix)) byField.set(c.field.slice(prefix.length), [...(byField.get(c.field.slice(prefix.length)) ?? []), c]);
  }
  if (!byField.size) return [];
  const fields = [...byField.keys()];
  const options = fields.map((f) => candidateValues(byField.get(f)!, readPath(defaults, f)));
  const found = new Map<string, Record<string, unknown>>();
  const total = options.reduce((n, o) => n * o.length, 1);
  for (let i = 0; i < Math.min(total, MAX_COMBINATIONS) && found.size < config.rules.length + 1; i++) {
    let rest = i;
    let values = structuredClone(defaults);
    fields.forEach((field, k) => {
      const choices = options[k]!;
      values = writePath(values, field, choices[rest % choices.length]);
      rest = Math.floor(rest / choices.length);
    });
    const port = pickPort(config, toVars(values));
    if (!found.has(port)) found.set(port, values);
  }
  const order = [...config.rules.map((r) => r.port), config.otherwise];
  return order.filter((p) => found.has(p)).map((port) => ({ port, fields: found.get(port)! }));
}

/** Values that make each condition on one field hold, and values just outside; the default first. */
function candidateValues(conditions: TCondition[], current: unknown): unknown[] {
  const values: unknown[] = current === undefined ? [] : [current];
  for (const c of conditions) {
    const v = c.value;
    switch (c.op) {
      case 'exists': values.push(current ?? 'yes'); break;
      case 'eq': values.push(v, other(v)); break;
      case 'neq': values.push(other(v), v); break;
      case 'gt': if (typeof v === 'number') values.push(v + 1, v); break;
      case 'gte': if (typeof v === 'number') values.push(v, v - 1); break;
      case 'lt': if (typeof v === 'number') values.push(v - 1, v); break;
      case 'lte': if (typeof v === 'number') values.push(v, v + 1); break;
      case 'in': if (Array.isArray(v) && v.length) values.push(v[0], other(v[0])); break;
      case 'contains': values.push(typeof v === 'string' ? v : [v], typeof v === 'string' ? '' : []); break;
    }
  }
  values.push(undefined);
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = v === undefined ? 'undefined' : JSON.stringify(v);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function other(v: unknown): unknown {
  if (typeof v === 'number') return v + 1;
  if (typeof v === 'boolean') return !v;
  return `not ${String(v)}`;
}

export function readPath(obj: Record<string, unknown>, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function writePath(obj: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const [head, ...rest] = path.split('.');
  const copy = { ...obj };
  if (!rest.length) {
    if (value === undefined) delete copy[head!];
    else copy[head!] = value;
    return copy;
  }
  const inner = copy[head!];
  copy[head!] = writePath(inner && typeof inner === 'object' && !Array.isArray(inner) ? (inner as Record<string, unknown>) : {}, rest.join('.'), value);
  return copy;
}
