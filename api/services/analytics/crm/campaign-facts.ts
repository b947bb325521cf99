// The facts behind the campaign reports, one row per fact (campaign, person, metric, when, the record it
// comes from), so a count and its drill-down read the same statement. The definitions are the campaign
// dashboard's (campaigns/campaign-stats.ts) made as-of correct: runs by their start and end, messages by
// their sent time, engagement by its `at`, applications by their applied date and their stage as of.
import type { ReportContext } from '../report-types';
import { SqlParams } from '../sql-params';
import { stageKindAsOf, reachedKindAt } from '../hiring/as-of';
import { periodParams } from './crm-report-parts';

export const CAMPAIGN_METRICS = ['enrolled', 'active', 'sent', 'delivered', 'opened', 'clicked', 'replied', 'unsubscribed', 'applied', 'hired'] as const;
export type TCampaignMetric = (typeof CAMPAIGN_METRICS)[number];
/** Counted as messages; every other metric counts people (once per campaign). */
export const MESSAGE_METRICS: readonly TCampaignMetric[] = ['sent', 'delivered'];

/** The organization's campaigns in scope (created by the as-of date, the chosen ones): `camps(id, name)`. */
export function campaignScopeSql(ctx: ReportContext, p: SqlParams, asOf: string): string {
  const chosen = ctx.filters.campaignIds ? ` AND id = ANY(${p.add(ctx.filters.campaignIds, 'text[]')})` : '';
  return `SELECT id, name FROM "Campaign" WHERE "orgId" = ${p.add(ctx.orgId)} AND "createdAt" <= ${asOf}${chosen}`;
}

/**
 * `WITH camps AS (...), facts AS (...)`: facts ("campaignId", "candidateId", metric, at, "refId") of the
 * metrics asked. "refId" is the run, message, engagement event or application behind the fact.
 */
export function campaignFactsSql(ctx: ReportContext, p: SqlParams, metrics: readonly TCampaignMetric[]): string {
  const { from, to, asOf } = periodParams(ctx, p);
  const inPeriod = (col: string) => `${col} >= ${from} AND ${col} < ${to}`;
  const engagement = (metric: TCampaignMetric, kind: string) =>
    `SELECT e."campaignId", e."candidateId", '${metric}' AS metric, e.at, e.id AS "refId" FROM "EngagementEvent" e JOIN camps ON camps.id = e."campaignId"
      WHERE e.kind = '${kind}' AND ${inPeriod('e.at')}`;
  // Enrolled in the period, then applied to a job after enrolling (and by the as-of date).
  const conversions = `SELECT r."campaignId", r."candidateId", a.id AS "applicationId", a."appliedAt", ${stageKindAsOf('a', asOf)} AS "kindAsOf", ${reachedKindAt('a', 'HIRED', asOf)} AS "hiredAt"
      FROM "Run" r JOIN camps ON camps.id = r."campaignId"
      JOIN "Application" a ON a."candidateId" = r."candidateId" AND a."orgId" = r."orgId" AND a."appliedAt" >= r."startedAt" AND a."appliedAt" <= ${asOf}
     WHERE ${inPeriod('r."startedAt"')}`;
  const sent = `SELECT m."campaignId", m."candidateId", m."sentAt" AS at, m.id AS "refId", m."bouncedAt" FROM "Message" m JOIN camps ON camps.id = m."campaignId"
      WHERE m.direction = 'OUTBOUND' AND m.status = 'SENT' AND m."candidateId" IS NOT NULL AND ${inPeriod('m."sentAt"')}`;
  const parts: Record<TCampaignMetric, string> = {
    enrolled: `SELECT r."campaignId", r."candidateId", 'enrolled' AS metric, r."startedAt" AS at, r.id AS "refId" FROM "Run" r JOIN camps ON camps.id = r."campaignId" WHERE ${inPeriod('r."startedAt"')}`,
    // Started by the as-of date and not ended by then (a run that ended without an end time is not live).
    active: `SELECT r."campaignId", r."candidateId", 'active' AS metric, r."startedAt" AS at, r.id AS "refId" FROM "Run" r JOIN camps ON camps.id = r."campaignId"
      WHERE r."startedAt" <= ${asOf} AND (r."endedAt" > ${asOf} OR (r."endedAt" IS NULL AND r.status IN ('PENDING', 'RUNNING')))`,
    sent: `SELECT "campaignId", "candidateId", 'sent' AS metric, at, "refId" FROM sent`,
    delivered: `SELECT "campaignId", "candidateId", 'delivered' AS metric, at, "refId" FROM sent WHERE "bouncedAt" IS NULL OR "bouncedAt" > ${asOf}`,
    opened: engagement('opened', 'OPENED'),
    clicked: engagement('clicked', 'CLICKED'),
    replied: engagement('replied', 'REPLIED'),
    // As the dashboard: an unsubscribe naming the campaign, or a run of it ended by the person's unsubscribing.
    unsubscribed: `${engagement('unsubscribed', 'UNSUBSCRIBED')}
      UNION ALL SELECT r."campaignId", r."candidateId", 'unsubscribed', r."endedAt", r.id FROM "Run" r JOIN camps ON camps.id = r."campaignId"
      WHERE r."exitReason" = 'candidate.unsubscribed' AND ${inPeriod('r."endedAt"')}`,
    applied: `SELECT "campaignId", "candidateId", 'applied' AS metric, "appliedAt" AS at, "applicationId" AS "refId" FROM conversions`,
    hired: `SELECT "campaignId", "candidateId", 'hired' AS metric, "hiredAt" AS at, "applicationId" AS "refId" FROM conversions WHERE "kindAsOf" = 'HIRED'`,
  };
  const camps = campaignScopeSql(ctx, p, asOf);
  return `WITH camps AS (${camps}),
       sent AS (${sent}),
       conversions AS (${conversions}),
       facts AS (${metrics.map((m) => parts[m]).join('\n UNION ALL ')})`;
}

/** `count(...) FILTER (WHERE metric = ...)::int AS <metric>` for each metric: messages counted, people once. */
export function campaignCountsSql(metrics: readonly TCampaignMetric[]): string {
  return metrics.map((m) => (MESSAGE_METRICS.includes(m)
    ? `count(f."refId") FILTER (WHERE f.metric = '${m}')::int AS "${m}"`
    : `count(DISTINCT f."candidateId") FILTER (WHERE f.metric = '${m}')::int AS "${m}"`)).join(',\n ');
}
