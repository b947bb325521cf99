// Create or edit a recruiting event (#/events/new, #/events/:id/edit): name, kind, Markdown description,
// start and end as wall-clock times in the event's time zone, in person (a venue) or online (the URL goes to
// registrants only), capacity (beyond it people join a waitlist), and a talent pool registrants join.
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { apiPost, apiRequest } from '../api';
import { ErrorNotice } from '../components/error-notice';
import { PageHeader } from '../components/page-header';
import { navigate } from '../hash-route';
import { useApiResource } from '../use-api-resource';
import { EVENT_KINDS, EVENT_KIND_LABELS } from '../../../api/services/events/event-input';
import type { RecruitingEvent, TalentPool } from '../crm/crm-types';
import { emptyEventForm, eventBody, eventPatch, formOfEvent, type EventForm } from '../crm/event-form';
import { useAsyncAction } from '../crm/use-async-action';
import { bodyFieldOf, errorsByField, fieldErrorsOf } from '../crm/field-errors';
import '../crm/crm.css';

export function EventEditorPage({ eventId }: { eventId: string | null }) {
  const existing = useApiResource<RecruitingEvent>(eventId ? `/api/events/${encodeURIComponent(eventId)}` : null);
  const pools = useApiResource<TalentPool[]>('/api/talent-pools?limit=200');
  const [form, setForm] = useState<EventForm>(() => emptyEventForm());
  const { run, isBusy: isSaving, error } = useAsyncAction();
  useEffect(() => {
    if (existing.data) setForm(formOfEvent(existing.data));
  }, [existing.data]);
  const set = (patch: Partial<EventForm>) => setForm((f) => ({ ...f, ...patch }));

  const fieldErrors = useMemo(() => errorsByField(error, (path) => bodyFieldOf(path) as keyof EventForm), [error]);
  const errorOf = (field: keyof EventForm) => fieldErrorsOf(fieldErrors, field, 'event-field-error');

  const save = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      let id = eventId;
      if (eventId && existing.data) {
        const patch = eventPatch(form, existing.data);
        if (patch) await apiRequest('PATCH', `/api/events/${encodeURIComponent(eventId)}`, patch);
      } else {
        id = (await apiPost<RecruitingEvent>('/api/events', eventBody(form))).id;
      }
      navigate(`/events/${encodeURIComponent(id!)}`);
    });
  };

  return (
    <section className="crm-page" data-testid="event-editor-page">
      <PageHeader backHref={eventId ? `#/events/${encodeURIComponent(eventId)}` : '#/events'} backLabel={eventId ? 'Event' : 'Events'} title={eventId ? `Edit ${existing.data?.name ?? 'event'}` : 'New event'} />
      <ErrorNotice error={existing.error} title="Could not load the event" />
      <form className="crm-form" onSubmit={save}>
        <fieldset className="crm-section card">
          <legend className="card-title">Event</legend>
          <div className="form-grid">
            <label className="field">
              <span>Name</span>
              <input value={form.name} onChange={(e) => set({ name: e.target.value })} required maxLength={200} placeholder="e.g. Backend meetup, Berlin" data-testid="event-name" />
              {errorOf('name')}
            </label>
            <label className="field">
              <span>Kind</span>
              <select value={form.kind} onChange={(e) => set({ kind: e.target.value })} data-testid="event-kind">
                {EVENT_KINDS.map((k) => <option key={k} value={k}>{EVENT_KIND_LABELS[k]}</option>)}
              </select>
            </label>
          </div>
          <label className="field">
            <span>Description (Markdown, shown on the public page)</span>
            <textarea rows={5} value={form.description} onChange={(e) => set({ description: e.target.value })} maxLength={50_000} data-testid="event-description" />
            {errorOf('description')}
          </label>
        </fieldset>
        <fieldset className="crm-section card">
          <legend className="card-title">When</legend>
          <div className="form-grid">
            <label className="field">
              <span>Starts (in the event's time zone)</span>
              <input type="datetime-local" value={form.startsAt} onChange={(e) => set({ startsAt: e.target.value })} required data-testid="event-starts-at" />
              {errorOf('startsAt')}
            </label>
            <label className="field">
              <span>Ends (optional)</span>
              <input type="datetime-local" value={form.endsAt} onChange={(e) => set({ endsAt: e.target.value })} data-testid="event-ends-at" />
              {errorOf('endsAt')}
            </label>
            <label className="field">
              <span>Time zone</span>
              <input value={form.timeZone} onChange={(e) => set({ timeZone: e.target.value })} required placeholder="e.g. Europe/Berlin" data-testid="event-time-zone" />
              {errorOf('timeZone')}
            </label>
          </div>
        </fieldset>
        <fieldset className="crm-section card">
          <legend className="card-title">Where and who</legend>
          <label className="checkbox-row">
            <input type="checkbox" checked={form.isOnline} onChange={(e) => set({ isOnline: e.target.checked })} data-testid="event-is-online" />
            Online (the link goes to registrants in their confirmation, never on the public page)
          </label>
          <div className="form-grid">
            <label className="field">
              <span>{form.isOnline ? 'Venue (optional)' : 'Venue'}</span>
              <input value={form.location} onChange={(e) => set({ location: e.target.value })} required={!form.isOnline} maxLength={300} placeholder="e.g. Factory Berlin, Rheinsberger Str. 76" data-testid="event-location" />
              {errorOf('location')}
            </label>
            {form.isOnline && (
              <label className="field">
                <span>Online URL</span>
                <input type="url" value={form.onlineUrl} onChange={(e) => set({ onlineUrl: e.target.value })} required placeholder="https://…" data-testid="event-online-url" />
                {errorOf('onlineUrl')}
              </label>
            )}
            <label className="field">
              <span>Capacity (empty: unlimited)</span>
              <input type="number" min={1} value={form.capacity} onChange={(e) => set({ capacity: e.target.value })} data-testid="event-capacity" />
              {errorOf('capacity')}
            </label>
            <label className="field">
              <span>Registrants join the pool</span>
              <select value={form.poolId} onChange={(e) => set({ poolId: e.target.value })} data-testid="event-pool">
                <option value="">No pool</option>
                {(pools.data ?? []).map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
              </select>
              {errorOf('poolId')}
            </label>
          </div>
        </fieldset>
        <ErrorNotice error={error} title="Could not save the event" />
        <div className="form-actions crm-form-save">
          <a className="button button-ghost" href={eventId ? `#/events/${encodeURIComponent(eventId)}` : '#/events'}>Cancel</a>
          <button type="submit" className="button button-primary" disabled={isSaving} data-testid="event-save">{isSaving ? 'Saving…' : eventId ? 'Save changes' : 'Create event'}</button>
        </div>
      </form>
    </section>
  );
}
