// One recruiting event (#/events/:id): when and where, its public registration page, publish or cancel,
// attendance counts, check-in at the door (search, a big button, walk-ins), and every registration with its
// status, filterable, as CSV too. Registrations can be cancelled here (the place goes to the waitlist).
import { useState } from 'react';
import { apiPost, downloadFile } from '../api';
import { ErrorNotice } from '../components/error-notice';
import { PageHeader } from '../components/page-header';
import { StatusBadge } from '../components/status-badge';
import { formatDateTime, formatPersonName } from '../format';
import { hrefFor } from '../hash-route';
import { useApiResource } from '../use-api-resource';
import { EVENT_KIND_LABELS, type TEventKind } from '../../../api/services/events/event-input';
import type { RecruitingEvent, RegistrationStatus } from '../crm/crm-types';
import { EventCheckIn } from '../crm/event-check-in';
import { placesLabel } from '../crm/event-counts';
import { formatEventTime } from '../crm/event-form';
import { useCrmRole } from '../crm/use-crm-role';
import { useAsyncAction } from '../crm/use-async-action';
import { matchRegistrations, useEventRegistrations } from '../crm/use-event-registrations';
import '../crm/crm.css';

const STATUSES: ('ALL' | RegistrationStatus)[] = ['ALL', 'REGISTERED', 'WAITLISTED', 'ATTENDED', 'NO_SHOW', 'CANCELLED'];

