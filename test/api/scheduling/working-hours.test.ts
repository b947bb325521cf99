import { workingIntervals, standardWorkingHours, ZWorkingHours } from '../../../api/scheduling/working-hours';
import { ZoneClock } from '../../../api/scheduling/zone-clock';
import { mergeIntervals, subtractIntervals } from '../../../api/scheduling/intervals';
import { instantOfLocal } from '../../../workflows/graph/time-windows';

const utc = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16);

describe('workingIntervals', () => {
  it('keeps 09:00-17:00 local across the spring-forward weekend (Berlin, 29 March 2026)', () => {
    const got = workingIntervals(standardWorkingHours('Europe/Berlin'), { start: utc('2026-03-27T00:00Z'), end: utc('2026-03-31T00:00Z') });
    expect(got.map((w) => [w.localDate, iso(w.start), iso(w.end)])).toEqual([
      ['2026-03-27', '2026-03-27T08:00', '2026-03-27T16:00'], // CET, UTC+1
      ['2026-03-30', '2026-03-30T07:00', '2026-03-30T15:00'], // CEST, UTC+2
    ]);
  });

  it('keeps local hours across the fall-back weekend (New York, 1 November 2026)', () => {
    const got = workingIntervals(standardWorkingHours('America/New_York'), { start: utc('2026-10-30T00:00Z'), end: utc('2026-11-03T00:00Z') });
    expect(got.map((w) => iso(w.start))).toEqual(['2026-10-30T13:00', '2026-11-02T14:00']);
  });

  it('moves a start inside the DST gap forward by the gap, and takes the earlier of a repeated time', () => {
    const night = { timeZone: 'Europe/Berlin', weekly: { sun: [{ start: '02:30', end: '04:00' }] } };
    const [spring] = workingIntervals(night, { start: utc('2026-03-29T00:00Z'), end: utc('2026-03-29T06:00Z') });
    // 02:30 does not exist on 29 March; 03:30 CEST is 01:30Z. 04:00 CEST is 02:00Z.
    expect([iso(spring!.start), iso(spring!.end)]).toEqual(['2026-03-29T01:30', '2026-03-29T02:00']);
    const [autumn] = workingIntervals(night, { start: utc('2026-10-25T00:00Z'), end: utc('2026-10-25T06:00Z') });
    // 02:30 happens at 00:30Z (CEST) and 01:30Z (CET): the earlier one. 04:00 CET is 03:00Z, so 2.5 hours of work.
    expect([iso(autumn!.start), iso(autumn!.end)]).toEqual(['2026-10-25T00:30', '2026-10-25T03:00']);
  });

  it('treats 24:00 as the next local midnight and reaches back a day for zones ahead of UTC', () => {
    const late = { timeZone: 'Pacific/Auckland', weekly: { mon: [{ start: '20:00', end: '24:00' }] } };
    // Monday 2026-06-01 20:00 NZST (UTC+12) is Monday 08:00Z; the window starts after local Monday began.
    const got = workingIntervals(late, { start: utc('2026-06-01T09:00Z'), end: utc('2026-06-01T10:00Z') });
    expect(got.map((w) => [w.localDate, iso(w.start), iso(w.end)])).toEqual([['2026-06-01', '2026-06-01T08:00', '2026-06-01T12:00']]);
  });
});

describe('ZWorkingHours', () => {
  it('refuses unknown zones, bad times, reversed and overlapping ranges, with the field path', () => {
    const issues = (v: unknown) => {
      const r = ZWorkingHours.safeParse(v);
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    expect(issues({ timeZone: 'Mars/Olympus', weekly: {} })).toEqual(['timeZone: unknown IANA time zone']);
    expect(issues({ timeZone: 'UTC', weekly: { mon: [{ start: '9:00', end: '17:00' }] } })[0]).toMatch(/^weekly\.mon\.0\.start: /);
    expect(issues({ timeZone: 'UTC', weekly: { tue: [{ start: '17:00', end: '09:00' }] } })).toEqual(['weekly.tue.0.end: end must be after start']);
    expect(issues({ timeZone: 'UTC', weekly: { wed: [{ start: '13:00', end: '17:00' }, { start: '09:00', end: '13:30' }] } })).toEqual(['weekly.wed.0.start: ranges on one day must not overlap']);
    expect(issues({ timeZone: 'UTC', weekly: { funday: [] } })[0]).toMatch(/funday/);
    expect(issues({ timeZone: 'UTC', weekly: { fri: [{ start: '09:00', end: '24:00' }] } })).toEqual([]);
  });
});

describe('ZoneClock', () => {
  it('reads local dates, minutes and offsets that agree with Intl on both sides of each transition', () => {
    const clock = new ZoneClock('Europe/Berlin', utc('2026-03-01T00:00Z'), utc('2026-11-30T00:00Z'));
    expect(clock.iso(utc('2026-03-29T00:59:59Z'))).toBe('2026-03-29T01:59:59+01:00');
    expect(clock.iso(utc('2026-03-29T01:00:00Z'))).toBe('2026-03-29T03:00:00+02:00');
    expect(clock.iso(utc('2026-10-25T00:59:59Z'))).toBe('2026-10-25T02:59:59+02:00');
    expect(clock.iso(utc('2026-10-25T01:00:00Z'))).toBe('2026-10-25T02:00:00+01:00');
    expect(clock.read(utc('2026-03-29T22:30Z'))).toEqual({ date: '2026-03-30', weekday: 0, minuteOfDay: 30, offsetMinutes: 120 });
    const kathmandu = new ZoneClock('Asia/Kathmandu', utc('2026-01-01T00:00Z'), utc('2026-01-02T00:00Z'));
    expect(kathmandu.iso(utc('2026-01-01T00:00Z'))).toBe('2026-01-01T05:45:00+05:45');
  });
});

describe('ZoneClock.instantOf', () => {
  it.each([
    ['Europe/Berlin', '2026-03-27', '2026-04-01'],
    ['Europe/Berlin', '2026-10-23', '2026-10-28'],
    ['America/New_York', '2026-10-30', '2026-11-03'],
    ['Australia/Lord_Howe', '2026-04-03', '2026-04-07'], // a 30-minute DST shift
    ['America/Santiago', '2026-09-04', '2026-09-08'], // DST starts at local midnight
  ])('agrees with instantOfLocal for every quarter hour in %s from %s to %s', (timeZone, from, to) => {
    const clock = new ZoneClock(timeZone, utc(`${from}T00:00Z`) - 86_400_000, utc(`${to}T00:00Z`) + 86_400_000);
    for (let wall = utc(`${from}T00:00Z`); wall < utc(`${to}T00:00Z`); wall += 900_000) {
      const d = new Date(wall);
      const local = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: 0 };
      expect([d.toISOString(), clock.instantOf(wall)]).toEqual([d.toISOString(), instantOfLocal(local, timeZone)]);
    }
  });
});

describe('interval arithmetic', () => {
  it('merges touching blocks and subtracts blocks spanning several intervals', () => {
    expect(mergeIntervals([{ start: 5, end: 7 }, { start: 1, end: 3 }, { start: 3, end: 4 }, { start: 6, end: 6 }])).toEqual([{ start: 1, end: 4 }, { start: 5, end: 7 }]);
    expect(subtractIntervals([{ start: 0, end: 10 }, { start: 20, end: 30 }], [{ start: 2, end: 3 }, { start: 8, end: 22 }, { start: 29, end: 40 }])).toEqual([
      { start: 0, end: 2 }, { start: 3, end: 8 }, { start: 22, end: 29 },
    ]);
  });
});
