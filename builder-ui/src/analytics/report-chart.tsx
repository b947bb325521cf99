// Small SVG charts of a report's table, as its `charts` ask: line (trends), bar (groups), histogram (one
// series over buckets), funnel (steps). No chart library: each is a few shapes. Every mark has a <title>
// (its value on hover and for screen readers), and the chart is labelled by its title; the table beside it
// holds the same numbers.
import type { ChartSpec, ReportColumn, ReportRow } from './analytics-types';
import { chartValue, formatCell } from './format-cell';

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { top: 14, right: 24, bottom: 34, left: 52 };
const COLORS = ['#2f6b4f', '#2458b3', '#b42318', '#946200', '#6b4fa1', '#0f7b8a'];

type ChartProps = { spec: ChartSpec; columns: ReportColumn[]; rows: ReportRow[]; chartId: string };

/** The axis top: four round steps (1, 2 or 5 times a power of ten; whole steps for counts) above the largest value. */
export function niceMax(max: number, isWhole = false): number {
  const rough = Math.max(max, 0) / 4 || 0.25;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 5, 10].find((m) => m * power >= rough) ?? 10) * power;
  return 4 * (isWhole ? Math.max(1, step) : step);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Period starts read short on an axis: months as "Jan '26", weeks as "Jan 5"; anything else as it is. */
export function axisLabels(labels: string[]): string[] {
  const dates = labels.map((l) => /^(\d{4})-(\d{2})-(\d{2})$/.exec(l));
  if (!labels.length || dates.some((d) => !d)) return labels;
  const isMonthly = dates.every((d) => d![3] === '01');
  return dates.map((d) => (isMonthly ? `${MONTHS[Number(d![2]) - 1]} '${d![1]!.slice(2)}` : `${MONTHS[Number(d![2]) - 1]} ${Number(d![3])}`));
}

function useSeries(spec: ChartSpec, columns: ReportColumn[], rows: ReportRow[]) {
  const byKey = new Map(columns.map((c) => [c.key, c]));
  const xColumn = byKey.get(spec.x);
  const series = (spec.kind === 'funnel' || spec.kind === 'histogram' ? spec.series.slice(0, 1) : spec.series)
    .flatMap((key) => (byKey.get(key) ? [byKey.get(key)!] : []));
  const labels = rows.map((r) => (xColumn ? formatCell(xColumn.kind, r[xColumn.key]) : r.key));
  const values = series.map((s) => rows.map((r) => chartValue(r[s.key])));
  const max = Math.max(0, ...values.flat().map((v) => v ?? 0));
  return { series, labels, values, max };
}

/** Whether the chart has anything to draw: some series value other than zero. */
export function hasChartData(spec: ChartSpec, columns: ReportColumn[], rows: ReportRow[]): boolean {
  return rows.length > 0 && spec.series.some((key) => columns.some((c) => c.key === key) && rows.some((r) => (chartValue(r[key]) ?? 0) !== 0));
}

function Axis({ max, kind }: { max: number; kind: ReportColumn['kind'] }) {
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  return (
    <g className="chart-axis" aria-hidden="true">
      {ticks.map((t) => {
        const y = PAD.top + plotHeight * (1 - t);
        return (
          <g key={t}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y} y2={y} className="chart-grid" />
            <text x={PAD.left - 6} y={y + 4} textAnchor="end">{formatCell(kind, max * t)}</text>
          </g>
        );
      })}
    </g>
  );
}

function XLabels({ labels, xOf }: { labels: string[]; xOf: (i: number) => number }) {
  const every = Math.max(1, Math.ceil(labels.length / 10));
  return (
    <g className="chart-axis" aria-hidden="true">
      {labels.map((label, i) => (i % every === 0 ? <text key={i} x={xOf(i)} y={HEIGHT - PAD.bottom + 16} textAnchor="middle">{label.length > 12 ? `${label.slice(0, 11)}…` : label}</text> : null))}
    </g>
  );
}

function Legend({ series }: { series: ReportColumn[] }) {
  if (series.length < 2) return null;
  return (
    <ul className="chart-legend">
      {series.map((s, i) => <li key={s.key}><span className="chart-swatch" style={{ background: COLORS[i % COLORS.length] }} />{s.label}{s.isUnreliable ? ' ⚠' : ''}</li>)}
    </ul>
  );
}

