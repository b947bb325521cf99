// Per saved segment: its members now (segments are dynamic queries, evaluated when asked: membership is
// not recorded over time), and of them, who was contacted, who engaged and who applied in the period, and
// who was hired by the as-of date (docs/metrics.md#segments).
import { countSegmentMembers } from '../../segments/segments';
import { loadSegmentQuery } from '../../segments/segment-references';
import { segmentMembersSql } from '../../segments/segment-sql';
import { stageKindAsOf, reachedKindAt } from '../hiring/as-of';
import { unknownCell } from '../report-errors';
import type { DrillStatement, ReportColumn, ReportContext, ReportDefinition } from '../report-types';
import { SqlParams } from '../sql-params';
import { PERSON_COLUMN, PERSON_SQL, periodParams } from './crm-report-parts';

const METRICS = ['contacted', 'engaged', 'applied', 'hired'] as const;
type TSegmentMetric = (typeof METRICS)[number];

const COLUMNS: ReportColumn[] = [
  { key: 'segment', label: 'Segment', kind: 'text' },
  { key: 'members', label: 'Members now', kind: 'count', isDrillable: true, description: 'evaluated now: segments are queries, not recorded lists' },
  { key: 'contacted', label: 'Contacted', kind: 'count', isDrillable: true, description: 'of the members, sent an email in the period' },
  { key: 'engaged', label: 'Engaged', kind: 'count', isDrillable: true, description: 'of the members, clicked, replied or attended an event in the period' },
  { key: 'applied', label: 'Applied', kind: 'count', isDrillable: true, description: 'of the members, applied to a job in the period' },
  { key: 'hired', label: 'Hired', kind: 'count', isDrillable: true, description: 'of the members, hired by the as-of date' },
];

/** `WITH members AS (...), facts AS (...)`: facts ("candidateId", metric, at, "refId") of the segment's members now. */
async function segmentFactsSql(ctx: ReportContext, p: SqlParams, segmentId: string, path: string): Promise<string> {
  const query = await loadSegmentQuery(ctx.pool, ctx.orgId, segmentId, path);
  const members = segmentMembersSql(ctx.orgId, query, { values: p.values }).text;
  const { from, to, asOf } = periodParams(ctx, p);
  const inPeriod = (col: string) => `${col} >= ${from} AND ${col} < ${to}`;
  const parts: Record<TSegmentMetric, string> = {
    contacted: `SELECT m."candidateId", 'contacted' AS metric, m."sentAt" AS at, m.id AS "refId" FROM "Message" m JOIN members ON members.id = m."candidateId"
      WHERE m.direction = 'OUTBOUND' AND m.status = 'SENT' AND ${inPeriod('m."sentAt"')}`,
    engaged: `SELECT e."candidateId", 'engaged', e.at, e.id FROM "EngagementEvent" e JOIN members ON members.id = e."candidateId"
      WHERE e.kind IN ('CLICKED', 'REPLIED', 'ATTENDED') AND ${inPeriod('e.at')}`,
    applied: `SELECT a."candidateId", 'applied', a."appliedAt", a.id FROM "Application" a JOIN members ON members.id = a."candidateId" WHERE ${inPeriod('a."appliedAt"')}`,
    hired: `SELECT a."candidateId", 'hired', ${reachedKindAt('a', 'HIRED', asOf)}, a.id FROM "Application" a JOIN members ON members.id = a."candidateId"
      WHERE a."appliedAt" <= ${asOf} AND ${stageKindAsOf('a', asOf)} = 'HIRED'`,
  };
  return `WITH members AS (${members}), facts AS (${METRICS.map((m) => parts[m]).join('\n UNION ALL ')})`;
}

