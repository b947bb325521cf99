// The peers the benchmarks compare Trellis against: the least a bare Temporal
// application would do for the same job. Bundled by a bare Worker on its own
// task queue (see bench/environment.ts); activities are imported as types only.
import { condition, defineSignal, proxyActivities, setHandler, sleep } from '@temporalio/workflow';
import type { PeerActivities } from './peer-activities';

export const PEER_FEEDBACK_SIGNAL = defineSignal('feedback');

const { markInterview } = proxyActivities<PeerActivities>({ startToCloseTimeout: '30 seconds' });

/** start-runs peer: a workflow that returns immediately. */
export async function peerTrivial(): Promise<string> {
  return 'done';
}

/** feedback-latency peer: wait for one signal, then one activity that updates a PostgreSQL row. */
export async function peerAwaitFeedback(rowId: string): Promise<void> {
  let isSignalled = false;
  setHandler(PEER_FEEDBACK_SIGNAL, () => void (isSignalled = true));
  await condition(() => isSignalled);
  await markInterview(rowId);
}

/** linear-plan peer: the same ten note activities as the 10-step plan, hand-written, on Trellis's task queue. */
export async function peerLinearNotes(input: { run: unknown; trellisTaskQueue: string; steps: number }): Promise<void> {
  const { addNote } = proxyActivities<{ addNote(i: unknown): Promise<unknown> }>({ startToCloseTimeout: '30 seconds', taskQueue: input.trellisTaskQueue });
  const run = input.run as { workflowId: string };
  for (let i = 1; i <= input.steps; i++) {
    await addNote({ body: 'Step {{candidate.firstName}}', run: input.run, nodeId: `n${i}`, idempotencyKey: `${run.workflowId}/n${i}/1`, vars: {} });
  }
}

/** nurture-loop peer: the same laps (wait, email) hand-written as one run, without continue-as-new. */
export async function peerWeeklyLoop(input: { run: unknown; trellisTaskQueue: string; laps: number }): Promise<void> {
  const { sendEmail } = proxyActivities<{ sendEmail(i: unknown): Promise<unknown> }>({ startToCloseTimeout: '30 seconds', taskQueue: input.trellisTaskQueue });
  const run = input.run as { workflowId: string };
  for (let lap = 1; lap <= input.laps; lap++) {
    await sleep(1000);
    await sendEmail({ subject: 'News from {{org.name}}', body: 'Hi {{candidate.firstName}}', category: 'MARKETING', run: input.run, nodeId: 'digest', idempotencyKey: `${run.workflowId}/digest/${lap}`, vars: {} });
  }
}
