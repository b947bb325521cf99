// A recruiting event as iCalendar (RFC 5545) for "add to calendar": the public
// download (METHOD:PUBLISH, no online link), a registrant's copy (with the
// online link) and the invite carried by confirmation and cancellation emails
// (METHOD:REQUEST / CANCEL with the registrant as attendee, RFC 5546). One UID
// per event for its whole life; SEQUENCE follows the event's last change, so a
// client replaces the entry when times move. Times are UTC (no VTIMEZONE).
import { escapeText, foldLine, formatUtc, quoteParam } from '../../scheduling/ics-text';

export const EVENT_PRODID = '-//Trellis//Recruiting Events 1.0//EN';
/** Seconds since this instant order the versions of an event (SEQUENCE must only grow). */
const SEQUENCE_EPOCH_MS = Date.UTC(2024, 0, 1);

export interface TEventIcsInput {
  method: 'PUBLISH' | 'REQUEST' | 'CANCEL';
  event: { id: string; name: string; description: string; startsAt: Date; endsAt: Date | null; location: string | null; isOnline: boolean; onlineUrl: string | null; updatedAt: Date };
  /** The public page, as the entry's URL. */
  pageUrl: string;
  /** Hostname for the UID (stable per deployment). */
  host: string;
  /** Registrant's copy: the online link is theirs to see. */
  isForRegistrant: boolean;
  organizer?: { name: string; email: string };
  attendee?: { name: string; email: string };
  now: Date;
}

/** Without an end, an event is shown as an hour long. */
const DEFAULT_LENGTH_MS = 3_600_000;

export function eventIcs(input: TEventIcsInput): string {
  const e = input.event;
  const end = e.endsAt ?? new Date(e.startsAt.getTime() + DEFAULT_LENGTH_MS);
  const sequence = Math.max(0, Math.floor((e.updatedAt.getTime() - SEQUENCE_EPOCH_MS) / 1000));
  const online = input.isForRegistrant && e.isOnline ? e.onlineUrl : null;
  const where = [e.location, online].filter(Boolean).join(' · ');
  const description = [e.description.trim(), online ? `Join online: ${online}` : '', `Event page: ${input.pageUrl}`].filter(Boolean).join('\n\n');
  const lines = [
    'BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${EVENT_PRODID}`, 'CALSCALE:GREGORIAN', `METHOD:${input.method}`,
    'BEGIN:VEVENT',
    `UID:event-${e.id}@${input.host}`,
    `DTSTAMP:${formatUtc(input.now.getTime())}`,
    `SEQUENCE:${sequence}`,
    `DTSTART:${formatUtc(e.startsAt.getTime())}`,
    `DTEND:${formatUtc(end.getTime())}`,
    `SUMMARY:${escapeText(e.name)}`,
    `DESCRIPTION:${escapeText(description.slice(0, 10_000))}`,
  ];
  if (where) lines.push(`LOCATION:${escapeText(where)}`);
  lines.push(`URL:${input.pageUrl}`);
  if (input.organizer && input.method !== 'PUBLISH') lines.push(`ORGANIZER;CN=${quoteParam(input.organizer.name)}:mailto:${input.organizer.email}`);
  if (input.attendee && input.method !== 'PUBLISH') {
    lines.push(`ATTENDEE;CN=${quoteParam(input.attendee.name)};CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED:mailto:${input.attendee.email}`);
  }
  lines.push(`STATUS:${input.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`, 'TRANSP:OPAQUE', 'END:VEVENT', 'END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
