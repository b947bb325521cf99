// Import of an interviewer's busy times from an ICS feed (their calendar's
// secret address): VEVENTs with UTC, TZID, floating and all-day times; RRULE and
// RDATE expanded by ical.js on the local clock; EXDATE and moved or cancelled
// single instances (RECURRENCE-ID) applied here by instant, so a UTC EXDATE still
// matches a TZID series. Free (TRANSP:TRANSPARENT) and cancelled events are not
// busy. What cannot be read exactly is reported as a warning rather than guessed
// at silently; only a text that is not iCalendar at all is refused.
import ICAL from 'ical.js';
import { AppError } from '../errors';
import { type Interval, clipIntervals, mergeIntervals } from './intervals';
import { FeedZones, type FeedZone, floatingTime, wallOf } from './ics-zones';

export interface IcsBusyImport {
  /** Busy time within the window: merged, sorted, clipped to the window. */
  busy: Interval[];
  warnings: string[];
}

const DAY_MS = 86_400_000;
/**
 * Occurrences walked per recurring event, and per feed, before giving up: ical.js
 * steps at tens of microseconds, so a minutely rule from years ago (or a feed made
 * of them) would otherwise hold a core for minutes. A daily series begun in 1975
 * still fits.
 */
export const MAX_OCCURRENCES_PER_EVENT = 20_000;
export const MAX_OCCURRENCES_PER_FEED = 100_000;

function parseCalendars(text: string): ICAL.Component[] {
  let jcal: unknown;
  try {
    jcal = ICAL.parse(text);
  } catch (err) {
    throw new AppError('VALIDATION_FAILED', 'not an iCalendar feed', [{ path: 'ics', message: `unreadable iCalendar: ${(err as Error).message}` }]);
  }
  const list = (Array.isArray(jcal) && Array.isArray(jcal[0]) ? jcal : [jcal]) as unknown[];
  const calendars = list.map((c) => new ICAL.Component(c as unknown[])).filter((c) => c.name === 'vcalendar');
  if (!calendars.length) throw new AppError('VALIDATION_FAILED', 'not an iCalendar feed', [{ path: 'ics', message: 'no VCALENDAR component' }]);
  return calendars;
}

const upper = (v: unknown) => (typeof v === 'string' ? v.trim().toUpperCase() : '');
const isFree = (e: ICAL.Component) => upper(e.getFirstPropertyValue('transp')) === 'TRANSPARENT';
const isCancelled = (e: ICAL.Component) => upper(e.getFirstPropertyValue('status')) === 'CANCELLED';
const timeValues = (e: ICAL.Component, name: string) =>
  e.getAllProperties(name).flatMap((prop) => prop.getValues().map((value) => ({ prop, value: value as ICAL.Time | ICAL.Period })));

/** Busy intervals in `window` from the text of an ICS feed. Floating times and all-day events are read in `defaultTimeZone`. */
export function importIcsBusy(text: string, options: { window: Interval; defaultTimeZone: string }): IcsBusyImport {
  const { window } = options;
  const warnings = new Set<string>();
  const calendars = parseCalendars(text);
  const zones = new FeedZones(calendars, options.defaultTimeZone, window, (m) => warnings.add(m));
  const events = calendars.flatMap((c) => c.getAllSubcomponents('vevent'));
  const busy: Interval[] = [];
  const budget = { left: MAX_OCCURRENCES_PER_FEED };

  // A RECURRENCE-ID event replaces one instance of its series, moved or cancelled.
  const replaced = new Set<string>();
  for (const e of events) {
    const rid = e.getFirstProperty('recurrence-id');
    if (!rid) continue;
    replaced.add(`${e.getFirstPropertyValue('uid')}@${zones.instantOf(rid, rid.getFirstValue() as ICAL.Time)}`);
    if (rid.getParameter('range')) warnings.add('RANGE=THISANDFUTURE overrides are applied to one instance only');
  }

  events.forEach((event, index) => {
    const label = `VEVENT ${index + 1} (${String(event.getFirstPropertyValue('uid') ?? 'no UID')})`;
    if (isFree(event) || isCancelled(event)) return;
    try {
      const isOverride = event.hasProperty('recurrence-id');
      const uid = String(event.getFirstPropertyValue('uid') ?? '');
      for (const occurrence of occurrencesOf(event, zones, window, isOverride, budget, (m) => warnings.add(`${label}: ${m}`))) {
        if (!isOverride && replaced.has(`${uid}@${occurrence.start}`)) continue;
        busy.push(occurrence);
      }
    } catch (err) {
      warnings.add(`${label}: skipped, ${(err as Error).message}`);
    }
  });
  return { busy: clipIntervals(mergeIntervals(busy), window), warnings: [...warnings] };
}

