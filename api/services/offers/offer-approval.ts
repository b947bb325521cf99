// The offer's approval chain: submitting opens a round with M approvers and
// asks the first of them through APPROVE tasks in their inboxes; each decision
// (POST /api/tasks/:id/decision, or completing the task) updates the round in
// the same transaction: N approvals -> APPROVED, one rejection -> DRAFT with
// the reason, otherwise the next approvers of a sequential chain are asked.
import crypto from 'node:crypto';
import type { PoolClient } from 'pg';
import { AppError } from '../../errors';
import type { AuthContext } from '../../auth';
import type { Services } from '../services';
import { withTransaction } from '../../platform/db/transaction';
import { recordAudit } from '../audit';
import { approvalChainState, type TApprovalRow } from './approval-chain';
import type { TSubmitOffer } from './offer-input';
import { lockOffer, OFFER_COLUMNS, type OfferRow } from './save-offer';

async function askApprovers(client: PoolClient, offer: OfferRow, approverIds: string[], dueInHours: number | null) {
  const { rows: [app] } = await client.query<{ candidateId: string; name: string; title: string }>(
    `SELECT a."candidateId", c."firstName" || ' ' || c."lastName" AS name, j.title FROM "Application" a JOIN "Candidate" c ON c.id = a."candidateId" JOIN "Job" j ON j.id = a."jobId" WHERE a.id = $1`,
    [offer.applicationId],
  );
  for (const approverId of approverIds) {
    const taskId = crypto.randomUUID();
    // The key makes asking the same approver twice in a round a no-op.
    const { rowCount } = await client.query(
      `INSERT INTO "Task" (id, "orgId", kind, title, "assigneeId", "candidateId", "applicationId", "dueAt", "idempotencyKey")
       VALUES ($1, $2, 'APPROVE', $3, $4, $5, $6, CASE WHEN $7::int IS NULL THEN NULL ELSE now() + make_interval(hours => $7::int) END, $8)
       ON CONFLICT ("idempotencyKey") DO NOTHING`,
      [taskId, offer.orgId, `Approve the offer for ${app!.name} (${app!.title})`, approverId, app!.candidateId, offer.applicationId, dueInHours, `offer:${offer.id}:r${offer.approvalRound}:${approverId}`],
    );
    if (rowCount) await client.query(`UPDATE "OfferApproval" SET "taskId" = $1 WHERE "offerId" = $2 AND round = $3 AND "approverId" = $4`, [taskId, offer.id, offer.approvalRound, approverId]);
  }
}

export function submitOffer(services: Services, auth: AuthContext, offerId: string, req: TSubmitOffer) {
  return withTransaction(services.pool, async (client) => {
    const before = await lockOffer(client, auth.orgId, offerId);
    if (before.status !== 'DRAFT') throw new AppError('CONFLICT', `offer ${offerId} is ${before.status.toLowerCase()}; only a draft is submitted`, [{ path: 'params.id', message: `offer is ${before.status}` }]);
    const ids = req.approvers.map((a) => a.userId);
    const { rows: users } = await client.query<{ id: string }>(`SELECT id FROM "User" WHERE id = ANY($1) AND "orgId" = $2 AND NOT deactivated`, [ids, auth.orgId]);
    const known = new Set(users.map((u) => u.id));
    const unknown = ids.findIndex((id) => !known.has(id));
    if (unknown >= 0) throw new AppError('VALIDATION_FAILED', `no active user ${ids[unknown]} in this organization`, [{ path: `body.approvers.${unknown}.userId`, message: 'unknown or deactivated user' }]);
    // A resubmitted draft starts a new round; round 1 is the first submission.
    const round = before.submittedAt ? before.approvalRound + 1 : before.approvalRound;
    const { rows: [offer] } = await client.query<OfferRow>(
      `UPDATE "Offer" SET status = 'PENDING_APPROVAL', "requiredApprovals" = $2, "approvalRound" = $3, "submittedAt" = now(), "updatedAt" = now() WHERE id = $1 RETURNING ${OFFER_COLUMNS}`,
      [offerId, req.required, round],
    );
    for (const a of req.approvers) {
      await client.query(`INSERT INTO "OfferApproval" (id, "offerId", round, "approverId", position) VALUES ($1, $2, $3, $4, $5)`, [crypto.randomUUID(), offerId, round, a.userId, a.position]);
    }
    const state = approvalChainState(req.approvers.map((a) => ({ approverId: a.userId, position: a.position, decision: 'PENDING' })), req.required);
    if (state.outcome === 'pending') await askApprovers(client, offer!, state.askNow, req.dueInHours ?? null);
    await recordAudit(client, {
      orgId: auth.orgId, actorType: 'USER', actorId: auth.userId, action: 'offer.submitted', entityType: 'Offer', entityId: offerId,
      before: { status: before.status }, after: { status: 'PENDING_APPROVAL', round, required: req.required, approvers: req.approvers },
    });
    return offer!;
  });
}

