// trigger.stage_entered: when an application enters a stage, every published
// pipeline of the organization whose trigger names that stage (and, if it says
// so, that job) gets a run for it. The run and its start request are queued in
// one transaction with ids derived from the transition, so calling this again
// for the same transition (an activity retry) queues nothing twice; the outbox
// dispatcher starts them.
import type { Pool } from 'pg';
import { withTransaction } from '../api/platform/db/transaction';
import type { Plan } from '../workflows/graph/plan';
import { runSnapshot } from '../workflows/graph/template-variables';
import type { PipelineRunInput } from '../workflows/pipeline-run';
import type { StartWorkflowPayload } from '../api/services/outbox-dispatcher';

export interface StageEntered {
  orgId: string;
  applicationId: string;
  transitionId: string;
  stageId: string;
}

export async function queueStageEnteredRuns(deps: { pool: Pool }, entered: StageEntered): Promise<number> {
  const { rows: versions } = await deps.pool.query<{ id: string; pipelineId: string; plan: Plan; candidateId: string; tags: string[]; source: string | null; location: string | null; timeZone: string | null; interestLevel: string | null; kind: string; jobId: string; title: string; department: string | null }>(
    `WITH latest AS (
       SELECT DISTINCT ON (v."pipelineId") v.id, v."pipelineId", v.plan
         FROM "PipelineVersion" v WHERE v."orgId" = $1 AND v.status = 'PUBLISHED'
        ORDER BY v."pipelineId", v.version DESC),
     entered AS (
       SELECT a."candidateId", a."jobId", s.key AS stage_key, c.tags, c.source, c.location, c."timeZone", c."interestLevel", c.kind, j.title, j.department
         FROM "Application" a JOIN "Stage" s ON s.id = $3 JOIN "Candidate" c ON c.id = a."candidateId" JOIN "Job" j ON j.id = a."jobId"
        WHERE a.id = $2 AND a."orgId" = $1)
     SELECT l.id, l."pipelineId", l.plan, e."candidateId", e.tags, e.source, e.location, e."timeZone", e."interestLevel", e.kind, e."jobId", e.title, e.department
       FROM latest l, entered e
      WHERE l.plan->'nodes'->(l.plan->>'triggerNodeId')->>'type' = 'trigger.stage_entered'
        AND l.plan->'nodes'->(l.plan->>'triggerNodeId')->'config'->>'stage' = e.stage_key
        AND coalesce(l.plan->'nodes'->(l.plan->>'triggerNodeId')->'config'->>'jobId', e."jobId") = e."jobId"`,
    [entered.orgId, entered.applicationId, entered.stageId],
  );
  if (!versions.length) return 0;
  await withTransaction(deps.pool, async (client) => {
    for (const v of versions) {
      const runId = `stage-${entered.transitionId}-${v.pipelineId}`;
      const workflowId = `stage-entered-${entered.transitionId}-${v.pipelineId}`;
      const input: PipelineRunInput = {
        plan: v.plan, pipelineVersionId: v.id,
        run: { runId, workflowId, orgId: entered.orgId, candidateId: v.candidateId, applicationId: entered.applicationId },
        vars: runSnapshot({ candidate: v, job: { id: v.jobId, title: v.title, department: v.department } }),
      };
      const payload: StartWorkflowPayload = { workflowId, runId, args: [input] };
      await client.query(
        `INSERT INTO "Run" (id, "orgId", "pipelineVersionId", "candidateId", "applicationId", "workflowId") VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
        [runId, entered.orgId, v.id, v.candidateId, entered.applicationId, workflowId],
      );
      await client.query(
        `INSERT INTO "OutboxEvent" (id, "orgId", kind, payload, "dedupeKey") VALUES (gen_random_uuid()::text, $1, 'START_WORKFLOW', $2::jsonb, $3) ON CONFLICT ("dedupeKey") DO NOTHING`,
        [entered.orgId, JSON.stringify(payload), `start:${workflowId}`],
      );
    }
  });
  return versions.length;
}
