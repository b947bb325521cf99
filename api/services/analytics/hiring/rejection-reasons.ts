// Why applications were rejected: the rejections of the period (the move into the rejected stage) by the
// organization's coded reason, their share, and the kind of stage they were rejected from
// (docs/metrics.md#rejection-reasons).
import { unknownCell } from '../report-errors';
import type { ReportContext, ReportDefinition } from '../report-types';
import type { SqlParams } from '../sql-params';
import { applicationScopeSql, drillGrouped, HIRING_FILTERS, inPeriodSql, runGrouped, UTM_CAMPAIGN_SQL, type Grouping } from './report-kit';

const FROM_KINDS = { fromApplied: 'APPLIED', fromScreen: 'SCREEN', fromInterview: 'INTERVIEW', fromOffer: 'OFFER', fromOther: 'OTHER' } as const;

/**
 * One row per rejection in the period. The coded reason is the one recorded with the move (StageTransition.
 * rejectionReasonId, written by decide-application.ts), so a later re-rejection with another reason does not
 * rewrite past reports; a move recorded without one falls back to the application's. Rejections by a
 * workflow carry free text only and count as "no coded reason".
 */
function rejectionsSql(ctx: ReportContext, p: SqlParams): string {
  const asOf = p.add(ctx.filters.asOf, 'timestamptz');
  return `SELECT t.id AS "factId", a."candidateId", a.id AS "applicationId", a."jobId", a.source, ${UTM_CAMPAIGN_SQL('a')} AS "utmCampaign", t.at,
                 coalesce(t."rejectionReasonId", a."rejectionReasonId") AS "reasonId", rr.label AS "reasonLabel", rr.category::text AS category, t.reason AS note,
                 CASE WHEN fs.kind IN ('APPLIED', 'SCREEN', 'INTERVIEW', 'OFFER') THEN fs.kind::text ELSE 'OTHER' END AS "fromKind"
            FROM "StageTransition" t JOIN "Stage" s ON s.id = t."toStageId" AND s.kind = 'REJECTED'
            JOIN "Application" a ON a.id = t."applicationId" JOIN "Job" j ON j.id = a."jobId"
            LEFT JOIN "Stage" fs ON fs.id = t."fromStageId"
            LEFT JOIN "RejectionReason" rr ON rr.id = coalesce(t."rejectionReasonId", a."rejectionReasonId")
           WHERE t."orgId" = ${p.add(ctx.orgId)} AND ${applicationScopeSql(ctx, p)} AND ${inPeriodSql(ctx, p, 't.at')} AND t.at <= ${asOf}`;
}

const BY_REASON: Grouping = { join: '', key: `coalesce(f."reasonId", 'none')`, label: `coalesce(f."reasonLabel", '(no coded reason)')`, isPeriod: false };
const AGGREGATES = `count(*)::int AS rejections, min(f.category) AS category,
  ${Object.entries(FROM_KINDS).map(([key, kind]) => `count(*) FILTER (WHERE f."fromKind" = '${kind}')::int AS "${key}"`).join(', ')}`;

export const rejectionReasonsReport: ReportDefinition = {
  id: 'rejection-reasons',
  area: 'hiring',
  title: 'Rejection reasons',
  description: 'Rejections in the period (when the application moved to the rejected stage) by reason, their share, and the kind of stage they were rejected from.',
  definition: 'docs/metrics.md#rejection-reasons',
  filters: HIRING_FILTERS,

  async compute(ctx) {
    const { rows, totals } = await runGrouped(ctx, (p) => rejectionsSql(ctx, p), AGGREGATES, {}, BY_REASON);
    const all = Number(totals.rejections);
    for (const row of rows) row.share = all ? Number(row.rejections) / all : null;
    delete totals.category;
    return {
      columns: [
        { key: 'label', label: 'Reason', kind: 'text' },
        { key: 'category', label: 'Category', kind: 'text' },
        { key: 'rejections', label: 'Rejections', kind: 'count', isDrillable: true, description: 'moved to the rejected stage in the period' },
        { key: 'share', label: 'Share', kind: 'percent', description: 'of all rejections in the period' },
        ...Object.entries(FROM_KINDS).map(([key, kind]) => ({ key, label: `From ${kind.toLowerCase()}`, kind: 'count' as const, isDrillable: true, description: `rejected from a stage of kind ${kind}` })),
      ],
      rows, totals: { ...totals, share: all ? 1 : null },
      charts: [{ kind: 'bar', title: 'Rejections by reason', x: 'label', series: ['rejections'] }],
      notes: [],
    };
  },

  async drill(ctx, row, column) {
    if (column !== 'rejections' && !(column in FROM_KINDS)) throw unknownCell('column', column);
    return drillGrouped(ctx, {
      facts: (p) => rejectionsSql(ctx, p), row, fixed: BY_REASON, title: `Rejections ${row === 'total' ? 'for any reason' : 'for this reason'}`,
      where: (p) => (column === 'rejections' ? 'true' : `f."fromKind" = ${p.add(FROM_KINDS[column as keyof typeof FROM_KINDS])}`),
      columns: [{ key: 'rejectedAt', label: 'Rejected', kind: 'date' }, { key: 'reason', label: 'Reason', kind: 'text' }, { key: 'fromKind', label: 'From stage', kind: 'text' }, { key: 'note', label: 'Note', kind: 'text' }],
      select: `f.at AS "rejectedAt", f."reasonLabel" AS reason, f."fromKind", f.note`,
    });
  },
};
