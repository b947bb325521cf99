// Negative control for the replay test: the interpreter workflow as it would be
// after an incompatible change (the task is created before the email is sent).
// Replaying recorded histories against it must fail with a determinism error.
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/create-activities';
import type { PipelineRunInput } from '../../workflows/pipeline-run';

const acts = proxyActivities<Activities>({ startToCloseTimeout: '30 seconds' });

export async function pipelineRun(input: PipelineRunInput): Promise<void> {
  await acts.createTask({ run: input.run, nodeId: 'screen', idempotencyKey: 'x', kind: 'FEEDBACK', title: 'x', assignee: {} });
  await acts.sendEmail({ run: input.run, nodeId: 'acknowledge', idempotencyKey: 'y', subject: 's', body: 'b', category: 'TRANSACTIONAL' });
}
