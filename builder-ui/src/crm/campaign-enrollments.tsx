// A campaign's enrollments, newest first, a page at a time: who, the run's status, where a live run waits,
// why an ended one exited; recruiters can stop one person's enrollment (it ends where it waits).
import { apiPost } from '../api';
import { ErrorNotice } from '../components/error-notice';
import { StatusBadge } from '../components/status-badge';
import { formatDateTime } from '../format';
import { hrefFor } from '../hash-route';
import { exitReasonLabel } from './campaign-funnel';
import type { CampaignEnrollment } from './crm-types';
import { useKeysetList } from './use-keyset-list';
import { useAsyncAction } from './use-async-action';
import { useReloadOnChange } from './use-reload-on-change';

const LIVE = new Set(['PENDING', 'RUNNING']);

/** `version` changes when the campaign's numbers do: the list is read again from the newest enrollment. */
export function CampaignEnrollments({ campaignId, canEdit, version }: { campaignId: string; canEdit: boolean; version: string }) {
  const path = `/api/campaigns/${encodeURIComponent(campaignId)}/enrollments?limit=25`;
  const list = useKeysetList<CampaignEnrollment, { enrollments: CampaignEnrollment[]; nextCursor: string | null }>(path, (page) => page.enrollments);
  useReloadOnChange(version, list.reload);
  const { run, error } = useAsyncAction();
  const stop = (candidateId: string) => run(async () => {
      await apiPost(`/api/campaigns/${encodeURIComponent(campaignId)}/enrollments/${encodeURIComponent(candidateId)}/stop`, {});
      await list.reload();
  });
  return (
    <div className="card table-card">
      <div className="card-title-row table-card-title"><h2 className="card-title">Enrollments</h2></div>
      <ErrorNotice error={error ?? list.error} title="Could not load or stop the enrollment" />
      <table className="data-table" data-testid="campaign-enrollments">
        <thead><tr><th>Person</th><th>Status</th><th>Waiting at · exit</th><th>Enrolled</th>{canEdit && <th><span className="visually-hidden">Actions</span></th>}</tr></thead>
        <tbody>
          {list.items.map((e) => (
            <tr key={e.runId} data-testid="campaign-enrollment" data-candidate-id={e.candidateId} data-status={e.status}>
              <td><a className="cell-title" href={hrefFor(`/candidates/${encodeURIComponent(e.candidateId)}`)}>{e.candidateName}</a><div className="cell-meta"><a href={hrefFor(`/runs/${encodeURIComponent(e.runId)}`)}>run</a> · v{e.pipelineVersion}</div></td>
              <td><StatusBadge status={e.status} /></td>
              <td>{e.status === 'EXITED' ? exitReasonLabel(e.exitReason) : e.currentNodeId ? <code>{e.currentNodeId}</code> : '—'}{e.nodeEnteredAt && LIVE.has(e.status) && <div className="cell-meta">since {formatDateTime(e.nodeEnteredAt)}</div>}</td>
              <td>{formatDateTime(e.enrolledAt)}{e.endedAt && <div className="cell-meta">ended {formatDateTime(e.endedAt)}</div>}</td>
              {canEdit && <td className="cell-actions">{LIVE.has(e.status) && <button type="button" className="button button-small button-ghost" onClick={() => void stop(e.candidateId)} aria-label={`Stop ${e.candidateName}'s enrollment`}>Stop</button>}</td>}
            </tr>
          ))}
          {!list.isLoading && list.items.length === 0 && <tr><td colSpan={5} className="table-empty">Nobody enrolled yet.</td></tr>}
          {list.isLoading && list.items.length === 0 && <tr><td colSpan={5} className="table-empty">Loading enrollments…</td></tr>}
        </tbody>
      </table>
      {list.hasMore && !list.isLoading && <button type="button" className="button load-more" onClick={() => void list.loadMore()}>Load more</button>}
    </div>
  );
}
