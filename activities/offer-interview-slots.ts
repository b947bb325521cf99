// Self-scheduling for scheduling.schedule_interview (mode self_schedule): finds
// the interviewers' free slots for the next two weeks, opens an InterviewRequest
// (id from the interview, so a retried activity opens one) and emails the
// candidate the signed link once. Booking through the link resumes the run.
import type { ActivityDeps } from './dependencies';
import { idForKey } from './id-for-key';
import { sendOnce } from './send-interview-invites';
import { searchSlots } from '../api/services/interviews/slot-search';
import { linkSecrets, schedulingLinkFrom } from '../api/services/interviews/self-scheduling';
import { refreshStaleFeeds } from '../api/services/interviews/availability';
import { createSchedulingToken } from '../api/scheduling/scheduling-link';

const HOUR_MS = 3_600_000;
/** Slots from 4 hours ahead to 14 days ahead; the link lives as long as the window. */
export const SELF_SCHEDULE_WINDOW = { noticeMinutes: 240, days: 14, maxSlots: 40 };

export type TOfferResult = { requestId: string; slots: number; isSent: boolean } | { requestId: null; slots: 0; isSent: false };

export async function offerInterviewSlots(deps: ActivityDeps, interviewId: string, now = Date.now()): Promise<TOfferResult> {
  const { pool } = deps;
  const requestId = idForKey('interview-request', interviewId);
  const interview = (await pool.query<{ orgId: string; title: string; status: string; durationMinutes: number | null; interviewerIds: string[]; candidateId: string; email: string | null; firstName: string | null; jobTitle: string; orgName: string }>(
    `SELECT i."orgId", i.title, i.status, i."durationMinutes", i."interviewerIds", c.id AS "candidateId", c.email, c."firstName", j.title AS "jobTitle", o.name AS "orgName"
       FROM "Interview" i JOIN "Application" a ON a.id = i."applicationId" JOIN "Candidate" c ON c.id = a."candidateId"
       JOIN "Job" j ON j.id = a."jobId" JOIN "Organization" o ON o.id = i."orgId" WHERE i.id = $1`,
    [interviewId],
  )).rows[0];
  if (!interview || interview.status !== 'REQUESTED') return { requestId: null, slots: 0, isSent: false };

  let request = (await pool.query<{ status: string; expiresAt: Date; sentAt: Date | null; proposedSlots: unknown[] }>(`SELECT status, "expiresAt", "sentAt", "proposedSlots" FROM "InterviewRequest" WHERE id = $1`, [requestId])).rows[0];
  if (!request) {
    const duration = interview.durationMinutes ?? 60;
    const windowStart = new Date(now);
    const windowEnd = new Date(now + SELF_SCHEDULE_WINDOW.days * 24 * HOUR_MS);
    await refreshStaleFeeds({ prisma: deps.prisma, allowPrivateFeeds: deps.allowPrivateCalendarFeeds }, interview.orgId, interview.interviewerIds, now);
    const found = await searchSlots(pool, interview.orgId, {
      interviewerIds: interview.interviewerIds, windowStart, windowEnd, durationMinutes: duration, minimumNoticeMinutes: SELF_SCHEDULE_WINDOW.noticeMinutes, limit: SELF_SCHEDULE_WINDOW.maxSlots,
    }, now);
    // Nobody free: no link to send; the run waits (a recruiter can open a request with a wider window).
    if (!found.slots.length) return { requestId: null, slots: 0, isSent: false };
    await pool.query(
      `INSERT INTO "InterviewRequest" (id, "orgId", "interviewId", mode, status, "durationMinutes", "windowStart", "windowEnd", "proposedSlots", "expiresAt")
       VALUES ($1, $2, $3, 'SELF_SCHEDULE', 'OPEN', $4, $5, $6, $7::jsonb, $8) ON CONFLICT (id) DO NOTHING`,
      [requestId, interview.orgId, interviewId, duration, windowStart, windowEnd, JSON.stringify(found.slots.map((s) => ({ start: s.start, end: s.end, interviewerIds: s.interviewerIds }))), new Date(Math.floor(windowEnd.getTime() / 1000) * 1000)],
    );
    request = (await pool.query<{ status: string; expiresAt: Date; sentAt: Date | null; proposedSlots: unknown[] }>(`SELECT status, "expiresAt", "sentAt", "proposedSlots" FROM "InterviewRequest" WHERE id = $1`, [requestId])).rows[0]!;
  }
  if (request.sentAt || request.status !== 'OPEN' || !interview.email) return { requestId, slots: request.proposedSlots.length, isSent: !!request.sentAt };

  const token = createSchedulingToken({ interviewRequestId: requestId, orgId: interview.orgId, expiresAt: request.expiresAt }, await linkSecrets(pool, interview.orgId));
  const link = schedulingLinkFrom(deps.publicUrl ?? 'http://localhost:3000', token);
  const expires = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', dateStyle: 'long' }).format(request.expiresAt);
  await sendOnce(deps, {
    orgId: interview.orgId, candidateId: interview.candidateId, key: `schedule-link:${requestId}`, to: interview.email,
    subject: `Choose a time: ${interview.title} with ${interview.orgName}`,
    text: `Hi ${interview.firstName ?? 'there'},\n\nThank you for applying for ${interview.jobTitle}. Please choose a time for your ${interview.title.toLowerCase()}:\n\n${link}\n\nThe link works until ${expires}.`,
  });
  await pool.query(`UPDATE "InterviewRequest" SET "sentAt" = now() WHERE id = $1`, [requestId]);
  return { requestId, slots: request.proposedSlots.length, isSent: true };
}
