// Interviewer load and feedback discipline: per interviewer, the interviews of the period (not cancelled by
// the as-of date), hours interviewed, scorecards submitted, the hours from the interview's end to the
// scorecard, and scorecards still missing at the as-of date (docs/metrics.md#interviewers).
import { unknownCell } from '../report-errors';
import type { ReportContext, ReportDefinition } from '../report-types';
import type { SqlParams } from '../sql-params';
import { applicationScopeSql, drillGrouped, HIRING_FILTERS, hoursBetween, inPeriodSql, median, runGrouped, UTM_CAMPAIGN_SQL, type Grouping } from './report-kit';

/** One row per interviewer booked on an interview of the period (InterviewParticipant), with their scorecard as of. */
function seatsSql(ctx: ReportContext, p: SqlParams): string {
  const asOf = p.add(ctx.filters.asOf, 'timestamptz');
  const endsAt = `coalesce(i."endsAt", i."startsAt" + make_interval(mins => coalesce(i."durationMinutes", 0)))`;
  return `SELECT i.id || ':' || ip."userId" AS "factId", a."candidateId", a.id AS "applicationId", a."jobId", a.source, ${UTM_CAMPAIGN_SQL('a')} AS "utmCampaign",
                 i."startsAt" AS at, ${endsAt} AS "endsAt", ip."userId" AS "interviewerId", i.title AS "interviewTitle",
                 ${hoursBetween('i."startsAt"', endsAt)} AS hours,
                 sc."submittedAt", CASE WHEN sc."submittedAt" IS NOT NULL THEN ${hoursBetween(endsAt, 'sc."submittedAt"')} END AS "feedbackHours",
                 (sc."submittedAt" IS NULL AND ${endsAt} <= ${asOf}) AS "isMissing"
            FROM "Interview" i JOIN "InterviewParticipant" ip ON ip."interviewId" = i.id
            JOIN "Application" a ON a.id = i."applicationId" JOIN "Job" j ON j.id = a."jobId"
            LEFT JOIN "Scorecard" sc ON sc."interviewId" = i.id AND sc."interviewerId" = ip."userId" AND sc."submittedAt" <= ${asOf}
           WHERE i."orgId" = ${p.add(ctx.orgId)} AND ${applicationScopeSql(ctx, p)} AND i."startsAt" IS NOT NULL AND ${inPeriodSql(ctx, p, 'i."startsAt"')}
             AND NOT coalesce(i."cancelledAt" <= ${asOf}, i.status = 'CANCELLED')`;
}

const BY_INTERVIEWER: Grouping = { join: `LEFT JOIN "User" gu ON gu.id = f."interviewerId"`, key: `f."interviewerId"`, label: `coalesce(gu.name, f."interviewerId")`, isPeriod: false };
const AGGREGATES = `count(*)::int AS interviews, coalesce(sum(f.hours), 0)::float8 AS hours,
  count(f."submittedAt")::int AS scorecards, ${median('f."feedbackHours"')} AS "medianFeedbackHours",
  count(*) FILTER (WHERE f."isMissing")::int AS missing`;
const CELLS = { interviews: 'true', scorecards: 'f."submittedAt" IS NOT NULL', missing: 'f."isMissing"' } as const;

export const interviewersReport: ReportDefinition = {
  id: 'interviewers',
  area: 'hiring',
  title: 'Interviewers',
  description: 'Per interviewer: interviews in the period (not cancelled), hours interviewed, scorecards submitted, hours from the end of the interview to the scorecard (median), and scorecards missing at the as-of date.',
  definition: 'docs/metrics.md#interviewers',
  filters: HIRING_FILTERS,

  async compute(ctx) {
    const { rows, totals } = await runGrouped(ctx, (p) => seatsSql(ctx, p), AGGREGATES, {}, BY_INTERVIEWER);
    return {
      columns: [
        { key: 'label', label: 'Interviewer', kind: 'text' },
        { key: 'interviews', label: 'Interviews', kind: 'count', isDrillable: true, description: 'starting in the period, not cancelled' },
        { key: 'hours', label: 'Hours interviewed', kind: 'hours' },
        { key: 'scorecards', label: 'Scorecards', kind: 'count', isDrillable: true, description: 'submitted by the as-of date' },
        { key: 'medianFeedbackHours', label: 'Feedback turnaround', kind: 'hours', description: 'median hours, interview end → scorecard' },
        { key: 'missing', label: 'Missing scorecards', kind: 'count', isDrillable: true, description: 'interview over, no scorecard at the as-of date' },
      ],
      rows, totals,
      charts: [{ kind: 'bar', title: 'Interviews and missing scorecards', x: 'label', series: ['interviews', 'missing'] }],
      notes: [],
    };
  },

  async drill(ctx, row, column) {
    if (!(column in CELLS)) throw unknownCell('column', column);
    return drillGrouped(ctx, {
      facts: (p) => seatsSql(ctx, p), row, fixed: BY_INTERVIEWER, title: `${column} ${row === 'total' ? 'of every interviewer' : 'of this interviewer'}`,
      where: () => CELLS[column as keyof typeof CELLS],
      columns: [{ key: 'interview', label: 'Interview', kind: 'text' }, { key: 'startsAt', label: 'Starts', kind: 'date' }, { key: 'submittedAt', label: 'Scorecard', kind: 'date' }, { key: 'feedbackHours', label: 'Turnaround', kind: 'hours' }],
      select: `f."interviewTitle" AS interview, f.at AS "startsAt", f."submittedAt", f."feedbackHours"`,
    });
  },
};
