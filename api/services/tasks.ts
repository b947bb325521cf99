// Completing inbox tasks. Feedback: the task completion, the scorecard, the
// audit entry and the signal to the waiting run commit together (the signal as
// an outbox row), then the signal is delivered at once; the outbox poller is
// the fallback. Plain SQL: this is the hot path of every hiring decision.
import crypto from 'node:crypto';
import { z } from 'zod';
import { AppError, notFound } from '../errors';
import type { Services } from './services';
import { withTransaction } from '../platform/db/transaction';
import { EVENT_SIGNAL } from '../../workflows/constants';
import { FEEDBACK_SUBMITTED } from '../../workflows/graph/nodes/people-collect-feedback';
import { DIRECT_DELIVERY_LEASE_SECONDS, type OutboxRow, type SignalWorkflowPayload } from './outbox-dispatcher';
import type { RunEvent } from '../../workflows/pipeline-run';

export const ZFeedbackRequest = z
  .object({
    score: z.number().int().min(1).max(4),
    recommendation: z.enum(['strong_no', 'no', 'yes', 'strong_yes']),
    notes: z.string().max(20_000).optional(),
    attributes: z.record(z.string().max(100), z.number().int().min(1).max(4)).optional(),
  })
  .strict();
export type TFeedbackRequest = z.infer<typeof ZFeedbackRequest>;


interface TaskRow {
  kind: string;
  status: string;
  application_id: string | null;
  assignee_id: string | null;
  assignee_role: string | null;
  run_status: string | null;
  workflow_id: string | null;
}

export async function submitFeedback(services: Services, orgId: string, userId: string, taskId: string, req: TFeedbackRequest) {
  let outbox: OutboxRow | undefined;
  const scorecardId = crypto.randomUUID();
  await withTransaction(services.pool, async (client) => {
    const { rows } = await client.query<TaskRow>(
      `SELECT t.kind, t.status, t."applicationId" AS application_id, t."assigneeId" AS assignee_id, t."assigneeRole" AS assignee_role, r.status AS run_status, r."workflowId" AS workflow_id
         FROM "Task" t LEFT JOIN "Run" r ON r.id = t."runId"
        WHERE t.id = $1 AND t."orgId" = $2
        FOR UPDATE OF t`,
      [taskId, orgId],
    );
    const task = rows[0];
    if (!task) throw notFound('Task', taskId);
    if (task.kind !== 'FEEDBACK') throw new AppError('CONFLICT', `task ${taskId} is a ${task.kind} task, not feedback`, [{ path: 'params.id', message: 'not a feedback task' }]);
    // A scorecard is its author's: one asked of a named person (an interviewer on the panel) is theirs to write.
    // A task given to a role (screening by "a recruiter") went to its least busy member, but is the role's work.
    if (task.assignee_id && !task.assignee_role && task.assignee_id !== userId) {
      throw new AppError('FORBIDDEN', `task ${taskId} asks another person for their scorecard`, [{ path: 'params.id', message: 'assigned to someone else; reassign it to write it yourself', code: 'not_assignee' }]);
    }
    if (task.status !== 'OPEN') throw new AppError('CONFLICT', `task ${taskId} is already ${task.status.toLowerCase()}`, [{ path: 'params.id', message: `task is ${task.status}` }]);
    if (task.run_status && task.run_status !== 'RUNNING') throw new AppError('CONFLICT', `the run for task ${taskId} is ${task.run_status.toLowerCase()}`, [{ path: 'params.id', message: 'run finished' }]);
    if (!task.application_id) throw new AppError('CONFLICT', `task ${taskId} has no application`);

    const event: RunEvent = { name: FEEDBACK_SUBMITTED, payload: { taskId, ...req } };
    const payload: SignalWorkflowPayload | null = task.workflow_id ? { workflowId: task.workflow_id, signal: EVENT_SIGNAL, args: [event] } : null;
    const outboxId = crypto.randomUUID();
    await client.query(
      `WITH done AS (
         UPDATE "Task" SET status = 'COMPLETED', "completedAt" = now(), "completedById" = $3, outcome = $4::jsonb WHERE id = $1),
       card AS (
         INSERT INTO "Scorecard" (id, "orgId", "applicationId", "taskId", "interviewerId", score, recommendation, notes, attributes)
         VALUES ($5, $2, $6, $1, $3, $7, $8, $9, $10::jsonb)),
       audit AS (
         INSERT INTO "AuditEvent" (id, "orgId", "actorType", "actorId", action, "entityType", "entityId", after)
         VALUES ($11, $2, 'USER', $3, 'feedback.submitted', 'Task', $1, $12::jsonb))
       INSERT INTO "OutboxEvent" (id, "orgId", kind, payload, "dedupeKey", "availableAt")
       SELECT $13, $2, 'SIGNAL_WORKFLOW', $14::jsonb, $15, now() + make_interval(secs => $16) WHERE $14::jsonb IS NOT NULL`,
      [
        taskId, orgId, userId, JSON.stringify(req), scorecardId, task.application_id, req.score, req.recommendation, req.notes ?? null,
        JSON.stringify(req.attributes ?? {}), crypto.randomUUID(), JSON.stringify({ scorecardId, score: req.score }),
        outboxId, payload && JSON.stringify(payload), `signal:task:${taskId}`, DIRECT_DELIVERY_LEASE_SECONDS,
      ],
    );
    if (payload) outbox = { id: outboxId, kind: 'SIGNAL_WORKFLOW', payload, attempts: 0 };
  });
  // Not awaited: the feedback is safe once committed; Temporal being slow or down must not hold the response.
  if (outbox) void services.outbox.deliverNow([outbox]);
  return { taskId, scorecardId };
}