async function segmentsInScope(ctx: ReportContext): Promise<{ id: string; name: string }[]> {
  const { rows } = await ctx.pool.query<{ id: string; name: string }>(
    `SELECT id, name FROM "Segment" WHERE "orgId" = $1 AND ($2::text[] IS NULL OR id = ANY($2::text[])) ORDER BY lower(name), id`,
    [ctx.orgId, ctx.filters.segmentIds],
  );
  return rows;
}

const NOW_NOTE = 'Members are counted now, whatever the as-of date: a segment is a query evaluated when asked (its relative windows move with the clock), so who was a member on a past date is not known. Contacts, engagement and applications are those of today\'s members.';

export const segmentsReport: ReportDefinition = {
  id: 'segments',
  area: 'crm',
  title: 'Segments',
  description: 'Per saved segment: its members now (evaluated now: segments are dynamic queries), and of them, who was contacted, engaged (clicked, replied, attended) and applied in the period, and who was hired by the as-of date.',
  definition: 'docs/metrics.md#segments',
  filters: ['from', 'to', 'asOf', 'segmentIds'],

  async compute(ctx) {
    const rows = [];
    // One segment at a time: each is its own query over the candidates, under the segments' own limits.
    for (const segment of await segmentsInScope(ctx)) {
      const members = await countSegmentMembers(ctx.pool, ctx.orgId, await loadSegmentQuery(ctx.pool, ctx.orgId, segment.id, 'query.segmentIds'));
      const p = new SqlParams();
      const facts = await segmentFactsSql(ctx, p, segment.id, 'query.segmentIds');
      const { rows: [counts] } = await ctx.pool.query<Record<TSegmentMetric, number>>(
        `${facts} SELECT ${METRICS.map((m) => `count(DISTINCT "candidateId") FILTER (WHERE metric = '${m}')::int AS "${m}"`).join(', ')} FROM facts`,
        p.values,
      );
      rows.push({ key: segment.id, segment: segment.name, members, ...counts! });
    }
    return {
      columns: COLUMNS,
      rows,
      charts: [{ kind: 'bar', title: 'Segments: members and what they did', x: 'segment', series: ['members', 'contacted', 'engaged', 'applied', 'hired'] }],
      notes: [NOW_NOTE],
    };
  },

  async drill(ctx, row, column): Promise<DrillStatement> {
    if (column !== 'members' && !(METRICS as readonly string[]).includes(column)) throw unknownCell('column', column);
    const segment = (await segmentsInScope(ctx)).find((s) => s.id === row);
    if (!segment) throw unknownCell('row', row);
    const p = new SqlParams();
    const columns = [PERSON_COLUMN, { key: 'email', label: 'Email', kind: 'text' as const }];
    if (column === 'members') {
      const query = await loadSegmentQuery(ctx.pool, ctx.orgId, segment.id, 'query.row');
      const members = segmentMembersSql(ctx.orgId, query, { values: p.values }).text;
      return {
        title: `Members of ${segment.name} now`, columns,
        sql: `SELECT c.id AS "candidateId", ${PERSON_SQL} AS "candidateName", c.email FROM "Candidate" c WHERE c.id IN (${members}) ORDER BY c."lastName", c."firstName", c.id`,
        params: p,
      };
    }
    const facts = await segmentFactsSql(ctx, p, segment.id, 'query.row');
    return {
      title: `${COLUMNS.find((c) => c.key === column)!.label} members of ${segment.name}`,
      columns: [...columns, { key: 'at', label: 'When', kind: 'date' }],
      sql: `${facts}
            SELECT * FROM (
              SELECT DISTINCT ON (f."candidateId") f."candidateId", ${PERSON_SQL} AS "candidateName", c.email, f.at${column === 'applied' || column === 'hired' ? ', f."refId" AS "applicationId"' : ''}
                FROM facts f JOIN "Candidate" c ON c.id = f."candidateId"
               WHERE f.metric = ${p.add(column)}
               ORDER BY f."candidateId", f.at, f."refId") d
             ORDER BY d.at, d."candidateId"`,
      params: p,
    };
  },
};

