// A job's status: DRAFT -> PENDING_APPROVAL -> OPEN -> CLOSED. Submitting asks
// N approvers (each gets an APPROVE task in the inbox); the job opens when
// requiredApprovals of the current round approve, and goes back to DRAFT on a
// rejection (job-approval-decision.ts). The job row is locked for each step.
import type { Prisma } from '../../../generated/prisma/client';
import { AppError, notFound } from '../../errors';
import type { AuthContext } from '../../auth';
import type { Services } from '../services';
import type { z } from 'zod';
import type { ZCloseJob, ZJobApprovalDecision, ZSubmitJob } from './job-input';
import { jobView, loadJob } from './job-record';
import { auditJob } from './save-job';
import { decideOwnJobApproval } from './job-approval-decision';
import { withTransaction } from '../../platform/db/transaction';

type Tx = Prisma.TransactionClient;

/** How long an approver has before the approval task shows as overdue in the inbox. */
const APPROVAL_SLA_MS = 2 * 24 * 3600_000;

async function lockJob(tx: Tx, orgId: string, jobId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Job" WHERE id = ${jobId} AND "orgId" = ${orgId} FOR UPDATE`;
  if (rows.length === 0) throw notFound('Job', jobId);
  return loadJob(tx, orgId, jobId);
}

const wrongStatus = (status: string, expected: string) =>
  new AppError('CONFLICT', `the job is ${status}; this needs a job that is ${expected}`, [{ path: 'params.id', message: `job is ${status}` }]);

async function open(tx: Tx, auth: AuthContext, job: { id: string; status: string; postedAt: Date | null }, via: string) {
  const now = new Date();
  // datePosted stays the first publication: re-opening a closed job does not make it look new.
  await tx.job.update({ where: { id: job.id }, data: { status: 'OPEN', openedAt: now, postedAt: job.postedAt ?? now, closedAt: null } });
  await auditJob(tx, auth, job.id, 'job.opened', { status: job.status }, { status: 'OPEN', openedAt: now.toISOString(), via });
}

/** Approval tasks still open in this round are moot once the round is decided. */
async function cancelOpenApprovalTasks(tx: Tx, jobId: string, round: number) {
  const pending = await tx.jobApproval.findMany({ where: { jobId, round, decision: 'PENDING', taskId: { not: null } }, select: { taskId: true } });
  await tx.task.updateMany({ where: { id: { in: pending.map((p) => p.taskId!) }, status: 'OPEN' }, data: { status: 'CANCELLED' } });
}

export function submitJob(services: Services, auth: AuthContext, jobId: string, body: z.infer<typeof ZSubmitJob>) {
  return services.prisma.$transaction(async (tx) => {
    const job = await lockJob(tx, auth.orgId, jobId);
    if (job.status !== 'DRAFT' && job.status !== 'CLOSED') throw wrongStatus(job.status, 'DRAFT or CLOSED');
    if (job.requiredApprovals === 0) {
      if (body.approverIds.length > 0) throw new AppError('VALIDATION_FAILED', 'this job needs no approval (requiredApprovals is 0)', [{ path: 'body.approverIds', message: 'must be empty when requiredApprovals is 0' }]);
      await open(tx, auth, job, 'no approval required');
      return jobView(await loadJob(tx, auth.orgId, jobId));
    }
    if (body.approverIds.length < job.requiredApprovals) {
      throw new AppError('VALIDATION_FAILED', `the job needs ${job.requiredApprovals} approval(s); name at least that many approvers`, [{ path: 'body.approverIds', message: `at least ${job.requiredApprovals} approvers` }]);
    }
    const approvers = await tx.user.findMany({ where: { orgId: auth.orgId, id: { in: body.approverIds }, deactivated: false }, select: { id: true } });
    const known = new Set(approvers.map((a) => a.id));
    body.approverIds.forEach((id, i) => {
      if (!known.has(id)) throw new AppError('VALIDATION_FAILED', `no active user ${id} in this organization`, [{ path: `body.approverIds.${i}`, message: `no active user ${id} in this organization` }]);
    });
    const round = (job.approvals[0]?.round ?? 0) + 1;
    const dueAt = new Date(Date.now() + APPROVAL_SLA_MS);
    for (const approverId of body.approverIds) {
      const approval = await tx.jobApproval.create({ data: { orgId: auth.orgId, jobId, round, approverId } });
      const task = await tx.task.create({
        data: {
          orgId: auth.orgId, kind: 'APPROVE', title: `Approve opening: ${job.title}`, assigneeId: approverId, jobId, dueAt,
          idempotencyKey: `job-approval:${approval.id}`, outcome: { jobApprovalId: approval.id },
        },
      });
      await tx.jobApproval.update({ where: { id: approval.id }, data: { taskId: task.id } });
    }
    await tx.job.update({ where: { id: jobId }, data: { status: 'PENDING_APPROVAL' } });
    await auditJob(tx, auth, jobId, 'job.submitted', { status: job.status }, { status: 'PENDING_APPROVAL', round, approverIds: body.approverIds, requiredApprovals: job.requiredApprovals });
    return jobView(await loadJob(tx, auth.orgId, jobId));
  });
}

export async function decideJobApproval(services: Services, auth: AuthContext, jobId: string, body: z.infer<typeof ZJobApprovalDecision>) {
  // Checked first so another organization's job is a 404, not "you are not an approver".
  await loadJob(services.prisma, auth.orgId, jobId);
  await withTransaction(services.pool, (client) => decideOwnJobApproval(client, auth, jobId, body.approved, body.comment));
  return jobView(await loadJob(services.prisma, auth.orgId, jobId));
}

export function closeJob(services: Services, auth: AuthContext, jobId: string, body: z.infer<typeof ZCloseJob>) {
  return services.prisma.$transaction(async (tx) => {
    const job = await lockJob(tx, auth.orgId, jobId);
    if (job.status === 'CLOSED') throw wrongStatus(job.status, 'DRAFT, PENDING_APPROVAL or OPEN');
    const round = job.approvals[0]?.round;
    if (job.status === 'PENDING_APPROVAL' && round) await cancelOpenApprovalTasks(tx, jobId, round);
    const closedAt = new Date();
    await tx.job.update({ where: { id: jobId }, data: { status: 'CLOSED', closedAt } });
    await auditJob(tx, auth, jobId, 'job.closed', { status: job.status }, { status: 'CLOSED', closedAt: closedAt.toISOString(), reason: body.reason ?? null });
    return jobView(await loadJob(tx, auth.orgId, jobId));
  });
}