/**
 * Applies an approver's decision on an offer's APPROVE task (already marked completed by the caller,
 * in the caller's transaction). Returns null when the task belongs to no offer.
 */
export async function decideOfferApproval(client: PoolClient, auth: AuthContext, taskId: string, approved: boolean, comment: string | undefined) {
  const { rows: [link] } = await client.query<{ offerId: string; round: number; approverId: string }>(`SELECT "offerId", round, "approverId" FROM "OfferApproval" WHERE "taskId" = $1`, [taskId]);
  if (!link) return null;
  const offer = await lockOffer(client, auth.orgId, link.offerId);
  if (offer.status !== 'PENDING_APPROVAL' || offer.approvalRound !== link.round) {
    throw new AppError('CONFLICT', `offer ${offer.id} is no longer waiting for this approval`, [{ path: 'params.id', message: `offer is ${offer.status}` }]);
  }
  await client.query(`UPDATE "OfferApproval" SET decision = $2::"ApprovalDecision", comment = $3, "decidedAt" = now() WHERE "taskId" = $1`, [taskId, approved ? 'APPROVED' : 'REJECTED', comment ?? null]);
  await recordAudit(client, {
    orgId: auth.orgId, actorType: 'USER', actorId: auth.userId, action: approved ? 'offer.approval_given' : 'offer.approval_refused', entityType: 'OfferApproval', entityId: `${offer.id}:${link.round}:${link.approverId}`,
    before: { decision: 'PENDING' }, after: { decision: approved ? 'APPROVED' : 'REJECTED', comment: comment ?? null },
  });
  const { rows } = await client.query<TApprovalRow>(`SELECT "approverId", position, decision FROM "OfferApproval" WHERE "offerId" = $1 AND round = $2`, [offer.id, link.round]);
  const state = approvalChainState(rows, offer.requiredApprovals);
  if (state.outcome === 'pending') {
    await askApprovers(client, offer, state.askNow, null);
    return { offerId: offer.id, status: offer.status, approvals: state.approvals };
  }
  // The round is decided: nobody else needs to answer.
  await client.query(
    `UPDATE "Task" SET status = 'CANCELLED', outcome = $2::jsonb WHERE status = 'OPEN' AND id IN (SELECT "taskId" FROM "OfferApproval" WHERE "offerId" = $1 AND round = $3 AND "taskId" IS NOT NULL)`,
    [offer.id, JSON.stringify({ reason: `offer ${state.outcome}` }), link.round],
  );
  const status = state.outcome === 'approved' ? 'APPROVED' : 'DRAFT';
  await client.query(`UPDATE "Offer" SET status = $2::"OfferStatus", "approvedAt" = CASE WHEN $2 = 'APPROVED' THEN now() ELSE NULL END, "updatedAt" = now() WHERE id = $1`, [offer.id, status]);
  await recordAudit(client, {
    orgId: auth.orgId, actorType: 'USER', actorId: auth.userId, action: state.outcome === 'approved' ? 'offer.approved' : 'offer.returned_to_draft', entityType: 'Offer', entityId: offer.id,
    before: { status: offer.status }, after: { status, approvals: state.approvals, required: offer.requiredApprovals, ...(state.outcome === 'rejected' ? { reason: comment ?? null } : {}) },
  });
  return { offerId: offer.id, status, approvals: state.approvals, reason: state.outcome === 'rejected' ? comment ?? null : undefined };
}
