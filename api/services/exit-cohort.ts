// An operator ends the runs parked at one node of a pipeline (a cohort in the
// builder's live overlay): each gets the reserved `operator.exit` event, which
// every plan treats as an exit condition, so the run ends where it waits with
// status EXITED and its open tasks cancelled. Events go through the outbox in
// the same transaction as the audit record, one per run (deduplicated), so a
// repeated click queues nothing twice.
import crypto from 'node:crypto';
import { z } from 'zod';
import { OPERATOR_EXIT_EVENT } from '../../workflows/constants';
import { insertRunSignal, withRunSignals } from './run-signals';
import { assertPipelineVersion, IS_ACTIVE_RUN } from './pipeline-overlay';
import type { Services } from './services';

/** As many runs as a migration moves in one request. */
export const MAX_COHORT_EXIT = 5000;

export const ZCohortExitRequest = z
  .object({
    nodeId: z.string().min(1).max(200),
    versionId: z.string().min(1).max(100).optional(),
    /** Only these runs of the cohort (default: all of it). */
    runIds: z.array(z.string().min(1).max(100)).min(1).max(MAX_COHORT_EXIT).optional(),
  })
  .strict();
export type TCohortExitRequest = z.infer<typeof ZCohortExitRequest>;

const exitKey = (runId: string) => `${OPERATOR_EXIT_EVENT}:${runId}`;

export async function exitCohort(services: Services, orgId: string, pipelineId: string, userId: string | null, req: TCohortExitRequest) {
  await assertPipelineVersion(services, orgId, pipelineId, req.versionId);
  return withRunSignals(services, async (client, signals) => {
    // Locked, so two concurrent exits of one cohort cannot both queue an event for a run.
    const { rows: runs } = await client.query<{ id: string; workflowId: string }>(
      `SELECT r.id, r."workflowId"
         FROM "Run" r JOIN "PipelineVersion" v ON v.id = r."pipelineVersionId"
        WHERE v."pipelineId" = $1 AND v."orgId" = $2 AND ${IS_ACTIVE_RUN} AND r."currentNodeId" = $3
          AND ($4::text IS NULL OR v.id = $4) AND ($5::text[] IS NULL OR r.id = ANY($5::text[]))
        ORDER BY r.id LIMIT $6
          FOR UPDATE OF r`,
      [pipelineId, orgId, req.nodeId, req.versionId ?? null, req.runIds ?? null, MAX_COHORT_EXIT],
    );
    const { rows: queued } = await client.query<{ dedupeKey: string }>(`SELECT "dedupeKey" FROM "OutboxEvent" WHERE "dedupeKey" = ANY($1::text[])`, [runs.map((r) => exitKey(r.id))]);
    const alreadyQueued = new Set(queued.map((q) => q.dedupeKey));
    for (const run of runs) {
      if (alreadyQueued.has(exitKey(run.id))) continue;
      signals.push(await insertRunSignal(client, orgId, run.workflowId, { name: OPERATOR_EXIT_EVENT, payload: { userId, nodeId: req.nodeId } }, exitKey(run.id)));
    }
    const exited = runs.map((r) => r.id);
    if (exited.length) {
      await client.query(
        `INSERT INTO "AuditEvent" (id, "orgId", "actorType", "actorId", action, "entityType", "entityId", after)
         VALUES ($1, $2, 'USER', $3, 'pipeline.cohort_exited', 'Pipeline', $4, $5::jsonb)`,
        [crypto.randomUUID(), orgId, userId, pipelineId, JSON.stringify({ nodeId: req.nodeId, versionId: req.versionId ?? null, runIds: exited })],
      );
    }
    return { requested: req.runIds ? new Set(req.runIds).size : runs.length, exited };
  });
}
