// Pipeline pass-through: per stage (or stage kind across jobs), the applications that entered it in the
// period and, by the as-of date, how many moved on, were rejected from it or are still there; the
// pass-through rate and the median days in the stage (docs/metrics.md#pass-through).
import { unknownCell } from '../report-errors';
import type { ReportContext, ReportDefinition } from '../report-types';
import type { SqlParams } from '../sql-params';
import { drillGrouped, HIRING_FILTERS, inPeriodSql, median, ratio, runGrouped } from './report-kit';
import { inPipelineOrder, isByStage, stageGrouping, staysSql } from './stage-stays';

/** The stays that began in the period. */
const enteredSql = (ctx: ReportContext, p: SqlParams) => `SELECT * FROM (${staysSql(ctx, p)}) st WHERE ${inPeriodSql(ctx, p, 'st."enteredAt"')}`;

const AGGREGATES = `count(*)::int AS entered,
  count(*) FILTER (WHERE f."isMovedOn")::int AS "movedOn", count(*) FILTER (WHERE f."isRejected")::int AS rejected,
  count(*) FILTER (WHERE f."leftAt" IS NULL)::int AS "stillThere",
  ${ratio('count(*) FILTER (WHERE f."isMovedOn")', 'count(*) FILTER (WHERE f."isMovedOn" OR f."isRejected")')} AS "passThroughRate",
  ${median('f.days')} AS "medianDays"`;
const EMPTY = { entered: 0, movedOn: 0, rejected: 0, stillThere: 0, passThroughRate: null, medianDays: null };
const CELLS = { entered: 'true', movedOn: 'f."isMovedOn"', rejected: 'f."isRejected"', stillThere: 'f."leftAt" IS NULL' } as const;

export const passThroughReport: ReportDefinition = {
  id: 'pass-through',
  area: 'hiring',
  title: 'Pipeline pass-through',
  description: 'Per stage: applications that entered it in the period, and by the as-of date how many moved on to a later stage, were rejected from it, or are still there; pass-through rate = moved on / (moved on + rejected); median days in the stage.',
  definition: 'docs/metrics.md#pass-through',
  filters: HIRING_FILTERS,

  async compute(ctx) {
    const { rows, totals } = await runGrouped(ctx, (p) => enteredSql(ctx, p), AGGREGATES, EMPTY, stageGrouping(ctx));
    const byStage = isByStage(ctx);
    return {
      columns: [
        { key: 'label', label: byStage ? 'Stage' : 'Stage kind', kind: 'text' },
        { key: 'entered', label: 'Entered', kind: 'count', isDrillable: true, description: 'moved into the stage in the period' },
        { key: 'movedOn', label: 'Moved on', kind: 'count', isDrillable: true, description: 'of those, moved to a later stage by the as-of date' },
        { key: 'rejected', label: 'Rejected', kind: 'count', isDrillable: true, description: 'of those, rejected from the stage by the as-of date' },
        { key: 'stillThere', label: 'Still there', kind: 'count', isDrillable: true, description: 'of those, in the stage at the as-of date' },
        { key: 'passThroughRate', label: 'Pass-through', kind: 'percent', description: 'moved on / (moved on + rejected)' },
        { key: 'medianDays', label: 'Median days in stage', kind: 'days', description: 'of the stays that ended by the as-of date' },
      ],
      rows: await inPipelineOrder(ctx, rows, EMPTY, true),
      totals: { entered: totals.entered!, movedOn: totals.movedOn!, rejected: totals.rejected!, stillThere: totals.stillThere! },
      charts: [{ kind: 'funnel', title: 'Entered per stage', x: 'label', series: ['entered'] }],
      notes: byStage ? [] : ['Across jobs stages are grouped by kind; a move between two stages of the same kind counts as moving on and as a new entry.'],
    };
  },

  async drill(ctx, row, column) {
    if (!(column in CELLS)) throw unknownCell('column', column);
    return drillGrouped(ctx, {
      facts: (p) => enteredSql(ctx, p), row, fixed: stageGrouping(ctx), title: `${column} ${row === 'total' ? 'of every stage' : `of ${row}`}`,
      where: () => CELLS[column as keyof typeof CELLS],
      columns: [{ key: 'stage', label: 'Stage', kind: 'text' }, { key: 'enteredAt', label: 'Entered', kind: 'date' }, { key: 'leftAt', label: 'Left', kind: 'date' }, { key: 'days', label: 'Days in stage', kind: 'days' }],
      select: `f."stageName" AS stage, f."enteredAt", f."leftAt", f.days`,
    });
  },
};
