// The peers the benchmarks compare Trellis against: the least a bare Temporal
// application would do for the same job. Bundled by a bare Worker on its own
// task queue (see bench/environment.ts); activities are imported as types only.
import { condition, defineSignal, proxyActivities, setHandler } from '@temporalio/workflow';
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