export function EventPage({ eventId }: { eventId: string }) {
  const path = `/api/events/${encodeURIComponent(eventId)}`;
  const event = useApiResource<RecruitingEvent>(path);
  const registrations = useEventRegistrations(eventId);
  const { canEdit } = useCrmRole();
  const [status, setStatus] = useState<(typeof STATUSES)[number]>('ALL');
  const [filter, setFilter] = useState('');
  const { run, error, setError } = useAsyncAction();
  const e = event.data;

  const refresh = () => Promise.all([event.reload(), registrations.reload()]);
  const act = (work: () => Promise<unknown>) => run(async () => {
    await work();
    await refresh();
  });
  const shown = (filter.trim() ? matchRegistrations(registrations.registrations, filter) : registrations.registrations).filter((r) => status === 'ALL' || r.status === status);
  const counts = e?.counts;

  return (
    <section className="crm-page" data-testid="event-page">
      <PageHeader
        backHref="#/events"
        backLabel="Events"
        title={<>{e?.name ?? 'Event'} {e && <StatusBadge status={e.status} testId="event-status" />}</>}
        subtitle={e ? `${EVENT_KIND_LABELS[e.kind as TEventKind] ?? e.kind} · ${formatEventTime(e)} · ${e.isOnline ? 'Online' : e.location ?? ''}` : '\u00a0'}
        actions={e && (
          <>
            {e.status === 'PUBLISHED' && <a className="button" href={e.publicPath} target="_blank" rel="noopener" data-testid="event-public-link">Public page</a>}
            <button type="button" className="button" onClick={() => void downloadFile(`${path}/registrations.csv`, `registrations-${e.slug}.csv`).catch(setError)} data-testid="event-csv">Export CSV</button>
            {canEdit && e.status !== 'CANCELLED' && <a className="button" href={hrefFor(`/events/${encodeURIComponent(eventId)}/edit`)} data-testid="event-edit">Edit</a>}
            {canEdit && e.status === 'DRAFT' && <button type="button" className="button button-primary" onClick={() => void act(() => apiPost(`${path}/publish`, {}))} data-testid="event-publish">Publish</button>}
            {canEdit && e.status !== 'CANCELLED' && (
              <button type="button" className="button" onClick={() => { if (window.confirm('Cancel this event? Registrants are told by email and their follow-ups end.')) void act(() => apiPost(`${path}/cancel`, {})); }} data-testid="event-cancel">Cancel event</button>
            )}
          </>
        )}
      />
      <ErrorNotice error={event.error} title="Could not load the event" onRetry={() => void event.reload()} />
      <ErrorNotice error={error} title="The event refused" />
      {e && counts && (
        <ul className="stat-tiles event-tiles" aria-label="Registrations">
          <li className="stat-tile" data-testid="event-stat" data-stat="places" data-value={placesLabel(e)}><span className="stat-label">Places taken</span><span className="stat-value">{placesLabel(e)}</span><span className="stat-rate">{e.placesLeft === null ? 'no capacity limit' : `${e.placesLeft.toLocaleString('en')} left`}</span></li>
          {([['registered', 'Registered'], ['waitlisted', 'Waitlisted'], ['attended', 'Attended'], ['noShow', 'No-show'], ['cancelled', 'Cancelled']] as const).map(([key, label]) => (
            <li key={key} className="stat-tile" data-testid="event-stat" data-stat={key} data-value={counts[key]}><span className="stat-label">{label}</span><span className="stat-value">{counts[key].toLocaleString('en')}</span><span className="stat-rate">{'\u00a0'}</span></li>
          ))}
        </ul>
      )}
      {e?.status === 'PUBLISHED' && (
        <p className="muted">Public registration page: <a href={e.publicPath} target="_blank" rel="noopener"><code>{e.publicPath}</code></a></p>
      )}
      <div className="event-layout">
        {e && <EventCheckIn eventId={eventId} registrations={registrations.registrations} isOpen={e.status === 'PUBLISHED'} onCheckedIn={() => void refresh()} />}
        <div className="card table-card">
          <div className="inline-form table-card-title">
            <div className="segmented" role="group" aria-label="Registration status">
              {STATUSES.map((s) => (
                <button key={s} type="button" className={`segmented-option${status === s ? ' is-active' : ''}`} aria-pressed={status === s} onClick={() => setStatus(s)}>
                  {s === 'ALL' ? 'All' : s === 'NO_SHOW' ? 'No-show' : s.charAt(0) + s.slice(1).toLowerCase()}
                </button>
              ))}
            </div>
            <label className="field field-grow"><span>Filter by name or email</span><input type="search" value={filter} onChange={(ev) => setFilter(ev.target.value)} /></label>
          </div>
          <ErrorNotice error={registrations.error} title="Could not load the registrations" onRetry={() => void registrations.reload()} />
          <table className="data-table" data-testid="registration-table">
            <thead><tr><th>Person</th><th>Status</th><th>Registered</th><th>Checked in</th><th><span className="visually-hidden">Actions</span></th></tr></thead>
            <tbody>
              {shown.map((r) => (
                <tr key={r.id} data-testid="registration-row" data-registration-id={r.id} data-status={r.status}>
                  <td><a className="cell-title" href={hrefFor(`/candidates/${encodeURIComponent(r.candidateId)}`)}>{formatPersonName(r.candidate)}</a><div className="cell-meta">{r.candidate.email}{r.source ? ` · ${r.source.replace(/_/g, ' ')}` : ''}</div></td>
                  <td><StatusBadge status={r.status} /></td>
                  <td>{formatDateTime(r.createdAt)}</td>
                  <td>{formatDateTime(r.checkedInAt)}</td>
                  <td className="cell-actions">
                    {(r.status === 'REGISTERED' || r.status === 'WAITLISTED') && (
                      <button type="button" className="button button-small button-ghost" onClick={() => void act(() => apiPost(`${path}/registrations/${encodeURIComponent(r.id)}/cancel`, {}))} aria-label={`Cancel ${formatPersonName(r.candidate)}'s registration`}>Cancel</button>
                    )}
                  </td>
                </tr>
              ))}
              {!registrations.isLoading && shown.length === 0 && <tr><td colSpan={5} className="table-empty">{registrations.registrations.length ? 'Nobody matches.' : 'No registrations yet.'}</td></tr>}
              {registrations.isLoading && registrations.registrations.length === 0 && <tr><td colSpan={5} className="table-empty">Loading registrations…</td></tr>}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}
