// The builder's version history: published versions newest first; pick two (or
// one, against the newest) to see their diff on the canvas with a summary here;
// roll back to an older version (published again as the newest, and made the
// draft). A draft saved elsewhere in the meantime refuses the rollback (409)
// and nothing is lost.
import { useMemo, useRef, useState } from 'react';
import { ApiError, apiGet, apiPost } from '../api';
import type { TGraph } from '../../../workflows/graph/schema';
import { ErrorNotice } from '../components/error-notice';
import { StatusBadge } from '../components/status-badge';
import { formatDateTime, shortHash } from '../format';
import { diffGraphs, type GraphDiff } from './graph-diff';
import { comparisonPair, diffSummary, newestFirst, toggleSelection, type VersionRow } from './version-comparison';
import './version-history-panel.css';

export type VersionDiffView = { before: TGraph; after: TGraph; beforeLabel: string; afterLabel: string };

export type VersionHistoryPanelProps = {
  pipelineId: string;
  versions: VersionRow[];
  /** The draft revision the builder holds: a rollback is refused if the server's differs. */
  draftRevision: number;
  onShowDiff(diff: VersionDiffView | null): void;
  onRolledBack(): void;
};

type Comparison = { beforeLabel: string; afterLabel: string; diff: GraphDiff };
type RollbackResult = { version: number; rolledBackFrom: number };

const label = (v: VersionRow) => `v${v.version}`;

