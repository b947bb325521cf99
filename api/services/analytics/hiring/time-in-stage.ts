// Time in stage: per stage (or stage kind across jobs), the median and 90th percentile of the days spent in
// it, over the stays that ended in the period (docs/metrics.md#time-in-stage).
import { unknownCell } from '../report-errors';
import type { ReportContext, ReportDefinition } from '../report-types';
import type { SqlParams } from '../sql-params';
import { drillGrouped, HIRING_FILTERS, inPeriodSql, median, p90, runGrouped } from './report-kit';
import { inPipelineOrder, isByStage, stageGrouping, staysSql } from './stage-stays';

/** The stays that ended (the application's next move) in the period. */
export const endedStaysSql = (ctx: ReportContext, p: SqlParams) => `SELECT * FROM (${staysSql(ctx, p)}) st WHERE st."leftAt" IS NOT NULL AND ${inPeriodSql(ctx, p, 'st."leftAt"')}`;

const AGGREGATES = `count(*)::int AS stays, ${median('f.days')} AS "medianDays", ${p90('f.days')} AS "p90Days"`;
const EMPTY = { stays: 0, medianDays: null, p90Days: null };

export const timeInStageReport: ReportDefinition = {
  id: 'time-in-stage',
  area: 'hiring',
  title: 'Time in stage',
  description: 'Per stage: the median and 90th percentile of days spent in it, over the stays that ended (the application moved on, back or was rejected) in the period.',
  definition: 'docs/metrics.md#time-in-stage',
  filters: HIRING_FILTERS,

  async compute(ctx) {
    const { rows, totals } = await runGrouped(ctx, (p) => endedStaysSql(ctx, p), AGGREGATES, EMPTY, stageGrouping(ctx));
    return {
      columns: [
        { key: 'label', label: isByStage(ctx) ? 'Stage' : 'Stage kind', kind: 'text' },
        { key: 'stays', label: 'Stays ended', kind: 'count', isDrillable: true, description: 'left the stage in the period' },
        { key: 'medianDays', label: 'Median days', kind: 'days' },
        { key: 'p90Days', label: 'P90 days', kind: 'days' },
      ],
      rows: await inPipelineOrder(ctx, rows, EMPTY, false),
      totals,
      charts: [{ kind: 'bar', title: 'Median days in stage', x: 'label', series: ['medianDays', 'p90Days'] }],
      notes: [],
    };
  },

  async drill(ctx, row, column) {
    if (column !== 'stays') throw unknownCell('column', column);
    return drillGrouped(ctx, {
      facts: (p) => endedStaysSql(ctx, p), row, fixed: stageGrouping(ctx), title: `Stays ended ${row === 'total' ? 'in every stage' : `in ${row}`}`,
      where: () => 'true',
      columns: [{ key: 'stage', label: 'Stage', kind: 'text' }, { key: 'enteredAt', label: 'Entered', kind: 'date' }, { key: 'leftAt', label: 'Left', kind: 'date' }, { key: 'days', label: 'Days in stage', kind: 'days' }],
      select: `f."stageName" AS stage, f."enteredAt", f."leftAt", f.days`,
    });
  },
};
