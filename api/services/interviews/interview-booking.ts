// Booking, moving and cancelling interviews. Each change commits with an outbox
// row that starts the interviewCalendar workflow for the new version (UID fixed,
// SEQUENCE + 1 on reschedule and cancel), so invites and reminders are sent
// durably even when Temporal is down at the time. Booking an interview a
// pipeline requested also resumes the waiting run (signal interview.scheduled).
import crypto from 'node:crypto';
import type { PoolClient } from 'pg';
import { z } from 'zod';
import { AppError, notFound } from '../../errors';
import type { Services } from '../services';
import type { OutboxRow, StartWorkflowPayload } from '../outbox-dispatcher';
import { DIRECT_DELIVERY_LEASE_SECONDS } from '../outbox-dispatcher';
import { insertRunSignal, withRunSignals } from '../run-signals';
import { INTERVIEW_CALENDAR_WORKFLOW, interviewCalendarWorkflowId } from '../../../workflows/constants';
import { INTERVIEW_SCHEDULED } from '../../../workflows/graph/nodes/scheduling-schedule-interview';
import { TASK_COMPLETED } from '../../../workflows/graph/nodes/people-create-task';
import { markTaskCompleted } from '../task-actions';
import { interviewInviteUid } from '../../scheduling/ics-invite';

const ZParticipant = z.object({ userId: z.string().min(1).max(100), role: z.enum(['REQUIRED', 'OPTIONAL', 'CHAIR']).default('REQUIRED') }).strict();

export const ZScheduleInterview = z
  .object({
    applicationId: z.string().min(1).max(100),
    /** A REQUESTED interview (from a pipeline's scheduling node) to book; otherwise a new interview is created. */
    interviewId: z.string().min(1).max(100).optional(),
    title: z.string().trim().min(1).max(200).default('Interview'),
    startsAt: z.coerce.date(),
    durationMinutes: z.number().int().min(5).max(480),
    participants: z.array(ZParticipant).min(1).max(20),
    location: z.string().trim().min(1).max(500).optional(),
    meetingUrl: z.url({ protocol: /^https?$/ }).max(2000).optional(),
    scorecardTemplateId: z.string().min(1).max(100).optional(),
    /** Book even when a participant already has an interview at that time. */
    allowConflicts: z.boolean().default(false),
  })
  .strict()
  .superRefine((b, ctx) => {
    const ids = b.participants.map((p) => p.userId);
    ids.forEach((id, k) => ids.indexOf(id) !== k && ctx.addIssue({ code: 'custom', path: ['participants', k, 'userId'], message: 'listed twice' }));
  });
export type TScheduleInterview = z.infer<typeof ZScheduleInterview>;

export const ZRescheduleInterview = z
  .object({ startsAt: z.coerce.date(), durationMinutes: z.number().int().min(5).max(480).optional(), allowConflicts: z.boolean().default(false) })
  .strict();
export const ZCancelInterview = z.object({ reason: z.string().trim().min(1).max(1000).optional() }).strict();

/** The host part of invite UIDs: the public URL's, else the sender's domain. */
export function inviteHost(services: Pick<Services, 'config'>): string {
  if (services.config.PUBLIC_URL) {
    try {
      return new URL(services.config.PUBLIC_URL).hostname;
    } catch { /* fall through */ }
  }
  return /@([^>\s]+)/.exec(services.config.MAIL_FROM)?.[1] ?? 'trellis.localhost';
}

export async function queueInterviewCalendar(client: PoolClient, orgId: string, interviewId: string, sequence: number): Promise<OutboxRow> {
  const workflowId = interviewCalendarWorkflowId(interviewId, sequence);
  const payload: StartWorkflowPayload = { workflowId, workflowType: INTERVIEW_CALENDAR_WORKFLOW, args: [{ interviewId, sequence }] };
  const id = crypto.randomUUID();
  await client.query(
    `INSERT INTO "OutboxEvent" (id, "orgId", kind, payload, "dedupeKey", "availableAt") VALUES ($1, $2, 'START_WORKFLOW', $3::jsonb, $4, now() + make_interval(secs => $5))`,
    [id, orgId, JSON.stringify(payload), `start:${workflowId}`, DIRECT_DELIVERY_LEASE_SECONDS],
  );
  return { id, kind: 'START_WORKFLOW', payload, attempts: 0 };
}

