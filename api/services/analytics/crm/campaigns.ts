// Per campaign: who enrolled in the period and who is still in it at the as-of date, what was sent and
// delivered, who opened (unreliable), clicked, replied or unsubscribed, and who applied to a job after
// enrolling and was hired (docs/metrics.md#campaigns). Facts and drill-down share campaign-facts.ts.
import { unknownCell } from '../report-errors';
import type { DrillStatement, ReportColumn, ReportDefinition, ReportRow } from '../report-types';
import { SqlParams } from '../sql-params';
import { CAMPAIGN_METRICS, campaignCountsSql, campaignFactsSql, MESSAGE_METRICS, type TCampaignMetric } from './campaign-facts';
import { PERSON_COLUMN, PERSON_SQL, rate } from './crm-report-parts';

type Counts = Record<TCampaignMetric | 'reached', number>;

/** Each rate: its count column over its base column. */
const RATES = [
  ['deliveryRate', 'delivered', 'sent', 'Delivered %', 'delivered of sent messages'],
  ['openRate', 'opened', 'reached', 'Opened %', 'opened of people sent to (unreliable)'],
  ['clickRate', 'clicked', 'reached', 'Clicked %', 'clicked of people sent to'],
  ['replyRate', 'replied', 'reached', 'Replied %', 'replied of people sent to'],
  ['unsubscribeRate', 'unsubscribed', 'reached', 'Unsubscribed %', 'unsubscribed of people sent to'],
  ['applyRate', 'applied', 'enrolled', 'Applied %', 'applied of people enrolled'],
  ['hireRate', 'hired', 'enrolled', 'Hired %', 'hired of people enrolled'],
] as const;

const COLUMNS: ReportColumn[] = [
  { key: 'campaign', label: 'Campaign', kind: 'text' },
  { key: 'enrolled', label: 'Enrolled', kind: 'count', isDrillable: true, description: 'runs started in the period' },
  { key: 'active', label: 'Active', kind: 'count', isDrillable: true, description: 'runs started and not ended at the as-of date' },
  { key: 'sent', label: 'Sent', kind: 'count', isDrillable: true, description: 'emails sent in the period' },
  { key: 'reached', label: 'Sent to', kind: 'count', isDrillable: true, description: 'people sent at least one email in the period' },
  { key: 'delivered', label: 'Delivered', kind: 'count', isDrillable: true, description: 'of the emails sent, not bounced by the as-of date' },
  { key: 'opened', label: 'Opened', kind: 'count', isDrillable: true, isUnreliable: true, description: 'people with an open in the period: privacy proxies open mail by themselves' },
  { key: 'clicked', label: 'Clicked', kind: 'count', isDrillable: true, description: 'people who clicked a link in the period' },
  { key: 'replied', label: 'Replied', kind: 'count', isDrillable: true, description: 'people who replied in the period' },
  { key: 'unsubscribed', label: 'Unsubscribed', kind: 'count', isDrillable: true, description: 'people who unsubscribed (from its email, or ending its run) in the period' },
  { key: 'applied', label: 'Applied', kind: 'count', isDrillable: true, description: 'of the people enrolled in the period, applied to a job after enrolling, by the as-of date' },
  { key: 'hired', label: 'Hired', kind: 'count', isDrillable: true, description: 'of those, hired by the as-of date' },
  ...RATES.map(([key, , , label, description]): ReportColumn => ({ key, label, kind: 'percent', description })),
];

function withRates(counts: Counts): Record<string, number | null> {
  return { ...counts, ...Object.fromEntries(RATES.map(([key, count, base]) => [key, rate(counts[count], counts[base])])) };
}

const DRILLABLE = [...CAMPAIGN_METRICS, 'reached'] as const;

