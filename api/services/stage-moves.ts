// A recruiter moves an application to another stage of its job: the stage,
// the timestamped transition and the audit entry commit together; pipelines
// triggered by entering that stage are queued, and the application's running
// runs hear "stage.changed".
import crypto from 'node:crypto';
import { z } from 'zod';
import { AppError, notFound } from '../errors';
import type { AuthContext } from '../auth';
import type { Services } from './services';
import { queueStageEnteredRuns } from '../../activities/queue-stage-entered-runs';
import { insertRunSignal, signalCandidateRuns, withRunSignals } from './run-signals';

export const ZMoveStage = z.object({ stage: z.string().min(1).max(100), reason: z.string().max(500).optional() }).strict();

export async function moveApplicationStage(services: Services, auth: AuthContext, applicationId: string, req: z.infer<typeof ZMoveStage>) {
  const moved = await withRunSignals(services, async (client, signals) => {
    const { rows } = await client.query<{ jobId: string; candidateId: string; stageId: string; status: string; stage_id: string | null; stage_kind: string | null }>(
      `SELECT a."jobId", a."candidateId", a."stageId", a.status, s.id AS stage_id, s.kind AS stage_kind
         FROM "Application" a LEFT JOIN "Stage" s ON s."jobId" = a."jobId" AND s.key = $3
        WHERE a.id = $1 AND a."orgId" = $2 FOR UPDATE OF a`,
      [applicationId, auth.orgId, req.stage],
    );
    const app = rows[0];
    if (!app) throw notFound('Application', applicationId);
    if (!app.stage_id) throw new AppError('VALIDATION_FAILED', `the job has no stage "${req.stage}"`, [{ path: 'body.stage', message: 'unknown stage key' }]);
    if (app.stage_id === app.stageId) throw new AppError('CONFLICT', `the application is already in stage "${req.stage}"`, [{ path: 'body.stage', message: 'same stage' }]);
    const status = app.stage_kind === 'REJECTED' ? 'REJECTED' : app.stage_kind === 'HIRED' ? 'HIRED' : 'ACTIVE';
    const transitionId = crypto.randomUUID();
    await client.query(
      `UPDATE "Application" SET "stageId" = $2, status = $3::"ApplicationStatus", "rejectionReason" = CASE WHEN $3 = 'REJECTED' THEN $4 ELSE NULL END, "updatedAt" = now() WHERE id = $1`,
      [applicationId, app.stage_id, status, req.reason ?? null],
    );
    await client.query(
      `INSERT INTO "StageTransition" (id, "orgId", "applicationId", "fromStageId", "toStageId", "actorType", "actorId", reason) VALUES ($1, $2, $3, $4, $5, 'USER', $6, $7)`,
      [transitionId, auth.orgId, applicationId, app.stageId, app.stage_id, auth.userId, req.reason ?? null],
    );
    await client.query(
      `INSERT INTO "AuditEvent" (id, "orgId", "actorType", "actorId", action, "entityType", "entityId", before, after) VALUES (gen_random_uuid()::text, $1, 'USER', $2, 'application.stage_changed', 'Application', $3, $4::jsonb, $5::jsonb)`,
      [auth.orgId, auth.userId, applicationId, JSON.stringify({ stageId: app.stageId, status: app.status }), JSON.stringify({ stageId: app.stage_id, status, reason: req.reason ?? null })],
    );
    const { rows: runs } = await client.query<{ workflowId: string }>(`SELECT "workflowId" FROM "Run" WHERE "applicationId" = $1 AND status = 'RUNNING'`, [applicationId]);
    for (const run of runs) signals.push(await insertRunSignal(client, auth.orgId, run.workflowId, { name: 'stage.changed', payload: { stage: req.stage } }, `event:stage:${transitionId}:${run.workflowId}`));
    // Moved into a hired stage: nurture campaigns stop (their graphs exit on candidate.hired).
    if (status === 'HIRED') await signalCandidateRuns(client, signals, auth.orgId, app.candidateId, { name: 'candidate.hired', payload: { applicationId } }, applicationId, { only: 'campaign' });
    return { transitionId, stageId: app.stage_id, status };
  });
  await queueStageEnteredRuns(services, { orgId: auth.orgId, applicationId, transitionId: moved.transitionId, stageId: moved.stageId });
  services.outbox.kick();
  return moved;
}
