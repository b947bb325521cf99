// Stays in a stage, read from the recorded transitions: every move into a stage opens a stay, and the
// application's next move (at or before the as-of date) ends it, so a move recorded later leaves the stay
// open as of. The pipeline reports (pass-through, time in stage, stage durations) all read these stays.
import type { ReportContext, ReportRow } from '../report-types';
import type { SqlParams } from '../sql-params';
import { applicationScopeSql, daysBetween, inPeriodSql, UTM_CAMPAIGN_SQL, type Grouping } from './report-kit';

/** Across jobs stages are compared by kind, in pipeline order; OTHER has no place in it and comes last. */
export const PIPELINE_KINDS = ['APPLIED', 'SCREEN', 'INTERVIEW', 'OFFER', 'HIRED'] as const;

/**
 * One row per stay of the applications with a move in the period (facts shape, `at` = entered): every report
 * reading stays keeps those entered or left in the period, and either is a move in it, so the window runs over
 * those applications' histories only, not the organization's. "isMovedOn": the next move went to a later stage (higher
 * position) that is not a rejection; "isRejected": it went to a rejected stage; "leftAt" null: still there.
 */
export function staysSql(ctx: ReportContext, p: SqlParams): string {
  const asOf = p.add(ctx.filters.asOf, 'timestamptz');
  return `SELECT tr.id AS "factId", a."candidateId", a.id AS "applicationId", a."jobId", a.source, ${UTM_CAMPAIGN_SQL('a')} AS "utmCampaign",
                 tr.at, tr.at AS "enteredAt", tr."leftAt", s.id AS "stageId", s.name AS "stageName", s.kind::text AS kind, s.position,
                 ${daysBetween('tr.at', 'tr."leftAt"')} AS days,
                 (ns.kind IS NOT NULL AND ns.kind <> 'REJECTED' AND ns.position > s.position) AS "isMovedOn",
                 coalesce(ns.kind = 'REJECTED', false) AS "isRejected"
            FROM (SELECT t.id, t."applicationId", t."toStageId", t.at,
                         lead(t.at) OVER w AS "leftAt", lead(t."toStageId") OVER w AS "nextStageId"
                    FROM "StageTransition" t JOIN "Application" a ON a.id = t."applicationId" JOIN "Job" j ON j.id = a."jobId"
                   WHERE t."orgId" = ${p.add(ctx.orgId)} AND ${applicationScopeSql(ctx, p)} AND t.at <= ${asOf}
                     AND t."applicationId" IN (SELECT m."applicationId" FROM "StageTransition" m WHERE m."orgId" = ${p.add(ctx.orgId)} AND ${inPeriodSql(ctx, p, 'm.at')})
                  WINDOW w AS (PARTITION BY t."applicationId" ORDER BY t.at, t.id)) tr
            JOIN "Application" a ON a.id = tr."applicationId"
            JOIN "Stage" s ON s.id = tr."toStageId" LEFT JOIN "Stage" ns ON ns.id = tr."nextStageId"
           WHERE s.kind <> 'REJECTED'`;
}

/** Rows are the stages of the one job filtered, or stage kinds across jobs. */
export function isByStage(ctx: ReportContext): boolean {
  return ctx.filters.jobIds?.length === 1;
}

export function stageGrouping(ctx: ReportContext): Grouping {
  return isByStage(ctx)
    ? { join: '', key: 'f."stageId"', label: 'f."stageName"', isPeriod: false }
    : { join: '', key: 'f.kind', label: 'f.kind', isPeriod: false };
}

/**
 * Every row in pipeline order, empty ones as `empty`: the job's stages by position (or the five pipeline
 * kinds, OTHER when it has data), without the rejected stage and, when `withHired` is false, the hired one.
 */
export async function inPipelineOrder(ctx: ReportContext, rows: ReportRow[], empty: Record<string, number | null>, withHired: boolean): Promise<ReportRow[]> {
  const byKey = new Map(rows.map((r) => [r.key, r]));
  let skeleton: { key: string; label: string }[];
  if (isByStage(ctx)) {
    const { rows: stages } = await ctx.pool.query<{ key: string; label: string }>(
      `SELECT id AS key, name AS label FROM "Stage" WHERE "jobId" = $1 AND kind <> 'REJECTED' AND ($2 OR kind <> 'HIRED') ORDER BY position, id`, [ctx.filters.jobIds![0], withHired]);
    skeleton = stages;
  } else {
    skeleton = PIPELINE_KINDS.filter((k) => withHired || k !== 'HIRED').map((k) => ({ key: k, label: k }));
    if (byKey.has('OTHER')) skeleton.push({ key: 'OTHER', label: 'OTHER' });
  }
  return skeleton.map(({ key, label }) => byKey.get(key) ?? { key, label, ...empty });
}
