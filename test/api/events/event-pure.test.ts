// The pure parts of events: the checks of an event as a whole, the calendar
// entry, the date line of emails and pages, and the signed links.
import crypto from 'node:crypto';
import { checkEventShape, ZCreateEvent, ZUpdateEvent } from '../../../api/services/events/event-input';
import { eventIcs } from '../../../api/services/events/event-ics';
import { eventWhen } from '../../../api/services/events/registration-emails';
import { signLink, verifyLink } from '../../../api/services/events/signed-link';

const at = (iso: string) => new Date(iso);

test('an event as a whole: end after start, a place or an online URL, not both kinds of place', () => {
  const base = { startsAt: at('2026-07-14T16:00:00Z'), endsAt: at('2026-07-14T18:00:00Z'), location: 'Factory Berlin', isOnline: false, onlineUrl: null };
  expect(checkEventShape(base)).toEqual([]);
  expect(checkEventShape({ ...base, endsAt: base.startsAt }).map((p) => p.path)).toEqual(['body.endsAt']);
  expect(checkEventShape({ ...base, endsAt: at('2026-09-14T18:00:00Z') }).map((p) => p.path)).toEqual(['body.endsAt']);
  expect(checkEventShape({ ...base, location: null }).map((p) => p.path)).toEqual(['body.location']);
  expect(checkEventShape({ ...base, location: null, isOnline: true }).map((p) => p.path)).toEqual(['body.onlineUrl']);
  expect(checkEventShape({ ...base, onlineUrl: 'https://meet.example.com/x' }).map((p) => p.path)).toEqual(['body.onlineUrl']);
  expect(checkEventShape({ ...base, location: null, isOnline: true, onlineUrl: 'https://meet.example.com/x' })).toEqual([]);
});

test('create and update requests are strict', () => {
  expect(ZCreateEvent.safeParse({ name: 'Meetup', startsAt: '2026-07-14T16:00:00Z', location: 'Here', colour: 'red' }).success).toBe(false);
  expect(ZCreateEvent.safeParse({ name: 'Meetup', startsAt: '14 July', location: 'Here' }).success).toBe(false);
  expect(ZCreateEvent.safeParse({ name: 'Meetup', startsAt: '2026-07-14T16:00:00Z', location: 'Here', onlineUrl: 'javascript:alert(1)' }).success).toBe(false);
  expect(ZCreateEvent.parse({ name: 'Meetup', startsAt: '2026-07-14T16:00:00+02:00', location: 'Here' })).toMatchObject({ kind: 'meetup', timeZone: 'UTC', isOnline: false, startsAt: at('2026-07-14T14:00:00Z') });
  expect(ZUpdateEvent.safeParse({}).success).toBe(false);
  expect(ZUpdateEvent.safeParse({ capacity: 0 }).success).toBe(false);
});

test('the date line is in the event\'s own zone', () => {
  expect(eventWhen({ startsAt: at('2026-07-14T16:00:00Z'), endsAt: at('2026-07-14T18:00:00Z'), timeZone: 'Europe/Berlin' })).toBe('Tuesday, 14 July 2026, 18:00–20:00 (Europe/Berlin)');
  expect(eventWhen({ startsAt: at('2026-07-14T16:00:00Z'), endsAt: null, timeZone: 'America/New_York' })).toBe('Tuesday, 14 July 2026, 12:00 (America/New_York)');
  expect(eventWhen({ startsAt: at('2026-07-14T08:00:00Z'), endsAt: at('2026-07-15T16:00:00Z'), timeZone: 'UTC' })).toBe('Tuesday, 14 July 2026, 08:00 – Wednesday, 15 July 2026, 16:00 (UTC)');
});

const event = {
  id: 'ev1', name: 'Backend meetup; talks, pizza', description: 'Talks.', startsAt: at('2026-07-14T16:00:00Z'), endsAt: null,
  location: 'Factory Berlin', isOnline: true, onlineUrl: 'https://meet.example.com/abc', updatedAt: at('2026-06-01T00:00:00Z'),
};

test('calendar entries: the public one hides the online link, the registrant\'s invite names them', () => {
  const pub = eventIcs({ method: 'PUBLISH', event, pageUrl: 'https://jobs.example.com/events/acme/meetup', host: 'jobs.example.com', isForRegistrant: false, now: at('2026-06-02T00:00:00Z') });
  expect(pub).toContain('METHOD:PUBLISH\r\n');
  expect(pub).toContain('UID:event-ev1@jobs.example.com\r\n');
  expect(pub).toContain('DTSTART:20260714T160000Z\r\nDTEND:20260714T170000Z\r\n');
  expect(pub).toContain('SUMMARY:Backend meetup\\; talks\\, pizza\r\n');
  expect(pub).not.toContain('meet.example.com');
  expect(pub).not.toContain('ATTENDEE');
  const invite = eventIcs({
    method: 'REQUEST', event, pageUrl: 'https://jobs.example.com/events/acme/meetup', host: 'jobs.example.com', isForRegistrant: true, now: at('2026-06-02T00:00:00Z'),
    organizer: { name: 'Acme', email: 'talent@acme.example' }, attendee: { name: 'Ada Lovelace', email: 'ada@example.com' },
  });
  const unfolded = invite.replace(/\r\n /g, '');
  expect(unfolded).toContain('meet.example.com/abc');
  expect(unfolded).toContain('ATTENDEE;CN="Ada Lovelace";CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED:mailto:ada@example.com');
  // A later change of the event is a higher SEQUENCE of the same UID.
  const seq = (ics: string) => Number(/SEQUENCE:(\d+)/.exec(ics)![1]);
  const later = eventIcs({ method: 'CANCEL', event: { ...event, updatedAt: at('2026-06-03T00:00:00Z') }, pageUrl: 'https://x.example', host: 'jobs.example.com', isForRegistrant: true, now: at('2026-06-03T00:00:00Z') });
  expect(seq(later)).toBeGreaterThan(seq(invite));
  expect(later).toContain('STATUS:CANCELLED');
  for (const line of invite.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
});

test('signed links name one record for one purpose and cannot be forged', () => {
  const key = crypto.randomBytes(32);
  const token = signLink(key, 'event-registration', 'abc123');
  expect(verifyLink(key, 'event-registration', token)).toBe('abc123');
  expect(verifyLink(key, 'event-check-in', token)).toBeNull();
  expect(verifyLink(crypto.randomBytes(32), 'event-registration', token)).toBeNull();
  expect(verifyLink(key, 'event-registration', token.replace('abc123', 'abc124'))).toBeNull();
  expect(verifyLink(key, 'event-registration', `${token}x`)).toBeNull();
  expect(verifyLink(key, 'event-registration', 42)).toBeNull();
  expect(() => signLink(key, 'job-alert-stop', 'a/b')).toThrow();
});
