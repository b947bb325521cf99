// Where one feedback sample's time went, read from the workflow's own history
// (event times are the server's clock, on the same machine as the benchmark):
// submit -> signal recorded, signal -> workflow task done (the workflow reacted),
// and the stage activity from scheduled to completed.
import type { Client } from '@temporalio/client';

type HistoryEvent = NonNullable<Awaited<ReturnType<ReturnType<Client['workflow']['getHandle']>['fetchHistory']>>['events']>[number];

export interface SampleBreakdown {
  submitToSignalMs: number;
  signalToDecisionMs: number;
  stageActivityMs: number;
}

const eventMs = (e: HistoryEvent) => Number(e.eventTime?.seconds?.toString() ?? 0) * 1000 + (e.eventTime?.nanos ?? 0) / 1e6;

/** submittedAtMs: Date.now() when the submission (HTTP request or signal call) began. */
export async function breakdownSample(client: Client, workflowId: string, submittedAtMs: number): Promise<SampleBreakdown> {
  const events = (await client.workflow.getHandle(workflowId).fetchHistory()).events ?? [];
  const signalAt = events.findIndex((e) => e.workflowExecutionSignaledEventAttributes);
  const after = events.slice(signalAt);
  const first = (has: (e: HistoryEvent) => unknown) => {
    const e = after.find((x) => has(x));
    if (!e) throw new Error(`workflow ${workflowId}: expected event missing after the signal`);
    return eventMs(e);
  };
  const signalMs = first((e) => e.workflowExecutionSignaledEventAttributes);
  return {
    submitToSignalMs: signalMs - submittedAtMs,
    signalToDecisionMs: first((e) => e.workflowTaskCompletedEventAttributes) - signalMs,
    stageActivityMs: first((e) => e.activityTaskCompletedEventAttributes) - first((e) => e.activityTaskScheduledEventAttributes),
  };
}
