import { importIcsBusy } from '../../../api/scheduling/ics-feed';
import { AppError } from '../../../api/errors';

const utc = (iso: string) => Date.parse(iso);
const feed = (...events: string[][]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//Feed//EN', ...events.flat(), 'END:VCALENDAR', ''].join('\r\n');
const vevent = (uid: string, ...lines: string[]) => ['BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20260101T000000Z', ...lines, 'END:VEVENT'];
const march = { start: utc('2026-03-01T00:00Z'), end: utc('2026-04-30T00:00Z') };
const shown = (busy: { start: number; end: number }[]) => busy.map((b) => `${new Date(b.start).toISOString().slice(0, 16)}/${new Date(b.end).toISOString().slice(11, 16)}`);

describe('importIcsBusy: single events', () => {
  it('reads UTC, TZID, floating and all-day times, floating and all-day in the interviewer zone', () => {
    const text = feed(
      vevent('utc', 'DTSTART:20260302T090000Z', 'DTEND:20260302T093000Z'),
      vevent('tzid', 'DTSTART;TZID=Europe/Berlin:20260303T100000', 'DTEND;TZID=Europe/Berlin:20260303T110000'),
      vevent('floating', 'DTSTART:20260304T100000', 'DTEND:20260304T103000'),
      vevent('allday', 'DTSTART;VALUE=DATE:20260305', 'DTEND;VALUE=DATE:20260306'),
      vevent('duration', 'DTSTART:20260306T120000Z', 'DURATION:PT45M'),
    );
    const { busy, warnings } = importIcsBusy(text, { window: march, defaultTimeZone: 'America/New_York' });
    expect(shown(busy)).toEqual([
      '2026-03-02T09:00/09:30',
      '2026-03-03T09:00/10:00', // 10:00 CET
      '2026-03-04T15:00/15:30', // 10:00 EST (New York is still on standard time until 8 March)
      '2026-03-05T05:00/05:00', // the whole local day in New York: 05:00Z to 05:00Z next day
      '2026-03-06T12:00/12:45',
    ]);
    expect(new Date(busy[3]!.end).toISOString()).toBe('2026-03-06T05:00:00.000Z');
    expect(warnings).toEqual([]);
  });

  it('ignores free (TRANSP:TRANSPARENT) and cancelled events, and events outside the window; clips and merges the rest', () => {
    const text = feed(
      vevent('free', 'DTSTART:20260302T090000Z', 'DTEND:20260302T100000Z', 'TRANSP:TRANSPARENT'),
      vevent('cancelled', 'DTSTART:20260302T110000Z', 'DTEND:20260302T120000Z', 'STATUS:CANCELLED'),
      vevent('before', 'DTSTART:20260201T110000Z', 'DTEND:20260201T120000Z'),
      vevent('edge', 'DTSTART:20260228T230000Z', 'DTEND:20260301T010000Z'),
      vevent('a', 'DTSTART:20260303T090000Z', 'DTEND:20260303T100000Z', 'TRANSP:OPAQUE', 'STATUS:CONFIRMED'),
      vevent('b', 'DTSTART:20260303T093000Z', 'DTEND:20260303T110000Z', 'STATUS:TENTATIVE'),
    );
    expect(shown(importIcsBusy(text, { window: march, defaultTimeZone: 'UTC' }).busy)).toEqual(['2026-03-01T00:00/01:00', '2026-03-03T09:00/11:00']);
  });

  it('unfolds folded lines, even inside a property name or parameter, and accepts bare LF endings', () => {
    const text = feed(vevent('folded', 'DTSTART;TZID=Europe/Be', ' rlin:20260303T100000', 'DTE', ' ND;TZID=Europe/Berlin:20260303T113000', 'SUMMARY:A long summary that', '  goes on'));
    expect(shown(importIcsBusy(text, { window: march, defaultTimeZone: 'UTC' }).busy)).toEqual(['2026-03-03T09:00/10:30']);
    expect(shown(importIcsBusy(text.replace(/\r\n/g, '\n'), { window: march, defaultTimeZone: 'UTC' }).busy)).toEqual(['2026-03-03T09:00/10:30']);
  });
});

describe('importIcsBusy: recurring events', () => {
  it('expands a weekly BYDAY rule with COUNT on the local clock across DST, minus EXDATEs in local and UTC form', () => {
    const text = feed(
      vevent(
        'standup',
        'DTSTART;TZID=Europe/Berlin:20260323T100000',
        'DTEND;TZID=Europe/Berlin:20260323T103000',
        'RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=6',
        'EXDATE;TZID=Europe/Berlin:20260325T100000',
        'EXDATE:20260401T080000Z', // 10:00 CEST
      ),
    );
    expect(shown(importIcsBusy(text, { window: march, defaultTimeZone: 'UTC' }).busy)).toEqual([
      '2026-03-23T09:00/09:30', // CET
      '2026-03-27T09:00/09:30',
      '2026-03-30T08:00/08:30', // CEST: same local time, an hour earlier in UTC
      '2026-04-03T08:00/08:30',
    ]);
  });

  it('keeps the last occurrence of a daily rule whose UTC UNTIL is that occurrence (as Outlook writes it)', () => {
    const text = feed(vevent('daily', 'DTSTART;TZID=Europe/Berlin:20260330T100000', 'DTEND;TZID=Europe/Berlin:20260330T110000', 'RRULE:FREQ=DAILY;UNTIL=20260402T080000Z'));
    expect(shown(importIcsBusy(text, { window: march, defaultTimeZone: 'UTC' }).busy)).toEqual([
      '2026-03-30T08:00/09:00', '2026-03-31T08:00/09:00', '2026-04-01T08:00/09:00', '2026-04-02T08:00/09:00',
    ]);
  });

  it('expands only what falls in the window from a series that started years ago, with INTERVAL', () => {
    const text = feed(vevent('old', 'DTSTART:20200106T140000Z', 'DTEND:20200106T150000Z', 'RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO'));
    const window = { start: utc('2026-03-01T00:00Z'), end: utc('2026-04-01T00:00Z') };
    // 2020-01-06 plus a multiple of 14 days: 2026-03-09 is 2254 days = 161 fortnights later.
    expect(shown(importIcsBusy(text, { window, defaultTimeZone: 'UTC' }).busy)).toEqual(['2026-03-09T14:00/15:00', '2026-03-23T14:00/15:00']);
  });

  it('applies moved and cancelled single instances (RECURRENCE-ID), and ignores a whole cancelled series', () => {
    const text = feed(
      vevent('weekly', 'DTSTART;TZID=Europe/Berlin:20260302T150000', 'DTEND;TZID=Europe/Berlin:20260302T160000', 'RRULE:FREQ=WEEKLY;UNTIL=20260323T235959Z'),
      vevent('weekly', 'RECURRENCE-ID;TZID=Europe/Berlin:20260309T150000', 'DTSTART;TZID=Europe/Berlin:20260310T090000', 'DTEND;TZID=Europe/Berlin:20260310T100000'),
      vevent('weekly', 'RECURRENCE-ID:20260316T140000Z', 'DTSTART;TZID=Europe/Berlin:20260316T150000', 'DTEND;TZID=Europe/Berlin:20260316T160000', 'STATUS:CANCELLED'),
      vevent('gone', 'DTSTART:20260304T090000Z', 'DTEND:20260304T100000Z', 'RRULE:FREQ=DAILY;COUNT=3', 'STATUS:CANCELLED'),
    );
    expect(shown(importIcsBusy(text, { window: march, defaultTimeZone: 'UTC' }).busy)).toEqual([
      '2026-03-02T14:00/15:00', '2026-03-10T08:00/09:00', '2026-03-23T14:00/15:00',
    ]);
  });

  it('expands all-day series by local date and honours DATE EXDATEs', () => {
    const text = feed(vevent('pto', 'DTSTART;VALUE=DATE:20260330', 'DTEND;VALUE=DATE:20260331', 'RRULE:FREQ=DAILY;COUNT=3', 'EXDATE;VALUE=DATE:20260331'));
    const { busy } = importIcsBusy(text, { window: march, defaultTimeZone: 'Europe/Berlin' });
    expect(shown(busy)).toEqual(['2026-03-29T22:00/22:00', '2026-03-31T22:00/22:00']);
  });

  it('reads a non-IANA TZID from the feed VTIMEZONE (Outlook) and warns about an unknown one without it', () => {
    const vtimezone = [
      'BEGIN:VTIMEZONE', 'TZID:W. Europe Standard Time',
      'BEGIN:STANDARD', 'DTSTART:16010101T030000', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10', 'END:STANDARD',
      'BEGIN:DAYLIGHT', 'DTSTART:16010101T020000', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3', 'END:DAYLIGHT',
      'END:VTIMEZONE',
    ];
    const text = feed(
      vtimezone,
      vevent('outlook', 'DTSTART;TZID=W. Europe Standard Time:20260327T100000', 'DTEND;TZID=W. Europe Standard Time:20260327T110000', 'RRULE:FREQ=WEEKLY;COUNT=2'),
      vevent('mystery', 'DTSTART;TZID=Somewhere Standard Time:20260302T100000', 'DTEND;TZID=Somewhere Standard Time:20260302T110000'),
    );
    const { busy, warnings } = importIcsBusy(text, { window: march, defaultTimeZone: 'America/New_York' });
    expect(shown(busy)).toEqual(['2026-03-02T15:00/16:00', '2026-03-27T09:00/10:00', '2026-04-03T08:00/09:00']);
    expect(warnings).toEqual(['unknown time zone "Somewhere Standard Time" without a VTIMEZONE: read as America/New_York']);
  });

  it('stops runaway rules with a warning instead of walking for minutes, per event and per feed', () => {
    const runaway = (uid: string) => vevent(uid, 'DTSTART:20200101T000000Z', 'DURATION:PT1M', 'RRULE:FREQ=MINUTELY');
    const { warnings } = importIcsBusy(feed(...['m1', 'm2', 'm3', 'm4', 'm5', 'm6'].map(runaway)), { window: march, defaultTimeZone: 'UTC' });
    expect(warnings).toEqual([
      ...['m1', 'm2', 'm3', 'm4', 'm5'].map((uid, k) => `VEVENT ${k + 1} (${uid}): recurrence stopped after 20000 occurrences`),
      'VEVENT 6 (m6): recurrence stopped: the feed used up its 100000 occurrences',
    ]);
  });
});

describe('importIcsBusy: refused input', () => {
  it.each([['not a calendar at all'], ['BEGIN:VCARD\r\nVERSION:4.0\r\nEND:VCARD\r\n'], ['BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n']])('refuses %j with a 400 on the ics field', (text) => {
    try {
      importIcsBusy(text, { window: march, defaultTimeZone: 'UTC' });
      throw new Error('expected a refusal');
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect([(err as AppError).code, (err as AppError).details[0]?.path]).toEqual(['VALIDATION_FAILED', 'ics']);
    }
  });
});
