// Inbox SLAs: the tasks due in the period, done on time, done late, or still open (so overdue) at the
// as-of date; compliance and the hours from creation to completion, by kind, assignee or job
// (docs/metrics.md#task-sla).
import { jobScopeSql } from '../report-filters';
import { unknownCell } from '../report-errors';
import type { ReportContext, ReportDefinition } from '../report-types';
import type { SqlParams } from '../sql-params';
import { drillGrouped, HIRING_FILTERS, hoursBetween, inPeriodSql, median, ratio, runGrouped, UTM_CAMPAIGN_SQL } from './report-kit';

const GROUP_LABELS = { kind: 'Kind', assignee: 'Assignee', job: 'Job' } as const;

/**
 * One row per task due in the period and created by the as-of date, except those cancelled by then (a task
 * cancelled later was still open at the as-of date). A task cancelled before its cancellation time was
 * recorded (migration 0009) counts as cancelled from its creation.
 */
function tasksSql(ctx: ReportContext, p: SqlParams): string {
  const { filters } = ctx;
  const asOf = p.add(filters.asOf, 'timestamptz');
  const hasJobFilter = Boolean(filters.jobIds || filters.departments || filters.recruiterIds);
  const scope = hasJobFilter ? jobScopeSql(p, ctx.orgId, filters) : `t."orgId" = ${p.add(ctx.orgId)}`;
  const sources = filters.sources ? ` AND a.source = ANY(${p.add(filters.sources, 'text[]')})` : '';
  const doneAsOf = `(t.status = 'COMPLETED' AND t."completedAt" <= ${asOf})`;
  return `SELECT t.id AS "factId", coalesce(t."candidateId", a."candidateId") AS "candidateId", t."applicationId", t."jobId", a.source, ${UTM_CAMPAIGN_SQL('a')} AS "utmCampaign",
                 t."dueAt" AS at, t.kind, t."assigneeId", t.title, t."createdAt",
                 CASE WHEN ${doneAsOf} THEN t."completedAt" END AS "completedAt",
                 CASE WHEN NOT ${doneAsOf} THEN 'OVERDUE' WHEN t."completedAt" <= t."dueAt" THEN 'ON_TIME' ELSE 'LATE' END AS outcome,
                 CASE WHEN ${doneAsOf} THEN ${hoursBetween('t."createdAt"', 't."completedAt"')} END AS "hoursToComplete"
            FROM "Task" t ${hasJobFilter ? 'JOIN' : 'LEFT JOIN'} "Job" j ON j.id = t."jobId" LEFT JOIN "Application" a ON a.id = t."applicationId"
           WHERE ${scope}${sources} AND NOT (t.status = 'CANCELLED' AND coalesce(t."cancelledAt", t."createdAt") <= ${asOf}) AND t."dueAt" IS NOT NULL AND ${inPeriodSql(ctx, p, 't."dueAt"')} AND t."createdAt" <= ${asOf}`;
}

const AGGREGATES = `count(*)::int AS due,
  count(*) FILTER (WHERE f.outcome = 'ON_TIME')::int AS "onTime", count(*) FILTER (WHERE f.outcome = 'LATE')::int AS late,
  count(*) FILTER (WHERE f.outcome = 'OVERDUE')::int AS overdue,
  ${ratio(`count(*) FILTER (WHERE f.outcome = 'ON_TIME')`, 'count(*)')} AS compliance,
  ${median('f."hoursToComplete"')} AS "medianHoursToComplete"`;
const OUTCOMES = { due: null, onTime: 'ON_TIME', late: 'LATE', overdue: 'OVERDUE' } as const;

export const taskSlaReport: ReportDefinition = {
  id: 'task-sla',
  area: 'hiring',
  title: 'Task SLAs',
  description: 'Inbox tasks due in the period: done on time, done late, open and overdue at the as-of date; compliance (on time / due) and the median hours from creation to completion.',
  definition: 'docs/metrics.md#task-sla',
  filters: [...HIRING_FILTERS, 'groupBy'],
  groupBys: ['kind', 'assignee', 'job'],

  async compute(ctx) {
    const { rows, totals } = await runGrouped(ctx, (p) => tasksSql(ctx, p), AGGREGATES, {});
    return {
      columns: [
        { key: 'label', label: GROUP_LABELS[ctx.filters.groupBy as keyof typeof GROUP_LABELS], kind: 'text' },
        { key: 'due', label: 'Due', kind: 'count', isDrillable: true, description: 'due in the period (tasks cancelled by the as-of date left out)' },
        { key: 'onTime', label: 'On time', kind: 'count', isDrillable: true, description: 'completed by the due time' },
        { key: 'late', label: 'Late', kind: 'count', isDrillable: true, description: 'completed after the due time, by the as-of date' },
        { key: 'overdue', label: 'Open, overdue', kind: 'count', isDrillable: true, description: 'not completed at the as-of date' },
        { key: 'compliance', label: 'Compliance', kind: 'percent', description: 'on time / due' },
        { key: 'medianHoursToComplete', label: 'Median hours to complete', kind: 'hours', description: 'created → completed' },
      ],
      rows, totals,
      charts: [{ kind: 'bar', title: 'Tasks by outcome', x: 'label', series: ['onTime', 'late', 'overdue'] }],
      notes: [],
    };
  },

  async drill(ctx, row, column) {
    if (!(column in OUTCOMES)) throw unknownCell('column', column);
    const outcome = OUTCOMES[column as keyof typeof OUTCOMES];
    return drillGrouped(ctx, {
      facts: (p) => tasksSql(ctx, p), row, title: `Tasks ${column} ${row === 'total' ? '' : `of ${row}`}`.trim(),
      where: (p) => (outcome ? `f.outcome = ${p.add(outcome)}` : 'true'),
      columns: [{ key: 'task', label: 'Task', kind: 'text' }, { key: 'dueAt', label: 'Due', kind: 'date' }, { key: 'completedAt', label: 'Completed', kind: 'date' }, { key: 'outcome', label: 'Outcome', kind: 'text' }],
      select: `f.title AS task, f.at AS "dueAt", f."completedAt", f.outcome`,
    });
  },
};
