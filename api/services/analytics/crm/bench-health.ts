// The bench at the as-of date: contactable prospects (not applicants yet, an address that is neither
// suppressed nor unsubscribed from all marketing), how many engaged (clicked, replied, attended an event)
// in the 90 days before it, and how many are hot or warm, by skill (the top skills) or by country
// (docs/metrics.md#bench-health).
import { SUPPRESSION_HASH_OF_EMAIL } from '../../segments/segment-sql';
import { ALL_MARKETING } from '../../messaging/contact-policy';
import { unknownCell } from '../report-errors';
import type { DrillStatement, ReportColumn, ReportContext, ReportDefinition } from '../report-types';
import { SqlParams } from '../sql-params';
import { PERSON_COLUMN, PERSON_SQL, rate } from './crm-report-parts';

export const ENGAGED_WITHIN_DAYS = 90;
/** Skills shown (by engaged prospects, then prospects): a bench has a long tail of single-person skills. */
export const TOP_SKILLS = 20;
const NO_COUNTRY = 'none';
const METRICS = ['prospects', 'engaged', 'hot', 'warm'] as const;
type TBenchMetric = (typeof METRICS)[number];

/** `WITH bench AS (...)`: the contactable prospects at the as-of date, with whether they engaged and the group key. */
function benchSql(ctx: ReportContext, p: SqlParams): string {
  const asOf = p.add(ctx.filters.asOf, 'timestamptz');
  const group = ctx.filters.groupBy === 'country' ? `coalesce(c."countryCode", '${NO_COUNTRY}')` : 'skill';
  const skills = ctx.filters.groupBy === 'country' ? '' : ', unnest(c.skills) AS skill';
  return `WITH bench AS (
    SELECT c.id, c."interestLevel", ${group} AS "groupKey",
           EXISTS (SELECT 1 FROM "EngagementEvent" e WHERE e."candidateId" = c.id AND e.kind IN ('CLICKED', 'REPLIED', 'ATTENDED')
                    AND e.at > ${asOf} - make_interval(days => ${ENGAGED_WITHIN_DAYS}) AND e.at <= ${asOf}) AS "isEngaged"
      FROM "Candidate" c${skills}
     WHERE c."orgId" = ${p.add(ctx.orgId)} AND c."mergedIntoId" IS NULL AND c."anonymizedAt" IS NULL AND c."createdAt" <= ${asOf}
       -- A prospect at the as-of date: no application by then (applicants were prospects until they applied).
       AND NOT EXISTS (SELECT 1 FROM "Application" a WHERE a."candidateId" = c.id AND a."appliedAt" <= ${asOf})
       AND (c.kind = 'PROSPECT' OR EXISTS (SELECT 1 FROM "Application" a WHERE a."candidateId" = c.id))
       AND c.email IS NOT NULL AND btrim(c.email) <> ''
       AND NOT EXISTS (SELECT 1 FROM "Suppression" s WHERE s."orgId" = c."orgId" AND s."addressHash" = ${SUPPRESSION_HASH_OF_EMAIL} AND s."createdAt" <= ${asOf})
       AND NOT EXISTS (SELECT 1 FROM "ContactPreference" cp WHERE cp."candidateId" = c.id AND cp.topic = ${p.add(ALL_MARKETING)} AND NOT cp."isSubscribed" AND cp."updatedAt" <= ${asOf}))`;
}

const counts = `count(DISTINCT id)::int AS prospects, count(DISTINCT id) FILTER (WHERE "isEngaged")::int AS engaged,
       count(DISTINCT id) FILTER (WHERE "interestLevel" = 'HOT')::int AS hot, count(DISTINCT id) FILTER (WHERE "interestLevel" = 'WARM')::int AS warm`;

