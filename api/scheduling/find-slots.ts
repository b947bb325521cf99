// Interview slot finding for one interviewer or a panel. Each interviewer's free
// time is working hours minus busy blocks (calendar, booked interviews) widened by
// the buffers, minus days already at their interview cap; then a grid of start
// times, aligned to local clock minutes in one zone, is swept once with a cursor
// per interviewer. Results are in start order, one slot per start time, each
// listing who is free; deterministic for the same input.
import { z } from 'zod';
import { AppError } from '../errors';
import { type Interval, mergeIntervals, subtractIntervals } from './intervals';
import { ZTimeZone, ZWorkingHours, workingClock, workingIntervals } from './working-hours';
import { ZoneClock } from './zone-clock';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Local clock minutes a slot may start on; all divide an hour, so slots land on :00 in any zone. */
export const SLOT_GRANULARITIES = [5, 10, 15, 20, 30, 60] as const;
export const MAX_WINDOW_DAYS = 62;

const ZInstant = z.number().int().min(0).max(8.64e15);
const ZBusy = z.object({ start: ZInstant, end: ZInstant }).strict().refine((i) => i.end >= i.start, { message: 'end must not be before start', path: ['end'] });
const ZMinutes = (max: number) => z.number().int().min(0).max(max);

export const ZSlotInterviewer = z
  .object({
    id: z.string().min(1).max(100),
    workingHours: ZWorkingHours,
    /** Busy blocks from calendars and other commitments. */
    busy: z.array(ZBusy).max(50_000),
    /** Interviews already booked: busy, and counted against maxInterviewsPerDay on their local date. */
    interviews: z.array(ZBusy).max(5_000).optional(),
  })
  .strict();

export const ZSlotSearch = z
  .object({
    interviewers: z.array(ZSlotInterviewer).min(1).max(20),
    window: z
      .object({ start: ZInstant, end: ZInstant })
      .strict()
      .refine((w) => w.end > w.start, { message: 'end must be after start', path: ['end'] })
      .refine((w) => w.end - w.start <= MAX_WINDOW_DAYS * DAY_MS, { message: `at most ${MAX_WINDOW_DAYS} days`, path: ['end'] }),
    now: ZInstant,
    durationMinutes: z.number().int().min(5).max(8 * 60),
    bufferBeforeMinutes: ZMinutes(240).default(0),
    bufferAfterMinutes: ZMinutes(240).default(0),
    minimumNoticeMinutes: ZMinutes(60 * 24 * 60).default(0),
    granularityMinutes: z.union(SLOT_GRANULARITIES.map((g) => z.literal(g))).default(15),
    maxInterviewsPerDay: z.number().int().min(1).max(20).optional(),
    /** Who must attend; default: everyone. For N of M give minimumAttendees (and any required ids). */
    panel: z
      .object({ required: z.array(z.string().min(1)).max(20).optional(), minimumAttendees: z.number().int().min(1).optional() })
      .strict()
      .optional(),
    /** Zone of the candidate: each slot also carries its local start and end there. */
    candidateTimeZone: ZTimeZone.optional(),
    /** Zone whose clock the grid aligns to; default: the first interviewer's. */
    gridTimeZone: ZTimeZone.optional(),
    limit: z.number().int().min(1).max(10_000).optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    const ids = s.interviewers.map((i) => i.id);
    ids.forEach((id, k) => {
      if (ids.indexOf(id) !== k) ctx.addIssue({ code: 'custom', message: `duplicate interviewer id ${id}`, path: ['interviewers', k, 'id'] });
    });
    s.panel?.required?.forEach((id, k) => {
      if (!ids.includes(id)) ctx.addIssue({ code: 'custom', message: `required interviewer ${id} is not on the panel`, path: ['panel', 'required', k] });
    });
    if ((s.panel?.minimumAttendees ?? 0) > ids.length) ctx.addIssue({ code: 'custom', message: `more than the ${ids.length} interviewers on the panel`, path: ['panel', 'minimumAttendees'] });
  });
export type TSlotSearch = z.input<typeof ZSlotSearch>;

export interface LocalSlotTime {
  timeZone: string;
  /** ISO 8601 with the zone's offset at that instant, e.g. '2026-03-30T10:00:00+02:00'. */
  start: string;
  end: string;
}

export interface Slot extends Interval {
  /** Interviewers free for the whole slot plus buffers, in input order. */
  interviewerIds: string[];
  candidateLocal?: LocalSlotTime;
}

