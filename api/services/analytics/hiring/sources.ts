// Source effectiveness: the applications of the period by source (or utm campaign), how far they got by the
// as-of date (interview, offer, hire), the time to hire and the conversion applicant → hire
// (docs/metrics.md#sources).
import { unknownCell } from '../report-errors';
import type { ReportContext, ReportDefinition } from '../report-types';
import type { SqlParams } from '../sql-params';
import { applicationScopeSql, daysBetween, drillGrouped, HIRING_FILTERS, inPeriodSql, median, ratio, runGrouped, UTM_CAMPAIGN_SQL } from './report-kit';

/** One row per application of the period, with the moments it reached each step (null: not by asOf). */
function applicantsSql(ctx: ReportContext, p: SqlParams): string {
  const asOf = p.add(ctx.filters.asOf, 'timestamptz');
  return `SELECT a.id AS "factId", a."candidateId", a.id AS "applicationId", a."jobId", a.source, ${UTM_CAMPAIGN_SQL('a')} AS "utmCampaign", a."appliedAt" AS at,
                 steps."interviewAt",
                 (SELECT min(o."sentAt") FROM "Offer" o WHERE o."applicationId" = a.id AND o."sentAt" <= ${asOf}) AS "offerAt",
                 steps."hiredAt"
            FROM "Application" a JOIN "Job" j ON j.id = a."jobId"
            LEFT JOIN LATERAL (SELECT min(t.at) FILTER (WHERE s.kind IN ('INTERVIEW', 'OFFER', 'HIRED')) AS "interviewAt",
                                      min(t.at) FILTER (WHERE s.kind = 'HIRED') AS "hiredAt"
                                 FROM "StageTransition" t JOIN "Stage" s ON s.id = t."toStageId"
                                WHERE t."applicationId" = a.id AND t.at <= ${asOf}) steps ON true
           WHERE a."orgId" = ${p.add(ctx.orgId)} AND ${applicationScopeSql(ctx, p)} AND ${inPeriodSql(ctx, p, 'a."appliedAt"')}`;
}

const AGGREGATES = `count(*)::int AS applicants,
  count(f."interviewAt")::int AS interviewed, count(f."offerAt")::int AS offered, count(f."hiredAt")::int AS hired,
  ${median(daysBetween('f.at', 'f."hiredAt"'))} AS "medianDaysToHire",
  ${ratio('count(f."hiredAt")', 'count(*)')} AS conversion`;
const STEPS = { applicants: 'true', interviewed: 'f."interviewAt" IS NOT NULL', offered: 'f."offerAt" IS NOT NULL', hired: 'f."hiredAt" IS NOT NULL' } as const;

export const sourcesReport: ReportDefinition = {
  id: 'sources',
  area: 'hiring',
  title: 'Sources',
  description: 'Applications of the period by source or utm campaign, how many reached an interview, an offer and a hire by the as-of date, the median time to hire and the conversion applicant → hire.',
  definition: 'docs/metrics.md#sources',
  filters: [...HIRING_FILTERS, 'groupBy'],
  groupBys: ['source', 'utmCampaign'],

  async compute(ctx) {
    const { rows, totals } = await runGrouped(ctx, (p) => applicantsSql(ctx, p), AGGREGATES, {});
    return {
      columns: [
        { key: 'label', label: ctx.filters.groupBy === 'source' ? 'Source' : 'UTM campaign', kind: 'text' },
        { key: 'applicants', label: 'Applicants', kind: 'count', isDrillable: true, description: 'applied in the period' },
        { key: 'interviewed', label: 'Reached interview', kind: 'count', isDrillable: true, description: 'entered an interview, offer or hired stage by the as-of date' },
        { key: 'offered', label: 'Offers', kind: 'count', isDrillable: true, description: 'were sent an offer by the as-of date' },
        { key: 'hired', label: 'Hires', kind: 'count', isDrillable: true, description: 'hired by the as-of date' },
        { key: 'medianDaysToHire', label: 'Median time to hire', kind: 'days', description: 'applied → hired, of those hired' },
        { key: 'conversion', label: 'Applicant → hire', kind: 'percent', description: 'hires / applicants' },
      ],
      rows, totals,
      charts: [{ kind: 'bar', title: 'Applicants and hires by source', x: 'label', series: ['applicants', 'hired'] }],
      notes: [],
    };
  },

  async drill(ctx, row, column) {
    if (!(column in STEPS)) throw unknownCell('column', column);
    return drillGrouped(ctx, {
      facts: (p) => applicantsSql(ctx, p), row, title: `${column} ${row === 'total' ? 'of every source' : `from ${row}`}`,
      where: () => STEPS[column as keyof typeof STEPS],
      columns: [{ key: 'appliedAt', label: 'Applied', kind: 'date' }, { key: 'source', label: 'Source', kind: 'text' }, { key: 'utmCampaign', label: 'UTM campaign', kind: 'text' }, { key: 'hiredAt', label: 'Hired', kind: 'date' }],
      select: `f.at AS "appliedAt", f.source, f."utmCampaign", f."hiredAt"`,
    });
  },
};
