// What the send path reads before it renders, in one query: the candidate and
// their organization (its contact policy), the run (campaign, start), the
// campaign (topic, its stricter policy, its sender), the sending user, the
// application and job for the template, and what is recorded under the send's
// idempotency key. Read fresh at send time, so a corrected name or a new policy
// applies to a message deferred for days; concurrent sends read theirs in one
// statement.
import type { Pool } from 'pg';
import type { TemplateContext } from '../../../activities/render-template';
import { AppError } from '../../errors';
import { effectivePolicy, readContactPolicy, ZCampaignContactPolicy, type TEffectivePolicy } from './contact-policy';
import { finalResultOf, recordedResult, type TRecordedResult } from './record-send-decision';
import { createBatcher } from './send-batcher';

export interface TSendContextQuery {
  orgId: string;
  candidateId: string;
  runId?: string;
  campaignId?: string;
  applicationId?: string;
  senderUserId?: string;
  /** The message already recorded under this key, if any, comes back as `recorded` (no extra round trip). */
  idempotencyKey?: string;
}

export interface TSendContext {
  candidate: { firstName: string; lastName: string; email: string | null; phone: string | null };
  /** Anonymized by an erasure: nothing is sent, nothing personal is recorded. */
  isErased: boolean;
  orgName: string;
  orgPolicy: unknown;
  /** The run's start: stop-on-reply compares replies with it. */
  runStartedAt: Date | null;
  campaign: { id: string; topic: string; contactPolicy: unknown } | null;
  senderUser: { name: string; email: string } | null;
  application: { id: string; stage: string; jobTitle: string; department: string | null; location: string | null } | null;
  recorded: { id: string; status: string; policyReason: string | null } | null;
}

interface Row {
  firstName: string; lastName: string; email: string | null; phone: string | null; isErased: boolean; orgName: string; orgPolicy: unknown;
  runStartedAt: Date | null; campaignId: string | null; topic: string | null; campaignPolicy: unknown;
  senderName: string | null; senderEmail: string | null;
  applicationId: string | null; stageName: string | null; jobTitle: string | null; department: string | null; location: string | null;
  recordedId: string | null; recordedStatus: string | null; recordedReason: string | null;
}

const contextBatchers = new WeakMap<Pool, (q: TSendContextQuery) => Promise<TSendContext | null>>();

/** Concurrent sends read their contexts in one statement (see send-batcher.ts). */
export function loadSendContext(pool: Pool, q: TSendContextQuery): Promise<TSendContext | null> {
  let load = contextBatchers.get(pool);
  if (!load) {
    load = createBatcher((queries: TSendContextQuery[]) => loadSendContexts(pool, queries), { maxBatch: 100 });
    contextBatchers.set(pool, load);
  }
  return load(q);
}

