// Rejecting from the board: moving a card to a rejected stage asks for one of the organization's
// rejection reasons, an optional note, and whether the candidate hears about it (the rejected
// stage's pipelines, e.g. the rejection email, run only then).
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { RejectionReason } from '../jobs/job-types';
import { useApiResource } from '../use-api-resource';
import { ErrorNotice } from './error-notice';

export type RejectChoice = { reasonId: string; note: string; notifyCandidate: boolean } | { reasonText: string };

type Props = { candidateName: string; stageName: string; onConfirm: (choice: RejectChoice) => void; onCancel: () => void };

export function JobRejectDialog({ candidateName, stageName, onConfirm, onCancel }: Props) {
  const reasons = useApiResource<RejectionReason[]>('/api/rejection-reasons');
  const [reasonId, setReasonId] = useState('');
  const [note, setNote] = useState('');
  const [notifyCandidate, setNotifyCandidate] = useState(true);
  const [isMissingReason, setIsMissingReason] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const hasReasons = (reasons.data?.length ?? 0) > 0;

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Without configured reasons the move records the note as free text (POST /stage with a reason).
    if (!hasReasons) {
      if (!note.trim()) return setIsMissingReason(true);
      return onConfirm({ reasonText: note.trim() });
    }
    if (!reasonId) return setIsMissingReason(true);
    onConfirm({ reasonId, note: note.trim(), notifyCandidate });
  };

  return (
    <dialog ref={dialog} className="board-dialog" onCancel={onCancel} data-testid="reject-dialog" aria-labelledby="reject-dialog-title">
      <form onSubmit={submit} noValidate>
        <h2 id="reject-dialog-title">Reject {candidateName}</h2>
        <p className="muted">Moves the application to “{stageName}”.</p>
        <ErrorNotice error={reasons.error} title="Could not load rejection reasons" />
        {hasReasons && (
          <label className="field">
            <span>Reason</span>
            <select value={reasonId} onChange={(e) => { setReasonId(e.target.value); setIsMissingReason(false); }} data-testid="reject-reason" aria-invalid={isMissingReason}>
              <option value="">Pick a reason…</option>
              {reasons.data!.map((r) => <option key={r.id} value={r.id}>{r.label}</option>)}
            </select>
          </label>
        )}
        <label className="field">
          <span>{hasReasons ? 'Note (optional, internal)' : 'Reason (no rejection reasons are set up; recorded as text)'}</span>
          <textarea rows={3} value={note} onChange={(e) => { setNote(e.target.value); setIsMissingReason(false); }} data-testid="reject-note" />
        </label>
        {isMissingReason && <div className="field-error" role="alert">Give a reason for the rejection.</div>}
        {hasReasons && (
          <label className="checkbox-row">
            <input type="checkbox" checked={notifyCandidate} onChange={(e) => setNotifyCandidate(e.target.checked)} data-testid="reject-notify" />
            Notify the candidate (runs the rejected stage's pipelines, e.g. the rejection email)
          </label>
        )}
        <div className="form-actions">
          <button type="button" className="button" onClick={onCancel}>Cancel</button>
          <button type="submit" className="button button-primary" data-testid="reject-confirm" disabled={reasons.isLoading}>Reject</button>
        </div>
      </form>
    </dialog>
  );
}
