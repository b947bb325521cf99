// What the hiring reports share: the application scope (jobs, departments, recruiters, sources), durations
// and percentiles in SQL, and grouped reports over "facts" (one row per hire, offer, interview...), whose rows
// and totals come from the same aggregate list and whose drill-down lists the people behind one cell.
// A facts statement returns "factId" (unique), "candidateId", "applicationId", "jobId", source,
// "utmCampaign", "at" (the moment the fact is dated by), plus the report's own columns.
import { jobScopeSql, type ReportFilters, type TGroupBy } from '../report-filters';
import { unknownCell } from '../report-errors';
import type { DrillColumn, DrillStatement, ReportContext, ReportRow } from '../report-types';
import { SqlParams } from '../sql-params';

/** Fractional days from a to b (null when either is null). */
export const daysBetween = (a: string, b: string) => `(extract(epoch from (${b}) - (${a})) / 86400)::float8`;
export const hoursBetween = (a: string, b: string) => `(extract(epoch from (${b}) - (${a})) / 3600)::float8`;
export const median = (expr: string) => `percentile_cont(0.5) WITHIN GROUP (ORDER BY ${expr})`;
export const p90 = (expr: string) => `percentile_cont(0.9) WITHIN GROUP (ORDER BY ${expr})`;
/** A ratio whose base may be empty: null then, never 0 or NaN. */
export const ratio = (num: string, base: string) => `(${num})::float8 / nullif(${base}, 0)`;

/** Applications in the filtered jobs and sources: a condition over Application `a` and Job `j`. */
export function applicationScopeSql(ctx: ReportContext, p: SqlParams, a = 'a', j = 'j'): string {
  const sources = ctx.filters.sources ? ` AND ${a}.source = ANY(${p.add(ctx.filters.sources, 'text[]')})` : '';
  return `${jobScopeSql(p, ctx.orgId, ctx.filters, j)}${sources}`;
}

/** The period [from, to) as a condition on a timestamp (to is never after asOf). */
export function inPeriodSql(ctx: ReportContext, p: SqlParams, at: string): string {
  return `${at} >= ${p.add(ctx.filters.from, 'timestamptz')} AND ${at} < ${p.add(ctx.filters.to, 'timestamptz')}`;
}

/** The utm campaign the apply link carried (apply stores utm_* keys: api/services/applications.ts). */
export const UTM_CAMPAIGN_SQL = (a: string) => `nullif(${a}.utm->>'utm_campaign', '')`;

export interface Grouping { join: string; key: string; label: string; isPeriod: boolean }

/** How facts `f` are grouped: the row key and label, and the joins they need. */
export function groupingSql(groupBy: TGroupBy, filters: ReportFilters, p: SqlParams): Grouping {
  const user = (col: string, none: string) => ({ join: `LEFT JOIN "User" gu ON gu.id = f."${col}"`, key: `coalesce(f."${col}", 'none')`, label: `coalesce(gu.name, '${none}')`, isPeriod: false });
  switch (groupBy) {
    case 'job': return { join: `LEFT JOIN "Job" gj ON gj.id = f."jobId"`, key: `coalesce(f."jobId", 'none')`, label: `coalesce(gj.title, '(no job)')`, isPeriod: false };
    case 'department': return { join: `LEFT JOIN "Job" gj ON gj.id = f."jobId"`, key: `coalesce(gj.department, 'none')`, label: `coalesce(gj.department, '(no department)')`, isPeriod: false };
    case 'recruiter': {
      // A job with two recruiters counts under both; with a recruiter filter, under the chosen ones only.
      const only = filters.recruiterIds ? ` AND gm."userId" = ANY(${p.add(filters.recruiterIds, 'text[]')})` : '';
      return {
        join: `LEFT JOIN "JobMember" gm ON gm."jobId" = f."jobId" AND gm.role = 'RECRUITER'${only} LEFT JOIN "User" gu ON gu.id = gm."userId"`,
        key: `coalesce(gm."userId", 'none')`, label: `coalesce(gu.name, '(no recruiter)')`, isPeriod: false,
      };
    }
    case 'period': {
      const key = `to_char(date_trunc(${p.add(filters.interval)}, f.at AT TIME ZONE 'UTC'), 'YYYY-MM-DD')`;
      return { join: '', key, label: key, isPeriod: true };
    }
    case 'source': return { join: '', key: `coalesce(f.source, 'none')`, label: `coalesce(f.source, '(no source)')`, isPeriod: false };
    case 'utmCampaign': return { join: '', key: `coalesce(f."utmCampaign", 'none')`, label: `coalesce(f."utmCampaign", '(no campaign)')`, isPeriod: false };
    case 'kind': return { join: '', key: `f.kind::text`, label: `f.kind::text`, isPeriod: false };
    case 'assignee': return user('assigneeId', '(unassigned)');
    case 'interviewer': return user('interviewerId', '(unknown)');
    default: throw new Error(`no grouping ${groupBy} in hiring reports`);
  }
}

