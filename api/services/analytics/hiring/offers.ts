// Offers sent in the period and how they stood at the as-of date: accepted, declined, still pending; the
// acceptance rate and the days from sending to the answer (docs/metrics.md#offers).
import { unknownCell } from '../report-errors';
import type { ReportContext, ReportDefinition } from '../report-types';
import type { SqlParams } from '../sql-params';
import { applicationScopeSql, daysBetween, drillGrouped, HIRING_FILTERS, inPeriodSql, median, ratio, runGrouped, UTM_CAMPAIGN_SQL } from './report-kit';

const GROUP_LABELS = { job: 'Job', department: 'Department', recruiter: 'Recruiter', period: 'Period' } as const;

/** One row per offer sent in the period, with its answer as of (an answer recorded after asOf is pending). */
function offersSql(ctx: ReportContext, p: SqlParams): string {
  const asOf = p.add(ctx.filters.asOf, 'timestamptz');
  return `SELECT o.id AS "factId", a."candidateId", a.id AS "applicationId", a."jobId", a.source, ${UTM_CAMPAIGN_SQL('a')} AS "utmCampaign", o."sentAt" AS at,
                 o."respondedAt",
                 CASE WHEN o."respondedAt" <= ${asOf} AND o.status IN ('ACCEPTED', 'DECLINED') THEN o.status::text
                      WHEN o.status = 'WITHDRAWN' AND coalesce(o."withdrawnAt", o."updatedAt") <= ${asOf} THEN 'WITHDRAWN' ELSE 'PENDING' END AS "answerAsOf",
                 CASE WHEN o."respondedAt" <= ${asOf} AND o.status IN ('ACCEPTED', 'DECLINED') THEN ${daysBetween('o."sentAt"', 'o."respondedAt"')} END AS "daysToAnswer"
            FROM "Offer" o JOIN "Application" a ON a.id = o."applicationId" JOIN "Job" j ON j.id = a."jobId"
           WHERE o."orgId" = ${p.add(ctx.orgId)} AND ${applicationScopeSql(ctx, p)} AND o."sentAt" IS NOT NULL AND ${inPeriodSql(ctx, p, 'o."sentAt"')}`;
}

const AGGREGATES = `count(*)::int AS sent,
  count(*) FILTER (WHERE f."answerAsOf" = 'ACCEPTED')::int AS accepted,
  count(*) FILTER (WHERE f."answerAsOf" = 'DECLINED')::int AS declined,
  count(*) FILTER (WHERE f."answerAsOf" = 'PENDING')::int AS pending,
  ${ratio(`count(*) FILTER (WHERE f."answerAsOf" = 'ACCEPTED')`, `count(*) FILTER (WHERE f."answerAsOf" IN ('ACCEPTED', 'DECLINED'))`)} AS "acceptanceRate",
  ${median('f."daysToAnswer"')} AS "medianDaysToAnswer"`;
const EMPTY = { sent: 0, accepted: 0, declined: 0, pending: 0, acceptanceRate: null, medianDaysToAnswer: null };
const ANSWERS = { sent: null, accepted: 'ACCEPTED', declined: 'DECLINED', pending: 'PENDING' } as const;

export const offersReport: ReportDefinition = {
  id: 'offers',
  area: 'hiring',
  title: 'Offers',
  description: 'Offers sent in the period, how many were accepted, declined or still pending at the as-of date, the acceptance rate and the days from sending to the answer.',
  definition: 'docs/metrics.md#offers',
  filters: [...HIRING_FILTERS, 'interval', 'groupBy'],
  groupBys: ['job', 'department', 'recruiter', 'period'],

  async compute(ctx) {
    const { rows, totals } = await runGrouped(ctx, (p) => offersSql(ctx, p), AGGREGATES, EMPTY);
    const group = ctx.filters.groupBy as keyof typeof GROUP_LABELS;
    return {
      columns: [
        { key: 'label', label: GROUP_LABELS[group], kind: group === 'period' ? 'date' : 'text' },
        { key: 'sent', label: 'Sent', kind: 'count', isDrillable: true, description: 'offers sent in the period' },
        { key: 'accepted', label: 'Accepted', kind: 'count', isDrillable: true, description: 'accepted by the as-of date' },
        { key: 'declined', label: 'Declined', kind: 'count', isDrillable: true, description: 'declined by the as-of date' },
        { key: 'pending', label: 'Pending', kind: 'count', isDrillable: true, description: 'not answered (nor withdrawn) at the as-of date' },
        { key: 'acceptanceRate', label: 'Acceptance rate', kind: 'percent', description: 'accepted / (accepted + declined)' },
        { key: 'medianDaysToAnswer', label: 'Median days to answer', kind: 'days', description: 'sent → answered' },
      ],
      rows, totals,
      charts: [{ kind: 'bar', title: 'Offers by outcome', x: 'label', series: ['accepted', 'declined', 'pending'] }],
      notes: [],
    };
  },

  async drill(ctx, row, column) {
    if (!(column in ANSWERS)) throw unknownCell('column', column);
    const answer = ANSWERS[column as keyof typeof ANSWERS];
    return drillGrouped(ctx, {
      facts: (p) => offersSql(ctx, p), row, title: `Offers ${column === 'sent' ? 'sent' : column} ${row === 'total' ? 'in the period' : `of ${row}`}`,
      where: (p) => (answer ? `f."answerAsOf" = ${p.add(answer)}` : 'true'),
      columns: [{ key: 'sentAt', label: 'Sent', kind: 'date' }, { key: 'answer', label: 'Answer as of', kind: 'text' }, { key: 'daysToAnswer', label: 'Days to answer', kind: 'days' }],
      select: `f.at AS "sentAt", f."answerAsOf" AS answer, f."daysToAnswer"`,
    });
  },
};
