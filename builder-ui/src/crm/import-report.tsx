// What a sourcing import did: created, merged into someone already known, unchanged, failed; the failed rows by
// line (or file) with the reason, the merges with what they filled in, and how the file was read.
import { hrefFor } from '../hash-route';
import type { ImportReport } from './crm-types';

const placeOf = (p: { line?: number; file?: number; fileName?: string }) => ('line' in p && p.line !== undefined ? `line ${p.line}` : `file ${(p.file ?? 0) + 1}${p.fileName ? ` (${p.fileName})` : ''}`);

export function ImportReportView({ report }: { report: ImportReport }) {
  const n = (value: number) => value.toLocaleString('en');
  const input = report.input ?? {};
  const columns = Array.isArray(input.columns) ? (input.columns as unknown[]).map(String) : [];
  const ignored = Array.isArray(input.ignoredColumns) ? (input.ignoredColumns as unknown[]).map(String) : [];
  return (
    <div className="bulk-report" data-testid="import-report">
      <dl className="report-counts">
        <div><dt>Created</dt><dd data-testid="import-created">{n(report.created)}</dd></div>
        <div><dt>Merged</dt><dd data-testid="import-merged">{n(report.merged)}</dd></div>
        <div><dt>Unchanged</dt><dd data-testid="import-unchanged">{n(report.unchanged)}</dd></div>
        <div className={report.failed ? 'is-failed' : ''}><dt>Failed</dt><dd data-testid="import-failed">{n(report.failed)}</dd></div>
      </dl>
      {(columns.length > 0 || typeof input.encoding === 'string') && (
        <p className="muted">
          {columns.length > 0 && <>Columns read: {columns.join(', ')}. </>}
          {ignored.length > 0 && <>Ignored: {ignored.join(', ')}. </>}
          {typeof input.encoding === 'string' && <>Encoding: {input.encoding}.</>}
        </p>
      )}
      {report.failures.length > 0 && (
        <>
          <h3 className="report-heading">Rows that failed (the others were imported)</h3>
          <table className="compact-table" data-testid="import-failures">
            <thead><tr><th>Where</th><th>Why</th></tr></thead>
            <tbody>{report.failures.map((f, i) => <tr key={i} data-testid="import-failure" data-line={'line' in f ? f.line : undefined}><td>{placeOf(f)}</td><td>{f.reason}</td></tr>)}</tbody>
          </table>
        </>
      )}
      {report.merges.length > 0 && (
        <>
          <h3 className="report-heading">Matched people already known</h3>
          <table className="compact-table" data-testid="import-merges">
            <thead><tr><th>Where</th><th>Profile</th><th>Matched by</th><th>Filled in</th></tr></thead>
            <tbody>{report.merges.map((m, i) => (
              <tr key={i}><td>{placeOf(m)}</td><td><a href={hrefFor(`/candidates/${encodeURIComponent(m.candidateId)}`)}>open</a></td><td>{m.matchedBy}</td><td>{m.changedFields.join(', ') || '—'}</td></tr>
            ))}</tbody>
          </table>
        </>
      )}
      {report.isTruncated && <p className="muted">More rows failed or merged than listed; the counts above are complete.</p>}
    </div>
  );
}
