// The one interpreter workflow: a thin deterministic loop around the pure
// interpreter (workflows/graph/interpreter.ts). It carries out the run's pending
// command (an activity, or a wait for a signal or timer) and feeds the outcome
// back. Activities are imported as types only.
import { condition, defineQuery, defineSignal, proxyActivities, setHandler, type ActivityOptions } from '@temporalio/workflow';
import type { Activities } from '../activities/create-activities';
import type { Plan } from './graph/plan';
import type { RunRef } from './graph/node-definition';
import { advanceRun, signalMatches, startRun, type Pending, type RunState } from './graph/interpreter';
import { EVENT_SIGNAL, STATE_QUERY } from './constants';

export interface PipelineRunInput {
  plan: Plan;
  run: RunRef;
  pipelineVersionId: string;
  /** Snapshot of data conditions can read (candidate tags, source, application utm...): no personal contact data. */
  vars?: Record<string, unknown>;
}

export interface RunEvent {
  name: string;
  payload: Record<string, unknown>;
}

export const eventSignal = defineSignal<[RunEvent]>(EVENT_SIGNAL);
export const stateQuery = defineQuery<RunState>(STATE_QUERY);

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

const { recordRunFinished } = proxyActivities<Activities>(DEFAULT_ACTIVITY_OPTIONS);

export async function pipelineRun(input: PipelineRunInput): Promise<{ status: 'completed'; steps: number }> {
  const { plan } = input;
  const received: RunEvent[] = [];
  let state = startRun(plan, input.run, Date.now(), input.vars ?? {});
  setHandler(eventSignal, (event) => void received.push(event));
  setHandler(stateQuery, () => state);

  while (state.status === 'running') {
    const pending = state.pending!;
    if (pending.kind === 'activity') {
      const call = activitiesFor(pending)[pending.activity] as (input: unknown) => Promise<unknown>;
      const result = await call(pending.input);
      state = advanceRun(plan, state, { type: 'activity.completed', result }, Date.now());
      continue;
    }
    const matching = () => received.findIndex((e) => signalMatches(pending, e.name, e.payload));
    const isSignalled = pending.timeoutMs === undefined ? await condition(() => matching() >= 0).then(() => true) : await condition(() => matching() >= 0, pending.timeoutMs);
    if (isSignalled) {
      const [event] = received.splice(matching(), 1);
      state = advanceRun(plan, state, { type: 'signal', name: event!.name, payload: event!.payload }, Date.now());
    } else {
      state = advanceRun(plan, state, { type: 'timeout' }, Date.now());
    }
  }

  await recordRunFinished({ runId: input.run.runId, steps: state.steps });
  return { status: 'completed', steps: state.steps.length };
}