export const campaignsReport: ReportDefinition = {
  id: 'campaigns',
  area: 'crm',
  title: 'Campaigns',
  description: 'Per campaign: enrollments in the period and runs live at the as-of date, emails sent and delivered, opens (unreliable), clicks, replies and unsubscribes in the period, and the people enrolled in the period who applied to a job after enrolling and were hired.',
  definition: 'docs/metrics.md#campaigns',
  filters: ['from', 'to', 'asOf', 'campaignIds'],

  async compute(ctx) {
    const p = new SqlParams();
    const { rows } = await ctx.pool.query<Counts & { id: string; name: string }>(
      `${campaignFactsSql(ctx, p, CAMPAIGN_METRICS)}
       SELECT camps.id, camps.name, ${campaignCountsSql(CAMPAIGN_METRICS)},
              count(DISTINCT f."candidateId") FILTER (WHERE f.metric = 'sent')::int AS reached
         FROM camps LEFT JOIN facts f ON f."campaignId" = camps.id
        GROUP BY camps.id, camps.name ORDER BY lower(camps.name), camps.id`,
      p.values,
    );
    const keys = [...CAMPAIGN_METRICS, 'reached'] as const;
    const sum = Object.fromEntries(keys.map((k) => [k, rows.reduce((s, r) => s + r[k], 0)])) as Counts;
    const tableRows: ReportRow[] = rows.map((r) => ({ key: r.id, campaign: r.name, ...withRates(Object.fromEntries(keys.map((k) => [k, r[k]])) as Counts) }));
    return {
      columns: COLUMNS,
      rows: tableRows,
      totals: withRates(sum),
      charts: [
        { kind: 'funnel', title: 'From enrollment to hire', x: 'campaign', series: ['enrolled', 'reached', 'clicked', 'replied', 'applied', 'hired'] },
        { kind: 'bar', title: 'Engagement per campaign', x: 'campaign', series: ['reached', 'clicked', 'replied', 'applied'] },
      ],
      notes: [
        'Opens are unreliable: privacy proxies (Apple Mail) open every email, and blocked images hide real reads. Trust clicks and replies.',
        'Totals add up the campaigns: a person enrolled in two campaigns counts in each.',
      ],
    };
  },

  async drill(ctx, row, column): Promise<DrillStatement> {
    if (!(DRILLABLE as readonly string[]).includes(column)) throw unknownCell('column', column);
    const metric = (column === 'reached' ? 'sent' : column) as TCampaignMetric;
    const isMessages = column !== 'reached' && MESSAGE_METRICS.includes(metric);
    const p = new SqlParams();
    const facts = campaignFactsSql(ctx, p, [metric]);
    if (row !== 'total') {
      const { rowCount } = await ctx.pool.query(`SELECT 1 FROM "Campaign" WHERE id = $1 AND "orgId" = $2`, [row, ctx.orgId]);
      if (!rowCount) throw unknownCell('row', row);
    }
    const where = row === 'total' ? '' : ` AND f."campaignId" = ${p.add(row)}`;
    const isApplication = metric === 'applied' || metric === 'hired';
    // People once per campaign (their first fact); messages each.
    const pick = isMessages ? '' : 'DISTINCT ON (f."campaignId", f."candidateId")';
    return {
      title: `${COLUMNS.find((c) => c.key === column)!.label}: ${row === 'total' ? 'every campaign' : 'one campaign'}`,
      columns: [
        PERSON_COLUMN,
        { key: 'campaignName', label: 'Campaign', kind: 'text' },
        { key: 'at', label: isMessages ? 'Sent' : 'When', kind: 'date' },
      ],
      sql: `${facts}
            SELECT * FROM (
              SELECT ${pick} f."candidateId", ${isApplication ? 'f."refId" AS "applicationId", ' : ''}${isMessages ? 'f."refId" AS "messageId", ' : ''}
                     ${PERSON_SQL} AS "candidateName", camps.name AS "campaignName", f.at, f."campaignId"
                FROM facts f JOIN camps ON camps.id = f."campaignId" JOIN "Candidate" c ON c.id = f."candidateId"
               WHERE true${where}
               ORDER BY f."campaignId", f."candidateId", f.at, f."refId") d
             ORDER BY d.at, d."candidateId", d."campaignId"${isMessages ? ', d."messageId"' : ''}`,
      params: p,
    };
  },
};
