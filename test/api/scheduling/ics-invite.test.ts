// Invites are checked by parsing them back with ical.js, a parser that shares no
// code with the builder, and by reading the raw octets for the line rules.
import ICAL from 'ical.js';
import { buildInvite, cancelledInvite, interviewInviteUid, inviteContentType, rescheduledInvite, type TInvite } from '../../../api/scheduling/ics-invite';
import { AppError } from '../../../api/errors';

const utc = (iso: string) => Date.parse(iso);

const invite: TInvite = {
  uid: interviewInviteUid('int_42', 'trellis.example'),
  sequence: 0,
  method: 'REQUEST',
  start: new Date('2026-03-30T08:00:00Z'),
  end: utc('2026-03-30T09:00:00Z'),
  summary: 'Panel interview: Backend engineer; Jörg "JJ" Jansen, round 2',
  description: 'Agenda:\n1. System design\n2. Q&A, culture\\values',
  location: 'Room 4; Berlin office',
  url: 'https://meet.example.com/abc-defg-hij?pwd=1',
  organizer: { name: 'Rita Recruiter', email: 'rita@acme.example' },
  attendees: [
    { name: 'Jörg "JJ" Jansen', email: 'jj@candidate.example', role: 'required' },
    { name: 'Ana, Lead; Eng^2', email: 'ana@acme.example', role: 'chair' },
    { name: 'Bo', email: 'bo@acme.example', role: 'optional' },
  ],
  dtstamp: utc('2026-03-20T12:34:56.789Z'),
};

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const event = calendar.getFirstSubcomponent('vevent')!;
  const time = (name: string) => (event.getFirstPropertyValue(name) as ICAL.Time).toJSDate().toISOString();
  const person = (p: ICAL.Property) => ({
    value: p.getFirstValue(), cn: p.getParameter('cn'), role: p.getParameter('role'), partstat: p.getParameter('partstat'), rsvp: p.getParameter('rsvp'), cutype: p.getParameter('cutype'),
  });
  return {
    calendar: { version: calendar.getFirstPropertyValue('version'), prodid: calendar.getFirstPropertyValue('prodid'), method: calendar.getFirstPropertyValue('method'), events: calendar.getAllSubcomponents('vevent').length, timezones: calendar.getAllSubcomponents('vtimezone').length },
    uid: event.getFirstPropertyValue('uid'),
    sequence: event.getFirstPropertyValue('sequence'),
    dtstamp: time('dtstamp'),
    start: time('dtstart'),
    end: time('dtend'),
    isUtc: (event.getFirstPropertyValue('dtstart') as ICAL.Time).zone?.tzid === 'UTC',
    summary: event.getFirstPropertyValue('summary'),
    description: event.getFirstPropertyValue('description'),
    location: event.getFirstPropertyValue('location'),
    url: event.getFirstPropertyValue('url'),
    status: event.getFirstPropertyValue('status'),
    transp: event.getFirstPropertyValue('transp'),
    organizer: person(event.getFirstProperty('organizer')!),
    attendees: event.getAllProperties('attendee').map(person),
  };
}

function expectWellFormedLines(text: string) {
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/); // no bare CR or LF anywhere
  const lines = text.slice(0, -2).split('\r\n');
  for (const line of lines) {
    const octets = Buffer.from(line, 'utf8');
    expect(octets.length).toBeLessThanOrEqual(75);
    // A line that split a UTF-8 character (or a surrogate pair) would not survive a round trip on its own.
    expect(octets.toString('utf8')).toBe(line);
    expect(line).not.toMatch(/[\ud800-\udfff]/u); // with /u only a lone surrogate matches
  }
  return lines;
}

