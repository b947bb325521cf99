// Follow-up sequences of recruiting events: every published pipeline whose
// trigger is trigger.event_registration for this status (and this event, when
// its config names one) gets one run per registration and status. The Run row
// and its start request are written in the caller's transaction (the one that
// changed the registration), with ids derived from the registration, status and
// pipeline, so a repeated change queues nothing twice; the caller delivers the
// start after commit (withRunSignals) and the outbox poller is the fallback.
import type { PoolClient } from 'pg';
import { DIRECT_DELIVERY_LEASE_SECONDS, type OutboxRow, type StartWorkflowPayload } from '../outbox-dispatcher';
import { insertRunSignal } from '../run-signals';
import { OPERATOR_EXIT_EVENT } from '../../../workflows/constants';
import type { Plan } from '../../../workflows/graph/plan';
import type { PipelineRunInput } from '../../../workflows/pipeline-run';
import { runSnapshot } from '../../../workflows/graph/template-variables';

/** Registration statuses a follow-up sequence can start on, as the trigger's config names them. */
export const FOLLOW_UP_STATUS = { REGISTERED: 'registered', ATTENDED: 'attended', NO_SHOW: 'no_show' } as const;
export type TFollowUpStatus = keyof typeof FOLLOW_UP_STATUS;

/** Run variables an event-triggered run starts with (declared by the trigger node's `provides`). */
export interface TEventRunVars {
  event: { id: string; name: string; kind: string; startsAt: string; endsAt: string | null; timeZone: string; location: string | null; isOnline: boolean; joinUrl: string | null; pageUrl: string };
  registration: { id: string; status: string };
}

export interface TRegistrationFact {
  orgId: string;
  eventId: string;
  registrationId: string;
  candidateId: string;
  status: TFollowUpStatus;
  vars: TEventRunVars;
}

const workflowIdOf = (registrationId: string, status: TFollowUpStatus, pipelineId: string) => `event-${registrationId}-${FOLLOW_UP_STATUS[status]}-${pipelineId}`;
/** Every run a registration started: their workflow ids share this prefix. */
const runPrefixOf = (registrationId: string) => `event-${registrationId}-`;

export async function queueEventFollowUpRuns(client: PoolClient, outbox: OutboxRow[], fact: TRegistrationFact): Promise<number> {
  const { rows: versions } = await client.query<{ id: string; pipelineId: string; plan: Plan; tags: string[]; source: string | null; location: string | null; timeZone: string | null; interestLevel: string | null; kind: string }>(
    `WITH latest AS (
       SELECT DISTINCT ON (v."pipelineId") v.id, v."pipelineId", v.plan
         FROM "PipelineVersion" v WHERE v."orgId" = $1 AND v.status = 'PUBLISHED'
        ORDER BY v."pipelineId", v.version DESC)
     SELECT l.id, l."pipelineId", l.plan, c.tags, c.source, c.location, c."timeZone", c."interestLevel", c.kind
       FROM latest l, "Candidate" c
      WHERE c.id = $2
        AND l.plan->'nodes'->(l.plan->>'triggerNodeId')->>'type' = 'trigger.event_registration'
        AND coalesce(l.plan->'nodes'->(l.plan->>'triggerNodeId')->'config'->>'status', 'registered') = $3
        AND coalesce(l.plan->'nodes'->(l.plan->>'triggerNodeId')->'config'->>'eventId', $4) = $4`,
    [fact.orgId, fact.candidateId, FOLLOW_UP_STATUS[fact.status], fact.eventId],
  );
  let queued = 0;
  for (const v of versions) {
    const workflowId = workflowIdOf(fact.registrationId, fact.status, v.pipelineId);
    const runId = workflowId;
    const input: PipelineRunInput = {
      plan: v.plan, pipelineVersionId: v.id,
      run: { runId, workflowId, orgId: fact.orgId, candidateId: fact.candidateId },
      vars: { ...runSnapshot({ candidate: v }), ...fact.vars },
    };
    const { rowCount } = await client.query(
      `INSERT INTO "Run" (id, "orgId", "pipelineVersionId", "candidateId", "workflowId") VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [runId, fact.orgId, v.id, fact.candidateId, workflowId],
    );
    if (!rowCount) continue;
    const payload: StartWorkflowPayload = { workflowId, runId, args: [input] };
    const { rows: [row] } = await client.query<{ id: string }>(
      `INSERT INTO "OutboxEvent" (id, "orgId", kind, payload, "dedupeKey", "availableAt")
       VALUES (gen_random_uuid()::text, $1, 'START_WORKFLOW', $2::jsonb, $3, now() + make_interval(secs => $4))
       ON CONFLICT ("dedupeKey") DO NOTHING RETURNING id`,
      [fact.orgId, JSON.stringify(payload), `start:${workflowId}`, DIRECT_DELIVERY_LEASE_SECONDS],
    );
    if (row) outbox.push({ id: row.id, kind: 'START_WORKFLOW', payload, attempts: 0 });
    queued++;
  }
  return queued;
}

/**
 * Ends the live follow-up runs of registrations that no longer stand (the person cancelled, the event was
 * cancelled): a reminder sequence must not remind anyone of an event they are not going to.
 */
export async function exitEventFollowUpRuns(
  client: PoolClient, outbox: OutboxRow[], orgId: string, registrations: readonly { id: string; candidateId: string }[], reason: string,
): Promise<number> {
  if (!registrations.length) return 0;
  // By candidate first (Run @@index([candidateId, status])), then the registration's own runs by their id prefix.
  const { rows } = await client.query<{ id: string; workflowId: string }>(
    `SELECT id, "workflowId" FROM "Run"
      WHERE "candidateId" = ANY($2::text[]) AND status IN ('PENDING', 'RUNNING') AND "orgId" = $1 AND "workflowId" LIKE ANY($3::text[])`,
    [orgId, registrations.map((r) => r.candidateId), registrations.map((r) => `${runPrefixOf(r.id)}%`)],
  );
  let told = 0;
  for (const run of rows) {
    const dedupeKey = `${OPERATOR_EXIT_EVENT}:${run.id}:${reason}`;
    const { rowCount } = await client.query(`SELECT 1 FROM "OutboxEvent" WHERE "dedupeKey" = $1`, [dedupeKey]);
    if (rowCount) continue;
    outbox.push(await insertRunSignal(client, orgId, run.workflowId, { name: OPERATOR_EXIT_EVENT, payload: { reason } }, dedupeKey));
    told++;
  }
  return told;
}
