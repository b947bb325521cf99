// The one interpreter workflow: a thin deterministic loop around the pure
// interpreter (workflows/graph/interpreter.ts). It carries out the run's pending
// command (an activity, or a wait for a signal or timer) and feeds the outcome
// back. Around that loop: graph-level exit events end the run wherever it
// waits; an operator's migration moves a parked run to a newer version; and
// long runs continue as new at a wait, so their history stays small. The Run
// row names the node the run is parked at (the builder's live overlay reads it).
// Activities are imported as types only.
import {
  condition, continueAsNew, defineQuery, defineSignal, defineUpdate, patched, proxyActivities, proxyLocalActivities, setHandler, workflowInfo,
  type ActivityOptions,
} from '@temporalio/workflow';
import type { Activities } from '../activities/create-activities';
import type { Plan } from './graph/plan';
import type { RunRef } from './graph/node-definition';
import { advanceRun, exitRun, isExitEvent, signalMatches, startRun, type Pending, type RunState } from './graph/interpreter';
import { migrateState } from './graph/migration';
import { EVENT_SIGNAL, MIGRATE_UPDATE, STATE_QUERY } from './constants';

export interface PipelineRunInput {
  plan: Plan;
  run: RunRef;
  pipelineVersionId: string;
  /** Snapshot of data conditions can read (candidate tags, source, application utm...): no personal contact data. */
  vars?: Record<string, unknown>;
  /** Set when the run continues as new: where it was, and events not yet consumed. */
  resume?: { state: RunState; received: RunEvent[] };
}

export interface RunEvent {
  name: string;
  payload: Record<string, unknown>;
}

export interface MigrateRequest {
  plan: Plan;
  pipelineVersionId: string;
  /** Node of the current plan -> node of the new plan, for nodes whose id changed. */
  mapping: Record<string, string>;
}

export const eventSignal = defineSignal<[RunEvent]>(EVENT_SIGNAL);
export const stateQuery = defineQuery<RunState>(STATE_QUERY);
export const migrateUpdate = defineUpdate<{ nodeId: string; pipelineVersionId: string }, [MigrateRequest]>(MIGRATE_UPDATE);

/** Continue as new past this many history events even if Temporal does not suggest it yet. */
const HISTORY_EVENTS_LIMIT = 2000;
const KEPT_STEPS = 500;
const KEPT_EVENTS = 50;

const DEFAULT_ACTIVITY_OPTIONS: ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 20 },
};

const proxies = new Map<string, Activities>();
function activitiesFor(p: Extract<Pending, { kind: 'activity' }>): Activities {
  const key = JSON.stringify([p.retry ?? null, p.timeoutMs ?? null]);
  let acts = proxies.get(key);
  if (!acts) {
    acts = proxyActivities<Activities>({
      ...DEFAULT_ACTIVITY_OPTIONS,
      ...(p.timeoutMs ? { startToCloseTimeout: p.timeoutMs } : {}),
      retry: {
        ...DEFAULT_ACTIVITY_OPTIONS.retry,
        ...(p.retry?.maximumAttempts ? { maximumAttempts: p.retry.maximumAttempts } : {}),
        ...(p.retry?.initialIntervalMs ? { initialInterval: p.retry.initialIntervalMs } : {}),
        ...(p.retry?.backoffCoefficient ? { backoffCoefficient: p.retry.backoffCoefficient } : {}),
      },
    });
    proxies.set(key, acts);
  }
  return acts;
}

const { recordRunFinished, recordRunMigrated } = proxyActivities<Activities>(DEFAULT_ACTIVITY_OPTIONS);
// A local activity: one marker in the history instead of three events and a task queue round trip.
const { recordRunParked } = proxyLocalActivities<Activities>({ startToCloseTimeout: '10 seconds', retry: DEFAULT_ACTIVITY_OPTIONS.retry });

/**
 * Runs recorded before this patch did not record the node of a wait that is its
 * node's first command; their histories replay without the command.
 */
const RECORD_PARKED_NODE_PATCH = 'record-parked-node';

