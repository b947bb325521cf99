// Completing general tasks and deciding approvals: the task changes, the
// offer's approval chain (when the task asks about an offer) and the signal to
// the waiting run commit together.
import type { PoolClient } from 'pg';
import { z } from 'zod';
import { AppError, notFound } from '../errors';
import { TASK_COMPLETED } from '../../workflows/graph/nodes/people-create-task';
import { APPROVAL_DECIDED } from '../../workflows/graph/nodes/people-approval';
import { insertRunSignal, withRunSignals } from './run-signals';
import type { OutboxRow } from './outbox-dispatcher';
import { recordAudit, type TAuditActorType } from './audit';
import type { Services } from './services';
import type { AuthContext } from '../auth';
import { decideOfferApproval } from './offers/offer-approval';
import { decideJobApprovalForTask } from './jobs/job-approval-decision';

export const ZCompleteTask = z
  .object({
    outcome: z.record(z.string(), z.unknown()).default({}),
    /** Sets {{task.accepted}} for the pipeline (e.g. the standard template's "Offer accepted?" branch). */
    accepted: z.boolean().optional(),
  })
  .strict()
  // A branch compares task.accepted with true: a string "true" would silently take the other way.
  .refine((b) => b.outcome.accepted === undefined || typeof b.outcome.accepted === 'boolean', { message: 'accepted must be true or false', path: ['outcome', 'accepted'] });
/** What completing an APPROVE task takes as its outcome: the approval node's decision. */
const ZApprovalOutcome = z.object({ approved: z.boolean(), comment: z.string().max(5000).optional() }).strict();
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
  await markTaskCompleted(client, auth.orgId, { type: 'USER', id: auth.userId }, taskId, outcome);
  return task;
}

/** Completes an OPEN task the caller has locked: the row and its audit entry (the run's signal is the caller's). */
export async function markTaskCompleted(client: PoolClient, orgId: string, actor: { type: TAuditActorType; id: string | null }, taskId: string, outcome: unknown) {
  await client.query(`UPDATE "Task" SET status = 'COMPLETED', "completedAt" = now(), "completedById" = $2, outcome = $3::jsonb WHERE id = $1`, [taskId, actor.id, JSON.stringify(outcome)]);
  await recordAudit(client, { orgId, actorType: actor.type, actorId: actor.id, action: 'task.completed', entityType: 'Task', entityId: taskId, before: { status: 'OPEN' }, after: { status: 'COMPLETED', outcome } });
}

export function completeTask(services: Services, auth: AuthContext, taskId: string, req: z.infer<typeof ZCompleteTask>) {
  const outcome = req.accepted === undefined ? req.outcome : { ...req.outcome, accepted: req.accepted };
  return withRunSignals(services, async (client, signals) => {
    const { rows: [kind] } = await client.query<{ kind: string }>(`SELECT kind FROM "Task" WHERE id = $1 AND "orgId" = $2`, [taskId, auth.orgId]);
    if (kind?.kind === 'APPROVE') {
      // The inbox completes every kind the same way: an approval's outcome is the decision the approval node expects.
      const parsed = ZApprovalOutcome.safeParse(req.outcome);
      if (!parsed.success) throw new AppError('VALIDATION_FAILED', 'an approval task is completed with outcome { approved: boolean, comment? }', parsed.error.issues.map((i) => ({ path: ['body', 'outcome', ...i.path].join('.'), message: i.message })));
      return decide(client, signals, auth, taskId, parsed.data);
    }
    const task = await claimTask(client, auth, taskId, ['REVIEW', 'SCHEDULE', 'DECIDE', 'TODO'], outcome);
    if (task.workflowId) signals.push(await insertRunSignal(client, auth.orgId, task.workflowId, { name: TASK_COMPLETED, payload: { taskId, outcome } }, `signal:task:${taskId}`));
    return { taskId, status: 'COMPLETED' };
  });
}

async function decide(client: PoolClient, signals: OutboxRow[], auth: AuthContext, taskId: string, req: z.infer<typeof ZDecideApproval>) {
  const task = await claimTask(client, auth, taskId, ['APPROVE'], req);
  if (task.assigneeId !== auth.userId && auth.role !== 'ADMIN') {
    throw new AppError('FORBIDDEN', 'only the approver this task is assigned to (or an admin) may decide it');
  }
  if (task.workflowId) signals.push(await insertRunSignal(client, auth.orgId, task.workflowId, { name: APPROVAL_DECIDED, payload: { taskId, approved: req.approved } }, `signal:task:${taskId}`));
  // An APPROVE task belongs to at most one of these: an offer's approval chain or a job's opening.
  const offer = await decideOfferApproval(client, auth, taskId, req.approved, req.comment);
  const job = offer ? null : await decideJobApprovalForTask(client, auth, taskId, req.approved, req.comment);
  return { taskId, approved: req.approved, ...(offer ? { offer } : {}), ...(job ? { job } : {}) };
}

export function decideApproval(services: Services, auth: AuthContext, taskId: string, req: z.infer<typeof ZDecideApproval>) {
  return withRunSignals(services, (client, signals) => decide(client, signals, auth, taskId, req));
}
