// Side effect of action.move_to_stage: update the application's stage and
// record the timestamped transition, once per node visit. On the hot path of
// every hiring decision, so it is two round trips of plain SQL: one read, one
// statement that writes the application, the transition, the audit entry and
// the run's position together.
import crypto from 'node:crypto';
import type { TMoveToStageInput } from '../workflows/graph/nodes/action-move-to-stage';
import type { ActivityDeps } from './dependencies';
import { AppError } from '../api/errors';
import { queueStageEnteredRuns } from './queue-stage-entered-runs';

interface Found {
  done_stage_id: string | null;
  done_id: string | null;
  application_id: string | null;
  org_id: string;
  from_stage_id: string;
  from_status: string;
  stage_id: string | null;
  stage_kind: string | null;
}

export function moveToStage(deps: ActivityDeps) {
  return async (input: TMoveToStageInput): Promise<{ stageId: string; transitionId: string }> => {
    if (!input.run.applicationId) throw new AppError('BAD_REQUEST', 'move to stage needs a run with an application');
    const { rows } = await deps.pool.query<Found>(
      `SELECT t."toStageId" AS done_stage_id, t.id AS done_id, a.id AS application_id, a."orgId" AS org_id,
              a."stageId" AS from_stage_id, a.status AS from_status, s.id AS stage_id, s.kind AS stage_kind
         FROM "Application" a
         LEFT JOIN "Stage" s ON s."jobId" = a."jobId" AND s.key = $3
         LEFT JOIN "StageTransition" t ON t."idempotencyKey" = $4
        WHERE a.id = $1 AND a."orgId" = $2`,
      [input.run.applicationId, input.run.orgId, input.stage, input.idempotencyKey],
    );
    const found = rows[0];
    if (!found) throw new AppError('NOT_FOUND', `application ${input.run.applicationId} not found`);
    if (found.done_id) {
      // A retry after the move committed: make sure the runs it triggers are queued (idempotent).
      await queueStageEnteredRuns(deps, { orgId: found.org_id, applicationId: found.application_id!, transitionId: found.done_id, stageId: found.done_stage_id! });
      return { stageId: found.done_stage_id!, transitionId: found.done_id };
    }
    if (!found.stage_id) throw new AppError('NOT_FOUND', `job has no stage "${input.stage}"`, [{ path: 'config.stage', message: 'unknown stage key' }]);

    const status = found.stage_kind === 'REJECTED' ? 'REJECTED' : found.stage_kind === 'HIRED' ? 'HIRED' : found.from_status;
    const reason = found.stage_kind === 'REJECTED' ? input.reason ?? null : undefined;
    const transitionId = crypto.randomUUID();
    const { rowCount } = await deps.pool.query(
      `WITH transition AS (
         INSERT INTO "StageTransition" (id, "orgId", "applicationId", "fromStageId", "toStageId", "actorType", "runId", reason, "idempotencyKey")
         VALUES ($1, $2, $3, $4, $5, 'WORKFLOW', $6, $7, $8)
         ON CONFLICT ("idempotencyKey") DO NOTHING
         RETURNING id),
       moved AS (
         UPDATE "Application" SET "stageId" = $5, status = $9::"ApplicationStatus",
                "rejectionReason" = CASE WHEN $10 THEN $7 ELSE "rejectionReason" END, "updatedAt" = now()
          WHERE id = $3 AND EXISTS (SELECT 1 FROM transition)),
       audit AS (
         INSERT INTO "AuditEvent" (id, "orgId", "actorType", "actorId", action, "entityType", "entityId", before, after)
         SELECT $11, $2, 'WORKFLOW', $12, 'application.stage_changed', 'Application', $3, $13::jsonb, $14::jsonb FROM transition),
       run AS (
         UPDATE "Run" SET "currentNodeId" = $15, status = 'RUNNING',
                "nodeEnteredAt" = CASE WHEN "currentNodeId" IS DISTINCT FROM $15 THEN now() ELSE "nodeEnteredAt" END WHERE id = $6 AND status IN ('PENDING', 'RUNNING'))
       SELECT id FROM transition`,
      [
        transitionId, found.org_id, found.application_id, found.from_stage_id, found.stage_id, input.run.runId, input.reason ?? null, input.idempotencyKey,
        status, reason !== undefined, crypto.randomUUID(), input.run.workflowId,
        JSON.stringify({ stageId: found.from_stage_id }), JSON.stringify({ stageId: found.stage_id, status }), input.nodeId,
      ],
    );
    // A concurrent attempt recorded it first: return what it recorded.
    if (rowCount === 0) {
      const done = await deps.pool.query<{ id: string; toStageId: string }>(`SELECT id, "toStageId" FROM "StageTransition" WHERE "idempotencyKey" = $1`, [input.idempotencyKey]);
      return { stageId: done.rows[0]!.toStageId, transitionId: done.rows[0]!.id };
    }
    await queueStageEnteredRuns(deps, { orgId: found.org_id, applicationId: found.application_id!, transitionId, stageId: found.stage_id });
    return { stageId: found.stage_id, transitionId };
  };
}
