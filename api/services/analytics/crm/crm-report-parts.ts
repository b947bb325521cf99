// Small pieces the CRM reports share: rates over a base (null when the base is empty), the period and as-of
// bounds as parameters, and the drill columns naming a person.
import type { DrillColumn, ReportContext } from '../report-types';
import type { SqlParams } from '../sql-params';

/** A ratio 0..1, or null over an empty base (never NaN, never 0 by default). */
export const rate = (count: number, base: number): number | null => (base > 0 ? count / base : null);

/** The period [from, to) and the as-of date, each added once as a timestamptz parameter. */
export function periodParams(ctx: ReportContext, p: SqlParams) {
  return { from: p.add(ctx.filters.from, 'timestamptz'), to: p.add(ctx.filters.to, 'timestamptz'), asOf: p.add(ctx.filters.asOf, 'timestamptz') };
}

export const PERSON_SQL = `concat_ws(' ', c."firstName", c."lastName")`;

export const PERSON_COLUMN: DrillColumn = { key: 'candidateName', label: 'Person', kind: 'text' };
