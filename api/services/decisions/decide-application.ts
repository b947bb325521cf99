// A recruiter's decision on an application: advance it (to a named stage or
// the next one), or reject it with one of the organization's reasons and an
// optional note, recorded with who and when (Application.rejectedById /
// rejectedAt, the stage transition, the audit row). Rejecting moves it to the
// job's rejected stage; with notifyCandidate (the default) the pipelines that
// run on entering that stage start, which is where the rejection email lives.
import crypto from 'node:crypto';
import { z } from 'zod';
import { AppError, notFound } from '../../errors';
import type { AuthContext } from '../../auth';
import type { Services } from '../services';
import { insertRunSignal, withRunSignals } from '../run-signals';
import { moveApplicationStage } from '../stage-moves';
import { queueStageEnteredRuns } from '../../../activities/queue-stage-entered-runs';
import { recordAudit } from '../audit';

export const ZApplicationDecision = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('advance'), stage: z.string().min(1).max(100).optional(), note: z.string().max(2000).optional() }).strict(),
  z.object({
    decision: z.literal('reject'),
    reasonId: z.string().min(1).max(100),
    note: z.string().max(2000).optional(),
    /** Start the pipelines of the rejected stage (e.g. the rejection email). */
    notifyCandidate: z.boolean().default(true),
  }).strict(),
]);
export type TApplicationDecision = z.infer<typeof ZApplicationDecision>;

export async function decideApplication(services: Services, auth: AuthContext, applicationId: string, req: TApplicationDecision) {
  if (req.decision === 'advance') {
    let stage = req.stage;
    if (!stage) {
      const { rows: [next] } = await services.pool.query<{ key: string }>(
        `SELECT n.key FROM "Application" a JOIN "Stage" cur ON cur.id = a."stageId"
           JOIN "Stage" n ON n."jobId" = a."jobId" AND n.position > cur.position AND n.kind NOT IN ('REJECTED', 'HIRED')
          WHERE a.id = $1 AND a."orgId" = $2 ORDER BY n.position LIMIT 1`,
        [applicationId, auth.orgId],
      );
      if (!next) throw new AppError('CONFLICT', 'there is no later stage to advance to; name one', [{ path: 'body.stage', message: 'no next stage' }]);
      stage = next.key;
    }
    else {
      // Rejecting needs a reason and hiring goes through the offer: "advance" does neither.
      const { rows: [target] } = await services.pool.query<{ kind: string }>(
        `SELECT s.kind FROM "Application" a JOIN "Stage" s ON s."jobId" = a."jobId" AND s.key = $3 WHERE a.id = $1 AND a."orgId" = $2`, [applicationId, auth.orgId, stage],
      );
      if (target && (target.kind === 'REJECTED' || target.kind === 'HIRED')) {
        throw new AppError('VALIDATION_FAILED', `"${stage}" is a ${target.kind.toLowerCase()} stage: reject with a reason, or hire through an offer`, [{ path: 'body.stage', message: `a ${target.kind} stage` }]);
      }
    }
    const moved = await moveApplicationStage(services, auth, applicationId, { stage, reason: req.note });
    return { decision: 'advance' as const, ...moved };
  }
  const rejected = await withRunSignals(services, async (client, signals) => {
    const { rows: [app] } = await client.query<{ stageId: string; status: string; rejectedStageId: string | null; rejectedStageKey: string | null }>(
      `SELECT a."stageId", a.status,
              (SELECT s.id FROM "Stage" s WHERE s."jobId" = a."jobId" AND s.kind = 'REJECTED' ORDER BY s.position LIMIT 1) AS "rejectedStageId",
              (SELECT s.key FROM "Stage" s WHERE s."jobId" = a."jobId" AND s.kind = 'REJECTED' ORDER BY s.position LIMIT 1) AS "rejectedStageKey"
         FROM "Application" a WHERE a.id = $1 AND a."orgId" = $2 FOR UPDATE`,
      [applicationId, auth.orgId],
    );
    if (!app) throw notFound('Application', applicationId);
    if (app.status !== 'ACTIVE') throw new AppError('CONFLICT', `the application is already ${app.status.toLowerCase()}`, [{ path: 'params.id', message: `application is ${app.status}` }]);
    const { rows: [reason] } = await client.query<{ label: string }>(`SELECT label FROM "RejectionReason" WHERE id = $1 AND "orgId" = $2 AND NOT "isArchived"`, [req.reasonId, auth.orgId]);
    if (!reason) throw new AppError('VALIDATION_FAILED', `no rejection reason ${req.reasonId} in use in this organization`, [{ path: 'body.reasonId', message: 'unknown or archived reason' }]);
    if (!app.rejectedStageId) throw new AppError('CONFLICT', 'the job has no rejected stage', [{ path: 'params.id', message: 'job has no stage of kind REJECTED' }]);
    const transitionId = crypto.randomUUID();
    const { rows: [at] } = await client.query<{ rejectedAt: Date }>(
      `UPDATE "Application" SET status = 'REJECTED', "stageId" = $2, "rejectionReasonId" = $3, "rejectionReason" = $4, "rejectedAt" = now(), "rejectedById" = $5, "updatedAt" = now()
        WHERE id = $1 RETURNING "rejectedAt"`,
      [applicationId, app.rejectedStageId, req.reasonId, req.note ?? reason.label, auth.userId],
    );
    await client.query(
      `INSERT INTO "StageTransition" (id, "orgId", "applicationId", "fromStageId", "toStageId", "actorType", "actorId", reason, "rejectionReasonId") VALUES ($1, $2, $3, $4, $5, 'USER', $6, $7, $8)`,
      [transitionId, auth.orgId, applicationId, app.stageId, app.rejectedStageId, auth.userId, reason.label, req.reasonId],
    );
    await recordAudit(client, {
      orgId: auth.orgId, actorType: 'USER', actorId: auth.userId, action: 'application.rejected', entityType: 'Application', entityId: applicationId,
      before: { stageId: app.stageId, status: app.status }, after: { stageId: app.rejectedStageId, status: 'REJECTED', reasonId: req.reasonId, reason: reason.label, note: req.note ?? null, notifyCandidate: req.notifyCandidate },
    });
    const { rows: runs } = await client.query<{ workflowId: string }>(`SELECT "workflowId" FROM "Run" WHERE "applicationId" = $1 AND status = 'RUNNING'`, [applicationId]);
    for (const run of runs) signals.push(await insertRunSignal(client, auth.orgId, run.workflowId, { name: 'stage.changed', payload: { stage: app.rejectedStageKey } }, `event:stage:${transitionId}:${run.workflowId}`));
    return { transitionId, stageId: app.rejectedStageId, rejectedAt: at!.rejectedAt, reason: reason.label };
  });
  if (req.notifyCandidate) await queueStageEnteredRuns(services, { orgId: auth.orgId, applicationId, transitionId: rejected.transitionId, stageId: rejected.stageId });
  services.outbox.kick();
  return { decision: 'reject' as const, status: 'REJECTED', ...rejected };
}
