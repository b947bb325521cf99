// Send-window math: weekends and holidays skipped, local hours in the right
// zone, and the two DST hazards (a skipped hour, a repeated hour).
import { instantOfLocal, isValidTimeZone, localDateTime, nextWindowStart, type SendWindow } from '../../../workflows/graph/time-windows';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const weekdays = (timeZone: string, over: Partial<SendWindow> = {}): SendWindow => ({ timeZone, days: ['mon', 'tue', 'wed', 'thu', 'fri'], startHour: 9, endHour: 17, holidays: [], ...over });

describe('nextWindowStart', () => {
  it('returns now itself inside the window: no wait', () => {
    const now = at('2025-06-04T12:34:56.789Z'); // Wednesday 14:34 in Berlin
    expect(nextWindowStart(now, weekdays('Europe/Berlin'))).toBe(now);
  });

  it('before opening on an open day waits until opening the same day', () => {
    expect(iso(nextWindowStart(at('2025-06-04T05:00:00Z'), weekdays('Europe/Berlin')))).toBe('2025-06-04T07:00:00.000Z');
  });

  it('after closing waits for the next open day', () => {
    // Wednesday 17:00 Berlin is closed (endHour is exclusive): Thursday 09:00 CEST.
    expect(iso(nextWindowStart(at('2025-06-04T15:00:00Z'), weekdays('Europe/Berlin')))).toBe('2025-06-05T07:00:00.000Z');
  });

  it('skips the weekend', () => {
    // Friday 18:00 in New York (22:00Z): closed until Monday 09:00 EDT.
    expect(iso(nextWindowStart(at('2025-06-06T22:00:00Z'), weekdays('America/New_York')))).toBe('2025-06-09T13:00:00.000Z');
  });

  it('judges the day in the window\'s zone, not in UTC', () => {
    // Friday 23:30 UTC is already Saturday 08:30 in Tokyo: closed until Monday 09:00 JST.
    expect(iso(nextWindowStart(at('2025-06-06T23:30:00Z'), weekdays('Asia/Tokyo')))).toBe('2025-06-09T00:00:00.000Z');
    // ...while in Los Angeles it is still Friday 16:30, inside the window.
    expect(nextWindowStart(at('2025-06-06T23:30:00Z'), weekdays('America/Los_Angeles'))).toBe(at('2025-06-06T23:30:00Z'));
  });

  it('skips holidays, including a run of them, and a holiday today closes the window now', () => {
    const window = weekdays('Europe/Berlin', { holidays: ['2025-12-24', '2025-12-25', '2025-12-26'] });
    expect(iso(nextWindowStart(at('2025-12-24T10:00:00Z'), window))).toBe('2025-12-29T08:00:00.000Z');
  });

  it('opens on the first open day after a spring-forward night at the local hour (offset changed)', () => {
    // Berlin moves from +01:00 to +02:00 on Sunday 30 March 2025; Monday 09:00 is 07:00Z, not 08:00Z.
    expect(iso(nextWindowStart(at('2025-03-29T12:00:00Z'), weekdays('Europe/Berlin')))).toBe('2025-03-31T07:00:00.000Z');
  });

  it('a window opening inside the skipped hour opens when the clock jumps past it', () => {
    // New York skips 02:00-03:00 on Sunday 9 March 2025: 02:00 does not exist, so it opens at 03:00 EDT (07:00Z).
    const window = weekdays('America/New_York', { days: ['sun'], startHour: 2, endHour: 5 });
    expect(iso(nextWindowStart(at('2025-03-09T05:00:00Z'), window))).toBe('2025-03-09T07:00:00.000Z');
  });

  it('a window opening inside the repeated hour opens at its first occurrence', () => {
    // New York repeats 01:00-02:00 on Sunday 2 November 2025: 01:00 EDT (05:00Z) comes first.
    const window = weekdays('America/New_York', { days: ['sun'], startHour: 1, endHour: 3 });
    expect(iso(nextWindowStart(at('2025-11-02T03:00:00Z'), window))).toBe('2025-11-02T05:00:00.000Z');
  });

  it('treats the second pass through a repeated hour as inside the window', () => {
    const window = weekdays('America/New_York', { days: ['sun'], startHour: 1, endHour: 2 });
    const secondOneThirty = at('2025-11-02T06:30:00Z'); // 01:30 EST
    expect(nextWindowStart(secondOneThirty, window)).toBe(secondOneThirty);
  });

  it('uses a zone with a half-hour offset correctly', () => {
    // Kolkata is +05:30: Monday 09:00 IST is 03:30Z.
    expect(iso(nextWindowStart(at('2025-06-01T12:00:00Z'), weekdays('Asia/Kolkata')))).toBe('2025-06-02T03:30:00.000Z');
  });

  it('an endHour of 24 keeps the window open until midnight', () => {
    const window = weekdays('UTC', { startHour: 20, endHour: 24 });
    expect(nextWindowStart(at('2025-06-04T23:59:00Z'), window)).toBe(at('2025-06-04T23:59:00Z'));
  });

  it('finds the next open day past a whole year of holidays', () => {
    const mondays: string[] = [];
    for (let d = Date.UTC(2025, 5, 9); d < Date.UTC(2026, 5, 9); d += 7 * 86_400_000) mondays.push(new Date(d).toISOString().slice(0, 10));
    const window = weekdays('UTC', { days: ['mon'], holidays: mondays });
    expect(iso(nextWindowStart(at('2025-06-03T00:00:00Z'), window))).toBe('2026-06-15T09:00:00.000Z');
  });
});

describe('local time helpers', () => {
  it('reads wall time in a zone', () => {
    expect(localDateTime(at('2025-01-15T23:30:00Z'), 'Australia/Sydney')).toEqual({ year: 2025, month: 1, day: 16, hour: 10, minute: 30, second: 0 });
  });

  it('round-trips ordinary local times', () => {
    const local = { year: 2025, month: 7, day: 1, hour: 9, minute: 15, second: 0 };
    expect(localDateTime(instantOfLocal(local, 'America/Sao_Paulo'), 'America/Sao_Paulo')).toEqual(local);
  });

  it('knows real zones and refuses made-up ones', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});