/** The starts of every week (Monday) or month in [from, to), UTC, as YYYY-MM-DD. */
export function periodKeys(filters: ReportFilters): string[] {
  const start = new Date(filters.from);
  const d = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), filters.interval === 'month' ? 1 : start.getUTCDate()));
  if (filters.interval === 'week') d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  const keys: string[] = [];
  while (d.getTime() < new Date(filters.to).getTime()) {
    keys.push(d.toISOString().slice(0, 10));
    if (filters.interval === 'month') d.setUTCMonth(d.getUTCMonth() + 1);
    else d.setUTCDate(d.getUTCDate() + 7);
  }
  return keys;
}

type Facts = (p: SqlParams) => string;

/**
 * Rows (one per group) and totals (over all facts, so a fact under two recruiters counts once) from one list
 * of aggregates over facts `f`. Grouping by period gives every period of the range, empty ones as `empty`.
 */
export async function runGrouped(ctx: ReportContext, facts: Facts, aggregates: string, empty: Record<string, number | null>, fixed?: Grouping): Promise<{ rows: ReportRow[]; totals: Record<string, number | null> }> {
  const p = new SqlParams();
  const f = facts(p);
  const g = fixed ?? groupingSql(ctx.filters.groupBy!, ctx.filters, p);
  // One statement: the facts are computed once (a CTE read twice is materialized) for the rows and the totals
  // (the totals over the facts themselves: a grouping's join may repeat a fact, a hire with two recruiters).
  const { rows: [result] } = await ctx.pool.query<{ rows: ReportRow[] | null; totals: Record<string, number | null> }>(
    `WITH facts AS (${f}),
          grouped AS (SELECT ${g.key} AS key, ${g.label} AS label, ${aggregates} FROM facts f ${g.join} GROUP BY 1, 2),
          total AS (SELECT ${aggregates} FROM facts f)
     SELECT (SELECT json_agg(grouped ORDER BY ${g.isPeriod ? 'key' : 'label, key'}) FROM grouped) AS rows, (SELECT row_to_json(total) FROM total) AS totals`, p.values);
  const rows = result!.rows ?? [];
  const totals = result!.totals;
  if (!g.isPeriod) return { rows, totals: totals! };
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return { rows: periodKeys(ctx.filters).map((key) => byKey.get(key) ?? { key, label: key, ...empty }), totals: totals! };
}

/** The people behind one cell of a grouped report: facts of the row (or all, row "total") meeting `where`. */
export function drillGrouped(ctx: ReportContext, opts: { facts: Facts; row: string; where: (p: SqlParams) => string; title: string; columns: DrillColumn[]; select: string; fixed?: Grouping }): DrillStatement {
  const p = new SqlParams();
  const f = opts.facts(p);
  const g = opts.fixed ?? groupingSql(ctx.filters.groupBy!, ctx.filters, p);
  if (g.isPeriod && opts.row !== 'total' && !/^\d{4}-\d{2}-\d{2}$/.test(opts.row)) throw unknownCell('row', opts.row);
  const rowCondition = opts.row === 'total' ? 'true' : `${g.key} = ${p.add(opts.row)}`;
  return {
    title: opts.title,
    columns: [{ key: 'candidateName', label: 'Candidate', kind: 'text' }, { key: 'jobTitle', label: 'Job', kind: 'text' }, ...opts.columns],
    sql: `WITH facts AS (${f})
          SELECT f."applicationId", f."candidateId", concat_ws(' ', c."firstName", c."lastName") AS "candidateName", dj.title AS "jobTitle", ${opts.select}
            FROM facts f ${opts.row === 'total' ? '' : g.join}
            LEFT JOIN "Candidate" c ON c.id = f."candidateId" LEFT JOIN "Job" dj ON dj.id = f."jobId"
           WHERE ${rowCondition} AND (${opts.where(p)})
           ORDER BY f.at, f."factId"`,
    params: p,
  };
}

/** The filters every application-based hiring report reads. */
export const HIRING_FILTERS = ['from', 'to', 'asOf', 'jobIds', 'departments', 'recruiterIds', 'sources'] as const;
