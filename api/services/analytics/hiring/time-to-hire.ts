// Time to hire (applied → hired) and time to fill (job opened → hired) of the hires made in the period,
// grouped by job, department, recruiter, period or source (docs/metrics.md#time-to-hire).
import { unknownCell } from '../report-errors';
import type { ReportContext, ReportDefinition } from '../report-types';
import type { SqlParams } from '../sql-params';
import { applicationScopeSql, daysBetween, drillGrouped, HIRING_FILTERS, inPeriodSql, median, p90, runGrouped, UTM_CAMPAIGN_SQL } from './report-kit';

const GROUP_LABELS = { job: 'Job', department: 'Department', recruiter: 'Recruiter', period: 'Period', source: 'Source' } as const;

/**
 * One row per hire: the application's first move into a stage of kind HIRED, in the period. Read from the
 * moves of the period (StageTransition by organization and time), not from every application's history.
 */
export function hiresSql(ctx: ReportContext, p: SqlParams): string {
  const asOf = p.add(ctx.filters.asOf, 'timestamptz');
  return `SELECT h.id AS "factId", a."candidateId", a.id AS "applicationId", a."jobId", a.source, ${UTM_CAMPAIGN_SQL('a')} AS "utmCampaign", h.at,
                 a."appliedAt", j."openedAt",
                 ${daysBetween('a."appliedAt"', 'h.at')} AS "daysToHire",
                 CASE WHEN j."openedAt" <= h.at THEN ${daysBetween('j."openedAt"', 'h.at')} END AS "daysToFill"
            FROM "StageTransition" h JOIN "Stage" hs ON hs.id = h."toStageId" AND hs.kind = 'HIRED'
            JOIN "Application" a ON a.id = h."applicationId" JOIN "Job" j ON j.id = a."jobId"
           WHERE h."orgId" = ${p.add(ctx.orgId)} AND ${inPeriodSql(ctx, p, 'h.at')} AND h.at <= ${asOf} AND ${applicationScopeSql(ctx, p)}
             AND NOT EXISTS (SELECT 1 FROM "StageTransition" e JOIN "Stage" es ON es.id = e."toStageId" AND es.kind = 'HIRED'
                              WHERE e."applicationId" = a.id AND (e.at, e.id) < (h.at, h.id))`;
}

const AGGREGATES = `count(*)::int AS hires,
  ${median('f."daysToHire"')} AS "medianDaysToHire", ${p90('f."daysToHire"')} AS "p90DaysToHire", avg(f."daysToHire")::float8 AS "meanDaysToHire",
  ${median('f."daysToFill"')} AS "medianDaysToFill", ${p90('f."daysToFill"')} AS "p90DaysToFill", avg(f."daysToFill")::float8 AS "meanDaysToFill"`;
const EMPTY = { hires: 0, medianDaysToHire: null, p90DaysToHire: null, meanDaysToHire: null, medianDaysToFill: null, p90DaysToFill: null, meanDaysToFill: null };

export const timeToHireReport: ReportDefinition = {
  id: 'time-to-hire',
  area: 'hiring',
  title: 'Time to hire and time to fill',
  description: 'Time to hire: days from the application to the hire (the move into the hired stage). Time to fill: days from the job opening (Job.openedAt) to the hire. Over the hires made in the period.',
  definition: 'docs/metrics.md#time-to-hire',
  filters: [...HIRING_FILTERS, 'interval', 'groupBy'],
  groupBys: ['job', 'department', 'recruiter', 'period', 'source'],

  async compute(ctx) {
    const { rows, totals } = await runGrouped(ctx, (p) => hiresSql(ctx, p), AGGREGATES, EMPTY);
    const group = ctx.filters.groupBy as keyof typeof GROUP_LABELS;
    return {
      columns: [
        { key: 'label', label: GROUP_LABELS[group], kind: group === 'period' ? 'date' : 'text' },
        { key: 'hires', label: 'Hires', kind: 'count', isDrillable: true, description: 'moved into a hired stage in the period' },
        { key: 'medianDaysToHire', label: 'Median time to hire', kind: 'days', description: 'applied → hired' },
        { key: 'p90DaysToHire', label: 'P90 time to hire', kind: 'days' },
        { key: 'meanDaysToHire', label: 'Mean time to hire', kind: 'days' },
        { key: 'medianDaysToFill', label: 'Median time to fill', kind: 'days', description: 'job opened → hired' },
        { key: 'p90DaysToFill', label: 'P90 time to fill', kind: 'days' },
        { key: 'meanDaysToFill', label: 'Mean time to fill', kind: 'days' },
      ],
      rows, totals,
      charts: [{ kind: 'bar', title: 'Median time to hire (days)', x: 'label', series: ['medianDaysToHire'] }],
      notes: totals.hires === 0 ? ['No hires in the period.'] : [],
    };
  },

  async drill(ctx, row, column) {
    if (column !== 'hires') throw unknownCell('column', column);
    return drillGrouped(ctx, {
      facts: (p) => hiresSql(ctx, p), row, where: () => 'true', title: `Hires ${row === 'total' ? 'in the period' : `of ${row}`}`,
      columns: [{ key: 'appliedAt', label: 'Applied', kind: 'date' }, { key: 'hiredAt', label: 'Hired', kind: 'date' }, { key: 'daysToHire', label: 'Time to hire', kind: 'days' }, { key: 'daysToFill', label: 'Time to fill', kind: 'days' }],
      select: `f."appliedAt", f.at AS "hiredAt", f."daysToHire", f."daysToFill"`,
    });
  },
};
