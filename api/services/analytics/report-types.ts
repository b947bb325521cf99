// The shape every analytics report answers with, so one page can show any of them: a table (columns and
// rows), the charts drawn from it, and a drill-down from each number to the people behind it. Reports are
// defined in hiring/, crm/ and forecast/ and listed in report-catalog.ts; docs/metrics.md defines each.
import type { Pool } from 'pg';
import type { ReportFilters, TGroupBy } from './report-filters';
import type { SqlParams } from './sql-params';

/** How a cell is shown and exported. `days` are fractional days; `percent` is a ratio 0..1 (null when the base is 0). */
export type ColumnKind = 'text' | 'count' | 'percent' | 'days' | 'hours' | 'number' | 'date';

export interface ReportColumn {
  key: string;
  label: string;
  kind: ColumnKind;
  /** Its numbers open the people behind them (GET .../drill?row=<row key>&column=<this key>). */
  isDrillable?: boolean;
  /** Shown with a warning (opens: privacy proxies and image blockers make them unreliable). */
  isUnreliable?: boolean;
  /** One line under the header: what the number counts. */
  description?: string;
}

export type CellValue = string | number | null;

/** A row: `key` identifies it for drill-down (a job id, a stage id, a period start, a source...). */
export type ReportRow = { key: string } & Record<string, CellValue>;

export interface ChartSpec {
  kind: 'funnel' | 'line' | 'bar' | 'histogram';
  title: string;
  /** The column along the x axis (funnel: the step labels). */
  x: string;
  /** The columns drawn (one line or bar series each; funnel and histogram: the first). */
  series: string[];
}

export interface ReportResult {
  id: string;
  title: string;
  description: string;
  /** docs/metrics.md#<anchor>: the definition and the query, shown beside the report. */
  definition: string;
  filters: ReportFilters;
  columns: ReportColumn[];
  rows: ReportRow[];
  /** The whole of the filtered data (not a sum of rows when rows overlap, such as medians). */
  totals?: Record<string, CellValue>;
  charts: ChartSpec[];
  /** Plain-language remarks: what was left out and why, small samples. */
  notes: string[];
}

/** The people behind one number: one row per candidate (and application, where it has one). */
export interface DrillColumn {
  key: string;
  label: string;
  kind: ColumnKind;
}

export interface DrillStatement {
  title: string;
  columns: DrillColumn[];
  /**
   * SELECT returning the drill columns plus "candidateId" (and "applicationId" when there is one), ordered
   * by a unique key so pages are stable. The runner pages it (JSON) or streams all of it (CSV): no row cap.
   */
  sql: string;
  params: SqlParams;
}

export interface ReportContext {
  pool: Pool;
  orgId: string;
  filters: ReportFilters;
}

export interface ReportDefinition {
  id: string;
  area: 'hiring' | 'crm' | 'forecast';
  title: string;
  description: string;
  definition: string;
  /** Filters this report reads; the others are refused with a 400 rather than silently ignored. */
  filters: readonly (keyof ReportFilters)[];
  /** The groupings it offers (with 'groupBy' among its filters); the first is the default. */
  groupBys?: readonly TGroupBy[];
  compute(ctx: ReportContext): Promise<Omit<ReportResult, 'id' | 'title' | 'description' | 'definition' | 'filters'>>;
  /** The people behind the cell (row key, column key); a 404 for a cell that has none. */
  drill?(ctx: ReportContext, row: string, column: string): Promise<DrillStatement>;
}
