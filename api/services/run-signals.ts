// Events for waiting runs: written as an outbox row in the caller's transaction
// (so the event is never lost), then delivered at once after commit, with the
// outbox poller as the fallback.
import crypto from 'node:crypto';
import type { PoolClient } from 'pg';
import { z } from 'zod';
import { AppError, notFound } from '../errors';
import { EVENT_SIGNAL } from '../../workflows/constants';
import type { RunEvent } from '../../workflows/pipeline-run';
import { DIRECT_DELIVERY_LEASE_SECONDS, type OutboxRow, type SignalWorkflowPayload } from './outbox-dispatcher';
import type { Services } from './services';
import { withTransaction } from '../platform/db/transaction';

/** Events people and integrations may send to a run (ids such as taskId belong in the payload). */
export const PUBLIC_RUN_EVENTS = [
  'candidate.replied', 'candidate.applied', 'candidate.withdrew', 'candidate.unsubscribed', 'candidate.hired',
  'form.submitted', 'stage.changed', 'interview.scheduled', 'interview.declined',
] as const;

export const ZRunEventRequest = z.object({ name: z.enum(PUBLIC_RUN_EVENTS), payload: z.record(z.string(), z.unknown()).default({}) }).strict();

export async function insertRunSignal(client: Pick<PoolClient, 'query'>, orgId: string, workflowId: string, event: RunEvent, dedupeKey: string): Promise<OutboxRow> {
  const payload: SignalWorkflowPayload = { workflowId, signal: EVENT_SIGNAL, args: [event] };
  const id = crypto.randomUUID();
  await client.query(
    `INSERT INTO "OutboxEvent" (id, "orgId", kind, payload, "dedupeKey", "availableAt") VALUES ($1, $2, 'SIGNAL_WORKFLOW', $3::jsonb, $4, now() + make_interval(secs => $5))`,
    [id, orgId, JSON.stringify(payload), dedupeKey, DIRECT_DELIVERY_LEASE_SECONDS],
  );
  return { id, kind: 'SIGNAL_WORKFLOW', payload, attempts: 0 };
}

/** Runs `work` in a transaction; delivers the signals it queued once it has committed. */
export async function withRunSignals<T>(services: Services, work: (client: PoolClient, signals: OutboxRow[]) => Promise<T>): Promise<T> {
  const signals: OutboxRow[] = [];
  const result = await withTransaction(services.pool, (client) => work(client, signals));
  // Not awaited: the event is safe once committed; a slow Temporal must not hold the response.
  void services.outbox.deliverNow(signals);
  return result;
}

export async function sendRunEvent(services: Services, orgId: string, runId: string, event: z.infer<typeof ZRunEventRequest>) {
  return withRunSignals(services, async (client, signals) => {
    const { rows } = await client.query<{ workflowId: string; status: string }>(`SELECT "workflowId", status FROM "Run" WHERE id = $1 AND "orgId" = $2`, [runId, orgId]);
    const run = rows[0];
    if (!run) throw notFound('Run', runId);
    if (run.status !== 'RUNNING' && run.status !== 'PENDING') throw new AppError('CONFLICT', `run ${runId} is ${run.status.toLowerCase()}; it takes no more events`, [{ path: 'params.id', message: `run is ${run.status}` }]);
    signals.push(await insertRunSignal(client, orgId, run.workflowId, event, `event:${runId}:${crypto.randomUUID()}`));
    return { runId, accepted: event.name };
  });
}

/**
 * Tells every live run about one candidate that a person-level event happened (replied, unsubscribed,
 * applied, hired): nurture runs of every campaign exit on it (their graph's exitOn), hiring runs may
 * wait for it. `eventKey` names the fact (a message id, an application id), so a repeated call queues
 * nothing new. `only: 'campaign'` limits it to campaign runs; `campaignTopics` further to the runs of
 * campaigns with one of those preference-center topics (an unsubscribe from one topic). Returns the runs told.
 *
 * A campaign run still PENDING (enrolled, its workflow not started yet) cannot take a signal: when the
 * event is one of its plan's exits it is marked EXITED here, and the enrollment starter, which marks a
 * run RUNNING only if it is still PENDING after its start, hands the exit to a workflow it started in
 * the meantime (api/services/campaigns/start-campaign-runs.ts).
 */
export async function signalCandidateRuns(
  client: Pick<PoolClient, 'query'>, signals: OutboxRow[], orgId: string, candidateId: string, event: RunEvent, eventKey: string, opts: { only?: 'campaign'; campaignTopics?: readonly string[] } = {},
): Promise<number> {
  const byTopic = opts.campaignTopics ? ' AND r."campaignId" IN (SELECT id FROM "Campaign" WHERE topic = ANY($4::text[]))' : '';
  const { rows } = await client.query<{ id: string; workflowId: string; isPendingExit: boolean }>(
    `SELECT r.id, r."workflowId",
            (r.status = 'PENDING' AND r."campaignId" IS NOT NULL AND COALESCE(v.plan->'exitOn' @> to_jsonb($3::text), false)) AS "isPendingExit"
       FROM "Run" r JOIN "PipelineVersion" v ON v.id = r."pipelineVersionId"
      WHERE r."orgId" = $1 AND r."candidateId" = $2 AND r.status IN ('PENDING', 'RUNNING')${opts.only === 'campaign' ? ' AND r."campaignId" IS NOT NULL' : ''}${byTopic}`,
    [orgId, candidateId, event.name, ...(opts.campaignTopics ? [[...opts.campaignTopics]] : [])],
  );
  let told = 0;
  for (const run of rows) {
    if (run.isPendingExit) {
      const { rowCount } = await client.query(`UPDATE "Run" SET status = 'EXITED', "exitReason" = $2, "endedAt" = now() WHERE id = $1 AND status = 'PENDING'`, [run.id, event.name]);
      if (rowCount) {
        told++;
        continue;
      }
    }
    const dedupeKey = `event:${event.name}:${eventKey}:${run.id}`;
    const { rowCount } = await client.query(`SELECT 1 FROM "OutboxEvent" WHERE "dedupeKey" = $1`, [dedupeKey]);
    if (rowCount) continue;
    signals.push(await insertRunSignal(client, orgId, run.workflowId, event, dedupeKey));
    told++;
  }
  return told;
}