export interface SlotSearchResult {
  slots: Slot[];
  /** True when `limit` cut the list short. */
  isTruncated: boolean;
}

function parseSearch(input: TSlotSearch) {
  const parsed = ZSlotSearch.safeParse(input);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message, code: i.code }));
  throw new AppError('VALIDATION_FAILED', `invalid slot search: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`, details);
}

/** Free time of one interviewer over the window: sorted, disjoint intervals a slot must fit inside. */
function freeTime(interviewer: z.infer<typeof ZSlotInterviewer>, s: z.infer<typeof ZSlotSearch>, clock: ZoneClock): Interval[] {
  let work = workingIntervals(interviewer.workingHours, s.window, clock);
  const interviews = interviewer.interviews ?? [];
  if (s.maxInterviewsPerDay !== undefined && interviews.length) {
    const perDay = new Map<string, number>();
    for (const i of interviews) {
      const date = clock.read(i.start).date;
      perDay.set(date, (perDay.get(date) ?? 0) + 1);
    }
    work = work.filter((w) => (perDay.get(w.localDate) ?? 0) < s.maxInterviewsPerDay!);
  }
  // A slot [a, b) clashes with busy [c, d) once buffers are added iff a < d + before and b > c - after.
  const before = s.bufferBeforeMinutes * MINUTE_MS;
  const after = s.bufferAfterMinutes * MINUTE_MS;
  const blocked = mergeIntervals([...interviewer.busy, ...interviews].filter((b) => b.end > b.start).map((b) => ({ start: b.start - after, end: b.end + before })));
  return subtractIntervals(mergeIntervals(work), blocked);
}

/** The first instant at or after `t` whose local clock in the grid zone sits on the grid. */
function alignUp(t: number, grid: number, clock: ZoneClock): number {
  // Usually one step; a DST change between t and the aligned instant can need a second.
  for (let x = t, i = 0; i < 4; i++) {
    const rest = (((x + clock.offsetAt(x)) % grid) + grid) % grid;
    if (rest === 0) return x;
    x += grid - rest;
  }
  return t;
}

export function findSlots(input: TSlotSearch): SlotSearchResult {
  const s = parseSearch(input);
  const { interviewers } = s;
  const duration = s.durationMinutes * MINUTE_MS;
  const grid = s.granularityMinutes * MINUTE_MS;
  const required = new Set(s.panel?.required ?? []);
  const minimum = Math.max(s.panel?.minimumAttendees ?? interviewers.length, required.size);

  // Panels often share zones; one clock per zone, built once per search.
  const clocks = new Map<string, ZoneClock>();
  const clockFor = (timeZone: string) => clocks.get(timeZone) ?? clocks.set(timeZone, workingClock(timeZone, s.window)).get(timeZone)!;
  const free = interviewers.map((i) => freeTime(i, s, clockFor(i.workingHours.timeZone)));
  const cursor = interviewers.map(() => 0);
  const gridClock = clockFor(s.gridTimeZone ?? interviewers[0]!.workingHours.timeZone);
  const candidateClock = s.candidateTimeZone ? clockFor(s.candidateTimeZone) : undefined;

  const slots: Slot[] = [];
  const earliest = Math.max(s.window.start, s.now + s.minimumNoticeMinutes * MINUTE_MS);
  for (let t = alignUp(earliest, grid, gridClock); t + duration <= s.window.end; t = alignUp(t + grid, grid, gridClock)) {
    const end = t + duration;
    const interviewerIds: string[] = [];
    let isMissingRequired = false;
    for (let k = 0; k < interviewers.length; k++) {
      const f = free[k]!;
      let p = cursor[k]!;
      while (p < f.length && f[p]!.end <= t) p++;
      cursor[k] = p;
      const isFree = p < f.length && f[p]!.start <= t && f[p]!.end >= end;
      if (isFree) interviewerIds.push(interviewers[k]!.id);
      else if (required.has(interviewers[k]!.id)) isMissingRequired = true;
    }
    if (isMissingRequired || interviewerIds.length < minimum) continue;
    if (s.limit !== undefined && slots.length >= s.limit) return { slots, isTruncated: true };
    const slot: Slot = { start: t, end, interviewerIds };
    if (candidateClock) slot.candidateLocal = { timeZone: candidateClock.timeZone, start: candidateClock.iso(t), end: candidateClock.iso(end) };
    slots.push(slot);
  }
  return { slots, isTruncated: false };
}
