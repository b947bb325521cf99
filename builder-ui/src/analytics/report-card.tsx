// One report on a dashboard, whatever the report: its title and description, how it is computed (the
// docs/metrics.md definition), its charts, its table with units, totals and notes, unreliable columns
// flagged, every drillable number a button that opens the people behind it, and "Export CSV" of the table.
// A refused filter is reported up to the filter bar (shown beside the filter) as well as on the card.
import { useEffect, useState } from 'react';
import { ApiError, downloadFile } from '../api';
import type { ApiErrorDetail } from '../api-types';
import { ErrorNotice } from '../components/error-notice';
import { useApiResource } from '../use-api-resource';
import type { CellValue, ReportCatalogEntry, ReportColumn, ReportResult } from './analytics-types';
import { FILTER_LABELS, reportQuery, unreadFilters, type DashboardFilters } from './dashboard-filters';
import { DrillPanel, type DrillCell } from './drill-panel';
import { formatCell, unitOf } from './format-cell';
import { hasChartData, ReportChart } from './report-chart';
import { DefinitionText } from './definition-text';

type ReportCardProps = {
  report: ReportCatalogEntry;
  filters: DashboardFilters;
  onGroupBy: (reportId: string, groupBy: string) => void;
  onRefused: (reportId: string, details: ApiErrorDetail[] | null) => void;
};

const GROUP_BY_LABELS: Record<string, string> = { utmCampaign: 'UTM campaign' };
const groupByLabel = (g: string) => GROUP_BY_LABELS[g] ?? g.charAt(0).toUpperCase() + g.slice(1);

/** docs/metrics.md#applications → the anchor, shown so a reader can find the definition in the docs. */
const anchorOf = (definition: string) => definition.split('#')[1] ?? definition;

function ColumnHeader({ column }: { column: ReportColumn }) {
  const unit = unitOf(column.kind);
  return (
    <th className={column.kind === 'text' || column.kind === 'date' ? undefined : 'numeric'} title={column.description} data-column={column.key}>
      <span className={column.description ? 'has-description' : undefined}>{column.label}</span>{unit ? <span className="column-unit"> ({unit})</span> : null}
      {column.isUnreliable && <span className="unreliable-flag" title="Unreliable: privacy proxies open every message and image blocking hides real opens" data-testid="unreliable-flag"> ⚠ unreliable</span>}
    </th>
  );
}

type CellProps = { column: ReportColumn; value: CellValue | undefined; row: string; onDrill: (cell: DrillCell) => void; rowLabel: string };

function Cell({ column, value, row, onDrill, rowLabel }: CellProps) {
  const text = formatCell(column.kind, value);
  const isNumber = column.kind !== 'text' && column.kind !== 'date';
  const canDrill = column.isDrillable && typeof value === 'number' && value !== 0;
  return (
    <td className={isNumber ? 'numeric' : undefined} data-column={column.key} data-value={value ?? ''}>
      {canDrill ? (
        <button type="button" className="drill-button" onClick={() => onDrill({ row, column: column.key, label: `${column.label}, ${rowLabel}` })}
          aria-label={`${text} ${column.label}, ${rowLabel}: show the people`} data-testid="drill-button" data-row={row} data-column={column.key}>
          {text}
        </button>
      ) : text}
    </td>
  );
}

