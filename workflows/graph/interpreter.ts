// The pure core of every run: (plan, state, event) -> next state. The state's
// `pending` field is the one command the workflow must carry out next (call an
// activity, or wait for a signal / timer); `status: 'completed'` ends the run.
// No I/O, no clock, no randomness: the Temporal workflow and the dry-run
// simulator drive this same function.
import type { NodeContext, NodeEffect, NodeEvent, RunRef, ActivityName } from './node-definition';
import type { Plan, PlanNode, TRetryPolicy } from './plan';
import { findNodeDefinition } from './registry';
import { OPERATOR_EXIT_EVENT } from '../constants';

export interface RunStep {
  seq: number;
  nodeId: string;
  nodeType: string;
  /** The port the run left by; absent for the node that ended the run. */
  port?: string;
  at: number;
}

export type Pending =
  | { kind: 'activity'; nodeId: string; activity: ActivityName; input: Record<string, unknown>; retry?: TRetryPolicy; timeoutMs?: number }
  | { kind: 'wait'; nodeId: string; signals: string[]; match?: Record<string, string>; timeoutMs?: number; deadlineAt?: number };

export interface RunState {
  /** 'exited': ended early by a graph-level exit event (see Plan.exitOn). */
  status: 'running' | 'completed' | 'exited';
  run: RunRef;
  cursor: string | null;
  memo: unknown;
  visits: Record<string, number>;
  vars: Record<string, unknown>;
  steps: RunStep[];
  pending: Pending | null;
}

/** Longest chain of pure nodes followed in one step: a guard against malformed plans. */
const MAX_HOPS = 10_000;

export function startRun(plan: Plan, run: RunRef, now: number, vars: Record<string, unknown> = {}): RunState {
  const state: RunState = { status: 'running', run, cursor: null, memo: undefined, visits: {}, vars, steps: [], pending: null };
  return enter(plan, state, plan.triggerNodeId, now);
}

/** Feeds one event (activity result, signal, timeout) to the node the run is parked at. */
export function advanceRun(plan: Plan, prev: RunState, event: NodeEvent, now: number): RunState {
  if (prev.status !== 'running' || !prev.cursor || !prev.pending) throw new Error('run is not waiting for anything');
  const state = clone(prev);
  const node = planNode(plan, state.cursor!);
  const def = definitionOf(node);
  if (!def.resume) throw new Error(`node type ${node.type} cannot resume`);
  return apply(plan, state, node, def.resume(context(node, state, now), event), now);
}

/** Is this event one of the plan's exit conditions, or an operator's exit (which every plan obeys)? */
export function isExitEvent(plan: Plan, name: string): boolean {
  return name === OPERATOR_EXIT_EVENT || !!plan.exitOn?.includes(name);
}

/** Ends the run where it is, recording the exit event as the port it left by. */
export function exitRun(plan: Plan, prev: RunState, event: string, now: number): RunState {
  if (prev.status !== 'running') return prev;
  const state = clone(prev);
  const node = state.cursor ? plan.nodes[state.cursor] : undefined;
  state.steps.push({ seq: state.steps.length + 1, nodeId: state.cursor ?? '', nodeType: node?.type ?? '', port: `exit:${event}`, at: now });
  state.status = 'exited';
  state.pending = null;
  return state;
}

/** Does a received signal satisfy what the run is waiting for? */
export function signalMatches(pending: Pending | null, name: string, payload: Record<string, unknown>): boolean {
  if (!pending || pending.kind !== 'wait' || !pending.signals.includes(name)) return false;
  return Object.entries(pending.match ?? {}).every(([k, v]) => payload[k] === v);
}

function enter(plan: Plan, state: RunState, nodeId: string, now: number): RunState {
  const node = planNode(plan, nodeId);
  state.cursor = nodeId;
  state.memo = undefined;
  state.visits[nodeId] = (state.visits[nodeId] ?? 0) + 1;
  return apply(plan, state, node, definitionOf(node).start(context(node, state, now)), now);
}

function apply(plan: Plan, state: RunState, node: PlanNode, effect: NodeEffect, now: number): RunState {
  for (let hops = 0; hops < MAX_HOPS; hops++) {
    switch (effect.kind) {
      case 'activity':
        state.memo = effect.memo ?? state.memo;
        state.pending = { kind: 'activity', nodeId: node.id, activity: effect.activity, input: effect.input, retry: node.retry, timeoutMs: node.timeoutMs };
        return state;
      case 'wait':
        state.memo = effect.memo ?? state.memo;
        state.pending = {
          kind: 'wait', nodeId: node.id, signals: effect.signals, match: effect.match, timeoutMs: effect.timeoutMs,
          deadlineAt: effect.timeoutMs === undefined ? undefined : now + effect.timeoutMs,
        };
        return state;
      case 'end':
        state.steps.push({ seq: state.steps.length + 1, nodeId: node.id, nodeType: node.type, at: now });
        state.pending = null;
        state.status = 'completed';
        return state;
      case 'next': {
        state.steps.push({ seq: state.steps.length + 1, nodeId: node.id, nodeType: node.type, port: effect.port, at: now });
        if (effect.vars) state.vars = { ...state.vars, ...effect.vars };
        const target = node.next[effect.port];
        if (!target) throw new Error(`node ${node.id} left by port "${effect.port}", which leads nowhere`);
        node = planNode(plan, target);
        state.cursor = target;
        state.memo = undefined;
        state.pending = null;
        state.visits[target] = (state.visits[target] ?? 0) + 1;
        effect = definitionOf(node).start(context(node, state, now));
      }
    }
  }
  throw new Error(`more than ${MAX_HOPS} nodes without an activity or wait`);
}

function context(node: PlanNode, state: RunState, now: number): NodeContext<any> {
  const visit = state.visits[node.id] ?? 1;
  return {
    nodeId: node.id,
    config: node.config,
    run: state.run,
    vars: state.vars,
    visit,
    visits: state.visits,
    idempotencyKey: `${state.run.workflowId}/${node.id}/${visit}`,
    memo: state.memo,
    retry: node.retry,
    now,
  };
}

function planNode(plan: Plan, id: string): PlanNode {
  const node = plan.nodes[id];
  if (!node) throw new Error(`plan has no node ${id}`);
  return node;
}

function definitionOf(node: PlanNode) {
  const def = findNodeDefinition(node.type, node.typeVersion);
  if (!def) throw new Error(`unknown node type ${node.type}@${node.typeVersion}`);
  return def;
}

function clone(state: RunState): RunState {
  return { ...state, visits: { ...state.visits }, vars: { ...state.vars }, steps: [...state.steps] };
}