function LineOrBars({ spec, columns, rows, chartId }: ChartProps) {
  const { series, labels, values, max } = useSeries(spec, columns, rows);
  const kind = series[0]?.kind ?? 'number';
  const top = niceMax(max, kind === 'count');
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const yOf = (v: number) => PAD.top + plotHeight * (1 - v / top);
  const isLine = spec.kind === 'line';
  const slot = plotWidth / Math.max(1, labels.length);
  const xOf = (i: number) => (isLine ? PAD.left + (labels.length === 1 ? plotWidth / 2 : (plotWidth * i) / (labels.length - 1)) : PAD.left + slot * (i + 0.5));
  const groupWidth = spec.kind === 'histogram' ? slot : slot * 0.8;
  const barWidth = groupWidth / Math.max(1, series.length);
  return (
    <>
      <svg className="report-chart-svg" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${chartId}-title`} data-testid="report-chart-svg">
        <title id={`${chartId}-title`}>{spec.title}</title>
        <Axis max={top} kind={kind} />
        <XLabels labels={axisLabels(labels)} xOf={xOf} />
        {series.map((s, si) => {
          const color = COLORS[si % COLORS.length];
          const points = values[si]!.map((v, i) => (v === null ? null : { x: xOf(i), y: yOf(v), v, i }));
          if (isLine) {
            const path = points.reduce((d, p, i) => (p ? `${d}${d && points[i - 1] ? 'L' : 'M'}${p.x.toFixed(1)},${p.y.toFixed(1)}` : d), '');
            return (
              <g key={s.key} data-series={s.key}>
                <path d={path} fill="none" stroke={color} strokeWidth={2} strokeDasharray={s.isUnreliable ? '4 3' : undefined} />
                {points.map((p) => p && (
                  <circle key={p.i} cx={p.x} cy={p.y} r={3.5} fill={color} data-testid="chart-point">
                    <title>{`${s.label}, ${labels[p.i]}: ${formatCell(s.kind, p.v)}`}</title>
                  </circle>
                ))}
              </g>
            );
          }
          return (
            <g key={s.key} data-series={s.key}>
              {points.map((p) => p && (
                <rect key={p.i} x={PAD.left + slot * p.i + (slot - groupWidth) / 2 + barWidth * si + (spec.kind === 'histogram' ? 0.5 : 0)} y={p.y} width={Math.max(1, barWidth - (spec.kind === 'histogram' ? 1 : 2))}
                  height={Math.max(0, PAD.top + plotHeight - p.y)} fill={color} opacity={s.isUnreliable ? 0.5 : 1} data-testid="chart-bar">
                  <title>{`${s.label}, ${labels[p.i]}: ${formatCell(s.kind, p.v)}`}</title>
                </rect>
              ))}
            </g>
          );
        })}
      </svg>
      <Legend series={series} />
    </>
  );
}

function Funnel({ spec, columns, rows, chartId }: ChartProps) {
  const { series, labels, values, max } = useSeries(spec, columns, rows);
  const s = series[0];
  if (!s) return null;
  const first = values[0]!.find((v) => v !== null) ?? null;
  const rowHeight = 30;
  const labelWidth = 150;
  const barSpace = WIDTH - labelWidth - 130;
  const height = rowHeight * labels.length + 8;
  return (
    <svg className="report-chart-svg" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${chartId}-title`} data-testid="report-chart-svg">
      <title id={`${chartId}-title`}>{spec.title}</title>
      {labels.map((label, i) => {
        const v = values[0]![i] ?? null;
        const width = v === null || max === 0 ? 0 : Math.max(2, (barSpace * v) / max);
        const y = 4 + i * rowHeight;
        const share = v !== null && first ? ` (${formatCell('percent', v / first)} of the first step)` : '';
        return (
          <g key={i} data-testid="chart-bar">
            <title>{`${label}: ${formatCell(s.kind, v)}${share}`}</title>
            <text x={labelWidth - 8} y={y + rowHeight / 2 + 4} textAnchor="end" className="chart-label">{label.length > 22 ? `${label.slice(0, 21)}…` : label}</text>
            <rect x={labelWidth + (barSpace - width) / 2} y={y + 3} width={width} height={rowHeight - 6} rx={3} fill={COLORS[0]} />
            <text x={labelWidth + barSpace + 8} y={y + rowHeight / 2 + 4} className="chart-label">{formatCell(s.kind, v)}{v !== null && first && i > 0 ? ` · ${formatCell('percent', v / first)}` : ''}</text>
          </g>
        );
      })}
    </svg>
  );
}

export function ReportChart(props: ChartProps) {
  return (
    <figure className="report-chart" data-testid="report-chart" data-kind={props.spec.kind}>
      <figcaption className="report-chart-title">{props.spec.title}</figcaption>
      {props.spec.kind === 'funnel' ? <Funnel {...props} /> : <LineOrBars {...props} />}
    </figure>
  );
}
