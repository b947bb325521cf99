// Calendar math for send windows ("weekdays 9-17 in the candidate's time zone,
// not on holidays"). Pure: only Intl.DateTimeFormat, which the workflow sandbox,
// the API and the browser all have, so a run, a dry run and the builder agree.
// Local wall times that do not exist (spring-forward gap) move forward by the
// gap; wall times that happen twice (fall-back overlap) take the earlier one.

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type TWeekday = (typeof WEEKDAYS)[number];

export interface SendWindow {
  timeZone: string;
  days: readonly TWeekday[];
  /** Local hour the window opens (0-23). */
  startHour: number;
  /** Local hour the window closes (1-24), after startHour. */
  endHour: number;
  /** Local dates ('YYYY-MM-DD') on which the window stays closed. */
  holidays: readonly string[];
}

export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock reading in `timeZone` at `instant` (ms since the epoch). */
export function localDateTime(instant: number, timeZone: string): LocalDateTime {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(instant)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour! % 24, minute: parts.minute!, second: parts.second! };
}

/** Local time minus UTC at `instant`, in ms (e.g. +3_600_000 for Berlin in winter). */
function offsetAt(instant: number, timeZone: string): number {
  const whole = Math.floor(instant / 1000) * 1000;
  const l = localDateTime(whole, timeZone);
  return Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second) - whole;
}

/** The instant a local wall time happens in `timeZone` (gap: shifted forward; overlap: the earlier one). */
export function instantOfLocal(local: LocalDateTime, timeZone: string): number {
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  // The offsets in force a day either side cover any single transition near this time.
  const before = offsetAt(asUtc - DAY_MS, timeZone);
  const after = offsetAt(asUtc + DAY_MS, timeZone);
  const valid = [...new Set([before, after])].map((o) => asUtc - o).filter((t) => offsetAt(t, timeZone) === asUtc - t);
  if (valid.length) return Math.min(...valid);
  return asUtc - before;
}

const pad = (n: number) => String(n).padStart(2, '0');
const dateKey = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
/** Monday = 0 ... Sunday = 6, for a calendar date (no time zone involved). */
const weekdayOf = (y: number, m: number, d: number) => (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;

/**
 * The first instant at or after `now` inside the window: `now` itself when the
 * window is open. Null only if no open day exists within the search horizon
 * (a year of weekdays all declared holidays).
 */
export function nextWindowStart(now: number, window: SendWindow): number | null {
  const allowed = new Set(window.days.map((d) => WEEKDAYS.indexOf(d)));
  const holidays = new Set(window.holidays);
  const isOpenDay = (y: number, m: number, d: number) => allowed.has(weekdayOf(y, m, d)) && !holidays.has(dateKey(y, m, d));
  const here = localDateTime(now, window.timeZone);
  if (isOpenDay(here.year, here.month, here.day) && here.hour >= window.startHour && here.hour < window.endHour) return now;

  // Walk calendar days from today; each holiday can close at most one day, each week has an allowed day.
  const horizon = 7 * (holidays.size + 2);
  for (let i = 0; i <= horizon; i++) {
    const date = new Date(Date.UTC(here.year, here.month - 1, here.day + i));
    const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    if (!isOpenDay(y, m, d)) continue;
    const opens = instantOfLocal({ year: y, month: m, day: d, hour: window.startHour, minute: 0, second: 0 }, window.timeZone);
    if (opens > now) return opens;
  }
  return null;
}
