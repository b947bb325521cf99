// The two things an operator can do with the runs parked at a node. Migrate: choose a target
// version, read the compatibility report the server computes from each run's live state, then
// confirm. Exit: confirm, and each run ends where it waits (status EXITED, open tasks cancelled).
import { useEffect, useState } from 'react';
import { apiPost } from '../api';
import { ErrorNotice } from '../components/error-notice';
import {
  migrationSource, migrationTargets, verdictForNode, VERDICT_LABELS,
  type CohortExitResult, type MigrationReport, type MigrationResult, type OverlayNode, type VersionOption,
} from './run-overlay';

type MigrateProps = { pipelineId: string; nodeId: string; versions: VersionOption[]; overlayNode: OverlayNode; versionId: string | null; onDone(): void };

export function CohortMigrateAction({ pipelineId, nodeId, versions, overlayNode, versionId, onDone }: MigrateProps) {
  const source = migrationSource(overlayNode, versionId);
  const [fromVersionId, setFromVersionId] = useState<string | undefined>(source?.versionId);
  const from = overlayNode.byVersion.find((v) => v.versionId === fromVersionId) ?? source;
  const targets = migrationTargets(versions, from?.versionId);
  const [toVersionId, setToVersionId] = useState<string | undefined>(targets[0]?.id);
  const to = targets.find((v) => v.id === toVersionId) ?? targets[0];
  const [mapTo, setMapTo] = useState('');
  const [report, setReport] = useState<MigrationReport | null>(null);
  const [result, setResult] = useState<MigrationResult | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  // The version filter of the panel chooses the source; a stale report must not be confirmed.
  useEffect(() => setFromVersionId(source?.versionId), [source?.versionId]);
  useEffect(() => setReport(null), [from?.versionId, to?.id]);

  const request = () => ({ fromVersionId: from!.versionId, toVersionId: to!.id, nodeIds: [nodeId], mapping: mapTo.trim() ? { [nodeId]: mapTo.trim() } : {} });

  async function preview() {
    if (!from || !to) return;
    setIsBusy(true);
    setResult(null);
    try {
      setReport(await apiPost<MigrationReport>(`/api/pipelines/${encodeURIComponent(pipelineId)}/migrations/preview`, request()));
      setError(null);
    } catch (caught) {
      setError(caught);
    } finally {
      setIsBusy(false);
    }
  }

  async function migrate() {
    if (!from || !to) return;
    setIsBusy(true);
    try {
      setResult(await apiPost<MigrationResult>(`/api/pipelines/${encodeURIComponent(pipelineId)}/migrations`, request()));
      setReport(null);
      setError(null);
      onDone();
    } catch (caught) {
      setError(caught);
    } finally {
      setIsBusy(false);
    }
  }

  const verdict = report ? verdictForNode(report, nodeId) : null;
  return (
    <div className="cohort-action" data-testid="cohort-migrate">
      <h3 className="cohort-action-title">Move to another version</h3>
      {!from ? (
        <p className="muted">No run is parked here.</p>
      ) : (
        <div className="cohort-action-row">
          {overlayNode.byVersion.length > 1 && (
            <label className="cohort-inline-field">
              <span>From</span>
              <select value={from.versionId} onChange={(e) => setFromVersionId(e.target.value)} data-testid="cohort-migrate-from">
                {overlayNode.byVersion.map((v) => (
                  <option key={v.versionId} value={v.versionId}>v{v.version} ({v.count})</option>
                ))}
              </select>
            </label>
          )}
          <label className="cohort-inline-field">
            <span>To</span>
            <select value={to?.id ?? ''} onChange={(e) => setToVersionId(e.target.value)} disabled={targets.length === 0} data-testid="cohort-migrate-target">
              {targets.length === 0 && <option value="">no other published version</option>}
              {targets.map((v) => (
                <option key={v.id} value={v.id}>v{v.version}</option>
              ))}
            </select>
          </label>
          <button type="button" className="button button-small" onClick={() => void preview()} disabled={!to || isBusy} data-testid="cohort-migrate-button">
            {to ? `Migrate to v${to.version}` : 'Migrate'}
          </button>
        </div>
      )}

      {report && verdict && (
        <div className={`cohort-report verdict-${verdict.verdict}`} data-testid="cohort-report" data-verdict={verdict.verdict} data-count={verdict.count}>
          <div className="cohort-report-heading">
            <span className="cohort-verdict">{VERDICT_LABELS[verdict.verdict]}</span>
            <span>
              {verdict.count} run{verdict.count === 1 ? '' : 's'} of v{report.from.version} at <code>{nodeId}</code>
              {verdict.target && verdict.target !== nodeId && <> → <code>{verdict.target}</code></>} in v{report.to.version}
            </span>
          </div>
          <p className="cohort-report-reason">{verdict.reason}</p>
          {verdict.notAtSafePoint > 0 && (
            <p className="muted cohort-report-note">
              {verdict.notAtSafePoint} run{verdict.notAtSafePoint === 1 ? ' was' : 's were'} not parked in a wait when asked (busy with a step) and will not move.
            </p>
          )}
          {(verdict.verdict === 'needs_mapping' || verdict.verdict === 'blocked') && (
            <div className="cohort-action-row">
              <label className="cohort-inline-field">
                <span>Continue at node</span>
                <input value={mapTo} onChange={(e) => setMapTo(e.target.value)} placeholder={`a node of v${report.to.version}`} data-testid="cohort-migrate-mapping" />
              </label>
              <button type="button" className="button button-small" onClick={() => void preview()} disabled={isBusy || !mapTo.trim()}>
                Check again
              </button>
            </div>
          )}
          <div className="form-actions">
            <button type="button" className="button button-small button-ghost" onClick={() => setReport(null)}>
              Cancel
            </button>
            <button type="button" className="button button-small button-primary" onClick={() => void migrate()} disabled={!verdict.canConfirm || isBusy} data-testid="cohort-migrate-confirm">
              Move {verdict.count} run{verdict.count === 1 ? '' : 's'} to v{report.to.version}
            </button>
          </div>
        </div>
      )}

      {result && (
        <p className="notice notice-success cohort-result" data-testid="cohort-migrate-result" data-migrated={result.migrated.length} role="status">
          Moved {result.migrated.length} run{result.migrated.length === 1 ? '' : 's'} to v{result.to.version}
          {result.failed.length > 0 && `; ${result.failed.length} could not move (${result.failed[0]!.reason})`}.
        </p>
      )}
      <ErrorNotice error={error} title="Migration refused" />
    </div>
  );
}

