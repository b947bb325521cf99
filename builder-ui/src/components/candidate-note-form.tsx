// Add a note to a candidate from their profile: Markdown, optionally about one
// of their applications, optionally mentioning colleagues. Typing "@" and a few
// letters offers the organization's people (GET /api/users, recruiting roles);
// the ones still named in the text when it is saved get an inbox task. The API
// refuses an empty note or someone who cannot open the candidate; the error
// shows the field.
import { useRef, useState, type FormEvent } from 'react';
import { apiPost } from '../api';
import type { CandidateApplication, OrgUser } from '../api-types';
import { useApiResource } from '../use-api-resource';
import { ErrorNotice } from './error-notice';

type CandidateNoteFormProps = { candidateId: string; applications: CandidateApplication[]; onAdded: () => void };

const MENTION_AT_CARET = /(^|\s)@([\p{L}\p{N}._-]*)$/u;
const MAX_SUGGESTIONS = 6;

export function CandidateNoteForm({ candidateId, applications, onAdded }: CandidateNoteFormProps) {
  const [body, setBody] = useState('');
  const [caret, setCaret] = useState(0);
  const [mentions, setMentions] = useState<OrgUser[]>([]);
  const [applicationId, setApplicationId] = useState('');
  const [isSaving, setIsSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  // Recruiting roles list the organization's people; for others this is a 403 and there are no suggestions.
  const users = useApiResource<OrgUser[]>('/api/users');

  const typed = MENTION_AT_CARET.exec(body.slice(0, caret));
  const needle = typed?.[2]?.toLowerCase() ?? '';
  const suggestions = typed && users.data
    ? users.data.filter((u) => u.name.toLowerCase().includes(needle) || u.email.toLowerCase().startsWith(needle)).slice(0, MAX_SUGGESTIONS)
    : [];

  const pick = (user: OrgUser) => {
    const before = body.slice(0, caret).replace(/@[\p{L}\p{N}._-]*$/u, `@${user.name} `);
    setBody(before + body.slice(caret));
    setCaret(before.length);
    setMentions((list) => (list.some((u) => u.id === user.id) ? list : [...list, user]));
    textarea.current?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setIsSaving(true);
    setError(null);
    const mentionedUserIds = mentions.filter((u) => body.includes(`@${u.name}`)).map((u) => u.id);
    try {
      await apiPost(`/api/candidates/${encodeURIComponent(candidateId)}/notes`, {
        body,
        ...(applicationId ? { applicationId } : {}),
        ...(mentionedUserIds.length ? { mentionedUserIds } : {}),
      });
      setBody('');
      setMentions([]);
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
          ref={textarea}
          value={body}
          onChange={(event) => {
            setBody(event.target.value);
            setCaret(event.target.selectionStart);
          }}
          onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
          rows={3}
          placeholder="Markdown: **bold**, *italic*, - lists, [links](https://…); @name notifies a colleague"
          data-testid="note-body"
        />
      </label>
      {suggestions.length > 0 && (
        <div className="mention-suggestions" role="listbox" aria-label="Mention someone">
          {suggestions.map((u) => (
            <button key={u.id} type="button" role="option" aria-selected="false" className="button button-small button-ghost" onClick={() => pick(u)} data-testid="note-mention-option" data-user-id={u.id}>
              @{u.name} <span className="muted">{u.role.toLowerCase().replace('_', ' ')}</span>
            </button>
          ))}
        </div>
      )}
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
