// Loads what the hiring forecast computes from: the open jobs in scope with their stage kinds and openings,
// every application's stage history as of the forecast date (for the rates), and each job's candidates
// now, their stage kind read from transitions (docs/metrics.md#hiring-forecast).
import { jobScopeSql } from '../report-filters';
import type { ReportContext } from '../report-types';
import { SqlParams } from '../sql-params';
import { stageKindAsOf } from '../hiring/as-of';
import { jobRates, kindStats, type TApplicationHistory, type TJobRates } from './stage-rates';

export interface TForecastJob {
  id: string;
  title: string;
  openings: number;
  kinds: string[];
  /** Applications by stage kind as of the forecast date (HIRED among them). */
  byKind: Record<string, number>;
  /** The active candidates' kinds, one entry per application. */
  activeKinds: string[];
  rates: TJobRates;
}

/** Jobs open at the as-of date: opened by then, and still open or closed after it. */
export function openJobsSql(ctx: ReportContext, p: SqlParams): string {
  const asOf = p.add(ctx.filters.asOf, 'timestamptz');
  return `SELECT j.id, j.title, j.openings FROM "Job" j
           WHERE ${jobScopeSql(p, ctx.orgId, ctx.filters)} AND COALESCE(j."openedAt", j."createdAt") <= ${asOf}
             AND (j.status = 'OPEN' OR j."closedAt" > ${asOf})`;
}

/** Applications of the open jobs with their kind as of the date (withdrawn ones have no transition: left out). */
export function currentApplicationsSql(ctx: ReportContext, p: SqlParams): string {
  const asOf = p.add(ctx.filters.asOf, 'timestamptz');
  return `SELECT a.id, a."candidateId", a."jobId", ${stageKindAsOf('a', asOf)}::text AS kind
            FROM "Application" a JOIN (${openJobsSql(ctx, p)}) oj ON oj.id = a."jobId"
           WHERE a."appliedAt" <= ${asOf} AND a.status <> 'WITHDRAWN'`;
}

export async function loadForecast(ctx: ReportContext): Promise<{ jobs: TForecastJob[]; historyCount: number }> {
  const { pool, filters } = ctx;
  const p = new SqlParams();
  const { rows: jobRows } = await pool.query<{ id: string; title: string; openings: number; kinds: string[] }>(
    `SELECT oj.id, oj.title, oj.openings, ARRAY(SELECT DISTINCT s.kind::text FROM "Stage" s WHERE s."jobId" = oj.id) AS kinds
       FROM (${openJobsSql(ctx, p)}) oj ORDER BY oj.title, oj.id`, p.values);
  const h = new SqlParams();
  const asOf = h.add(filters.asOf, 'timestamptz');
  // The whole organization's history in the window, whatever the job filters: the fallback rates. The
  // applications are found from the window's moves (StageTransition by organization and time).
  const { rows: historyRows } = await pool.query<{ jobId: string; kindAsOf: string | null; entered: Record<string, string> | null }>(
    `SELECT a."jobId", ${stageKindAsOf('a', asOf)}::text AS "kindAsOf",
            (SELECT json_object_agg(e.kind, e.first) FROM (SELECT s.kind, min(t.at) AS first FROM "StageTransition" t JOIN "Stage" s ON s.id = t."toStageId"
                                                             WHERE t."applicationId" = a.id AND t.at <= ${asOf} GROUP BY s.kind) e) AS entered
       FROM "Application" a
      WHERE a."orgId" = ${h.add(ctx.orgId)}
        AND a.id IN (SELECT t."applicationId" FROM "StageTransition" t
                      WHERE t."orgId" = ${h.add(ctx.orgId)} AND t.at >= ${h.add(filters.from, 'timestamptz')} AND t.at < ${h.add(filters.to, 'timestamptz')} AND t.at <= ${asOf})`,
    h.values);
  const histories: TApplicationHistory[] = historyRows.map((r) => ({
    jobId: r.jobId, kindAsOf: r.kindAsOf,
    firstEntered: Object.fromEntries(Object.entries(r.entered ?? {}).map(([k, at]) => [k, new Date(at)])),
  }));
  const stats = kindStats(histories, new Date(filters.from), new Date(filters.to));
  const c = new SqlParams();
  const { rows: current } = jobRows.length ? await pool.query<{ jobId: string; kind: string | null }>(`SELECT apps."jobId", apps.kind FROM (${currentApplicationsSql(ctx, c)}) apps ORDER BY apps.id`, c.values) : { rows: [] };
  const jobs = jobRows.map((j): TForecastJob => ({ ...j, byKind: {}, activeKinds: [], rates: jobRates(stats.byJob.get(j.id), stats.org, j.kinds) }));
  const byId = new Map(jobs.map((j) => [j.id, j]));
  for (const app of current) {
    const job = byId.get(app.jobId);
    if (!job || !app.kind) continue;
    job.byKind[app.kind] = (job.byKind[app.kind] ?? 0) + 1;
    if (app.kind !== 'HIRED' && app.kind !== 'REJECTED') job.activeKinds.push(app.kind);
  }
  return { jobs, historyCount: histories.length };
}
