import { findSlots, type TSlotSearch } from '../../../api/scheduling/find-slots';
import { standardWorkingHours, type TWorkingHours } from '../../../api/scheduling/working-hours';
import { instantOfLocal, localDateTime, WEEKDAYS } from '../../../workflows/graph/time-windows';
import { AppError } from '../../../api/errors';

const utc = (iso: string) => Date.parse(iso);
const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const berlin = standardWorkingHours('Europe/Berlin');
const newYork = standardWorkingHours('America/New_York');
const weekOf23March = { start: utc('2026-03-23T00:00Z'), end: utc('2026-03-28T00:00Z') };
const base = { now: utc('2026-03-01T00:00Z'), durationMinutes: 60 };

function startsByDay(slots: { start: number }[]) {
  const out: Record<string, string[]> = {};
  for (const s of slots) (out[day(s.start)] ??= []).push(hhmm(s.start));
  return out;
}

describe('findSlots for one interviewer', () => {
  it('offers every hour inside working hours, and none that would run past 17:00', () => {
    const { slots } = findSlots({ ...base, interviewers: [{ id: 'ana', workingHours: berlin, busy: [] }], window: weekOf23March, granularityMinutes: 60 });
    expect(slots).toHaveLength(5 * 8);
    expect(startsByDay(slots)['2026-03-23']).toEqual(['08:00', '09:00', '10:00', '11:00', '12:00', '13:00', '14:00', '15:00']);
    expect(slots.every((s) => s.interviewerIds.join() === 'ana' && s.end - s.start === 3_600_000)).toBe(true);
  });

  it('follows the interviewer and the candidate through their own DST changes', () => {
    const { slots } = findSlots({
      ...base, interviewers: [{ id: 'ana', workingHours: berlin, busy: [] }], granularityMinutes: 60, candidateTimeZone: 'America/New_York',
      window: { start: utc('2026-03-27T00:00Z'), end: utc('2026-03-31T00:00Z') },
    });
    const byDay = startsByDay(slots);
    expect(Object.keys(byDay)).toEqual(['2026-03-27', '2026-03-30']);
    expect(byDay['2026-03-27']![0]).toBe('08:00'); // 09:00 CET
    expect(byDay['2026-03-30']![0]).toBe('07:00'); // 09:00 CEST
    const friday = slots[0]!;
    const monday = slots.find((s) => day(s.start) === '2026-03-30')!;
    expect(friday.candidateLocal).toEqual({ timeZone: 'America/New_York', start: '2026-03-27T04:00:00-04:00', end: '2026-03-27T05:00:00-04:00' });
    expect(monday.candidateLocal!.start).toBe('2026-03-30T03:00:00-04:00');
  });

  it('keeps buffers clear of busy blocks, which may sit outside working hours', () => {
    const { slots } = findSlots({
      ...base, durationMinutes: 30, bufferBeforeMinutes: 15, bufferAfterMinutes: 15, window: { start: utc('2026-03-23T00:00Z'), end: utc('2026-03-24T00:00Z') },
      interviewers: [{ id: 'ana', workingHours: berlin, busy: [{ start: utc('2026-03-23T09:00Z'), end: utc('2026-03-23T10:00Z') }, { start: utc('2026-03-23T16:00Z'), end: utc('2026-03-23T16:30Z') }] }],
    });
    const starts = slots.map((s) => hhmm(s.start));
    // 08:15-08:45 ends 15 min before the busy block; 10:15 is the first start 15 min after it.
    expect(starts.slice(0, 3)).toEqual(['08:00', '08:15', '10:15']);
    // Working hours end at 16:00Z, but 15:30-16:00 plus its 15-minute buffer would overlap the 16:00 block;
    // 15:15-15:45 plus the buffer just touches it.
    expect(starts[starts.length - 1]).toBe('15:15');
  });

  it('honours minimum notice, rounding up to the grid', () => {
    const { slots } = findSlots({ ...base, now: utc('2026-03-23T08:20Z'), minimumNoticeMinutes: 120, window: weekOf23March, interviewers: [{ id: 'ana', workingHours: berlin, busy: [] }] });
    expect(new Date(slots[0]!.start).toISOString()).toBe('2026-03-23T10:30:00.000Z');
  });

  it('skips local days on which the interviewer already has the maximum number of interviews', () => {
    // 23:30Z Sunday is 00:30 Monday in Berlin: it counts for Monday.
    const interviews = [{ start: utc('2026-03-22T23:30Z'), end: utc('2026-03-23T00:00Z') }, { start: utc('2026-03-23T14:00Z'), end: utc('2026-03-23T15:00Z') }];
    const search = { ...base, window: { start: utc('2026-03-23T00:00Z'), end: utc('2026-03-25T00:00Z') }, granularityMinutes: 60 as const, interviewers: [{ id: 'ana', workingHours: berlin, busy: [], interviews }] };
    expect(Object.keys(startsByDay(findSlots({ ...search, maxInterviewsPerDay: 2 }).slots))).toEqual(['2026-03-24']);
    const monday = startsByDay(findSlots({ ...search, maxInterviewsPerDay: 3 }).slots)['2026-03-23'];
    expect(monday).toEqual(['08:00', '09:00', '10:00', '11:00', '12:00', '13:00', '15:00']); // booked interviews stay busy
  });

  it('aligns the grid to the local clock of the grid zone, also at half-hour offsets', () => {
    const kolkata = { id: 'ravi', workingHours: standardWorkingHours('Asia/Kolkata'), busy: [] };
    const window = { start: utc('2026-03-23T00:00Z'), end: utc('2026-03-24T00:00Z') };
    const own = findSlots({ ...base, window, granularityMinutes: 60, interviewers: [kolkata] }).slots;
    expect(own.map((s) => hhmm(s.start))).toEqual(['03:30', '04:30', '05:30', '06:30', '07:30', '08:30', '09:30', '10:30']);
    const onBerlinHours = findSlots({ ...base, window, granularityMinutes: 60, interviewers: [kolkata], gridTimeZone: 'Europe/Berlin' }).slots;
    expect(onBerlinHours.map((s) => hhmm(s.start))).toEqual(['04:00', '05:00', '06:00', '07:00', '08:00', '09:00', '10:00']);
  });
});

