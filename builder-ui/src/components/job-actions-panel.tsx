// What can happen to a saved job next: open it (no approval needed) or submit it to approvers,
// approve or reject it when the caller is an approver of the current round, and close it.
import { useState } from 'react';
import { apiPost } from '../api';
import type { JobDetail, OrgUser } from '../jobs/job-types';
import { ErrorNotice } from './error-notice';
import { JobStatusBadge } from './job-status-badge';

type Props = { job: JobDetail; users: OrgUser[]; canEdit: boolean; currentUserId: string | null; onChanged: (job: JobDetail) => void };

export function JobActionsPanel({ job, users, canEdit, currentUserId, onChanged }: Props) {
  const [approverIds, setApproverIds] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const [closeReason, setCloseReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [isBusy, setIsBusy] = useState(false);
  const round = Math.max(0, ...job.approvals.map((a) => a.round));
  const currentRound = job.approvals.filter((a) => a.round === round);
  const myPending = currentRound.find((a) => a.approverId === currentUserId && a.decision === 'PENDING');
  const nameOf = (id: string) => (id === currentUserId ? 'You' : users.find((u) => u.id === id)?.name ?? id);

  const act = async (path: string, body: unknown) => {
    setIsBusy(true);
    setError(null);
    try {
      onChanged(await apiPost<JobDetail>(`/api/jobs/${encodeURIComponent(job.id)}/${path}`, body));
    } catch (caught) {
      setError(caught);
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <aside className="card job-actions" data-testid="job-actions" data-status={job.status}>
      <div className="card-title-row">
        <h2 className="card-title">Status</h2>
        <JobStatusBadge status={job.status} />
      </div>
      <ErrorNotice error={error} title="Could not change the job" />
      {canEdit && (job.status === 'DRAFT' || job.status === 'CLOSED') && (job.requiredApprovals === 0 ? (
        <button type="button" className="button button-primary" disabled={isBusy} onClick={() => void act('submit', { approverIds: [] })} data-testid="job-open-button">
          {job.status === 'CLOSED' ? 'Reopen job' : 'Open job'}
        </button>
      ) : (
        <div className="job-approvers">
          <p className="muted">Needs {job.requiredApprovals} approval{job.requiredApprovals === 1 ? '' : 's'} to open. Ask:</p>
          {users.filter((u) => !u.deactivated).map((u) => (
            <label key={u.id} className="checkbox-row">
              <input type="checkbox" checked={approverIds.includes(u.id)} data-testid="job-approver-option" data-user-id={u.id}
                onChange={(e) => setApproverIds(e.target.checked ? [...approverIds, u.id] : approverIds.filter((id) => id !== u.id))} />
              {u.name} <span className="muted">{u.role.toLowerCase().replace('_', ' ')}</span>
            </label>
          ))}
          <button type="button" className="button button-primary" disabled={isBusy} onClick={() => void act('submit', { approverIds })} data-testid="job-submit-button">
            Submit for approval
          </button>
        </div>
      ))}
      {job.status === 'PENDING_APPROVAL' && (
        <ul className="job-approval-list" data-testid="job-approvals">
          {currentRound.map((a) => (
            <li key={a.id}>{nameOf(a.approverId)}: <strong>{a.decision.toLowerCase()}</strong>{a.comment ? ` — ${a.comment}` : ''}</li>
          ))}
        </ul>
      )}
      {job.status === 'PENDING_APPROVAL' && myPending && (
        <div className="job-approval-decision" data-testid="job-approval-decision">
          <label className="field">
            <span>Comment (optional)</span>
            <textarea rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
          </label>
          <div className="form-actions">
            <button type="button" className="button" disabled={isBusy} onClick={() => void act('approval', { approved: false, ...(comment.trim() ? { comment } : {}) })} data-testid="job-reject-button">Reject</button>
            <button type="button" className="button button-primary" disabled={isBusy} onClick={() => void act('approval', { approved: true, ...(comment.trim() ? { comment } : {}) })} data-testid="job-approve-button">Approve</button>
          </div>
        </div>
      )}
      {canEdit && job.status !== 'CLOSED' && (
        <div className="job-close">
          <label className="field">
            <span>Reason for closing (optional)</span>
            <input value={closeReason} onChange={(e) => setCloseReason(e.target.value)} />
          </label>
          <button type="button" className="button" disabled={isBusy} onClick={() => void act('close', closeReason.trim() ? { reason: closeReason } : {})} data-testid="job-close-button">
            Close job
          </button>
        </div>
      )}
    </aside>
  );
}
