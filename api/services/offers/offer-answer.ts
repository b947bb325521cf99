// Sending an approved offer and recording the candidate's answer. Acceptance
// closes the loop in one transaction: offer ACCEPTED, application HIRED in the
// job's hired stage with its transition and audit rows, and the application's
// running pipeline runs told "candidate.hired" (outbox signal); pipelines that
// start on entering the hired stage are queued after commit.
import crypto from 'node:crypto';
import type { z } from 'zod';
import { AppError } from '../../errors';
import type { AuthContext } from '../../auth';
import type { Services } from '../services';
import { withTransaction } from '../../platform/db/transaction';
import { insertRunSignal, signalCandidateRuns, withRunSignals } from '../run-signals';
import { queueStageEnteredRuns } from '../../../activities/queue-stage-entered-runs';
import { recordAudit } from '../audit';
import { lockOffer, OFFER_COLUMNS, type OfferRow } from './save-offer';
import { deliverMessage, queueOfferEmail } from './offer-email';
import type { ZOfferResponse, ZSendOffer } from './offer-input';

export async function sendOffer(services: Services, auth: AuthContext, offerId: string, req: z.infer<typeof ZSendOffer>) {
  const { offer, messageId } = await withTransaction(services.pool, async (client) => {
    const before = await lockOffer(client, auth.orgId, offerId);
    if (before.status === 'SENT') {
      // A repeat: hand back the letter already queued (delivered below only if it never went out).
      const { rows: [m] } = await client.query<{ id: string }>(`SELECT id FROM "Message" WHERE "idempotencyKey" = $1`, [`offer:${offerId}:r${before.approvalRound}`]);
      return { offer: before, messageId: m?.id };
    }
    if (before.status !== 'APPROVED') throw new AppError('CONFLICT', `offer ${offerId} is ${before.status.toLowerCase()}; only an approved offer is sent`, [{ path: 'params.id', message: `offer is ${before.status}` }]);
    const messageId = await queueOfferEmail(client, services, before, req);
    const { rows: [offer] } = await client.query<OfferRow>(`UPDATE "Offer" SET status = 'SENT', "sentAt" = now(), "updatedAt" = now() WHERE id = $1 RETURNING ${OFFER_COLUMNS}`, [offerId]);
    await recordAudit(client, { orgId: auth.orgId, actorType: 'USER', actorId: auth.userId, action: 'offer.sent', entityType: 'Offer', entityId: offerId, before: { status: before.status }, after: { status: 'SENT', messageId } });
    return { offer: offer!, messageId };
  });
  const delivery = messageId ? await deliverMessage(services, messageId) : 'SKIPPED';
  const { rows: [message] } = messageId ? await services.pool.query<{ status: string }>(`SELECT status FROM "Message" WHERE id = $1`, [messageId]) : { rows: [] };
  return { offer, messageId: messageId ?? null, delivery, messageStatus: message?.status ?? null };
}

export async function respondToOffer(services: Services, auth: AuthContext, offerId: string, req: z.infer<typeof ZOfferResponse>) {
  const result = await withRunSignals(services, async (client, signals) => {
    const before = await lockOffer(client, auth.orgId, offerId);
    if (before.status !== 'SENT') throw new AppError('CONFLICT', `offer ${offerId} is ${before.status.toLowerCase()}; only a sent offer is answered`, [{ path: 'params.id', message: `offer is ${before.status}` }]);
    const status = req.accepted ? 'ACCEPTED' : 'DECLINED';
    await client.query(`UPDATE "Offer" SET status = $2::"OfferStatus", "respondedAt" = now(), "updatedAt" = now() WHERE id = $1`, [offerId, status]);
    await recordAudit(client, { orgId: auth.orgId, actorType: 'USER', actorId: auth.userId, action: req.accepted ? 'offer.accepted' : 'offer.declined', entityType: 'Offer', entityId: offerId, before: { status: 'SENT' }, after: { status, note: req.note ?? null } });
    if (!req.accepted) return { offerId, status, hired: null };

    const { rows: [app] } = await client.query<{ stageId: string; status: string; jobId: string; candidateId: string; hiredStageId: string | null }>(
      `SELECT a."stageId", a.status, a."jobId", a."candidateId",
              (SELECT s.id FROM "Stage" s WHERE s."jobId" = a."jobId" AND s.kind = 'HIRED' ORDER BY s.position LIMIT 1) AS "hiredStageId"
         FROM "Application" a WHERE a.id = $1 FOR UPDATE`,
      [before.applicationId],
    );
    if (!app!.hiredStageId) throw new AppError('CONFLICT', 'the job has no hired stage', [{ path: 'params.id', message: 'job has no stage of kind HIRED' }]);
    if (app!.status !== 'ACTIVE') throw new AppError('CONFLICT', `the application is ${app!.status.toLowerCase()}`, [{ path: 'params.id', message: `application is ${app!.status}` }]);
    const transitionId = crypto.randomUUID();
    await client.query(`UPDATE "Application" SET status = 'HIRED', "stageId" = $2, "hiredAt" = now(), "updatedAt" = now() WHERE id = $1`, [before.applicationId, app!.hiredStageId]);
    await client.query(
      `INSERT INTO "StageTransition" (id, "orgId", "applicationId", "fromStageId", "toStageId", "actorType", "actorId", reason) VALUES ($1, $2, $3, $4, $5, 'USER', $6, 'offer accepted')`,
      [transitionId, auth.orgId, before.applicationId, app!.stageId, app!.hiredStageId, auth.userId],
    );
    await recordAudit(client, {
      orgId: auth.orgId, actorType: 'USER', actorId: auth.userId, action: 'application.hired', entityType: 'Application', entityId: before.applicationId,
      before: { stageId: app!.stageId, status: app!.status }, after: { stageId: app!.hiredStageId, status: 'HIRED', offerId },
    });
    const { rows: runs } = await client.query<{ workflowId: string }>(`SELECT "workflowId" FROM "Run" WHERE "applicationId" = $1 AND status = 'RUNNING'`, [before.applicationId]);
    for (const run of runs) signals.push(await insertRunSignal(client, auth.orgId, run.workflowId, { name: 'candidate.hired', payload: { offerId } }, `event:hired:${offerId}:${run.workflowId}`));
    // Hired: nurture campaigns stop (their graphs exit on candidate.hired).
    await signalCandidateRuns(client, signals, auth.orgId, app!.candidateId, { name: 'candidate.hired', payload: { offerId, applicationId: before.applicationId } }, before.applicationId, { only: 'campaign' });
    return { offerId, status, hired: { applicationId: before.applicationId, transitionId, stageId: app!.hiredStageId } };
  });
  if (result.hired) await queueStageEnteredRuns(services, { orgId: auth.orgId, applicationId: result.hired.applicationId, transitionId: result.hired.transitionId, stageId: result.hired.stageId });
  services.outbox.kick();
  return result;
}
