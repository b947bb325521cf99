// The panels an inbox row opens: snooze until a chosen time, reassign to a
// colleague, complete with an outcome, decide an approval. Each posts to the
// task's route and reports back so the page reloads the list.
import { useState, type FormEvent, type ReactNode } from 'react';
import { apiPost } from '../api';
import type { InboxTask, OrgUser } from '../api-types';
import { useApiResource } from '../use-api-resource';
import { ErrorNotice } from './error-notice';

export type InboxPanel = 'snooze' | 'reassign' | 'complete' | 'decide' | 'feedback';

const taskPath = (task: InboxTask, action: string) => `/api/tasks/${encodeURIComponent(task.id)}/${action}`;

/** A datetime-local value (the browser's zone) for a moment. */
const localInputValue = (date: Date) => new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
function tomorrowAt9() {
  const d = new Date();
  d.setDate(d.getDate() + 1);
  d.setHours(9, 0, 0, 0);
  return d;
}

function PanelForm({ onSubmit, onCancel, error, children, submitLabel, testId }: { onSubmit: () => Promise<void>; onCancel: () => void; error: unknown; children: ReactNode; submitLabel: string; testId: string }) {
  const [isBusy, setIsBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setIsBusy(true);
    await onSubmit().finally(() => setIsBusy(false));
  };
  return (
    <form className="task-action-panel" onSubmit={submit} data-testid={testId}>
      {children}
      <button type="submit" className="button button-primary button-small" disabled={isBusy} data-testid={`${testId}-submit`}>{submitLabel}</button>
      <button type="button" className="button button-ghost button-small" onClick={onCancel}>Cancel</button>
      <ErrorNotice error={error} title="Not done" />
    </form>
  );
}

type PanelProps = { task: InboxTask; onDone: (message: string) => void; onCancel: () => void };

function usePost(onDone: (message: string) => void) {
  const [error, setError] = useState<unknown>(null);
  const post = async (path: string, body: unknown, message: string) => {
    setError(null);
    try {
      await apiPost(path, body);
      onDone(message);
    } catch (caught) {
      setError(caught);
    }
  };
  return { error, post };
}

export function SnoozePanel({ task, onDone, onCancel }: PanelProps) {
  const [until, setUntil] = useState(localInputValue(tomorrowAt9()));
  const { error, post } = usePost(onDone);
  return (
    <PanelForm testId="snooze-panel" submitLabel="Snooze" error={error} onCancel={onCancel}
      onSubmit={() => post(taskPath(task, 'snooze'), { until: new Date(until).toISOString() }, `“${task.title}” snoozed.`)}>
      <label className="field"><span>Until</span><input type="datetime-local" value={until} onChange={(event) => setUntil(event.target.value)} required data-testid="snooze-until" /></label>
    </PanelForm>
  );
}

export function ReassignPanel({ task, onDone, onCancel }: PanelProps) {
  const users = useApiResource<OrgUser[]>('/api/users');
  const [assigneeId, setAssigneeId] = useState('');
  const [note, setNote] = useState('');
  const { error, post } = usePost(onDone);
  return (
    <PanelForm testId="reassign-panel" submitLabel="Reassign" error={error ?? users.error} onCancel={onCancel}
      onSubmit={() => post(taskPath(task, 'reassign'), { assigneeId, ...(note.trim() ? { note: note.trim() } : {}) }, `“${task.title}” reassigned.`)}>
      <label className="field">
        <span>To</span>
        <select value={assigneeId} onChange={(event) => setAssigneeId(event.target.value)} required data-testid="reassign-user">
          <option value="" disabled>Choose a person…</option>
          {(users.data ?? []).filter((u) => u.id !== task.assignee?.id).map((u) => <option key={u.id} value={u.id}>{u.name} · {u.role.toLowerCase().replace('_', ' ')}</option>)}
        </select>
      </label>
      <label className="field"><span>Note</span><input value={note} onChange={(event) => setNote(event.target.value)} maxLength={1000} placeholder="Why (optional)" /></label>
    </PanelForm>
  );
}

export function CompletePanel({ task, onDone, onCancel }: PanelProps) {
  const [note, setNote] = useState('');
  const { error, post } = usePost(onDone);
  return (
    <PanelForm testId="complete-panel" submitLabel="Complete" error={error} onCancel={onCancel}
      onSubmit={() => post(taskPath(task, 'complete'), { outcome: note.trim() ? { note: note.trim() } : {} }, `“${task.title}” completed.`)}>
      <label className="field field-grow"><span>Outcome</span><input value={note} onChange={(event) => setNote(event.target.value)} maxLength={5000} placeholder="What was done (optional)" data-testid="complete-outcome" /></label>
    </PanelForm>
  );
}

export function DecidePanel({ task, onDone, onCancel }: PanelProps) {
  const [approved, setApproved] = useState<'yes' | 'no'>('yes');
  const [comment, setComment] = useState('');
  const { error, post } = usePost(onDone);
  return (
    <PanelForm testId="decide-panel" submitLabel="Record decision" error={error} onCancel={onCancel}
      onSubmit={() => post(taskPath(task, 'decision'), { approved: approved === 'yes', ...(comment.trim() ? { comment: comment.trim() } : {}) }, `“${task.title}” ${approved === 'yes' ? 'approved' : 'rejected'}.`)}>
      <label className="field">
        <span>Decision</span>
        <select value={approved} onChange={(event) => setApproved(event.target.value as 'yes' | 'no')} data-testid="decide-choice">
          <option value="yes">Approve</option>
          <option value="no">Reject</option>
        </select>
      </label>
      <label className="field field-grow"><span>Comment</span><input value={comment} onChange={(event) => setComment(event.target.value)} maxLength={5000} /></label>
    </PanelForm>
  );
}