export async function pipelineRun(input: PipelineRunInput): Promise<{ status: RunState['status']; steps: number }> {
  let plan = input.plan;
  let pipelineVersionId = input.pipelineVersionId;
  const received: RunEvent[] = [...(input.resume?.received ?? [])];
  let state = input.resume?.state ?? startRun(plan, input.run, Date.now(), input.vars ?? {});
  let migration: { request: MigrateRequest; next: RunState } | null = null;
  const resumedPending = input.resume ? state.pending : null;

  // Each event is numbered on arrival. A wait that matches on ids (a task, an
  // interview) takes its event whenever it came; any other wait takes only
  // events that arrived since the run entered its node, not one left over from
  // an earlier step.
  let arrivals = received.length;
  const seqOf = new WeakMap<RunEvent, number>();
  received.forEach((e, i) => seqOf.set(e, i));
  let entered = { key: '', seq: 0 };
  // The node visit the Run row is known to name. An activity records its node
  // (touchRun), and every wait node that starts with an activity (tasks,
  // approvals, interviews) starts with one that does; so only a wait that is its
  // node's first command needs recording. Empty after a continue-as-new: one
  // cheap write, and right even for a run continued by code older than the patch.
  let recordedKey = '';
  setHandler(eventSignal, (event) => {
    seqOf.set(event, arrivals++);
    received.push(event);
  });
  setHandler(stateQuery, () => state);
  setHandler(
    migrateUpdate,
    (request) => {
      const next = migrateState(plan, request.plan, state, request.mapping) as RunState;
      migration = { request, next };
      return { nodeId: next.cursor!, pipelineVersionId: request.pipelineVersionId };
    },
    {
      validator: (request) => {
        if (migration) throw new Error('a migration is already in progress');
        const next = migrateState(plan, request.plan, state, request.mapping);
        if (typeof next === 'string') throw new Error(next);
      },
    },
  );

  const exitEvent = () => received.find((e) => isExitEvent(plan, e.name));

  while (state.status === 'running') {
    const pending = state.pending!;
    const nodeKey = `${state.cursor}#${state.visits[state.cursor!]}`;
    // The run's first node counts events from the start (one may come with the start itself).
    if (nodeKey !== entered.key) entered = { key: nodeKey, seq: entered.key === '' ? 0 : arrivals };
    if (pending.kind === 'activity') {
      const call = activitiesFor(pending)[pending.activity] as (input: unknown) => Promise<unknown>;
      const result = await call(pending.input);
      recordedKey = nodeKey;
      state = advanceRun(plan, state, { type: 'activity.completed', result }, Date.now());
      continue;
    }

    // A safe point: parked in a wait.
    const early = exitEvent();
    if (early) {
      state = exitRun(plan, state, early.name, Date.now());
      break;
    }
    // Continue as new when a loop comes back to a wait (each lap of a nurture
    // loop is a fresh, small history), or when the history grows long; never
    // again for the wait a run resumed into.
    const info = workflowInfo();
    const isLoopLap = pending !== resumedPending && (state.visits[state.cursor!] ?? 0) > 1;
    if (pending !== resumedPending && (isLoopLap || info.continueAsNewSuggested || info.historyLength > HISTORY_EVENTS_LIMIT)) {
      await continueAsNew<typeof pipelineRun>({
        ...input, plan, pipelineVersionId, resume: { state: { ...state, steps: state.steps.slice(-KEPT_STEPS) }, received: received.slice(-KEPT_EVENTS) },
      });
    }

    if (nodeKey !== recordedKey && patched(RECORD_PARKED_NODE_PATCH)) {
      await recordRunParked({ runId: input.run.runId, nodeId: state.cursor! });
    }
    recordedKey = nodeKey;

    const since = pending.match ? -1 : entered.seq;
    const matching = () => received.findIndex((e) => (seqOf.get(e) ?? 0) >= since && signalMatches(pending, e.name, e.payload));
    const isWoken = () => matching() >= 0 || migration !== null || exitEvent() !== undefined;
    const remainingMs = pending.deadlineAt === undefined ? undefined : Math.max(0, pending.deadlineAt - Date.now());
    const isSignalled = remainingMs === undefined ? await condition(isWoken).then(() => true) : await condition(isWoken, remainingMs);

    if (migration) {
      const { request, next } = migration as { request: MigrateRequest; next: RunState };
      await recordRunMigrated({ runId: input.run.runId, pipelineVersionId: request.pipelineVersionId, nodeId: next.cursor! });
      plan = request.plan;
      pipelineVersionId = request.pipelineVersionId;
      state = next;
      migration = null;
      recordedKey = `${next.cursor}#${next.visits[next.cursor!]}`;
    } else if (exitEvent()) {
      continue;
    } else if (isSignalled) {
      const [event] = received.splice(matching(), 1);
      state = advanceRun(plan, state, { type: 'signal', name: event!.name, payload: event!.payload }, Date.now());
    } else {
      state = advanceRun(plan, state, { type: 'timeout' }, Date.now());
    }
  }

  await recordRunFinished({ runId: input.run.runId, steps: state.steps, status: state.status === 'exited' ? 'EXITED' : 'COMPLETED' });
  return { status: state.status, steps: state.steps.length };
}