describe('findSlots for a panel', () => {
  it('needs everyone by default: the Berlin/New York overlap shrinks when Berlin springs forward', () => {
    const { slots } = findSlots({
      ...base, granularityMinutes: 60, window: { start: utc('2026-03-27T00:00Z'), end: utc('2026-03-31T00:00Z') },
      interviewers: [{ id: 'ana', workingHours: berlin, busy: [] }, { id: 'bo', workingHours: newYork, busy: [] }],
    });
    expect(startsByDay(slots)).toEqual({ '2026-03-27': ['13:00', '14:00', '15:00'], '2026-03-30': ['13:00', '14:00'] });
    expect(slots.every((s) => s.interviewerIds.join() === 'ana,bo')).toBe(true);
  });

  it('takes N of M with required members, listing who is free in input order', () => {
    const at = (h: string) => utc(`2026-03-23T${h}Z`);
    const busy = (from: string, to: string) => [{ start: at(from), end: at(to) }];
    const { slots } = findSlots({
      ...base, granularityMinutes: 60, window: { start: at('08:00'), end: at('16:00') }, panel: { required: ['lead'], minimumAttendees: 2 },
      interviewers: [
        { id: 'lead', workingHours: berlin, busy: busy('12:00', '13:00') },
        { id: 'x', workingHours: berlin, busy: busy('08:00', '10:00') },
        { id: 'y', workingHours: berlin, busy: busy('09:00', '11:00') },
      ],
    });
    expect(slots.map((s) => `${hhmm(s.start)} ${s.interviewerIds.join('+')}`)).toEqual([
      '08:00 lead+y', '10:00 lead+x', '11:00 lead+x+y', '13:00 lead+x+y', '14:00 lead+x+y', '15:00 lead+x+y',
    ]);
  });

  it('stops at the limit and says so', () => {
    const r = findSlots({ ...base, window: weekOf23March, limit: 3, interviewers: [{ id: 'ana', workingHours: berlin, busy: [] }] });
    expect([r.slots.length, r.isTruncated]).toEqual([3, true]);
  });
});

describe('findSlots input', () => {
  function pathsOf(search: unknown): string[] {
    try {
      findSlots(search as TSlotSearch);
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('VALIDATION_FAILED');
      return (err as AppError).details.map((d) => d.path);
    }
    throw new Error('expected a validation error');
  }
  const one = { id: 'ana', workingHours: berlin, busy: [] };

  it('refuses bad input with the path of each bad field', () => {
    expect(pathsOf({ ...base, window: weekOf23March, interviewers: [one], panel: { required: ['ghost'], minimumAttendees: 2 } })).toEqual(['panel.required.0', 'panel.minimumAttendees']);
    expect(pathsOf({ ...base, window: { start: weekOf23March.start, end: weekOf23March.start + 63 * 86_400_000 }, interviewers: [one] })).toEqual(['window.end']);
    expect(pathsOf({ ...base, window: weekOf23March, interviewers: [one, one] })).toEqual(['interviewers.1.id']);
    expect(pathsOf({ ...base, window: weekOf23March, interviewers: [one], granularityMinutes: 7 })).toEqual(['granularityMinutes']);
    expect(pathsOf({ ...base, window: weekOf23March, interviewers: [{ ...one, workingHours: { timeZone: 'Europe/Berlinn', weekly: {} } }] })).toEqual(['interviewers.0.workingHours.timeZone']);
    expect(pathsOf({ ...base, window: weekOf23March, interviewers: [{ ...one, busy: [{ start: 5, end: 1 }] }] })).toEqual(['interviewers.0.busy.0.end']);
    expect(pathsOf({ ...base, window: weekOf23March, interviewers: [one], colour: 'red' })).toEqual(['']);
  });
});