describe('buildInvite', () => {
  it('writes a REQUEST that an independent parser reads back field by field', () => {
    const text = buildInvite(invite);
    expectWellFormedLines(text);
    expect(parse(text)).toEqual({
      calendar: { version: '2.0', prodid: '-//Trellis//Interview Scheduling 1.0//EN', method: 'REQUEST', events: 1, timezones: 0 },
      uid: 'interview-int_42@trellis.example',
      sequence: 0,
      dtstamp: '2026-03-20T12:34:56.000Z',
      start: '2026-03-30T08:00:00.000Z',
      end: '2026-03-30T09:00:00.000Z',
      isUtc: true,
      summary: 'Panel interview: Backend engineer; Jörg "JJ" Jansen, round 2',
      description: 'Agenda:\n1. System design\n2. Q&A, culture\\values',
      location: 'Room 4; Berlin office',
      url: 'https://meet.example.com/abc-defg-hij?pwd=1',
      status: 'CONFIRMED',
      transp: 'OPAQUE',
      organizer: { value: 'mailto:rita@acme.example', cn: 'Rita Recruiter', role: undefined, partstat: undefined, rsvp: undefined, cutype: undefined },
      attendees: [
        { value: 'mailto:jj@candidate.example', cn: 'Jörg "JJ" Jansen', role: 'REQ-PARTICIPANT', partstat: 'NEEDS-ACTION', rsvp: 'TRUE', cutype: 'INDIVIDUAL' },
        { value: 'mailto:ana@acme.example', cn: 'Ana, Lead; Eng^2', role: 'CHAIR', partstat: 'NEEDS-ACTION', rsvp: 'TRUE', cutype: 'INDIVIDUAL' },
        { value: 'mailto:bo@acme.example', cn: 'Bo', role: 'OPT-PARTICIPANT', partstat: 'NEEDS-ACTION', rsvp: 'TRUE', cutype: 'INDIVIDUAL' },
      ],
    });
    // METHOD sits on the VCALENDAR, before the event.
    expect(text.indexOf('\r\nMETHOD:REQUEST\r\n')).toBeLessThan(text.indexOf('BEGIN:VEVENT'));
    expect(inviteContentType('REQUEST')).toBe('text/calendar; charset=UTF-8; method=REQUEST');
  });

  it('folds a long non-ASCII description at 75 octets without splitting a character', () => {
    const description = 'Größe, Übung und Spaß 🎉 — 面接の詳細はこちらです。'.repeat(12) + '\nZweite Zeile: café ☕';
    const text = buildInvite({ ...invite, description });
    const lines = expectWellFormedLines(text);
    const descriptionLines = lines.slice(lines.findIndex((l) => l.startsWith('DESCRIPTION:')));
    expect(descriptionLines[1]!.startsWith(' ')).toBe(true); // it was folded
    expect(descriptionLines.filter((l) => Buffer.byteLength(l) >= 72).length).toBeGreaterThan(5); // lines are filled, not cut short
    expect(parse(text).description).toBe(description);
  });

  it('never splits an emoji (a surrogate pair in JavaScript) across lines, whatever its position', () => {
    for (let shift = 0; shift < 8; shift++) {
      const description = 'a'.repeat(shift) + '👩‍💻🎉'.repeat(40);
      const text = buildInvite({ ...invite, description });
      expectWellFormedLines(text);
      expect(parse(text).description).toBe(description);
    }
  });

  it('keeps UID and raises SEQUENCE through a reschedule and a cancel of the rescheduled invite', () => {
    const moved = rescheduledInvite(invite, { start: utc('2026-03-31T13:30:00Z'), end: utc('2026-03-31T14:30:00Z'), dtstamp: utc('2026-03-21T09:00:00Z') });
    const cancel = cancelledInvite(moved, utc('2026-03-22T10:00:00Z'));
    const [first, second, third] = [invite, moved, cancel].map((i) => parse(buildInvite(i)));
    expect([first, second, third].map((p) => [p!.uid, p!.sequence, p!.calendar.method, p!.status])).toEqual([
      ['interview-int_42@trellis.example', 0, 'REQUEST', 'CONFIRMED'],
      ['interview-int_42@trellis.example', 1, 'REQUEST', 'CONFIRMED'],
      ['interview-int_42@trellis.example', 2, 'CANCEL', 'CANCELLED'],
    ]);
    expect([second!.start, second!.end, second!.dtstamp]).toEqual(['2026-03-31T13:30:00.000Z', '2026-03-31T14:30:00.000Z', '2026-03-21T09:00:00.000Z']);
    // The cancel names the rescheduled time and every attendee, and asks for no reply.
    expect([third!.start, third!.end, third!.dtstamp]).toEqual(['2026-03-31T13:30:00.000Z', '2026-03-31T14:30:00.000Z', '2026-03-22T10:00:00.000Z']);
    expect(third!.attendees.map((a) => [a.value, a.partstat, a.rsvp])).toEqual([
      ['mailto:jj@candidate.example', 'NEEDS-ACTION', undefined],
      ['mailto:ana@acme.example', 'NEEDS-ACTION', undefined],
      ['mailto:bo@acme.example', 'NEEDS-ACTION', undefined],
    ]);
  });

  it('keeps line breaks in values inside their property: no injected properties', () => {
    const text = buildInvite({ ...invite, summary: 'Hi\r\nATTENDEE:mailto:evil@x.example\r\nMETHOD:CANCEL', attendees: [{ name: 'Eve\r\nATTENDEE:mailto:evil@x.example', email: 'eve@acme.example' }] });
    expectWellFormedLines(text);
    const p = parse(text);
    expect(p.summary).toBe('Hi\nATTENDEE:mailto:evil@x.example\nMETHOD:CANCEL');
    expect(p.calendar.method).toBe('REQUEST');
    expect(p.attendees.map((a) => [a.value, a.cn])).toEqual([['mailto:eve@acme.example', 'Eve\nATTENDEE:mailto:evil@x.example']]);
  });

  it('refuses bad input with the path of each bad field', () => {
    const paths = (i: unknown) => {
      try {
        buildInvite(i as TInvite);
      } catch (err) {
        expect((err as AppError).code).toBe('VALIDATION_FAILED');
        return (err as AppError).details.map((d) => d.path);
      }
      throw new Error('expected a refusal');
    };
    expect(paths({ ...invite, end: invite.start })).toEqual(['end']);
    expect(paths({ ...invite, url: 'javascript:alert(1)' })).toEqual(['url']);
    expect(paths({ ...invite, uid: 'has space' })).toEqual(['uid']);
    expect(paths({ ...invite, attendees: [{ name: 'X', email: 'x@y.example\r\nBCC:z' }] })).toEqual(['attendees.0.email']);
    expect(paths({ ...invite, attendees: [] })).toEqual(['attendees']);
    expect(paths({ ...invite, method: 'PUBLISH' })).toEqual(['method']);
    expect(paths({ ...invite, tzid: 'Europe/Berlin' })).toEqual(['']);
  });
});
