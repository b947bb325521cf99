// Fast UTC -> local wall time for one IANA zone over a bounded range. Slot finding
// reads local times thousands of times per search; asking Intl each time costs
// microseconds apiece, so the zone's offsets over the range are found once
// (sampled, transitions pinned by bisection) and each read is arithmetic.
import { localDateTime } from '../../workflows/graph/time-windows';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/**
 * No zone changes its offset twice within a day (transitions are months apart in
 * every tzdb zone since the 1940s), so daily samples find every transition.
 */
const SAMPLE_MS = DAY_MS;

/** Local time minus UTC at `instant` (ms), straight from Intl. */
export function zoneOffsetAt(instant: number, timeZone: string): number {
  const whole = Math.floor(instant / 1000) * 1000;
  const l = localDateTime(whole, timeZone);
  return Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second) - whole;
}

interface OffsetSegment {
  from: number;
  offset: number;
}

export interface LocalReading {
  /** 'YYYY-MM-DD' in the zone. */
  date: string;
  /** Monday = 0 ... Sunday = 6. */
  weekday: number;
  /** Minutes since local midnight. */
  minuteOfDay: number;
  /** Local minus UTC, in minutes. */
  offsetMinutes: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

export class ZoneClock {
  private readonly segments: OffsetSegment[] = [];
  private readonly lo: number;
  private readonly hi: number;

  /** Readings within [from - 1 day, to + 1 day] are arithmetic; outside it, Intl is asked (exact, slower). */
  constructor(readonly timeZone: string, from: number, to: number) {
    const lo = (this.lo = from - DAY_MS);
    const hi = (this.hi = to + DAY_MS);
    let prevT = lo;
    let prev = zoneOffsetAt(lo, timeZone);
    this.segments.push({ from: Number.NEGATIVE_INFINITY, offset: prev });
    for (let t = Math.min(lo + SAMPLE_MS, hi); ; t = Math.min(t + SAMPLE_MS, hi)) {
      const offset = zoneOffsetAt(t, timeZone);
      if (offset !== prev) this.segments.push({ from: this.transitionBetween(prevT, t, offset), offset });
      prev = offset;
      prevT = t;
      if (t >= hi) break;
    }
  }

  /** First whole second in (a, b] at which the offset reads `after`. */
  private transitionBetween(a: number, b: number, after: number): number {
    let lo = a;
    let hi = b;
    while (hi - lo > 1000) {
      const mid = Math.floor((lo + hi) / 2000) * 1000;
      if (mid <= lo) break;
      if (zoneOffsetAt(mid, this.timeZone) === after) hi = mid;
      else lo = mid;
    }
    return Math.ceil(hi / 1000) * 1000;
  }

  offsetAt(instant: number): number {
    if (instant < this.lo || instant > this.hi) return zoneOffsetAt(instant, this.timeZone);
    const s = this.segments;
    let i = s.length - 1;
    while (i > 0 && s[i]!.from > instant) i--;
    return s[i]!.offset;
  }

  read(instant: number): LocalReading {
    const offset = this.offsetAt(instant);
    const wall = new Date(instant + offset);
    return {
      date: `${wall.getUTCFullYear()}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}`,
      weekday: (wall.getUTCDay() + 6) % 7,
      minuteOfDay: wall.getUTCHours() * 60 + wall.getUTCMinutes(),
      offsetMinutes: Math.round(offset / 60_000),
    };
  }

  /**
   * The instant a local wall time (given as ms of that wall clock read as if UTC)
   * happens. Same rule as instantOfLocal in workflows/graph/time-windows.ts, which
   * asks Intl on every call: a gap moves forward by the gap, an overlap takes the
   * earlier instant.
   */
  instantOf(wall: number): number {
    const before = this.offsetAt(wall - DAY_MS);
    const after = this.offsetAt(wall + DAY_MS);
    let best = Number.POSITIVE_INFINITY;
    for (const offset of [before, after]) if (this.offsetAt(wall - offset) === offset) best = Math.min(best, wall - offset);
    return best === Number.POSITIVE_INFINITY ? wall - before : best;
  }

  /** ISO 8601 local time with its offset, e.g. '2026-03-30T10:00:00+02:00': unambiguous across DST. */
  iso(instant: number): string {
    const offset = this.offsetAt(instant);
    const wall = new Date(instant + offset).toISOString().slice(0, 19);
    return `${wall}${formatOffset(Math.round(offset / 60_000))}`;
  }
}