/** Refuses a time when a participant already has an interview then (409 naming who), unless allowed. */
async function assertNoClash(client: PoolClient, orgId: string, userIds: string[], start: Date, end: Date, exceptInterviewId: string | null) {
  const { rows } = await client.query<{ userId: string }>(
    `SELECT DISTINCT p."userId" FROM "InterviewParticipant" p JOIN "Interview" i ON i.id = p."interviewId"
      WHERE i."orgId" = $1 AND p."userId" = ANY($2) AND i.status IN ('SCHEDULED', 'RESCHEDULED')
        AND i."startsAt" < $4 AND i."endsAt" > $3 AND i.id IS DISTINCT FROM $5`,
    [orgId, userIds, start, end, exceptInterviewId],
  );
  if (rows.length) {
    throw new AppError('CONFLICT', `already interviewing then: ${rows.map((r) => r.userId).join(', ')}`, rows.map((r) => ({ path: 'body.startsAt', message: `user ${r.userId} has an interview at this time`, code: 'interview_clash' })));
  }
}

/** The run waiting on a pipeline-requested interview (the node recorded its run in the audit entry). */
async function waitingRunOf(client: PoolClient, orgId: string, interviewId: string): Promise<string | null> {
  const { rows } = await client.query<{ workflowId: string }>(
    `SELECT r."workflowId" FROM "AuditEvent" a JOIN "Run" r ON r.id = a.after->>'runId'
      WHERE a."orgId" = $1 AND a."entityType" = 'Interview' AND a."entityId" = $2 AND a.action = 'interview.requested' AND r.status = 'RUNNING'
      LIMIT 1`,
    [orgId, interviewId],
  );
  return rows[0]?.workflowId ?? null;
}

export interface BookingInput {
  orgId: string;
  actor: { type: 'USER' | 'CANDIDATE'; id: string | null };
  applicationId: string;
  interviewId?: string;
  title: string;
  startsAt: Date;
  durationMinutes: number;
  participants: { userId: string; role: 'REQUIRED' | 'OPTIONAL' | 'CHAIR' }[];
  organizerId: string | null;
  location?: string;
  meetingUrl?: string;
  scorecardTemplateId?: string;
  allowConflicts: boolean;
  host: string;
}

/**
 * Booking is what a "schedule the interview" task asks for: the application's open SCHEDULE tasks complete with
 * the interview as their outcome, and the runs waiting on them carry on, as if the recruiter had ticked them off.
 */
async function completeScheduleTasks(client: PoolClient, signals: OutboxRow[], b: BookingInput, interviewId: string) {
  const outcome = { interviewId, startsAt: b.startsAt.toISOString(), completedBy: 'interview.scheduled' };
  const { rows } = await client.query<{ id: string; workflowId: string | null }>(
    `SELECT t.id, r."workflowId" FROM "Task" t LEFT JOIN "Run" r ON r.id = t."runId" AND r.status = 'RUNNING'
      WHERE t."applicationId" = $1 AND t."orgId" = $2 AND t.kind = 'SCHEDULE' AND t.status = 'OPEN' FOR UPDATE OF t`,
    [b.applicationId, b.orgId],
  );
  for (const task of rows) {
    await markTaskCompleted(client, b.orgId, b.actor, task.id, outcome);
    if (task.workflowId) signals.push(await insertRunSignal(client, b.orgId, task.workflowId, { name: TASK_COMPLETED, payload: { taskId: task.id, outcome } }, `signal:task:${task.id}`));
  }
}