function occurrencesOf(event: ICAL.Component, zones: FeedZones, window: Interval, isOverride: boolean, budget: { left: number }, warn: (m: string) => void): Interval[] {
  const dtstart = event.getFirstProperty('dtstart');
  if (!dtstart) throw new Error('no DTSTART');
  const start = dtstart.getFirstValue() as ICAL.Time;
  const zone = zones.zoneOf(dtstart, start);
  const startWall = wallOf(start);
  const length = lengthOf(event, start, zone, zones);
  if (length === null) return []; // A DATE-TIME with neither DTEND nor DURATION takes no time.

  const out: Interval[] = [];
  const emit = (wall: number) => {
    const s = zone.toInstant(wall);
    const e = length.isWall ? zone.toInstant(wall + length.ms) : s + length.ms;
    if (e > window.start && s < window.end) out.push({ start: s, end: e });
  };
  const rrules = isOverride ? [] : event.getAllProperties('rrule');
  const rdates = isOverride ? [] : timeValues(event, 'rdate');
  if (!rrules.length && !rdates.length) {
    emit(startWall);
    return out;
  }

  // Walk the local clock from DTSTART to a day past the window (no offset reaches a day).
  const lastWall = window.end + DAY_MS;
  const firstWall = window.start - length.ms - 2 * DAY_MS;
  const starts = new Set<number>();
  for (const prop of rrules) {
    const recur = (prop.getFirstValue() as ICAL.Recur).clone();
    // ical.js compares UNTIL with floating times as if they were UTC; give it UNTIL on the series' own clock.
    if (recur.until) recur.until = floatingTime(start.isDate ? wallOf(recur.until) : zone.toWall(zones.instantOf(prop, recur.until)), start.isDate);
    const it = recur.iterator(floatingTime(startWall, start.isDate));
    for (let n = it.next(), count = 1; n; n = it.next(), count++) {
      const wall = wallOf(n);
      if (wall > lastWall) break;
      if (count > MAX_OCCURRENCES_PER_EVENT || --budget.left < 0) {
        warn(count > MAX_OCCURRENCES_PER_EVENT ? `recurrence stopped after ${MAX_OCCURRENCES_PER_EVENT} occurrences` : `recurrence stopped: the feed used up its ${MAX_OCCURRENCES_PER_FEED} occurrences`);
        break;
      }
      if (wall >= firstWall) starts.add(wall);
    }
  }
  for (const { prop, value } of rdates) {
    if (value instanceof ICAL.Period) {
      warn('RDATE periods are read with the series length');
      starts.add(zone.toWall(zones.instantOf(prop, value.start)));
    } else starts.add(value.isDate ? wallOf(value) : zone.toWall(zones.instantOf(prop, value)));
  }
  if (!rrules.length) starts.add(startWall);

  const excluded = new Set<number>();
  const excludedDates = new Set<string>();
  for (const { prop, value } of timeValues(event, 'exdate')) {
    if (value instanceof ICAL.Period) continue;
    if (value.isDate) excludedDates.add(new Date(wallOf(value)).toISOString().slice(0, 10));
    else excluded.add(zones.instantOf(prop, value));
  }
  for (const wall of [...starts].sort((a, b) => a - b)) {
    if (excludedDates.has(new Date(wall).toISOString().slice(0, 10))) continue;
    if (excluded.has(zone.toInstant(wall))) continue;
    emit(wall);
  }
  return out;
}

/**
 * How long each occurrence lasts. With DTEND on the same clock as DTSTART (and for
 * all-day events and day-based durations) the length is kept on the local clock,
 * so a multi-day block ends at the same local time after a DST change.
 */
function lengthOf(event: ICAL.Component, start: ICAL.Time, zone: FeedZone, zones: FeedZones): { ms: number; isWall: boolean } | null {
  const dtend = event.getFirstProperty('dtend');
  if (dtend) {
    const end = dtend.getFirstValue() as ICAL.Time;
    const sameClock = zones.zoneOf(dtend, end) === zone;
    const ms = sameClock ? wallOf(end) - wallOf(start) : zones.instantOf(dtend, end) - zone.toInstant(wallOf(start));
    if (ms <= 0) return null;
    return { ms, isWall: sameClock };
  }
  const duration = event.getFirstPropertyValue('duration') as ICAL.Duration | null;
  if (duration) {
    const ms = duration.toSeconds() * 1000;
    if (ms <= 0) return null;
    return { ms, isWall: start.isDate || (duration.hours === 0 && duration.minutes === 0 && duration.seconds === 0) };
  }
  return start.isDate ? { ms: DAY_MS, isWall: true } : null;
}
