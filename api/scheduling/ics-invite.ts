// Calendar invites for interviews as iCalendar objects (RFC 5545) carrying an iTIP
// method (RFC 5546): METHOD:REQUEST to invite or reschedule, METHOD:CANCEL to
// cancel. One UID per interview for its whole life; SEQUENCE goes up with each
// reschedule and with the cancel, so clients replace the event instead of adding
// one. Times are UTC, so no VTIMEZONE is needed and every client agrees on them.
import { z } from 'zod';
import { AppError } from '../errors';
import { escapeText, foldLine, formatUtc, quoteParam } from './ics-text';

export const INVITE_PRODID = '-//Trellis//Interview Scheduling 1.0//EN';

const ZInstantInput = z.union([z.number().int().min(0), z.date()]).transform((v) => (typeof v === 'number' ? v : v.getTime()));
const ZPerson = z.object({ name: z.string().trim().min(1).max(200), email: z.email().max(254) }).strict();
const ROLES = { required: 'REQ-PARTICIPANT', optional: 'OPT-PARTICIPANT', chair: 'CHAIR' } as const;

export const ZInvite = z
  .object({
    /** Stable for the interview's whole life, e.g. from interviewInviteUid(). */
    uid: z.string().min(1).max(255).regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces'),
    sequence: z.number().int().min(0).max(2_147_483_647),
    method: z.enum(['REQUEST', 'CANCEL']),
    start: ZInstantInput,
    end: ZInstantInput,
    summary: z.string().trim().min(1).max(500),
    description: z.string().max(20_000).optional(),
    location: z.string().max(500).optional(),
    url: z.url({ protocol: /^https?$/ }).max(2000).optional(),
    organizer: ZPerson,
    attendees: z.array(ZPerson.extend({ role: z.enum(['required', 'optional', 'chair']).default('required') })).min(1).max(100),
    /** When this version of the invite was made. */
    dtstamp: ZInstantInput,
  })
  .strict()
  .refine((i) => i.end > i.start, { message: 'end must be after start', path: ['end'] });
export type TInvite = z.input<typeof ZInvite>;

/** The UID of an interview's invite: derived from its id, so every version of the invite shares it. */
export function interviewInviteUid(interviewId: string, host: string): string {
  return `interview-${interviewId}@${host}`;
}

/** The Content-Type for the invite's MIME part; mail clients read the method from it. */
export function inviteContentType(method: TInvite['method']): string {
  return `text/calendar; charset=UTF-8; method=${method}`;
}

/** The invite as iCalendar text: CRLF line endings, folded at 75 octets. */
export function buildInvite(input: TInvite): string {
  const parsed = ZInvite.safeParse(input);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message, code: i.code }));
    throw new AppError('VALIDATION_FAILED', `invalid invite: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`, details);
  }
  const i = parsed.data;
  const isCancel = i.method === 'CANCEL';
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${INVITE_PRODID}`,
    'CALSCALE:GREGORIAN',
    `METHOD:${i.method}`,
    'BEGIN:VEVENT',
    `UID:${i.uid}`,
    `DTSTAMP:${formatUtc(i.dtstamp)}`,
    `SEQUENCE:${i.sequence}`,
    `DTSTART:${formatUtc(i.start)}`,
    `DTEND:${formatUtc(i.end)}`,
    `SUMMARY:${escapeText(i.summary)}`,
  ];
  if (i.description !== undefined) lines.push(`DESCRIPTION:${escapeText(i.description)}`);
  if (i.location !== undefined) lines.push(`LOCATION:${escapeText(i.location)}`);
  if (i.url !== undefined) lines.push(`URL:${i.url}`);
  lines.push(`ORGANIZER;CN=${quoteParam(i.organizer.name)}:mailto:${i.organizer.email}`);
  for (const a of i.attendees) {
    // A cancel asks for no reply; a request asks each attendee to answer.
    const reply = isCancel ? '' : ';RSVP=TRUE';
    lines.push(`ATTENDEE;CN=${quoteParam(a.name)};CUTYPE=INDIVIDUAL;ROLE=${ROLES[a.role]};PARTSTAT=NEEDS-ACTION${reply}:mailto:${a.email}`);
  }
  lines.push(`STATUS:${isCancel ? 'CANCELLED' : 'CONFIRMED'}`, 'TRANSP:OPAQUE', 'END:VEVENT', 'END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** The next invite after moving the interview: same UID, SEQUENCE one higher, a fresh DTSTAMP. */
export function rescheduledInvite(previous: TInvite, change: { start: number | Date; end: number | Date; dtstamp: number | Date }): TInvite {
  return { ...previous, ...change, method: 'REQUEST', sequence: previous.sequence + 1 };
}

/** The cancel of an invite: same UID and attendees, SEQUENCE one higher, METHOD:CANCEL. */
export function cancelledInvite(previous: TInvite, dtstamp: number | Date): TInvite {
  return { ...previous, dtstamp, method: 'CANCEL', sequence: previous.sequence + 1 };
}
