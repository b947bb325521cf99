// Runs: one row per candidate moving through a published pipeline version (a Temporal workflow).
import type { RunSummary } from '../api-types';
import { ErrorNotice } from '../components/error-notice';
import { PageHeader } from '../components/page-header';
import { StatusBadge } from '../components/status-badge';
import { formatDateTime, formatDuration, formatPersonName } from '../format';
import { hrefFor, navigate } from '../hash-route';
import { useApiResource } from '../use-api-resource';

const RUNS_POLL_MS = 5_000;
const TABLE_COLUMN_COUNT = 6;

export function RunsPage() {
  const runs = useApiResource<RunSummary[]>('/api/runs', RUNS_POLL_MS);
  const rows = runs.data ?? [];

  return (
    <section data-testid="runs-page">
      <PageHeader title="Runs" subtitle="Candidates moving through published pipelines. Refreshes every 5 seconds." />
      <ErrorNotice error={runs.error} title="Could not load runs" onRetry={() => void runs.reload()} />
      <div className="card table-card">
        <table className="data-table is-clickable" data-testid="run-table">
          <thead>
            <tr>
              <th>Candidate</th>
              <th>Pipeline</th>
              <th>Status</th>
              <th>Current step</th>
              <th>Started</th>
              <th>Duration</th>
            </tr>
          </thead>
          <tbody>
            {runs.isLoading && (
              <tr>
                <td colSpan={TABLE_COLUMN_COUNT} className="table-empty">Loading runs…</td>
              </tr>
            )}
            {!runs.isLoading && rows.length === 0 && !runs.error && (
              <tr>
                <td colSpan={TABLE_COLUMN_COUNT} className="table-empty">
                  No runs yet. A run starts when a candidate applies to a job with a published pipeline.
                </td>
              </tr>
            )}
            {rows.map((run) => {
              const detailPath = `/runs/${encodeURIComponent(run.id)}`;
              return (
                <tr key={run.id} onClick={() => navigate(detailPath)} data-testid="run-row" data-run-id={run.id}>
                  <td>
                    <a className="cell-title row-link" href={hrefFor(detailPath)} onClick={(event) => event.stopPropagation()}>
                      {formatPersonName(run.candidate)}
                    </a>
                    <div className="cell-meta">{run.candidate.email}</div>
                  </td>
                  <td>
                    <div className="cell-title">{run.version.pipeline.name}</div>
                    <div className="cell-meta">v{run.version.version}</div>
                  </td>
                  <td>
                    <StatusBadge status={run.status} testId="run-status" />
                  </td>
                  <td>{run.currentNodeId ? <code>{run.currentNodeId}</code> : <span className="muted">—</span>}</td>
                  <td>{formatDateTime(run.startedAt)}</td>
                  <td>{formatDuration(run.startedAt, run.endedAt)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