export const benchHealthReport: ReportDefinition = {
  id: 'bench-health',
  area: 'crm',
  title: 'Bench health',
  description: `Contactable prospects at the as-of date, how many engaged (clicked, replied, attended an event) in the ${ENGAGED_WITHIN_DAYS} days before it, and how many are hot or warm, by skill (the top ${TOP_SKILLS}) or by country.`,
  definition: 'docs/metrics.md#bench-health',
  filters: ['asOf', 'groupBy'],
  groupBys: ['skill', 'country'],

  async compute(ctx) {
    const isSkill = ctx.filters.groupBy !== 'country';
    const p = new SqlParams();
    const bench = benchSql(ctx, p);
    const { rows } = await ctx.pool.query<Record<TBenchMetric, number> & { groupKey: string }>(
      `${bench} SELECT "groupKey", ${counts} FROM bench GROUP BY "groupKey" ORDER BY engaged DESC, prospects DESC, "groupKey"`, p.values,
    );
    // The whole bench, each person once (a person with three skills is one prospect).
    const tp = new SqlParams();
    const everyone = benchSql({ ...ctx, filters: { ...ctx.filters, groupBy: 'country' } }, tp);
    const { rows: [totals] } = await ctx.pool.query<Record<TBenchMetric, number>>(`${everyone} SELECT ${counts} FROM bench`, tp.values);
    const shown = isSkill ? rows.slice(0, TOP_SKILLS) : rows;
    const notes = [`Engaged: a click, a reply or an event attended in the ${ENGAGED_WITHIN_DAYS} days up to the as-of date. Skills, countries and interest levels are the profiles' as they are now (their changes are not recorded).`];
    if (isSkill) notes.push(`Prospects without skills are in the totals but in no row; a prospect with several skills is in each of their rows.`);
    if (shown.length < rows.length) notes.push(`The top ${TOP_SKILLS} of ${rows.length} skills are shown.`);
    return {
      columns: [
        { key: 'group', label: isSkill ? 'Skill' : 'Country', kind: 'text' },
        { key: 'prospects', label: 'Prospects', kind: 'count', isDrillable: true, description: 'contactable prospects at the as-of date' },
        { key: 'engaged', label: 'Engaged', kind: 'count', isDrillable: true, description: `of them, engaged in the ${ENGAGED_WITHIN_DAYS} days before the as-of date` },
        { key: 'engagedShare', label: 'Engaged %', kind: 'percent', description: 'engaged of prospects' },
        { key: 'hot', label: 'Hot', kind: 'count', isDrillable: true, description: 'interest level HOT' },
        { key: 'warm', label: 'Warm', kind: 'count', isDrillable: true, description: 'interest level WARM' },
      ] satisfies ReportColumn[],
      rows: shown.map((r) => ({ key: r.groupKey, group: r.groupKey === NO_COUNTRY && !isSkill ? '(no country)' : r.groupKey, prospects: r.prospects, engaged: r.engaged, engagedShare: rate(r.engaged, r.prospects), hot: r.hot, warm: r.warm })),
      totals: { ...totals!, engagedShare: rate(totals!.engaged, totals!.prospects) },
      charts: [{ kind: 'bar', title: isSkill ? 'Bench by skill' : 'Bench by country', x: 'group', series: ['prospects', 'engaged', 'hot', 'warm'] }],
      notes,
    };
  },

  async drill(ctx, row, column): Promise<DrillStatement> {
    if (!(METRICS as readonly string[]).includes(column)) throw unknownCell('column', column);
    if (row.length > 100) throw unknownCell('row', row);
    const p = new SqlParams();
    const isTotal = row === 'total';
    const bench = benchSql(isTotal ? { ...ctx, filters: { ...ctx.filters, groupBy: 'country' } } : ctx, p);
    const conditions = [isTotal ? 'true' : `b."groupKey" = ${p.add(row)}`];
    if (column === 'engaged') conditions.push('b."isEngaged"');
    if (column === 'hot' || column === 'warm') conditions.push(`b."interestLevel" = ${p.add(column.toUpperCase())}`);
    return {
      title: `${column === 'prospects' ? 'Prospects' : `${column[0]!.toUpperCase()}${column.slice(1)} prospects`}${isTotal ? '' : ` (${row})`}`,
      columns: [PERSON_COLUMN, { key: 'email', label: 'Email', kind: 'text' }, { key: 'interestLevel', label: 'Interest', kind: 'text' }, { key: 'countryCode', label: 'Country', kind: 'text' }],
      sql: `${bench}
            SELECT DISTINCT c.id AS "candidateId", ${PERSON_SQL} AS "candidateName", c.email, c."interestLevel", c."countryCode", c."lastName", c."firstName"
              FROM bench b JOIN "Candidate" c ON c.id = b.id
             WHERE ${conditions.join(' AND ')}
             ORDER BY c."lastName", c."firstName", c.id`,
      params: p,
    };
  },
};
