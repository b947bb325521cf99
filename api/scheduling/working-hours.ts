// An interviewer's weekly working hours in their own IANA time zone
// ("Mon-Fri 09:00-17:00 Europe/Berlin"), and their expansion into UTC intervals
// over a search window. Expansion goes local date by local date, so a 09:00 start
// stays 09:00 local on both sides of a DST change. Wall times inside a
// spring-forward gap move forward by the gap; in a fall-back overlap the earlier
// instant wins (the rule of instantOfLocal in workflows/graph/time-windows.ts, which
// send windows use; ZoneClock applies it without asking Intl per wall time).
import { z } from 'zod';
import { WEEKDAYS, isValidTimeZone } from '../../workflows/graph/time-windows';
import type { Interval } from './intervals';
import { ZoneClock } from './zone-clock';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export const ZTimeZone = z.string().min(1).max(64).refine(isValidTimeZone, { message: 'unknown IANA time zone' });

export const ZWorkingRange = z
  .object({
    start: z.string().regex(HH_MM, 'expected HH:MM (00:00-23:59)'),
    end: z.string().regex(HH_MM, 'expected HH:MM (00:01-24:00)'),
  })
  .strict()
  .refine((r) => minutesOf(r.end) > minutesOf(r.start), { message: 'end must be after start', path: ['end'] });

const ZDayRanges = z
  .array(ZWorkingRange)
  .max(8)
  .superRefine((ranges, ctx) => {
    const sorted = ranges.map((r, i) => ({ ...r, i })).sort((a, b) => minutesOf(a.start) - minutesOf(b.start));
    for (let k = 1; k < sorted.length; k++) {
      if (minutesOf(sorted[k]!.start) < minutesOf(sorted[k - 1]!.end)) ctx.addIssue({ code: 'custom', message: 'ranges on one day must not overlap', path: [sorted[k]!.i, 'start'] });
    }
  });

export const ZWorkingHours = z
  .object({
    timeZone: ZTimeZone,
    weekly: z.object(Object.fromEntries(WEEKDAYS.map((d) => [d, ZDayRanges.optional()])) as Record<(typeof WEEKDAYS)[number], z.ZodOptional<typeof ZDayRanges>>).strict(),
  })
  .strict();
export type TWorkingHours = z.infer<typeof ZWorkingHours>;

export interface WorkingInterval extends Interval {
  /** The interviewer's local date ('YYYY-MM-DD') this stretch of work belongs to. */
  localDate: string;
}

const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** A clock covering what workingIntervals reads: the window, a day each side for local dates, a day more for their offsets. */
export function workingClock(timeZone: string, window: Interval): ZoneClock {
  return new ZoneClock(timeZone, window.start - 2 * DAY_MS, window.end + 2 * DAY_MS);
}

/**
 * The working stretches that overlap `window`, as UTC intervals in time order
 * (not clipped to the window, so a caller can tell a day's full hours).
 */
export function workingIntervals(hours: TWorkingHours, window: Interval, clock = workingClock(hours.timeZone, window)): WorkingInterval[] {
  // Local dates whose hours could reach into the window: every offset is within a day of UTC.
  const first = clock.offsetAt(window.start - DAY_MS) + window.start - DAY_MS;
  const last = clock.offsetAt(window.end + DAY_MS) + window.end + DAY_MS;
  const out: WorkingInterval[] = [];
  for (let day = first - (((first % DAY_MS) + DAY_MS) % DAY_MS); day <= last; day += DAY_MS) {
    const date = new Date(day);
    const ranges = hours.weekly[WEEKDAYS[(date.getUTCDay() + 6) % 7]!];
    if (!ranges?.length) continue;
    // 24:00 is the next day's midnight, which may itself sit in a DST gap.
    const at = (hhmm: string) => clock.instantOf(day + minutesOf(hhmm) * 60_000);
    const localDate = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
    for (const r of [...ranges].sort((a, b) => minutesOf(a.start) - minutesOf(b.start))) {
      const start = at(r.start);
      const end = at(r.end);
      if (end > start && end > window.start && start < window.end) out.push({ start, end, localDate });
    }
  }
  return out;
}

/** Mon-Fri 09:00-17:00 in `timeZone`: the default for an interviewer who set nothing. */
export function standardWorkingHours(timeZone: string): TWorkingHours {
  const day = [{ start: '09:00', end: '17:00' }];
  return { timeZone, weekly: { mon: day, tue: day, wed: day, thu: day, fri: day } };
}
