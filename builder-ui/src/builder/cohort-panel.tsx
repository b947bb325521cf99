// The cohort at one node of the live overlay: the candidates parked there now (per version,
// paginated, longest-waiting first) and what an operator can do with them: move them to another
// version after reading the compatibility report, or end their runs. Both ask for confirmation.
import { useCallback, useEffect, useState } from 'react';
import { apiGet } from '../api';
import { ErrorNotice } from '../components/error-notice';
import { formatDateTime, formatRelative } from '../format';
import { cohortCount, parkedRunsPath, type OverlayNode, type ParkedRun, type ParkedRunsPage, type VersionOption } from './run-overlay';
import { CohortExitAction, CohortMigrateAction } from './cohort-actions';
import './cohort-panel.css';

export { OverlayBadge } from './overlay-badge';

export type CohortPanelProps = {
  pipelineId: string;
  nodeId: string;
  nodeLabel: string;
  versions: VersionOption[];
  overlayNode: OverlayNode;
  onClose(): void;
  onChanged(): void;
};

const PAGE_SIZE = 50;
/** Exits and migrations take effect when each run handles them: look again shortly after. */
const RELOAD_AFTER_ACTION_MS = 1500;

export function CohortPanel({ pipelineId, nodeId, nodeLabel, versions, overlayNode, onClose, onChanged }: CohortPanelProps) {
  const [versionId, setVersionId] = useState<string | null>(null);
  const [runs, setRuns] = useState<ParkedRun[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [isLoading, setIsLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [exitRequested, setExitRequested] = useState<ReadonlySet<string>>(new Set());
  const [reloadCount, setReloadCount] = useState(0);

  // A version that has left this node (all its runs moved on) falls back to all versions.
  const activeVersionId = versionId && overlayNode.byVersion.some((v) => v.versionId === versionId) ? versionId : null;

  useEffect(() => {
    let isCurrent = true;
    setIsLoading(true);
    apiGet<ParkedRunsPage>(parkedRunsPath(pipelineId, { nodeId, versionId: activeVersionId, limit: PAGE_SIZE }))
      .then((page) => {
        if (!isCurrent) return;
        setRuns(page.runs);
        setNextCursor(page.nextCursor);
        setError(null);
        const present = new Set(page.runs.map((r) => r.runId));
        setSelected((prev) => new Set([...prev].filter((id) => present.has(id))));
      })
      .catch((caught) => isCurrent && setError(caught))
      .finally(() => isCurrent && setIsLoading(false));
    return () => {
      isCurrent = false;
    };
  }, [pipelineId, nodeId, activeVersionId, reloadCount]);

  const loadMore = useCallback(async () => {
    if (!nextCursor) return;
    setIsLoading(true);
    try {
      const page = await apiGet<ParkedRunsPage>(parkedRunsPath(pipelineId, { nodeId, versionId: activeVersionId, cursor: nextCursor, limit: PAGE_SIZE }));
      setRuns((prev) => [...prev, ...page.runs]);
      setNextCursor(page.nextCursor);
    } catch (caught) {
      setError(caught);
    } finally {
      setIsLoading(false);
    }
  }, [pipelineId, nodeId, activeVersionId, nextCursor]);

  const afterAction = useCallback(
    (exited?: string[]) => {
      if (exited) setExitRequested((prev) => new Set([...prev, ...exited]));
      setSelected(new Set());
      onChanged();
      setReloadCount((n) => n + 1);
      window.setTimeout(() => {
        onChanged();
        setReloadCount((n) => n + 1);
      }, RELOAD_AFTER_ACTION_MS);
    },
    [onChanged],
  );

  const toggle = (runId: string) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(runId)) next.delete(runId);
      else next.add(runId);
      return next;
    });

  const count = cohortCount(overlayNode, activeVersionId);
  return (
    <aside className="cohort-panel" data-testid="cohort-panel" data-node-id={nodeId} aria-label={`Runs parked at ${nodeLabel}`}>
      <header className="cohort-panel-header">
        <div>
          <h2 className="cohort-panel-title">{nodeLabel}</h2>
          <p className="cohort-panel-subtitle" data-testid="cohort-count" data-count={overlayNode.total}>
            {overlayNode.total} run{overlayNode.total === 1 ? '' : 's'} parked here now · <code>{nodeId}</code>
          </p>
        </div>
        <button type="button" className="button button-small button-ghost" onClick={onClose} aria-label="Close" data-testid="cohort-close-button">
          ×
        </button>
      </header>

      {overlayNode.byVersion.length > 0 && (
        <div className="segmented cohort-version-filter" role="tablist" data-testid="cohort-version-filter">
          <button type="button" role="tab" aria-selected={!activeVersionId} className={`segmented-option ${!activeVersionId ? 'is-active' : ''}`} onClick={() => setVersionId(null)}>
            All · {overlayNode.total}
          </button>
          {[...overlayNode.byVersion]
            .sort((a, b) => a.version - b.version)
            .map((entry) => (
              <button
                key={entry.versionId}
                type="button"
                role="tab"
                aria-selected={activeVersionId === entry.versionId}
                className={`segmented-option ${activeVersionId === entry.versionId ? 'is-active' : ''}`}
                onClick={() => setVersionId(entry.versionId)}
                data-testid="cohort-version-option"
                data-version={entry.version}
              >
                v{entry.version} · {entry.count}
              </button>
            ))}
        </div>
      )}

      <ErrorNotice error={error} title="Could not list the runs" onRetry={() => setReloadCount((n) => n + 1)} />

      <div className="cohort-run-list">
        <table className="data-table cohort-run-table">
          <thead>
            <tr>
              <th aria-label="Select" />
              <th>Candidate</th>
              <th>Version</th>
              <th>Parked</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => (
              <tr key={run.runId} data-testid="cohort-run-row" data-run-id={run.runId} className={exitRequested.has(run.runId) ? 'is-exiting' : undefined}>
                <td>
                  <input type="checkbox" checked={selected.has(run.runId)} onChange={() => toggle(run.runId)} aria-label={`Select ${run.candidate.name}`} disabled={exitRequested.has(run.runId)} />
                </td>
                <td>
                  <a className="cell-title" href={`#/runs/${encodeURIComponent(run.runId)}`}>{run.candidate.name || '—'}</a>
                  <div className="cell-meta wrap-anywhere">{run.candidate.email ?? 'no email'}</div>
                </td>
                <td>v{run.version}</td>
                <td title={formatDateTime(run.since)}>
                  {exitRequested.has(run.runId) ? <span className="badge badge-warning">exiting</span> : formatRelative(run.since)}
                </td>
              </tr>
            ))}
            {!isLoading && runs.length === 0 && !error && (
              <tr>
                <td colSpan={4} className="table-empty">
                  No run is parked here now.
                </td>
              </tr>
            )}
          </tbody>
        </table>
        {nextCursor && (
          <button type="button" className="button button-small cohort-load-more" onClick={() => void loadMore()} disabled={isLoading} data-testid="cohort-load-more">
            {isLoading ? 'Loading…' : 'Load more'}
          </button>
        )}
        {isLoading && runs.length === 0 && <p className="muted">Loading…</p>}
      </div>

      <section className="cohort-actions">
        <CohortMigrateAction pipelineId={pipelineId} nodeId={nodeId} versions={versions} overlayNode={overlayNode} versionId={activeVersionId} onDone={() => afterAction()} />
        <CohortExitAction
          pipelineId={pipelineId}
          nodeId={nodeId}
          versionId={activeVersionId}
          count={selected.size > 0 ? selected.size : count}
          runIds={selected.size > 0 ? [...selected] : undefined}
          onDone={(exited) => afterAction(exited)}
        />
      </section>
    </aside>
  );
}
