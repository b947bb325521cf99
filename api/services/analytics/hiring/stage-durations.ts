// The distribution of time in stage: the stays that ended in the period in buckets of days (<1, 1–3, 3–7,
// 7–14, 14–30, 30+), one column per stage kind (docs/metrics.md#stage-durations).
import { unknownCell } from '../report-errors';
import type { ReportContext, ReportDefinition } from '../report-types';
import type { SqlParams } from '../sql-params';
import { drillGrouped, HIRING_FILTERS, runGrouped, type Grouping } from './report-kit';
import { endedStaysSql } from './time-in-stage';

/** Lower bounds in days, each bucket up to the next one (exclusive). */
const BUCKETS = [[0, '<1 day'], [1, '1–3 days'], [3, '3–7 days'], [7, '7–14 days'], [14, '14–30 days'], [30, '30+ days']] as const;
const KINDS = ['APPLIED', 'SCREEN', 'INTERVIEW', 'OFFER', 'OTHER'] as const;

const bucketKey = `CASE ${[...BUCKETS].reverse().map(([min]) => `WHEN f.days >= ${min} THEN '${min}'`).join(' ')} END`;
const BY_BUCKET: Grouping = { join: '', key: bucketKey, label: bucketKey, isPeriod: false };
/** Stays of kinds other than the pipeline's (OTHER) in one column; hired stays do not end in practice. */
const kindOf = `CASE WHEN f.kind IN ('APPLIED', 'SCREEN', 'INTERVIEW', 'OFFER') THEN f.kind ELSE 'OTHER' END`;
const AGGREGATES = `count(*)::int AS stays, ${KINDS.map((k) => `count(*) FILTER (WHERE ${kindOf} = '${k}')::int AS "${k}"`).join(', ')}`;
const factsSql = (ctx: ReportContext, p: SqlParams) => `SELECT * FROM (${endedStaysSql(ctx, p)}) e WHERE e.kind <> 'HIRED'`;

export const stageDurationsReport: ReportDefinition = {
  id: 'stage-durations',
  area: 'hiring',
  title: 'Stage durations',
  description: 'How long stays in each kind of stage lasted, in buckets of days, over the stays that ended in the period.',
  definition: 'docs/metrics.md#stage-durations',
  filters: HIRING_FILTERS,

  async compute(ctx) {
    const { rows, totals } = await runGrouped(ctx, (p) => factsSql(ctx, p), AGGREGATES, {}, BY_BUCKET);
    const byKey = new Map(rows.map((r) => [r.key, r]));
    const empty = Object.fromEntries(['stays', ...KINDS].map((k) => [k, 0]));
    return {
      columns: [
        { key: 'label', label: 'Days in stage', kind: 'text' },
        ...KINDS.map((k) => ({ key: k, label: k, kind: 'count' as const, isDrillable: true, description: `stays in a stage of kind ${k} that ended in the period` })),
        { key: 'stays', label: 'All kinds', kind: 'count', isDrillable: true },
      ],
      rows: BUCKETS.map(([min, label]) => ({ ...empty, ...byKey.get(String(min)), key: String(min), label })),
      totals,
      charts: [{ kind: 'histogram', title: 'Days in stage', x: 'label', series: [...KINDS] }],
      notes: [],
    };
  },

  async drill(ctx, row, column) {
    if (column !== 'stays' && !(KINDS as readonly string[]).includes(column)) throw unknownCell('column', column);
    if (row !== 'total' && !BUCKETS.some(([min]) => String(min) === row)) throw unknownCell('row', row);
    return drillGrouped(ctx, {
      facts: (p) => factsSql(ctx, p), row, fixed: BY_BUCKET, title: `Stays ${row === 'total' ? '' : `of ${row}+ days `}ended in the period`,
      where: (p) => (column === 'stays' ? 'true' : `${kindOf} = ${p.add(column)}`),
      columns: [{ key: 'stage', label: 'Stage', kind: 'text' }, { key: 'enteredAt', label: 'Entered', kind: 'date' }, { key: 'leftAt', label: 'Left', kind: 'date' }, { key: 'days', label: 'Days in stage', kind: 'days' }],
      select: `f."stageName" AS stage, f."enteredAt", f."leftAt", f.days`,
    });
  },
};
