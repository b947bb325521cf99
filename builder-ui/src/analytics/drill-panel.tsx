// The people behind one number of a report: pages of 50 with "Load more", each person linked to their
// profile, and "Download CSV" of all of them (the API streams every row; no cap).
import { useEffect, useState } from 'react';
import { apiGet, downloadFile } from '../api';
import { ErrorNotice } from '../components/error-notice';
import { hrefFor } from '../hash-route';
import type { DrillPage } from './analytics-types';
import { formatCell } from './format-cell';

const PAGE_SIZE = 50;

export type DrillCell = { row: string; column: string; label: string };

type DrillPanelProps = { reportId: string; query: URLSearchParams; cell: DrillCell; onClose: () => void };

function drillPath(reportId: string, query: URLSearchParams, cell: DrillCell, extra: Record<string, string>): string {
  const params = new URLSearchParams(query);
  params.set('row', cell.row);
  params.set('column', cell.column);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return `/api/analytics/reports/${encodeURIComponent(reportId)}/drill?${params.toString()}`;
}

export function DrillPanel({ reportId, query, cell, onClose }: DrillPanelProps) {
  const [pages, setPages] = useState<DrillPage[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [isLoading, setIsLoading] = useState(true);
  const queryText = query.toString();

  const load = async (offset: number) => {
    setIsLoading(true);
    try {
      const page = await apiGet<DrillPage>(drillPath(reportId, query, cell, { limit: String(PAGE_SIZE), offset: String(offset) }));
      setPages((before) => (offset === 0 ? [page] : [...before, page]));
      setError(null);
    } catch (caught) {
      setError(caught);
    } finally {
      setIsLoading(false);
    }
  };
  useEffect(() => {
    setPages([]);
    void load(0);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reportId, queryText, cell.row, cell.column]);

  const first = pages[0];
  const rows = pages.flatMap((p) => p.rows);
  const nextOffset = pages[pages.length - 1]?.nextOffset ?? null;
  const columns = first?.columns ?? [];
  const download = () => downloadFile(drillPath(reportId, query, cell, { format: 'csv' }), `${reportId}-${cell.row}-${cell.column}.csv`).catch(setError);
  return (
    <section className="drill-panel" aria-label={`People behind ${cell.label}`} data-testid="drill-panel" data-row={cell.row} data-column={cell.column}>
      <div className="card-title-row">
        <h3 className="card-title">{first?.title ?? cell.label}</h3>
        <div className="page-actions">
          <button type="button" className="button button-small" onClick={() => void download()} data-testid="drill-download">Download CSV</button>
          <button type="button" className="button button-small button-ghost" onClick={onClose} data-testid="drill-close" aria-label="Close the list">Close</button>
        </div>
      </div>
      <ErrorNotice error={error} title="Could not load the people behind this number" />
      <table className="compact-table" data-testid="drill-table">
        <thead><tr>{columns.map((c) => <th key={c.key}>{c.label}</th>)}</tr></thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={`${r.applicationId ?? r.candidateId ?? ''}-${i}`} data-testid="drill-row" data-candidate-id={r.candidateId ?? ''}>
              {columns.map((c, ci) => (
                <td key={c.key}>
                  {ci === 0 && r.candidateId ? <a href={hrefFor(`/candidates/${encodeURIComponent(String(r.candidateId))}`)} data-testid="drill-candidate">{formatCell(c.kind, r[c.key])}</a>
                    : c.kind === 'date' && typeof r[c.key] === 'string' ? String(r[c.key]).slice(0, 10) : formatCell(c.kind, r[c.key])}
                </td>
              ))}
            </tr>
          ))}
          {!isLoading && !error && rows.length === 0 && <tr><td colSpan={Math.max(1, columns.length)} className="table-empty">Nobody behind this number.</td></tr>}
        </tbody>
      </table>
      <div className="drill-footer">
        <span className="muted" data-testid="drill-count">{rows.length.toLocaleString('en')} shown{nextOffset !== null ? ', more to load' : ''}</span>
        {nextOffset !== null && <button type="button" className="button button-small load-more" disabled={isLoading} onClick={() => void load(nextOffset)} data-testid="drill-load-more">Load more</button>}
        {isLoading && <span className="muted">Loading…</span>}
      </div>
    </section>
  );
}
