// The wording of event emails (admins write it; recruiters read and preview it): for each kind (confirmation,
// waitlist, place opened up, event changed, event cancelled) a Handlebars subject and body over the listed
// variables, a preview on a sample registration, Save, and Reset to the built-in text. The server checks a
// wording before storing it; its objections appear beside the subject or the body.
import { useEffect, useState, type FormEvent } from 'react';
import { apiDelete, apiPost, apiPut } from '../api';
import { ErrorNotice } from '../components/error-notice';
import { useApiResource } from '../use-api-resource';
import type { EventEmailTemplate, EventEmailTemplates } from './crm-types';
import { bodyFieldOf, errorsByField, fieldErrorsOf } from './field-errors';
import { useAsyncAction } from './use-async-action';

const KIND_LABELS: Record<string, string> = {
  registered: 'Registered', waitlisted: 'Waitlisted', promoted: 'Place opened up', event_changed: 'Event changed', event_cancelled: 'Event cancelled',
};
type Wording = { subject: string; body: string };
type Preview = { subject: string; text: string };
type Field = 'subject' | 'body';

export function EventEmailTemplatesSettings({ canEdit }: { canEdit: boolean }) {
  const saved = useApiResource<EventEmailTemplates>('/api/org/event-email-templates');
  const [templates, setTemplates] = useState<EventEmailTemplate[]>([]);
  const [kind, setKind] = useState('registered');
  const [wording, setWording] = useState<Wording>({ subject: '', body: '' });
  const [preview, setPreview] = useState<Preview | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const { run, isBusy, error, setError } = useAsyncAction();
  const current = templates.find((t) => t.kind === kind);
  const showKind = (next: string, list: EventEmailTemplate[]) => {
    const template = list.find((t) => t.kind === next);
    if (template) setWording({ subject: template.subject, body: template.body });
    setKind(next);
    setPreview(null);
    setStatus(null);
    setError(null);
  };
  useEffect(() => {
    if (!saved.data) return;
    setTemplates(saved.data.templates);
    showKind(kind, saved.data.templates);
    // Only a (re)load replaces what is being edited; switching kinds goes through showKind.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [saved.data]);

  const replace = (next: EventEmailTemplate, message: string) => {
    setTemplates((all) => all.map((t) => (t.kind === next.kind ? next : t)));
    setWording({ subject: next.subject, body: next.body });
    setStatus(message);
  };
  const edit = (patch: Partial<Wording>) => {
    setStatus(null);
    setPreview(null);
    setWording((w) => ({ ...w, ...patch }));
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => replace(await apiPut<EventEmailTemplate>(`/api/org/event-email-templates/${kind}`, wording), 'Saved.'));
  };
  const reset = () => void run(async () => replace(await apiDelete<EventEmailTemplate>(`/api/org/event-email-templates/${kind}`), 'Back to the built-in text.'));
  const showPreview = () => void run(async () => setPreview(await apiPost<Preview>(`/api/org/event-email-templates/${kind}/preview`, wording)));

  const byField = errorsByField<Field>(error, (path) => {
    const field = bodyFieldOf(path);
    return field === 'subject' || field === 'body' ? field : null;
  });
  const hasFieldErrors = byField.size > 0;
  return (
    <form className="card crm-section event-email-templates" onSubmit={save} data-testid="event-email-templates">
      <h2 className="card-title">Event emails</h2>
      <p className="muted">What registrants of your events are emailed. Write Handlebars, e.g. <code>{'{{candidate.firstName}}'}</code>; a kind you have not changed uses the built-in text.</p>
      <ErrorNotice error={saved.error} title="Could not load the event emails" onRetry={() => void saved.reload()} />
      {current && (
        <>
          <div className="segmented event-email-kinds" role="tablist" aria-label="Kind of email">
            {templates.map((t) => (
              <button key={t.kind} type="button" role="tab" aria-selected={t.kind === kind} className={`segmented-option${t.kind === kind ? ' is-active' : ''}`} onClick={() => showKind(t.kind, templates)} data-testid={`event-email-kind-${t.kind}`}>
                {KIND_LABELS[t.kind] ?? t.kind}{t.isCustomized && <span className="badge badge-info event-email-badge">Custom</span>}
              </button>
            ))}
          </div>
          <div className="event-email-layout">
            <div>
              <label className="field">
                <span>Subject</span>
                <input value={wording.subject} onChange={(e) => edit({ subject: e.target.value })} readOnly={!canEdit} aria-invalid={byField.has('subject')} data-testid="event-email-subject" />
                {fieldErrorsOf(byField, 'subject', 'event-email-field-error')}
              </label>
              <label className="field">
                <span>Body</span>
                <textarea rows={14} value={wording.body} onChange={(e) => edit({ body: e.target.value })} readOnly={!canEdit} aria-invalid={byField.has('body')} data-testid="event-email-body" />
                {fieldErrorsOf(byField, 'body', 'event-email-field-error')}
              </label>
            </div>
            <div>
              <h3 className="event-email-variables-title">Variables</h3>
              <dl className="event-email-variables" data-testid="event-email-variables">
                {saved.data?.variables.map((v) => (
                  <div key={v.name}><dt><code>{`{{${v.name}}}`}</code></dt><dd className="muted">{v.description}</dd></div>
                ))}
              </dl>
            </div>
          </div>
          {!hasFieldErrors && <ErrorNotice error={error} title="The event email was refused" />}
          {preview && (
            <div className="notice crm-info-notice event-email-preview" role="status" data-testid="event-email-preview">
              <strong data-testid="event-email-preview-subject">{preview.subject}</strong>
              <pre data-testid="event-email-preview-text">{preview.text}</pre>
            </div>
          )}
          <div className="form-actions">
            {status && <span className="muted" role="status" data-testid="event-email-status">{status}</span>}
            <button type="button" className="button" onClick={showPreview} disabled={isBusy} data-testid="event-email-preview-button">Preview</button>
            {canEdit && current.isCustomized && <button type="button" className="button" onClick={reset} disabled={isBusy} data-testid="event-email-reset">Reset to default</button>}
            {canEdit && <button type="submit" className="button button-primary" disabled={isBusy} data-testid="event-email-save">{isBusy ? 'Saving…' : 'Save email'}</button>}
          </div>
        </>
      )}
    </form>
  );
}
