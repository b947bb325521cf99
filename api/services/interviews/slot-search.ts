// Slot finding over stored availability: loads the interviewers' working hours,
// busy blocks and booked interviews in the window (one query each) and runs the
// pure findSlots. Used by the slot API and by self-scheduling requests.
import { z } from 'zod';
import type { Pool } from 'pg';
import { AppError } from '../../errors';
import { findSlots, SLOT_GRANULARITIES, type SlotSearchResult } from '../../scheduling/find-slots';
import { ZTimeZone, standardWorkingHours, type TWorkingHours } from '../../scheduling/working-hours';

export const ZSlotRequest = z
  .object({
    interviewerIds: z.array(z.string().min(1).max(100)).min(1).max(20),
    windowStart: z.coerce.date(),
    windowEnd: z.coerce.date(),
    durationMinutes: z.number().int().min(5).max(480),
    bufferBeforeMinutes: z.number().int().min(0).max(240).optional(),
    bufferAfterMinutes: z.number().int().min(0).max(240).optional(),
    minimumNoticeMinutes: z.number().int().min(0).max(86_400).optional(),
    granularityMinutes: z.union(SLOT_GRANULARITIES.map((g) => z.literal(g))).optional(),
    maxInterviewsPerDay: z.number().int().min(1).max(20).optional(),
    panel: z.object({ required: z.array(z.string().min(1)).max(20).optional(), minimumAttendees: z.number().int().min(1).optional() }).strict().optional(),
    candidateTimeZone: ZTimeZone.optional(),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();
export type TSlotRequest = z.infer<typeof ZSlotRequest>;

interface UserRow { id: string; timeZone: string; workingHours: TWorkingHours | null }
interface BlockRow { userId: string; startsAt: Date; endsAt: Date }

export async function searchSlots(pool: Pool, orgId: string, req: TSlotRequest, now = Date.now(), opts: { excludeInterviewId?: string } = {}): Promise<SlotSearchResult> {
  const ids = [...new Set(req.interviewerIds)];
  const from = req.windowStart;
  const to = req.windowEnd;
  const [users, busy, booked] = await Promise.all([
    pool.query<UserRow>(`SELECT id, "timeZone", "workingHours" FROM "User" WHERE "orgId" = $1 AND id = ANY($2) AND NOT deactivated`, [orgId, ids]),
    pool.query<BlockRow>(`SELECT "userId", "startsAt", "endsAt" FROM "BusyBlock" WHERE "orgId" = $1 AND "userId" = ANY($2) AND "endsAt" > $3 AND "startsAt" < $4`, [orgId, ids, from, to]),
    pool.query<BlockRow>(
      `SELECT p."userId", i."startsAt", i."endsAt" FROM "InterviewParticipant" p JOIN "Interview" i ON i.id = p."interviewId"
        WHERE i."orgId" = $1 AND p."userId" = ANY($2) AND i.status IN ('SCHEDULED', 'RESCHEDULED')
          AND i."endsAt" > $3 AND i."startsAt" < $4 AND i.id IS DISTINCT FROM $5`,
      [orgId, ids, from, to, opts.excludeInterviewId ?? null],
    ),
  ]);
  const byId = new Map(users.rows.map((u) => [u.id, u]));
  const missing = req.interviewerIds.map((id, k) => ({ id, k })).filter(({ id }) => !byId.has(id));
  if (missing.length) throw new AppError('NOT_FOUND', `unknown interviewers: ${missing.map((m) => m.id).join(', ')}`, missing.map((m) => ({ path: `body.interviewerIds.${m.k}`, message: 'no active user with this id' })));
  const intervals = (rows: BlockRow[], userId: string) => rows.filter((r) => r.userId === userId).map((r) => ({ start: r.startsAt.getTime(), end: r.endsAt.getTime() }));
  try {
    return findSlots({
      interviewers: ids.map((id) => {
        const u = byId.get(id)!;
        return { id, workingHours: u.workingHours ?? standardWorkingHours(u.timeZone), busy: intervals(busy.rows, id), interviews: intervals(booked.rows, id) };
      }),
      window: { start: from.getTime(), end: to.getTime() },
      now,
      durationMinutes: req.durationMinutes,
      bufferBeforeMinutes: req.bufferBeforeMinutes,
      bufferAfterMinutes: req.bufferAfterMinutes,
      minimumNoticeMinutes: req.minimumNoticeMinutes,
      granularityMinutes: req.granularityMinutes,
      maxInterviewsPerDay: req.maxInterviewsPerDay,
      panel: req.panel,
      candidateTimeZone: req.candidateTimeZone,
      limit: req.limit,
    });
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    // findSlots names its own fields; say them as the request's.
    const rename = (p: string) => `body.${p.replace(/^window\.start/, 'windowStart').replace(/^window\.end/, 'windowEnd')}`;
    throw new AppError(err.code, err.message, err.details.map((d) => ({ ...d, path: rename(d.path) })));
  }
}
