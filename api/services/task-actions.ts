// Completing general tasks and deciding approvals: the task changes and the
// signal to the waiting run commit together.
import type { PoolClient } from 'pg';
import { z } from 'zod';
import { AppError, notFound } from '../errors';
import { TASK_COMPLETED } from '../../workflows/graph/nodes/people-create-task';
import { APPROVAL_DECIDED } from '../../workflows/graph/nodes/people-approval';
import { insertRunSignal, withRunSignals } from './run-signals';
import type { Services } from './services';
import type { AuthContext } from '../auth';

export const ZCompleteTask = z.object({ outcome: z.record(z.string(), z.unknown()).default({}) }).strict();
export const ZDecideApproval = z.object({ approved: z.boolean(), comment: z.string().max(5000).optional() }).strict();

interface ClaimedTask {
  kind: string;
  assigneeId: string | null;
  workflowId: string | null;
}

/** Locks an OPEN task of the org and marks it COMPLETED; 404 / 409 otherwise. */
async function claimTask(client: PoolClient, auth: AuthContext, taskId: string, kinds: readonly string[], outcome: unknown): Promise<ClaimedTask> {
  const { rows } = await client.query<ClaimedTask & { status: string; runStatus: string | null }>(
    `SELECT t.kind, t.status, t."assigneeId", r."workflowId", r.status AS "runStatus"
       FROM "Task" t LEFT JOIN "Run" r ON r.id = t."runId" WHERE t.id = $1 AND t."orgId" = $2 FOR UPDATE OF t`,
    [taskId, auth.orgId],
  );
  const task = rows[0];
  if (!task) throw notFound('Task', taskId);
  if (!kinds.includes(task.kind)) throw new AppError('CONFLICT', `task ${taskId} is a ${task.kind} task`, [{ path: 'params.id', message: `expected ${kinds.join(' or ')}` }]);
  if (task.status !== 'OPEN') throw new AppError('CONFLICT', `task ${taskId} is already ${task.status.toLowerCase()}`, [{ path: 'params.id', message: `task is ${task.status}` }]);
  if (task.runStatus && task.runStatus !== 'RUNNING') throw new AppError('CONFLICT', `the run for task ${taskId} is ${task.runStatus.toLowerCase()}`, [{ path: 'params.id', message: 'run finished' }]);
  await client.query(`UPDATE "Task" SET status = 'COMPLETED', "completedAt" = now(), "completedById" = $2, outcome = $3::jsonb WHERE id = $1`, [taskId, auth.userId, JSON.stringify(outcome)]);
  await client.query(
    `INSERT INTO "AuditEvent" (id, "orgId", "actorType", "actorId", action, "entityType", "entityId", after) VALUES (gen_random_uuid()::text, $1, 'USER', $2, 'task.completed', 'Task', $3, $4::jsonb)`,
    [auth.orgId, auth.userId, taskId, JSON.stringify(outcome)],
  );
  return task;
}

export function completeTask(services: Services, auth: AuthContext, taskId: string, req: z.infer<typeof ZCompleteTask>) {
  return withRunSignals(services, async (client, signals) => {
    const task = await claimTask(client, auth, taskId, ['REVIEW', 'SCHEDULE', 'DECIDE', 'TODO'], req.outcome);
    if (task.workflowId) signals.push(await insertRunSignal(client, auth.orgId, task.workflowId, { name: TASK_COMPLETED, payload: { taskId, outcome: req.outcome } }, `signal:task:${taskId}`));
    return { taskId, status: 'COMPLETED' };
  });
}

export function decideApproval(services: Services, auth: AuthContext, taskId: string, req: z.infer<typeof ZDecideApproval>) {
  return withRunSignals(services, async (client, signals) => {
    const task = await claimTask(client, auth, taskId, ['APPROVE'], req);
    if (task.assigneeId !== auth.userId && auth.role !== 'ADMIN') {
      throw new AppError('FORBIDDEN', 'only the approver this task is assigned to (or an admin) may decide it');
    }
    if (task.workflowId) signals.push(await insertRunSignal(client, auth.orgId, task.workflowId, { name: APPROVAL_DECIDED, payload: { taskId, approved: req.approved } }, `signal:task:${taskId}`));
    return { taskId, approved: req.approved };
  });
}