// A seeded generator, so a failure reproduces.
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ZONES = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Sydney', 'America/Los_Angeles', 'Europe/London'];

function randomPanel(rand: () => number, window: { start: number; end: number }) {
  return ZONES.map((timeZone, k) => {
    const startHour = 7 + Math.floor(rand() * 4);
    const range = [{ start: `${String(startHour).padStart(2, '0')}:${rand() < 0.5 ? '00' : '30'}`, end: `${17 + Math.floor(rand() * 4)}:00` }];
    const workingHours: TWorkingHours = { timeZone, weekly: Object.fromEntries(WEEKDAYS.filter((d, i) => i < 5 || rand() < 0.3).map((d) => [d, range])) };
    const busy = Array.from({ length: 40 }, () => {
      const start = window.start + Math.floor(rand() * ((window.end - window.start) / 300_000)) * 300_000;
      return { start, end: start + (1 + Math.floor(rand() * 12)) * 900_000 };
    });
    return { id: `i${k}`, workingHours, busy };
  });
}

/** A slow, literal reading of the rules for one interviewer and one slot, straight from Intl. */
function isFreeByDefinition(i: ReturnType<typeof randomPanel>[number], start: number, end: number, before: number, after: number): boolean {
  const l = localDateTime(start, i.workingHours.timeZone);
  const weekday = WEEKDAYS[(new Date(Date.UTC(l.year, l.month - 1, l.day)).getUTCDay() + 6) % 7]!;
  const inHours = (i.workingHours.weekly[weekday] ?? []).some((r) => {
    const at = (hm: string) => instantOfLocal({ year: l.year, month: l.month, day: l.day, hour: Number(hm.slice(0, 2)), minute: Number(hm.slice(3)), second: 0 }, i.workingHours.timeZone);
    return at(r.start) <= start && end <= at(r.end);
  });
  return inHours && i.busy.every((b) => !(start - before < b.end && end + after > b.start));
}

describe('findSlots against a literal reading of the rules', () => {
  const window = { start: utc('2026-03-20T00:00Z'), end: utc('2026-04-03T00:00Z') }; // spans the EU DST change
  const panel = randomPanel(random(42), window);
  const search = { now: window.start, window, durationMinutes: 45, bufferBeforeMinutes: 10, bufferAfterMinutes: 5, granularityMinutes: 15 as const, interviewers: panel };

  function literalSlots(interviewers: typeof panel, isEnough: (free: string[]) => boolean): string[] {
    const out: string[] = [];
    for (let t = window.start; t + 45 * 60_000 <= window.end; t += 15 * 60_000) {
      const free = interviewers.filter((i) => isFreeByDefinition(i, t, t + 45 * 60_000, 10 * 60_000, 5 * 60_000)).map((i) => i.id);
      if (isEnough(free)) out.push(`${new Date(t).toISOString()} ${free.join(',')}`);
    }
    return out;
  }
  const listed = (slots: { start: number; interviewerIds: string[] }[]) => slots.map((s) => `${new Date(s.start).toISOString()} ${s.interviewerIds.join(',')}`);

  it('agrees at every grid point for 3 of 6 with one required member', () => {
    const expected = literalSlots(panel, (free) => free.includes('i1') && free.length >= 3);
    expect(expected.length).toBeGreaterThan(50);
    expect(listed(findSlots({ ...search, panel: { required: ['i1'], minimumAttendees: 3 } }).slots)).toEqual(expected);
  });

  it('agrees at every grid point when all must attend', () => {
    const europeAndNewYork = [panel[0]!, panel[5]!, panel[1]!];
    const expected = literalSlots(europeAndNewYork, (free) => free.length === 3);
    expect(expected.length).toBeGreaterThan(50);
    expect(listed(findSlots({ ...search, interviewers: europeAndNewYork }).slots)).toEqual(expected);
  });

  it('returns the same slots whatever the order of busy blocks', () => {
    const shuffled = { ...search, interviewers: panel.map((i) => ({ ...i, busy: [...i.busy].reverse() })) };
    expect(findSlots(shuffled)).toEqual(findSlots(search));
  });

  it('searches two weeks for six interviewers with a quorum of two on a 15-minute grid', () => {
    // Speed is not asserted here (a timed assertion fails on a loaded machine, not on slow code).
    const quorum = { ...search, panel: { minimumAttendees: 2 }, candidateTimeZone: 'America/Sao_Paulo' };
    const { slots } = findSlots(quorum);
    expect(slots.length).toBeGreaterThan(300);
    expect(findSlots(quorum)).toEqual({ ...findSlots(quorum), slots });
  });
});
