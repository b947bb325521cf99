// Campaign activity per week or month: emails sent, and the people who opened (unreliable), clicked,
// replied and unsubscribed, by when it happened (docs/metrics.md#campaign-trend). The same facts as the
// campaigns report (campaign-facts.ts), bucketed by their time.
import { unknownCell } from '../report-errors';
import type { DrillStatement, ReportColumn, ReportDefinition } from '../report-types';
import { SqlParams } from '../sql-params';
import { campaignCountsSql, campaignFactsSql, MESSAGE_METRICS, type TCampaignMetric } from './campaign-facts';
import { PERSON_COLUMN, PERSON_SQL } from './crm-report-parts';

const METRICS = ['sent', 'opened', 'clicked', 'replied', 'unsubscribed'] as const satisfies readonly TCampaignMetric[];
type Counts = Record<(typeof METRICS)[number], number>;

const METRIC_COLUMNS: ReportColumn[] = [
  { key: 'sent', label: 'Sent', kind: 'count', isDrillable: true, description: 'emails sent' },
  { key: 'opened', label: 'Opened', kind: 'count', isDrillable: true, isUnreliable: true, description: 'people with an open: privacy proxies open mail by themselves' },
  { key: 'clicked', label: 'Clicked', kind: 'count', isDrillable: true, description: 'people who clicked a link' },
  { key: 'replied', label: 'Replied', kind: 'count', isDrillable: true, description: 'people who replied' },
  { key: 'unsubscribed', label: 'Unsubscribed', kind: 'count', isDrillable: true, description: 'people who unsubscribed' },
];

export const campaignTrendReport: ReportDefinition = {
  id: 'campaign-trend',
  area: 'crm',
  title: 'Campaign activity over time',
  description: 'Per week or month, across the chosen campaigns: emails sent, and people who opened (unreliable), clicked, replied and unsubscribed in that period.',
  definition: 'docs/metrics.md#campaign-trend',
  filters: ['from', 'to', 'asOf', 'interval', 'campaignIds'],

  async compute(ctx) {
    const p = new SqlParams();
    const facts = campaignFactsSql(ctx, p, METRICS);
    const interval = p.add(ctx.filters.interval);
    const { rows } = await ctx.pool.query<Counts & { period: string }>(
      `${facts},
       periods AS (SELECT generate_series(date_trunc(${interval}, ${p.add(ctx.filters.from, 'timestamptz')} AT TIME ZONE 'UTC'),
                                          ${p.add(ctx.filters.to, 'timestamptz')} AT TIME ZONE 'UTC' - interval '1 microsecond', ('1 ' || ${interval})::interval) AS period)
       SELECT to_char(periods.period, 'YYYY-MM-DD') AS period, ${campaignCountsSql(METRICS)}
         FROM periods LEFT JOIN facts f ON date_trunc(${interval}, f.at AT TIME ZONE 'UTC') = periods.period
        GROUP BY periods.period ORDER BY periods.period`,
      p.values,
    );
    // Totals count each person once over the whole period (not a sum of the periods' people).
    const tp = new SqlParams();
    const { rows: [totals] } = await ctx.pool.query<Counts>(`${campaignFactsSql(ctx, tp, METRICS)} SELECT ${campaignCountsSql(METRICS)} FROM facts f`, tp.values);
    return {
      columns: [{ key: 'period', label: ctx.filters.interval === 'week' ? 'Week of' : 'Month', kind: 'date' }, ...METRIC_COLUMNS],
      rows: rows.map((r) => ({ key: r.period, period: r.period, sent: r.sent, opened: r.opened, clicked: r.clicked, replied: r.replied, unsubscribed: r.unsubscribed })),
      totals: { ...totals! },
      charts: [{ kind: 'line', title: 'Campaign activity per period', x: 'period', series: ['sent', 'opened', 'clicked', 'replied', 'unsubscribed'] }],
      notes: ['Opens are unreliable: privacy proxies (Apple Mail) open every email, and blocked images hide real reads.', 'A period counts each person once; the totals count each person once over the whole period.'],
    };
  },

  async drill(ctx, row, column): Promise<DrillStatement> {
    if (!(METRICS as readonly string[]).includes(column)) throw unknownCell('column', column);
    if (row !== 'total' && !/^\d{4}-\d{2}-\d{2}$/.test(row)) throw unknownCell('row', row);
    const metric = column as TCampaignMetric;
    const isMessages = MESSAGE_METRICS.includes(metric);
    const p = new SqlParams();
    const facts = campaignFactsSql(ctx, p, [metric]);
    const where = row === 'total' ? '' : ` AND date_trunc(${p.add(ctx.filters.interval)}, f.at AT TIME ZONE 'UTC') = ${p.add(row, 'timestamp')}`;
    return {
      title: `${METRIC_COLUMNS.find((c) => c.key === column)!.label} ${row === 'total' ? 'in the period' : `in the period starting ${row}`}`,
      columns: [PERSON_COLUMN, { key: 'campaignName', label: 'Campaign', kind: 'text' }, { key: 'at', label: 'When', kind: 'date' }],
      // People once (their first fact in the cell); messages each.
      sql: `${facts}
            SELECT * FROM (
              SELECT ${isMessages ? '' : 'DISTINCT ON (f."candidateId")'} f."candidateId", f."refId", ${PERSON_SQL} AS "candidateName", camps.name AS "campaignName", f.at
                FROM facts f JOIN camps ON camps.id = f."campaignId" JOIN "Candidate" c ON c.id = f."candidateId"
               WHERE true${where}
               ORDER BY f."candidateId", f.at, f."refId") d
             ORDER BY d.at, d."candidateId", d."refId"`,
      params: p,
    };
  },
};