type ExitProps = { pipelineId: string; nodeId: string; versionId: string | null; count: number; runIds?: string[]; onDone(exited: string[]): void };

export function CohortExitAction({ pipelineId, nodeId, versionId, count, runIds, onDone }: ExitProps) {
  const [isConfirming, setIsConfirming] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const [result, setResult] = useState<CohortExitResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const label = `Exit ${count} ${runIds ? 'selected ' : ''}run${count === 1 ? '' : 's'}`;

  async function exit() {
    setIsBusy(true);
    try {
      const body = { nodeId, ...(versionId ? { versionId } : {}), ...(runIds ? { runIds } : {}) };
      const answer = await apiPost<CohortExitResult>(`/api/pipelines/${encodeURIComponent(pipelineId)}/cohorts/exit`, body);
      setResult(answer);
      setIsConfirming(false);
      setError(null);
      onDone(answer.exited);
    } catch (caught) {
      setError(caught);
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <div className="cohort-action" data-testid="cohort-exit">
      <h3 className="cohort-action-title">End these runs</h3>
      {!isConfirming ? (
        <button type="button" className="button button-small cohort-danger" onClick={() => (setIsConfirming(true), setResult(null))} disabled={count === 0} data-testid="cohort-exit-button">
          {label}
        </button>
      ) : (
        <div className="cohort-confirm" role="alertdialog" aria-label="Confirm exit" data-testid="cohort-exit-confirm-box">
          <p>
            {count} run{count === 1 ? '' : 's'} will end where {count === 1 ? 'it waits' : 'they wait'}: no further step is taken and open tasks are cancelled.
            This cannot be undone.
          </p>
          <div className="form-actions">
            <button type="button" className="button button-small button-ghost" onClick={() => setIsConfirming(false)} disabled={isBusy}>
              Cancel
            </button>
            <button type="button" className="button button-small cohort-danger-solid" onClick={() => void exit()} disabled={isBusy} data-testid="cohort-exit-confirm">
              {isBusy ? 'Exiting…' : label}
            </button>
          </div>
        </div>
      )}
      {result && (
        <p className="notice notice-success cohort-result" data-testid="cohort-exit-result" data-exited={result.exited.length} role="status">
          Exit sent to {result.exited.length} run{result.exited.length === 1 ? '' : 's'}
          {result.requested > result.exited.length && ` (${result.requested - result.exited.length} had already left this node)`}.
        </p>
      )}
      <ErrorNotice error={error} title="Exit refused" />
    </div>
  );
}
