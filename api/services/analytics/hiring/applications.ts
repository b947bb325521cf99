// Applications received per week or month, with how many of them were hired or rejected by the as-of date
// (docs/metrics.md#applications). The reference report: every other report follows its shape.
import { unknownCell } from '../report-errors';
import type { ReportContext, ReportDefinition, DrillStatement } from '../report-types';
import { SqlParams } from '../sql-params';
import { stageKindAsOf } from './as-of';
import { applicationScopeSql, inPeriodSql } from './report-kit';

const OUTCOME_COLUMNS = { applications: null, hired: 'HIRED', rejected: 'REJECTED' } as const;

/** Applications in the period (by applied date), in the filtered jobs and sources, with their state as of. */
function applicationsSql(ctx: ReportContext, p: SqlParams): string {
  const asOf = p.add(ctx.filters.asOf, 'timestamptz');
  return `SELECT a.id, a."candidateId", a."jobId", a."appliedAt", a.source,
                 date_trunc(${p.add(ctx.filters.interval)}, a."appliedAt" AT TIME ZONE 'UTC') AS period,
                 ${stageKindAsOf('a', asOf)} AS "kindAsOf"
            FROM "Application" a JOIN "Job" j ON j.id = a."jobId"
           WHERE ${applicationScopeSql(ctx, p)} AND ${inPeriodSql(ctx, p, 'a."appliedAt"')} AND a."appliedAt" <= ${asOf}`;
}

export const applicationsReport: ReportDefinition = {
  id: 'applications',
  area: 'hiring',
  title: 'Applications',
  description: 'Applications received per period, and how many of them were hired or rejected by the as-of date.',
  definition: 'docs/metrics.md#applications',
  filters: ['from', 'to', 'asOf', 'interval', 'jobIds', 'departments', 'recruiterIds', 'sources'],

  async compute(ctx) {
    const p = new SqlParams();
    const apps = applicationsSql(ctx, p);
    const interval = p.add(ctx.filters.interval);
    const { rows } = await ctx.pool.query<{ period: string; applications: number; hired: number; rejected: number }>(
      `WITH apps AS (${apps}),
            periods AS (SELECT generate_series(date_trunc(${interval}, ${p.add(ctx.filters.from, 'timestamptz')} AT TIME ZONE 'UTC'),
                                               ${p.add(ctx.filters.to, 'timestamptz')} AT TIME ZONE 'UTC' - interval '1 microsecond', ('1 ' || ${interval})::interval) AS period)
       SELECT to_char(periods.period, 'YYYY-MM-DD') AS period, count(apps.id)::int AS applications,
              count(apps.id) FILTER (WHERE apps."kindAsOf" = 'HIRED')::int AS hired,
              count(apps.id) FILTER (WHERE apps."kindAsOf" = 'REJECTED')::int AS rejected
         FROM periods LEFT JOIN apps ON apps.period = periods.period
        GROUP BY periods.period ORDER BY periods.period`,
      p.values,
    );
    const total = (key: 'applications' | 'hired' | 'rejected') => rows.reduce((sum, r) => sum + r[key], 0);
    return {
      columns: [
        { key: 'period', label: ctx.filters.interval === 'week' ? 'Week of' : 'Month', kind: 'date' },
        { key: 'applications', label: 'Applications', kind: 'count', isDrillable: true, description: 'applied in the period' },
        { key: 'hired', label: 'Hired', kind: 'count', isDrillable: true, description: 'of those, hired by the as-of date' },
        { key: 'rejected', label: 'Rejected', kind: 'count', isDrillable: true, description: 'of those, rejected by the as-of date' },
      ],
      rows: rows.map((r) => ({ key: r.period, period: r.period, applications: r.applications, hired: r.hired, rejected: r.rejected })),
      totals: { applications: total('applications'), hired: total('hired'), rejected: total('rejected') },
      charts: [{ kind: 'line', title: 'Applications per period', x: 'period', series: ['applications', 'hired', 'rejected'] }],
      notes: [],
    };
  },

  async drill(ctx, row, column): Promise<DrillStatement> {
    if (!(column in OUTCOME_COLUMNS)) throw unknownCell('column', column);
    if (row !== 'total' && !/^\d{4}-\d{2}-\d{2}$/.test(row)) throw unknownCell('row', row);
    const outcome = OUTCOME_COLUMNS[column as keyof typeof OUTCOME_COLUMNS];
    const p = new SqlParams();
    const apps = applicationsSql(ctx, p);
    const conditions = [row === 'total' ? 'true' : `apps.period = ${p.add(row, 'timestamp')}`];
    if (outcome) conditions.push(`apps."kindAsOf" = ${p.add(outcome)}`);
    return {
      title: `${column === 'applications' ? 'Applications' : `${outcome === 'HIRED' ? 'Hired' : 'Rejected'} applications`} ${row === 'total' ? 'in the period' : `of the period starting ${row}`}`,
      columns: [
        { key: 'candidateName', label: 'Candidate', kind: 'text' },
        { key: 'jobTitle', label: 'Job', kind: 'text' },
        { key: 'appliedAt', label: 'Applied', kind: 'date' },
        { key: 'source', label: 'Source', kind: 'text' },
      ],
      sql: `WITH apps AS (${apps})
            SELECT apps.id AS "applicationId", apps."candidateId", concat_ws(' ', c."firstName", c."lastName") AS "candidateName",
                   j.title AS "jobTitle", apps."appliedAt", apps.source
              FROM apps JOIN "Candidate" c ON c.id = apps."candidateId" JOIN "Job" j ON j.id = apps."jobId"
             WHERE ${conditions.join(' AND ')}
             ORDER BY apps."appliedAt", apps.id`,
      params: p,
    };
  },
};