export function VersionHistoryPanel({ pipelineId, versions, draftRevision, onShowDiff, onRolledBack }: VersionHistoryPanelProps) {
  const rows = useMemo(() => newestFirst(versions), [versions]);
  const [selectedIds, setSelectedIds] = useState<string[]>([]);
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const [confirming, setConfirming] = useState<VersionRow | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<{ kind: 'conflict' | 'done'; text: string } | null>(null);
  // Published graphs never change: fetch each once.
  const graphs = useRef(new Map<string, TGraph>());
  const pair = comparisonPair(rows, selectedIds);

  async function graphOf(version: VersionRow): Promise<TGraph> {
    const cached = graphs.current.get(version.id);
    if (cached) return cached;
    const { graph } = await apiGet<{ graph: TGraph }>(`/api/pipelines/${pipelineId}/versions/${version.id}`);
    graphs.current.set(version.id, graph);
    return graph;
  }

  async function compare() {
    if (!pair) return;
    setIsBusy(true);
    setError(null);
    try {
      const [before, after] = await Promise.all([graphOf(pair.before), graphOf(pair.after)]);
      const view = { before, after, beforeLabel: label(pair.before), afterLabel: label(pair.after) };
      setComparison({ beforeLabel: view.beforeLabel, afterLabel: view.afterLabel, diff: diffGraphs(before, after) });
      onShowDiff(view);
    } catch (err) {
      setError(err);
    } finally {
      setIsBusy(false);
    }
  }

  function closeComparison() {
    setComparison(null);
    onShowDiff(null);
  }

  async function rollBack(version: VersionRow) {
    setIsBusy(true);
    setError(null);
    setNotice(null);
    try {
      const result = await apiPost<RollbackResult>(`/api/pipelines/${pipelineId}/versions/${version.id}/rollback`, { revision: draftRevision });
      setConfirming(null);
      setComparison(null);
      setNotice({ kind: 'done', text: `Rolled back: v${result.rolledBackFrom}'s graph is live as v${result.version}, and it is now the draft.` });
      onRolledBack();
    } catch (err) {
      setConfirming(null);
      if (err instanceof ApiError && err.status === 409) {
        setNotice({ kind: 'conflict', text: 'Not rolled back: the draft changed; reload to see the latest draft, then try again. Nothing was published or discarded.' });
      } else setError(err);
    } finally {
      setIsBusy(false);
    }
  }

  if (!rows.length) {
    return (
      <div className="version-history" data-testid="version-history">
        <p className="muted">Not published yet. Publish the draft to create version 1.</p>
      </div>
    );
  }

  return (
    <div className="version-history" data-testid="version-history">
      <p className="version-history-hint muted">Pick two versions to compare, or one to compare with the newest.</p>
      <ul className="version-history-list">
        {rows.map((version, index) => {
          const isSelected = selectedIds.includes(version.id);
          return (
            <li key={version.id} className={`version-row${isSelected ? ' is-selected' : ''}`} data-testid="version-row" data-version={version.version}>
              <label className="version-row-pick">
                <input type="checkbox" checked={isSelected} onChange={() => setSelectedIds((ids) => toggleSelection(ids, version.id))} aria-label={`Select ${label(version)}`} />
                <span className="version-row-number">{label(version)}</span>
              </label>
              <StatusBadge status={version.status} />
              <span className="version-row-meta">
                <span>{formatDateTime(version.publishedAt)}</span>
                <code title={version.hash}>{shortHash(version.hash)}</code>
              </span>
              {index > 0 && (
                <button type="button" className="button button-small" data-testid="rollback-button" data-version={version.version} disabled={isBusy} onClick={() => {
                    setConfirming(version);
                    setNotice(null);
                  }}>
                  Roll back to {label(version)}
                </button>
              )}
            </li>
          );
        })}
      </ul>

      {confirming && (
        <div className="version-history-confirm" role="alertdialog" aria-label="Confirm rollback" data-testid="rollback-confirm">
          <p>
            Publish {label(confirming)}&apos;s graph as v{rows[0]!.version + 1} and replace the draft with it? New runs start on it at once; runs
            already in progress stay on their versions. Unpublished draft changes are replaced.
          </p>
          <div className="version-history-actions">
            <button type="button" className="button button-primary button-small" data-testid="confirm-rollback-button" disabled={isBusy} onClick={() => void rollBack(confirming)}>
              Roll back to {label(confirming)}
            </button>
            <button type="button" className="button button-small button-ghost" onClick={() => setConfirming(null)}>Cancel</button>
          </div>
        </div>
      )}

      <div className="version-history-actions">
        <button type="button" className="button button-small" data-testid="compare-versions-button" disabled={!pair || isBusy} onClick={() => void compare()}>
          {pair ? `Compare ${label(pair.before)} → ${label(pair.after)}` : 'Compare'}
        </button>
        {comparison && (
          <button type="button" className="button button-small button-ghost" onClick={closeComparison}>Close comparison</button>
        )}
      </div>

      {notice && (
        <div className={`notice ${notice.kind === 'conflict' ? 'notice-error' : 'notice-success'}`} role="status" data-testid="rollback-notice" data-kind={notice.kind}>
          {notice.text}
        </div>
      )}
      <ErrorNotice error={error} />

      {comparison && <DiffSummary comparison={comparison} />}
    </div>
  );
}

function DiffSummary({ comparison: { beforeLabel, afterLabel, diff } }: { comparison: Comparison }) {
  return (
    <section className="diff-summary" data-testid="diff-summary" data-added={diff.nodes.added.length} data-removed={diff.nodes.removed.length} data-changed={diff.nodes.changed.length}>
      <h3>
        {beforeLabel} → {afterLabel}
      </h3>
      <p>{diffSummary(diff)}</p>
      <ul className="diff-summary-list">
        {diff.nodes.added.map((id) => <li key={`a-${id}`} className="diff-added"><code>{id}</code> added</li>)}
        {diff.nodes.removed.map((id) => <li key={`r-${id}`} className="diff-removed"><code>{id}</code> removed</li>)}
        {diff.nodes.changed.map(({ nodeId, changes }) => (
          <li key={`c-${nodeId}`} className="diff-changed">
            <code>{nodeId}</code> changed: {changes.join(', ')}
          </li>
        ))}
        {diff.settings.map((path) => <li key={`s-${path}`} className="diff-changed"><code>{path}</code> changed</li>)}
      </ul>
    </section>
  );
}
