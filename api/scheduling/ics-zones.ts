// How the times of an imported ICS feed become instants. An IANA TZID is read
// with Intl (current tzdb rules, whatever VTIMEZONE the feed carries); another
// TZID (Outlook's "W. Europe Standard Time") with the feed's own VTIMEZONE;
// floating times and all-day dates in the interviewer's zone; '...Z' as UTC.
// Times are handled as "wall" ms: the local clock reading taken as if it were UTC,
// so recurrence runs on local clock time, as RFC 5545 requires.
import ICAL from 'ical.js';
import { isValidTimeZone } from '../../workflows/graph/time-windows';
import { ZoneClock } from './zone-clock';
import type { Interval } from './intervals';

export interface FeedZone {
  toInstant(wall: number): number;
  toWall(instant: number): number;
}

export const wallOf = (t: ICAL.Time): number => Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);

/** A floating ical.js time showing `wall` on its clock (recurrence iterates these). */
export function floatingTime(wall: number, isDate: boolean): ICAL.Time {
  const d = new Date(wall);
  return ICAL.Time.fromData({
    year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(),
    hour: isDate ? 0 : d.getUTCHours(), minute: isDate ? 0 : d.getUTCMinutes(), second: isDate ? 0 : d.getUTCSeconds(), isDate,
  });
}

const UTC_ZONE: FeedZone = { toInstant: (wall) => wall, toWall: (instant) => instant };

export class FeedZones {
  private readonly zones = new Map<string, FeedZone>();
  private readonly vtimezones = new Map<string, ICAL.Component>();
  readonly defaultZone: FeedZone;

  constructor(
    calendars: readonly ICAL.Component[],
    readonly defaultTimeZone: string,
    private readonly window: Interval,
    private readonly warn: (message: string) => void,
  ) {
    for (const cal of calendars) {
      for (const vtz of cal.getAllSubcomponents('vtimezone')) {
        const tzid = vtz.getFirstPropertyValue('tzid');
        if (typeof tzid === 'string') this.vtimezones.set(tzid, vtz);
      }
    }
    this.defaultZone = this.iana(defaultTimeZone);
  }

  /** The zone of a DATE or DATE-TIME property value. */
  zoneOf(prop: ICAL.Property, value: ICAL.Time): FeedZone {
    if (value.isDate) return this.defaultZone;
    const tzid = prop.getParameter('tzid');
    if (typeof tzid === 'string' && tzid) return this.named(tzid);
    return value.zone?.tzid === 'UTC' ? UTC_ZONE : this.defaultZone;
  }

  /** The instant a DATE or DATE-TIME property value stands for. */
  instantOf(prop: ICAL.Property, value: ICAL.Time): number {
    return this.zoneOf(prop, value).toInstant(wallOf(value));
  }

  private named(tzid: string): FeedZone {
    let zone = this.zones.get(tzid);
    if (zone) return zone;
    const vtz = this.vtimezones.get(tzid);
    if (isValidTimeZone(tzid)) zone = this.iana(tzid);
    else if (vtz) zone = vtimezoneZone(new ICAL.Timezone({ component: vtz, tzid }));
    else {
      this.warn(`unknown time zone "${tzid}" without a VTIMEZONE: read as ${this.defaultTimeZone}`);
      zone = this.defaultZone;
    }
    this.zones.set(tzid, zone);
    return zone;
  }

  private iana(timeZone: string): FeedZone {
    // Arithmetic near the window, where nearly all conversions fall; exact (Intl) elsewhere.
    const clock = new ZoneClock(timeZone, this.window.start - 7 * 86_400_000, this.window.end);
    return { toInstant: (wall) => clock.instantOf(wall), toWall: (instant) => instant + clock.offsetAt(instant) };
  }
}

function vtimezoneZone(tz: ICAL.Timezone): FeedZone {
  return {
    toInstant: (wall) => wall - tz.utcOffset(floatingTime(wall, false)) * 1000,
    toWall: (instant) => wallOf(ICAL.Time.fromJSDate(new Date(instant), true).convertToZone(tz)),
  };
}
