// Add a note to a candidate from their profile: Markdown, optionally about one
// of their applications. The API refuses an empty note; the error shows its field.
import { useState, type FormEvent } from 'react';
import { apiPost } from '../api';
import type { CandidateApplication } from '../api-types';
import { ErrorNotice } from './error-notice';

type CandidateNoteFormProps = { candidateId: string; applications: CandidateApplication[]; onAdded: () => void };

export function CandidateNoteForm({ candidateId, applications, onAdded }: CandidateNoteFormProps) {
  const [body, setBody] = useState('');
  const [applicationId, setApplicationId] = useState('');
  const [isSaving, setIsSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setIsSaving(true);
    setError(null);
    try {
      await apiPost(`/api/candidates/${encodeURIComponent(candidateId)}/notes`, { body, ...(applicationId ? { applicationId } : {}) });
      setBody('');
      onAdded();
    } catch (caught) {
      setError(caught);
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <form className="note-form" onSubmit={submit} data-testid="note-form">
      <label className="field">
        <span>Add a note</span>
        <textarea
          value={body}
          onChange={(event) => setBody(event.target.value)}
          rows={3}
          placeholder="Markdown: **bold**, *italic*, - lists, [links](https://…), @mentions"
          data-testid="note-body"
        />
      </label>
      <div className="note-form-actions">
        {applications.length > 0 && (
          <select value={applicationId} onChange={(event) => setApplicationId(event.target.value)} aria-label="About" data-testid="note-application">
            <option value="">About the candidate</option>
            {applications.map((a) => <option key={a.id} value={a.id}>About {a.job.title}</option>)}
          </select>
        )}
        <button type="submit" className="button button-primary button-small" disabled={isSaving || !body.trim()} data-testid="note-submit">
          {isSaving ? 'Saving…' : 'Add note'}
        </button>
      </div>
      <ErrorNotice error={error} title="The note was not saved" />
    </form>
  );
}
