// Moving in-flight runs to a newer version of their pipeline. A run can move
// only at a safe point: parked in a wait. It continues at a node of the same
// type and version in the new plan (same id, or mapped by the operator),
// keeping its wait (task ids, deadline), so nothing already done is redone.
import type { Plan } from './plan';
import type { RunState } from './interpreter';

export type Verdict = 'automatic' | 'needs_mapping' | 'blocked';

export interface NodeCompatibility {
  nodeId: string;
  verdict: Verdict;
  target?: string;
  reason: string;
}

/** Where a run parked at `nodeId` of `from` would continue in `to`. */
export function compatibilityOf(from: Plan, to: Plan, nodeId: string, mapping: Record<string, string> = {}): NodeCompatibility {
  const source = from.nodes[nodeId];
  if (!source) return { nodeId, verdict: 'blocked', reason: `node ${nodeId} is not in the current version` };
  const targetId = mapping[nodeId] ?? nodeId;
  const target = to.nodes[targetId];
  if (!target) {
    return mapping[nodeId]
      ? { nodeId, verdict: 'blocked', reason: `mapped node ${targetId} is not in the new version` }
      : { nodeId, verdict: 'needs_mapping', reason: `the new version has no node ${nodeId}: map it to a node of type ${source.type}` };
  }
  if (target.type !== source.type || target.typeVersion !== source.typeVersion) {
    return { nodeId, verdict: 'blocked', reason: `${targetId} is a ${target.type}@${target.typeVersion}, the run waits in a ${source.type}@${source.typeVersion}` };
  }
  return { nodeId, verdict: 'automatic', target: targetId, reason: mapping[nodeId] ? `mapped to ${targetId}` : 'same node in the new version' };
}

/** The run's state on the new plan, or an error message when it cannot move now. */
export function migrateState(from: Plan, to: Plan, state: RunState, mapping: Record<string, string>): RunState | string {
  if (state.status !== 'running' || !state.cursor || state.pending?.kind !== 'wait') return 'the run is not parked in a wait (not at a safe point)';
  const c = compatibilityOf(from, to, state.cursor, mapping);
  if (c.verdict !== 'automatic') return c.reason;
  const target = c.target!;
  const visits = { ...state.visits, [target]: state.visits[state.cursor] ?? 1 };
  return { ...state, cursor: target, visits, pending: { ...state.pending, nodeId: target } };
}