export function ReportCard({ report, filters, onGroupBy, onRefused }: ReportCardProps) {
  const query = reportQuery(report, filters);
  const queryText = query.toString();
  const path = `/api/analytics/reports/${encodeURIComponent(report.id)}?${queryText}`;
  const result = useApiResource<ReportResult>(path);
  const [drill, setDrill] = useState<DrillCell | null>(null);
  const [isDefinitionOpen, setIsDefinitionOpen] = useState(false);
  const [exportError, setExportError] = useState<unknown>(null);

  useEffect(() => setDrill(null), [queryText]);
  useEffect(() => {
    const error = result.error;
    onRefused(report.id, error instanceof ApiError && error.status === 400 ? error.details : null);
  }, [result.error, report.id, onRefused]);

  const data = result.data;
  const unread = unreadFilters(report, filters);
  const firstColumn = data?.columns[0];
  const rowLabel = (row: Record<string, CellValue>) => (firstColumn ? formatCell(firstColumn.kind, row[firstColumn.key]) : '');
  const exportCsv = () => downloadFile(`${path}&format=csv`, `${report.id}.csv`).catch(setExportError);
  return (
    <article className="card report-card" data-testid="report-card" data-report={report.id} aria-labelledby={`report-${report.id}-title`}>
      <header className="report-card-header">
        <div>
          <h2 className="card-title" id={`report-${report.id}-title`}>{report.title}</h2>
          <p className="report-description muted">{report.description}</p>
        </div>
        <div className="page-actions">
          {report.groupBys.length > 1 && (
            <label className="report-group-by">
              <span className="muted">Group by</span>
              <select value={filters.groupBy[report.id] ?? report.groupBys[0]} onChange={(e) => onGroupBy(report.id, e.target.value)} data-testid="report-group-by">
                {report.groupBys.map((g) => <option key={g} value={g}>{groupByLabel(g)}</option>)}
              </select>
            </label>
          )}
          <button type="button" className="button button-small" onClick={() => void exportCsv()} disabled={!data} data-testid="report-export">Export CSV</button>
        </div>
      </header>
      <button type="button" className="definition-toggle" aria-expanded={isDefinitionOpen} onClick={() => setIsDefinitionOpen(!isDefinitionOpen)} data-testid="report-definition-toggle">
        How is this computed?
      </button>
      {isDefinitionOpen && (
        <div className="report-definition" data-testid="report-definition">
          <p>{report.description}</p>
          {report.definitionText && <DefinitionText markdown={report.definitionText} />}
          <p className="muted">From the metrics guide, section <strong>{anchorOf(report.definition)}</strong>: <code data-testid="report-definition-anchor">{report.definition}</code>.</p>
          <p className="muted">Filters it reads: {report.filters.map((f) => FILTER_LABELS[f] ?? f).join(', ')}.</p>
        </div>
      )}
      {unread.length > 0 && <p className="report-unread muted" data-testid="report-unread">Not filtered by: {unread.map((f) => FILTER_LABELS[f] ?? f).join(', ')} (this report does not read them).</p>}
      <ErrorNotice error={result.error} title={`Could not compute ${report.title}`} onRetry={() => void result.reload()} />
      <ErrorNotice error={exportError} title="Could not export" />
      {result.isLoading && !data && <p className="muted report-loading" data-testid="report-loading">Computing…</p>}
      {data && (
        <>
          <div className={`report-body${data.charts.length ? '' : ' is-table-only'}`}>
          <div className="report-charts">
            {data.charts.map((spec, i) => (hasChartData(spec, data.columns, data.rows)
              ? <ReportChart key={i} spec={spec} columns={data.columns} rows={data.rows} chartId={`chart-${report.id}-${i}`} />
              : <div key={i} className="report-chart report-chart-empty" data-testid="report-chart-empty"><span className="report-chart-title">{spec.title}</span><p className="muted">No data for these filters.</p></div>))}
          </div>
          <div className="table-card report-table-wrap">
            <table className="data-table report-table" data-testid="report-table">
              <thead><tr>{data.columns.map((c) => <ColumnHeader key={c.key} column={c} />)}</tr></thead>
              <tbody>
                {data.rows.length === 0 && <tr><td colSpan={data.columns.length} className="table-empty" data-testid="report-empty">No data for these filters.</td></tr>}
                {data.rows.map((row) => (
                  <tr key={row.key} data-testid="report-row" data-row={row.key}>
                    {data.columns.map((c) => <Cell key={c.key} column={c} value={row[c.key]} row={row.key} rowLabel={rowLabel(row)} onDrill={setDrill} />)}
                  </tr>
                ))}
              </tbody>
              {data.totals && (
                <tfoot>
                  <tr className="report-totals" data-testid="report-totals" data-row="total">
                    {data.columns.map((c, i) => (i === 0 && data.totals![c.key] === undefined
                      ? <th key={c.key} scope="row">Total</th>
                      : <Cell key={c.key} column={c} value={data.totals![c.key]} row="total" rowLabel="total" onDrill={setDrill} />))}
                  </tr>
                </tfoot>
              )}
            </table>
          </div>
          </div>
          {data.notes.length > 0 && <ul className="report-notes" data-testid="report-notes">{data.notes.map((n, i) => <li key={i}>{n}</li>)}</ul>}
          {drill && <DrillPanel reportId={report.id} query={query} cell={drill} onClose={() => setDrill(null)} />}
        </>
      )}
    </article>
  );
}
