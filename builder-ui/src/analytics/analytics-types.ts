// Shapes of the analytics API as the dashboards read them: the catalog (GET /api/analytics/reports), one
// report's result and one page of the people behind a number. The server's own types, imported as types only.
import type { ReportColumn, ReportResult, ReportRow, ChartSpec, CellValue, ColumnKind, DrillColumn } from '../../../api/services/analytics/report-types';
import type { TGroupBy } from '../../../api/services/analytics/report-filters';

export type { ReportColumn, ReportResult, ReportRow, ChartSpec, CellValue, ColumnKind, DrillColumn, TGroupBy };

/** One entry of the catalog: only the reports the caller may read. */
export type ReportCatalogEntry = {
  id: string;
  area: 'hiring' | 'crm' | 'forecast';
  title: string;
  description: string;
  definition: string;
  /** The definition's words and query, as docs/metrics.md has them (Markdown); null when the docs are not shipped. */
  definitionText: string | null;
  filters: string[];
  groupBys: TGroupBy[];
};

/** GET /api/analytics/reports/:id/drill: a page of people, with `nextOffset` null on the last page. */
export type DrillPage = {
  title: string;
  columns: DrillColumn[];
  rows: Array<Record<string, CellValue> & { candidateId?: string; applicationId?: string }>;
  offset: number;
  nextOffset: number | null;
};