async function loadSendContexts(pool: Pool, queries: readonly TSendContextQuery[]): Promise<(TSendContext | null)[]> {
  const col = <T>(f: (q: TSendContextQuery) => T) => queries.map(f);
  const { rows } = await pool.query<Row & { i: string }>({
    // Named: each connection plans it once (the send path runs it for every email).
    name: 'send-context',
    text: `SELECT q.i, c."firstName", c."lastName", c.email, c.phone, c."anonymizedAt" IS NOT NULL AS "isErased", o.name AS "orgName", o.settings->'contactPolicy' AS "orgPolicy",
            r."startedAt" AS "runStartedAt", cp.id AS "campaignId", cp.topic, cp."contactPolicy" AS "campaignPolicy",
            u.name AS "senderName", u.email AS "senderEmail",
            a.id AS "applicationId", s.name AS "stageName", j.title AS "jobTitle", j.department, j.locations[1] AS location,
            rec.id AS "recordedId", rec.status AS "recordedStatus", rec."policyReason" AS "recordedReason"
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) WITH ORDINALITY AS q(cid, org, run, campaign, app, sender, key, i)
       JOIN "Candidate" c ON c.id = q.cid AND c."orgId" = q.org
       JOIN "Organization" o ON o.id = c."orgId"
       LEFT JOIN "Run" r ON r.id = q.run AND r."orgId" = c."orgId"
       LEFT JOIN "Campaign" cp ON cp.id = COALESCE(q.campaign, r."campaignId") AND cp."orgId" = c."orgId"
       LEFT JOIN "User" u ON u.id = COALESCE(q.sender, cp."senderUserId") AND u."orgId" = c."orgId" AND NOT u.deactivated
       LEFT JOIN "Application" a ON a.id = COALESCE(q.app, r."applicationId") AND a."orgId" = c."orgId"
       LEFT JOIN "Job" j ON j.id = a."jobId"
       LEFT JOIN "Stage" s ON s.id = a."stageId"
       LEFT JOIN "Message" rec ON rec."idempotencyKey" = q.key`,
    values: [
      col((q) => q.candidateId), col((q) => q.orgId), col((q) => q.runId ?? null), col((q) => q.campaignId ?? null), col((q) => q.applicationId ?? null),
      col((q) => q.senderUserId ?? null), col((q) => q.idempotencyKey ?? null),
    ],
  });
  const byIndex = new Map(rows.map((r) => [Number(r.i) - 1, r]));
  return queries.map((_q, i) => {
    const r = byIndex.get(i);
    if (!r) return null;
    return {
      candidate: { firstName: r.firstName, lastName: r.lastName, email: r.email, phone: r.phone },
      isErased: r.isErased,
      orgName: r.orgName,
      orgPolicy: r.orgPolicy,
      runStartedAt: r.runStartedAt,
      campaign: r.campaignId ? { id: r.campaignId, topic: r.topic!, contactPolicy: r.campaignPolicy } : null,
      senderUser: r.senderEmail ? { name: r.senderName!, email: r.senderEmail } : null,
      application: r.applicationId ? { id: r.applicationId, stage: r.stageName!, jobTitle: r.jobTitle!, department: r.department, location: r.location } : null,
      recorded: r.recordedId ? { id: r.recordedId, status: r.recordedStatus!, policyReason: r.recordedReason } : null,
    };
  });
}

/** The send's context, or its final result when one is recorded under its key already (a retried activity). */
export async function contextOrRecorded(pool: Pool, q: TSendContextQuery & { idempotencyKey: string }): Promise<{ ctx: TSendContext; recorded?: undefined } | { recorded: TRecordedResult; ctx?: undefined }> {
  const ctx = await loadSendContext(pool, q);
  const recorded = ctx ? finalResultOf(ctx.recorded) : await recordedResult(pool, q.idempotencyKey);
  if (recorded) return { recorded };
  if (!ctx) throw new AppError('NOT_FOUND', `candidate ${q.candidateId} not found`);
  return { ctx };
}

/** The variables templates see (the same shape activities/render-template.ts documents for every node). */
export function templateContextOf(ctx: TSendContext, sender: { name: string; email: string }): TemplateContext {
  const { candidate: c, application: a } = ctx;
  return {
    candidate: { firstName: c.firstName, lastName: c.lastName, fullName: `${c.firstName} ${c.lastName}`.trim(), email: c.email, phone: c.phone },
    job: a ? { title: a.jobTitle, department: a.department, location: a.location } : undefined,
    application: a ? { id: a.id, stage: a.stage } : undefined,
    org: { name: ctx.orgName },
    sender,
  };
}

/** The organization's contact policy with the campaign's additions (a campaign policy that no longer parses adds nothing). */
export function policyOf(ctx: TSendContext): TEffectivePolicy {
  const campaign = ZCampaignContactPolicy.safeParse(ctx.campaign?.contactPolicy ?? {});
  return effectivePolicy(readContactPolicy(ctx.orgPolicy), campaign.success ? campaign.data : null);
}