/** Books inside the caller's transaction; returns the interview id. Queues the invites and the run's signal. */
export async function bookInterview(client: PoolClient, signals: OutboxRow[], b: BookingInput): Promise<string> {
  const endsAt = new Date(b.startsAt.getTime() + b.durationMinutes * 60_000);
  const app = await client.query<{ jobId: string }>(`SELECT "jobId" FROM "Application" WHERE id = $1 AND "orgId" = $2`, [b.applicationId, b.orgId]);
  if (!app.rows[0]) throw notFound('Application', b.applicationId);
  const ids = b.participants.map((p) => p.userId);
  const users = await client.query<{ id: string }>(`SELECT id FROM "User" WHERE "orgId" = $1 AND id = ANY($2) AND NOT deactivated`, [b.orgId, ids]);
  const known = new Set(users.rows.map((u) => u.id));
  const unknown = ids.map((id, k) => ({ id, k })).filter((x) => !known.has(x.id));
  if (unknown.length) throw new AppError('NOT_FOUND', 'unknown interviewers', unknown.map((x) => ({ path: `body.participants.${x.k}.userId`, message: `no active user ${x.id}` })));
  if (b.scorecardTemplateId) {
    const t = await client.query(`SELECT 1 FROM "ScorecardTemplate" WHERE id = $1 AND "orgId" = $2 AND "jobId" = $3`, [b.scorecardTemplateId, b.orgId, app.rows[0].jobId]);
    if (!t.rowCount) throw new AppError('NOT_FOUND', `scorecard template ${b.scorecardTemplateId} not found for this job`, [{ path: 'body.scorecardTemplateId', message: 'no such template on the job' }]);
  }

  let interviewId = b.interviewId;
  if (interviewId) {
    const existing = await client.query<{ status: string; applicationId: string }>(`SELECT status, "applicationId" FROM "Interview" WHERE id = $1 AND "orgId" = $2 FOR UPDATE`, [interviewId, b.orgId]);
    const row = existing.rows[0];
    if (!row || row.applicationId !== b.applicationId) throw new AppError('NOT_FOUND', `interview ${interviewId} not found on this application`, [{ path: 'body.interviewId', message: 'no such requested interview' }]);
    if (row.status !== 'REQUESTED') throw new AppError('CONFLICT', `interview ${interviewId} is already ${row.status.toLowerCase()}`, [{ path: 'body.interviewId', message: `interview is ${row.status}` }]);
  } else {
    interviewId = crypto.randomUUID();
  }
  // Serialise bookings of the same people: lock their user rows before looking for clashes.
  await client.query(`SELECT id FROM "User" WHERE id = ANY($1) ORDER BY id FOR UPDATE`, [ids]);
  if (!b.allowConflicts) await assertNoClash(client, b.orgId, ids, b.startsAt, endsAt, interviewId);

  const uid = interviewInviteUid(interviewId, b.host);
  await client.query(
    `INSERT INTO "Interview" (id, "orgId", "applicationId", title, status, "startsAt", "endsAt", "durationMinutes", location, "meetingUrl", "interviewerIds", "icsUid", "icsSequence", "organizerId", "scorecardTemplateId", "updatedAt")
     VALUES ($1, $2, $3, $4, 'SCHEDULED', $5, $6, $7, $8, $9, $10, $11, 0, $12, $13, now())
     ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, status = 'SCHEDULED', "startsAt" = EXCLUDED."startsAt", "endsAt" = EXCLUDED."endsAt",
       "durationMinutes" = EXCLUDED."durationMinutes", location = EXCLUDED.location, "meetingUrl" = EXCLUDED."meetingUrl", "icsUid" = EXCLUDED."icsUid",
       "icsSequence" = 0, "organizerId" = EXCLUDED."organizerId", "scorecardTemplateId" = COALESCE(EXCLUDED."scorecardTemplateId", "Interview"."scorecardTemplateId"), "updatedAt" = now()`,
    [interviewId, b.orgId, b.applicationId, b.title, b.startsAt, endsAt, b.durationMinutes, b.location ?? null, b.meetingUrl ?? null, ids, uid, b.organizerId, b.scorecardTemplateId ?? null],
  );
  await client.query(`DELETE FROM "InterviewParticipant" WHERE "interviewId" = $1`, [interviewId]);
  await client.query(
    `INSERT INTO "InterviewParticipant" ("interviewId", "userId", role) SELECT $1, u, r::"ParticipantRole" FROM unnest($2::text[], $3::text[]) AS x(u, r)`,
    [interviewId, ids, b.participants.map((p) => p.role)],
  );
  await client.query(
    `INSERT INTO "AuditEvent" (id, "orgId", "actorType", "actorId", action, "entityType", "entityId", after) VALUES ($1, $2, $3, $4, 'interview.scheduled', 'Interview', $5, $6::jsonb)`,
    [crypto.randomUUID(), b.orgId, b.actor.type, b.actor.id, interviewId, JSON.stringify({ startsAt: b.startsAt, endsAt, participants: b.participants })],
  );
  signals.push(await queueInterviewCalendar(client, b.orgId, interviewId, 0));
  await completeScheduleTasks(client, signals, b, interviewId);
  if (b.interviewId) {
    const workflowId = await waitingRunOf(client, b.orgId, interviewId);
    if (workflowId) signals.push(await insertRunSignal(client, b.orgId, workflowId, { name: INTERVIEW_SCHEDULED, payload: { interviewId, startsAt: b.startsAt.toISOString() } }, `interview.scheduled:${interviewId}`));
  }
  return interviewId;
}

export async function scheduleInterview(services: Services, orgId: string, userId: string, body: TScheduleInterview) {
  const interviewId = await withRunSignals(services, (client, signals) =>
    bookInterview(client, signals, { ...body, orgId, actor: { type: 'USER', id: userId }, organizerId: userId, host: inviteHost(services) }),
  );
  return getInterview(services, orgId, interviewId);
}

