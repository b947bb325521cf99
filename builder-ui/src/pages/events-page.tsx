// Recruiting events (#/events): upcoming (soonest first) or past events with their registrations against
// capacity, the waitlist and attendance. "New event" opens the form; a name opens the event and its check-in.
import { useState } from 'react';
import { ErrorNotice } from '../components/error-notice';
import { PageHeader } from '../components/page-header';
import { StatusBadge } from '../components/status-badge';
import { hrefFor } from '../hash-route';
import { useApiResource } from '../use-api-resource';
import { EVENT_KIND_LABELS, type TEventKind } from '../../../api/services/events/event-input';
import type { RecruitingEvent } from '../crm/crm-types';
import { formatEventTime } from '../crm/event-form';
import { placesLabel } from '../crm/event-counts';
import { useCrmRole } from '../crm/use-crm-role';
import '../crm/crm.css';

const WHEN = [['upcoming', 'Upcoming'], ['past', 'Past'], ['all', 'All']] as const;

export function EventsPage() {
  const [when, setWhen] = useState<(typeof WHEN)[number][0]>('upcoming');
  const events = useApiResource<{ events: RecruitingEvent[] }>(`/api/events?when=${when}&limit=200`);
  const { canEdit } = useCrmRole();
  const rows = events.data?.events ?? [];
  return (
    <section className="crm-page" data-testid="events-page">
      <PageHeader
        title="Events"
        subtitle="Career fairs, meetups and webinars: a public registration page, check-in at the door, follow-ups for who came and who did not."
        actions={canEdit && <a className="button button-primary" href={hrefFor('/events/new')} data-testid="new-event-button">New event</a>}
      />
      <div className="inline-form job-filters">
        <div className="segmented" role="group" aria-label="When">
          {WHEN.map(([value, label]) => (
            <button key={value} type="button" className={`segmented-option${when === value ? ' is-active' : ''}`} aria-pressed={when === value} onClick={() => setWhen(value)} data-testid="event-when" data-when={value}>{label}</button>
          ))}
        </div>
      </div>
      <ErrorNotice error={events.error} title="Could not load the events" onRetry={() => void events.reload()} />
      <div className="card table-card">
        <table className="data-table" data-testid="event-table">
          <thead><tr><th>Event</th><th>When</th><th>Where</th><th>Status</th><th className="numeric">Registered</th><th className="numeric">Attended</th></tr></thead>
          <tbody>
            {events.isLoading && <tr><td colSpan={6} className="table-empty">Loading events…</td></tr>}
            {!events.isLoading && !events.error && rows.length === 0 && (
              <tr><td colSpan={6} className="table-empty">{when === 'upcoming' ? 'No upcoming events. Create one with "New event".' : 'No events here.'}</td></tr>
            )}
            {rows.map((e) => (
              <tr key={e.id} data-testid="event-row" data-event-id={e.id}>
                <td><a className="cell-title" href={hrefFor(`/events/${encodeURIComponent(e.id)}`)}>{e.name}</a><div className="cell-meta">{EVENT_KIND_LABELS[e.kind as TEventKind] ?? e.kind}</div></td>
                <td>{formatEventTime(e)}</td>
                <td>{e.isOnline ? 'Online' : e.location ?? '—'}</td>
                <td><StatusBadge status={e.status} /></td>
                <td className="numeric">{placesLabel(e)}{e.counts.waitlisted > 0 && <div className="cell-meta">{e.counts.waitlisted.toLocaleString('en')} waitlisted</div>}</td>
                <td className="numeric">{e.counts.attended.toLocaleString('en')}{e.counts.noShow > 0 && <div className="cell-meta">{e.counts.noShow.toLocaleString('en')} no-show</div>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
