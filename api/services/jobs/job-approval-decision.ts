// One approver's decision on opening a job, in plain SQL on the caller's
// transaction, so the jobs route and the inbox (an APPROVE task decided from
// POST /api/tasks/:id/decision) take the same path: the approval row, the
// job's status (OPEN at N approvals, DRAFT on a rejection), the moot tasks of
// the round and the audit rows commit together. The job row is locked, so two
// approvers deciding at once cannot both miss (or both count) the last approval.
import type { PoolClient } from 'pg';
import { AppError } from '../../errors';
import type { AuthContext } from '../../auth';
import { recordAudit } from '../audit';

type Client = Pick<PoolClient, 'query'>;

interface TApprovalRow {
  id: string;
  jobId: string;
  round: number;
  approverId: string;
  decision: string;
  taskId: string | null;
}

const conflict = (message: string, detail: string) => new AppError('CONFLICT', message, [{ path: 'params.id', message: detail }]);

/** Locks the job, checks the approval is still open in the current round, records it and moves the job on. */
export async function applyJobApprovalDecision(client: Client, auth: AuthContext, approval: TApprovalRow, approved: boolean, comment: string | undefined) {
  const { rows: [job] } = await client.query<{ status: string; requiredApprovals: number; postedAt: Date | null; round: number }>(
    `SELECT j.status, j."requiredApprovals", j."postedAt", (SELECT max(round) FROM "JobApproval" WHERE "jobId" = j.id) AS round
       FROM "Job" j WHERE j.id = $1 AND j."orgId" = $2 FOR UPDATE OF j`,
    [approval.jobId, auth.orgId],
  );
  if (!job) throw new AppError('NOT_FOUND', `Job ${approval.jobId} not found`);
  if (job.status !== 'PENDING_APPROVAL') throw conflict(`the job is ${job.status}; only a job pending approval can be approved`, `job is ${job.status}`);
  if (approval.round !== job.round) throw conflict('this approval belongs to an earlier round', `round ${approval.round} is over`);
  // Read again under the job's lock: the row read before may have been decided by a concurrent request.
  const { rows: [current] } = await client.query<{ decision: string }>(`SELECT decision FROM "JobApproval" WHERE id = $1`, [approval.id]);
  approval = { ...approval, decision: current!.decision };
  if (approval.decision !== 'PENDING') throw conflict(`this approval was already decided (${approval.decision})`, `already ${approval.decision}`);

  const decision = approved ? 'APPROVED' : 'REJECTED';
  await client.query(`UPDATE "JobApproval" SET decision = $2::"ApprovalDecision", comment = $3, "decidedAt" = now() WHERE id = $1`, [approval.id, decision, comment ?? null]);
  const audit = (action: string, before: unknown, after: unknown) =>
    recordAudit(client, { orgId: auth.orgId, actorType: 'USER', actorId: auth.userId, action, entityType: 'Job', entityId: approval.jobId, before, after });
  await audit('job.approval_decided', { approvalId: approval.id, round: approval.round, decision: 'PENDING' }, { approvalId: approval.id, round: approval.round, decision, comment: comment ?? null });

  const { rows: [approvedRow] } = await client.query<{ count: number }>(`SELECT count(*)::int AS count FROM "JobApproval" WHERE "jobId" = $1 AND round = $2 AND decision = 'APPROVED'`, [approval.jobId, approval.round]);
  const isDecided = !approved || approvedRow!.count >= job.requiredApprovals;
  if (!isDecided) return { jobId: approval.jobId, status: 'PENDING_APPROVAL' as const };

  // The round is decided: the other approvers' open tasks are moot.
  await client.query(
    `UPDATE "Task" SET status = 'CANCELLED' WHERE status = 'OPEN' AND id IN (SELECT "taskId" FROM "JobApproval" WHERE "jobId" = $1 AND round = $2 AND decision = 'PENDING' AND "taskId" IS NOT NULL)`,
    [approval.jobId, approval.round],
  );
  if (!approved) {
    await client.query(`UPDATE "Job" SET status = 'DRAFT', "updatedAt" = now() WHERE id = $1`, [approval.jobId]);
    await audit('job.approval_rejected', { status: 'PENDING_APPROVAL' }, { status: 'DRAFT', round: approval.round, rejectedBy: auth.userId });
    return { jobId: approval.jobId, status: 'DRAFT' as const };
  }
  // datePosted stays the first publication: re-opening a closed job does not make it look new.
  const { rows: [opened] } = await client.query<{ openedAt: Date }>(
    `UPDATE "Job" SET status = 'OPEN', "openedAt" = now(), "postedAt" = COALESCE("postedAt", now()), "closedAt" = NULL, "updatedAt" = now() WHERE id = $1 RETURNING "openedAt"`,
    [approval.jobId],
  );
  await audit('job.opened', { status: 'PENDING_APPROVAL' }, { status: 'OPEN', openedAt: opened!.openedAt.toISOString(), via: `approval round ${approval.round}` });
  return { jobId: approval.jobId, status: 'OPEN' as const };
}

const APPROVAL_COLUMNS = `id, "jobId", round, "approverId", decision, "taskId"`;

/** The caller's approval in the job's current round (route: POST /api/jobs/:id/approval); completes its inbox task. */
export async function decideOwnJobApproval(client: Client, auth: AuthContext, jobId: string, approved: boolean, comment: string | undefined) {
  const { rows: [approval] } = await client.query<TApprovalRow>(
    `SELECT ${APPROVAL_COLUMNS} FROM "JobApproval"
      WHERE "jobId" = $1 AND "orgId" = $2 AND "approverId" = $3 AND round = (SELECT max(round) FROM "JobApproval" WHERE "jobId" = $1)`,
    [jobId, auth.orgId, auth.userId],
  );
  if (!approval) throw new AppError('FORBIDDEN', 'you are not an approver of this job', [{ path: 'params.id', message: 'not an approver of the current round' }]);
  const result = await applyJobApprovalDecision(client, auth, approval, approved, comment);
  if (approval.taskId) {
    await client.query(
      `UPDATE "Task" SET status = 'COMPLETED', "completedAt" = now(), "completedById" = $2, outcome = $3::jsonb WHERE id = $1 AND status = 'OPEN'`,
      [approval.taskId, auth.userId, JSON.stringify({ jobApprovalId: approval.id, approved, ...(comment ? { comment } : {}) })],
    );
  }
  return result;
}

/**
 * For the inbox: when an APPROVE task is a job-opening approval, apply the decision (the caller has
 * already completed the task and checked it is theirs). Returns null for any other approval task.
 */
export async function decideJobApprovalForTask(client: Client, auth: AuthContext, taskId: string, approved: boolean, comment?: string) {
  const { rows: [approval] } = await client.query<TApprovalRow>(`SELECT ${APPROVAL_COLUMNS} FROM "JobApproval" WHERE "taskId" = $1 AND "orgId" = $2`, [taskId, auth.orgId]);
  return approval ? applyJobApprovalDecision(client, auth, approval, approved, comment) : null;
}
