// The event form's state and its requests. Times are typed as wall-clock times in the event's own time zone
// (a Berlin meetup starts at 18:00 Berlin time wherever the recruiter sits) and sent as instants; an edit
// sends only what changed.
import { instantOfLocal, isValidTimeZone, localDateTime } from '../../../workflows/graph/time-windows';
import type { RecruitingEvent } from './crm-types';

export type EventForm = {
  name: string;
  kind: string;
  description: string;
  /** `YYYY-MM-DDTHH:mm` in `timeZone` (a datetime-local input's value). */
  startsAt: string;
  endsAt: string;
  timeZone: string;
  isOnline: boolean;
  location: string;
  onlineUrl: string;
  capacity: string;
  poolId: string;
};

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as the datetime-local value of the wall clock in `timeZone`. */
export function zonedInputValue(iso: string | null, timeZone: string): string {
  if (!iso) return '';
  const l = localDateTime(Date.parse(iso), isValidTimeZone(timeZone) ? timeZone : 'UTC');
  return `${l.year}-${pad(l.month)}-${pad(l.day)}T${pad(l.hour)}:${pad(l.minute)}`;
}

/** A datetime-local value read in `timeZone`, as an ISO instant; null when empty or not a time. */
export function instantOfZonedInput(value: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!m || !isValidTimeZone(timeZone)) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  return new Date(instantOfLocal({ year, month, day, hour, minute, second: 0 }, timeZone)).toISOString();
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function emptyEventForm(timeZone = browserTimeZone()): EventForm {
  return { name: '', kind: 'meetup', description: '', startsAt: '', endsAt: '', timeZone, isOnline: false, location: '', onlineUrl: '', capacity: '', poolId: '' };
}

export function formOfEvent(e: RecruitingEvent): EventForm {
  return {
    name: e.name, kind: e.kind, description: e.description, startsAt: zonedInputValue(e.startsAt, e.timeZone), endsAt: zonedInputValue(e.endsAt, e.timeZone),
    timeZone: e.timeZone, isOnline: e.isOnline, location: e.location ?? '', onlineUrl: e.onlineUrl ?? '', capacity: e.capacity === null ? '' : String(e.capacity), poolId: e.poolId ?? '',
  };
}

/** Every field as the API takes it (POST /api/events). */
export function eventBody(form: EventForm): Record<string, unknown> {
  return {
    name: form.name.trim(),
    kind: form.kind,
    description: form.description,
    startsAt: instantOfZonedInput(form.startsAt, form.timeZone) ?? form.startsAt,
    endsAt: form.endsAt ? instantOfZonedInput(form.endsAt, form.timeZone) ?? form.endsAt : null,
    timeZone: form.timeZone.trim(),
    isOnline: form.isOnline,
    location: form.location.trim() || null,
    onlineUrl: form.isOnline ? form.onlineUrl.trim() || null : null,
    capacity: form.capacity.trim() ? Number(form.capacity) : null,
    poolId: form.poolId || null,
  };
}

/** PATCH /api/events/:id: the fields whose value differs from the saved event; null when none does. */
export function eventPatch(form: EventForm, before: RecruitingEvent): Record<string, unknown> | null {
  const now = eventBody(form);
  const was = eventBody(formOfEvent(before));
  const patch = Object.fromEntries(Object.entries(now).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(was[key])));
  return Object.keys(patch).length ? patch : null;
}

/** "Tue, 3 Jun 2025, 18:00–20:00 (Europe/Berlin)", in the event's zone. */
export function formatEventTime(e: Pick<RecruitingEvent, 'startsAt' | 'endsAt' | 'timeZone'>): string {
  const zone = isValidTimeZone(e.timeZone) ? e.timeZone : 'UTC';
  const day = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: zone });
  const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: zone });
  const start = new Date(e.startsAt);
  if (!e.endsAt) return `${day.format(start)}, ${time.format(start)} (${zone})`;
  const end = new Date(e.endsAt);
  const sameDay = day.format(start) === day.format(end);
  return `${day.format(start)}, ${time.format(start)}–${sameDay ? '' : `${day.format(end)}, `}${time.format(end)} (${zone})`;
}