export async function rescheduleInterview(services: Services, orgId: string, userId: string, interviewId: string, body: z.infer<typeof ZRescheduleInterview>) {
  await withRunSignals(services, async (client, signals) => {
    const { rows } = await client.query<{ status: string; durationMinutes: number | null; startsAt: Date | null; icsSequence: number }>(
      `SELECT status, "durationMinutes", "startsAt", "icsSequence" FROM "Interview" WHERE id = $1 AND "orgId" = $2 FOR UPDATE`, [interviewId, orgId]);
    const row = rows[0];
    if (!row) throw notFound('Interview', interviewId);
    if (row.status !== 'SCHEDULED' && row.status !== 'RESCHEDULED') throw new AppError('CONFLICT', `a ${row.status.toLowerCase()} interview cannot be moved`, [{ path: 'params.id', message: `interview is ${row.status}` }]);
    const duration = body.durationMinutes ?? row.durationMinutes ?? 60;
    const endsAt = new Date(body.startsAt.getTime() + duration * 60_000);
    const people = await client.query<{ userId: string }>(`SELECT "userId" FROM "InterviewParticipant" WHERE "interviewId" = $1`, [interviewId]);
    if (!body.allowConflicts) await assertNoClash(client, orgId, people.rows.map((p) => p.userId), body.startsAt, endsAt, interviewId);
    const sequence = row.icsSequence + 1;
    // A new time: reminders are due again, and every client replaces the event (same UID, higher SEQUENCE).
    await client.query(
      `UPDATE "Interview" SET status = 'RESCHEDULED', "startsAt" = $2, "endsAt" = $3, "durationMinutes" = $4, "icsSequence" = $5, "candidateReminderSentAt" = NULL, "updatedAt" = now() WHERE id = $1`,
      [interviewId, body.startsAt, endsAt, duration, sequence],
    );
    await client.query(`UPDATE "InterviewParticipant" SET "reminderSentAt" = NULL WHERE "interviewId" = $1`, [interviewId]);
    await client.query(
      `INSERT INTO "AuditEvent" (id, "orgId", "actorType", "actorId", action, "entityType", "entityId", before, after) VALUES ($1, $2, 'USER', $3, 'interview.rescheduled', 'Interview', $4, $5::jsonb, $6::jsonb)`,
      [crypto.randomUUID(), orgId, userId, interviewId, JSON.stringify({ startsAt: row.startsAt, sequence: row.icsSequence }), JSON.stringify({ startsAt: body.startsAt, endsAt, sequence })],
    );
    signals.push(await queueInterviewCalendar(client, orgId, interviewId, sequence));
  });
  return getInterview(services, orgId, interviewId);
}

export async function cancelInterview(services: Services, orgId: string, userId: string, interviewId: string, body: z.infer<typeof ZCancelInterview>) {
  await withRunSignals(services, async (client, signals) => {
    const { rows } = await client.query<{ status: string; icsSequence: number }>(`SELECT status, "icsSequence" FROM "Interview" WHERE id = $1 AND "orgId" = $2 FOR UPDATE`, [interviewId, orgId]);
    const row = rows[0];
    if (!row) throw notFound('Interview', interviewId);
    if (row.status === 'CANCELLED' || row.status === 'COMPLETED') throw new AppError('CONFLICT', `interview is already ${row.status.toLowerCase()}`, [{ path: 'params.id', message: `interview is ${row.status}` }]);
    const wasBooked = row.status !== 'REQUESTED';
    const sequence = wasBooked ? row.icsSequence + 1 : row.icsSequence;
    await client.query(`UPDATE "Interview" SET status = 'CANCELLED', "cancelledAt" = now(), "cancelReason" = $2, "icsSequence" = $3, "updatedAt" = now() WHERE id = $1`, [interviewId, body.reason ?? null, sequence]);
    // Its self-scheduling links end with it.
    await client.query(`UPDATE "InterviewRequest" SET status = 'WITHDRAWN' WHERE "interviewId" = $1 AND status = 'OPEN'`, [interviewId]);
    await client.query(
      `INSERT INTO "AuditEvent" (id, "orgId", "actorType", "actorId", action, "entityType", "entityId", after) VALUES ($1, $2, 'USER', $3, 'interview.cancelled', 'Interview', $4, $5::jsonb)`,
      [crypto.randomUUID(), orgId, userId, interviewId, JSON.stringify({ reason: body.reason ?? null, sequence })],
    );
    // Only a booked interview has invites out there to cancel.
    if (wasBooked) signals.push(await queueInterviewCalendar(client, orgId, interviewId, sequence));
  });
  return getInterview(services, orgId, interviewId);
}

export async function getInterview(services: Services, orgId: string, interviewId: string) {
  const interview = await services.prisma.interview.findFirst({
    where: { id: interviewId, orgId },
    include: { participants: { select: { userId: true, role: true, response: true, reminderSentAt: true } }, requests: { select: { id: true, status: true, expiresAt: true, bookedAt: true } } },
  });
  if (!interview) throw notFound('Interview', interviewId);
  return interview;
}
