// The date line of event emails and pages, on the event's own clock.
import type { TEventRow } from './event-record';

/** "Tuesday 14 July 2026, 18:00–20:00 (Europe/Berlin)": the event's own clock, which is where people will be. */
export function eventWhen(event: Pick<TEventRow, 'startsAt' | 'endsAt' | 'timeZone'>): string {
  const day = new Intl.DateTimeFormat('en-GB', { timeZone: event.timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: event.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const sameDay = event.endsAt && day.format(event.endsAt) === day.format(event.startsAt);
  const end = !event.endsAt ? '' : sameDay ? `–${time.format(event.endsAt)}` : ` – ${day.format(event.endsAt)}, ${time.format(event.endsAt)}`;
  return `${day.format(event.startsAt)}, ${time.format(event.startsAt)}${end} (${event.timeZone})`;
}
