// Candidate self-scheduling: a recruiter (or the pipeline) opens an
// InterviewRequest with slots found now, and the candidate gets a signed,
// expiring link. Opening the link shows the slots; choosing one books the
// interview (invites, reminders, and the waiting run's interview.scheduled)
// and ends the link. Refused links: forged or malformed 403, expired 403,
// already used or withdrawn 410, each with its reason as the detail code.
import crypto from 'node:crypto';
import type { PoolClient } from 'pg';
import { z } from 'zod';
import { AppError, notFound } from '../../errors';
import type { AuthContext } from '../../auth';
import type { Services } from '../services';
import { withTransaction } from '../../platform/db/transaction';
import { withRunSignals } from '../run-signals';
import { recordAudit } from '../audit';
import { createSchedulingToken, schedulingTokenError, verifySchedulingToken } from '../../scheduling/scheduling-link';
import { ZTimeZone } from '../../scheduling/working-hours';
import { searchSlots } from './slot-search';
import { bookInterview, inviteHost } from './interview-booking';

const DAY_MS = 86_400_000;

export const ZCreateInterviewRequest = z
  .object({
    applicationId: z.string().min(1).max(100),
    /** A REQUESTED interview (e.g. from the pipeline) to offer times for; otherwise one is created. */
    interviewId: z.string().min(1).max(100).optional(),
    title: z.string().trim().min(1).max(200).default('Interview'),
    /** Default: the requested interview's interviewers. */
    interviewerIds: z.array(z.string().min(1).max(100)).min(1).max(20).optional(),
    panel: z.object({ required: z.array(z.string().min(1)).max(20).optional(), minimumAttendees: z.number().int().min(1).optional() }).strict().optional(),
    durationMinutes: z.number().int().min(5).max(480).default(60),
    windowStart: z.coerce.date(),
    windowEnd: z.coerce.date(),
    minimumNoticeMinutes: z.number().int().min(0).max(86_400).default(240),
    candidateTimeZone: ZTimeZone.optional(),
    expiresInHours: z.number().int().min(1).max(24 * 30).default(72),
    maxSlots: z.number().int().min(1).max(200).default(40),
  })
  .strict();

/** Secrets per organization, kept in its settings like webhook secrets and never returned: the first signs. */
export async function linkSecrets(client: { query: PoolClient['query'] }, orgId: string): Promise<string[]> {
  const read = async () => (await client.query<{ s: string[] | null }>(`SELECT settings->'schedulingLinkSecrets' AS s FROM "Organization" WHERE id = $1`, [orgId])).rows[0];
  const row = await read();
  if (!row) return [];
  if (row.s?.length) return row.s;
  // First use: one statement sets it only if still absent, so concurrent first uses agree on one secret.
  await client.query(
    `UPDATE "Organization" SET settings = jsonb_set(settings, '{schedulingLinkSecrets}', jsonb_build_array($2::text)) WHERE id = $1 AND NOT (settings ? 'schedulingLinkSecrets')`,
    [orgId, crypto.randomBytes(32).toString('base64url')],
  );
  return (await read())?.s ?? [];
}

export function schedulingLinkUrl(services: Pick<Services, 'config'>, token: string): string {
  return schedulingLinkFrom(services.config.PUBLIC_URL ?? `http://${services.config.HOST}:${services.config.PORT}`, token);
}
export const schedulingLinkFrom = (publicUrl: string, token: string) => `${publicUrl.replace(/\/+$/, '')}/schedule/${token}`;

export async function createInterviewRequest(services: Services, auth: AuthContext, body: z.infer<typeof ZCreateInterviewRequest>) {
  const now = Date.now();
  if (body.windowEnd.getTime() - body.windowStart.getTime() > 62 * DAY_MS) throw new AppError('VALIDATION_FAILED', 'window too long', [{ path: 'body.windowEnd', message: 'at most 62 days after windowStart' }]);
  const application = await services.prisma.application.findFirst({ where: { id: body.applicationId, orgId: auth.orgId }, select: { id: true } });
  if (!application) throw notFound('Application', body.applicationId);
  let interviewerIds = body.interviewerIds;
  if (body.interviewId) {
    const interview = await services.prisma.interview.findFirst({ where: { id: body.interviewId, orgId: auth.orgId, applicationId: application.id } });
    if (!interview) throw new AppError('NOT_FOUND', `interview ${body.interviewId} not found on this application`, [{ path: 'body.interviewId', message: 'no such interview' }]);
    if (interview.status !== 'REQUESTED') throw new AppError('CONFLICT', `interview is already ${interview.status.toLowerCase()}`, [{ path: 'body.interviewId', message: `interview is ${interview.status}` }]);
    interviewerIds ??= interview.interviewerIds;
  }
  if (!interviewerIds?.length) throw new AppError('VALIDATION_FAILED', 'interviewers needed', [{ path: 'body.interviewerIds', message: 'required when the interview does not name them' }]);
  const found = await searchSlots(services.pool, auth.orgId, {
    interviewerIds, windowStart: body.windowStart, windowEnd: body.windowEnd, durationMinutes: body.durationMinutes,
    minimumNoticeMinutes: body.minimumNoticeMinutes, panel: body.panel, candidateTimeZone: body.candidateTimeZone, limit: body.maxSlots,
  }, now);
  if (!found.slots.length) throw new AppError('CONFLICT', 'no free slots in the window', [{ path: 'body.windowEnd', message: 'no time when the interviewers are free; widen the window', code: 'no_slots' }]);
  const expiresAt = new Date(Math.floor((now + body.expiresInHours * 3_600_000) / 1000) * 1000);
  const requestId = crypto.randomUUID();
  const interviewId = body.interviewId ?? crypto.randomUUID();
  const secrets = await withTransaction(services.pool, async (client) => {
    if (!body.interviewId) {
      await client.query(
        `INSERT INTO "Interview" (id, "orgId", "applicationId", title, status, "durationMinutes", "interviewerIds", "organizerId", "updatedAt") VALUES ($1, $2, $3, $4, 'REQUESTED', $5, $6, $7, now())`,
        [interviewId, auth.orgId, application.id, body.title, body.durationMinutes, interviewerIds, auth.userId],
      );
    }
    // One open link per interview: a new request replaces the old one.
    await client.query(`UPDATE "InterviewRequest" SET status = 'WITHDRAWN' WHERE "interviewId" = $1 AND status = 'OPEN'`, [interviewId]);
    await client.query(
      `INSERT INTO "InterviewRequest" (id, "orgId", "interviewId", mode, status, "durationMinutes", "windowStart", "windowEnd", "proposedSlots", "candidateTimeZone", "expiresAt", "createdById")
       VALUES ($1, $2, $3, 'SELF_SCHEDULE', 'OPEN', $4, $5, $6, $7::jsonb, $8, $9, $10)`,
      [requestId, auth.orgId, interviewId, body.durationMinutes, body.windowStart, body.windowEnd,
        JSON.stringify(found.slots.map((s) => ({ start: s.start, end: s.end, interviewerIds: s.interviewerIds }))), body.candidateTimeZone ?? null, expiresAt, auth.userId],
    );
    await recordAudit(client, {
      orgId: auth.orgId, actorType: 'USER', actorId: auth.userId, action: 'interview_request.created', entityType: 'InterviewRequest', entityId: requestId,
      after: { interviewId, applicationId: application.id, slots: found.slots.length, expiresAt: expiresAt.toISOString() },
    });
    return linkSecrets(client, auth.orgId);
  });
  const token = createSchedulingToken({ interviewRequestId: requestId, orgId: auth.orgId, expiresAt }, secrets);
  return { requestId, interviewId, expiresAt, link: schedulingLinkUrl(services, token), token, slots: found.slots };
}

interface ProposedSlot { start: number; end: number; interviewerIds: string[] }
interface RequestRow {
  id: string; orgId: string; interviewId: string; status: string; durationMinutes: number; proposedSlots: ProposedSlot[];
  candidateTimeZone: string | null; expiresAt: Date; applicationId: string; title: string; organizerId: string | null;
  candidateFirstName: string | null; jobTitle: string; orgName: string;
}

const GONE: Record<string, string> = {
  BOOKED: 'this link was already used to book the interview',
  WITHDRAWN: 'this link was withdrawn; ask the recruiter for a new one',
  EXPIRED: 'this scheduling link has expired; ask the recruiter for a new one',
};

/** Checks the link and its request: the signature, then that the request is still open. */
async function openRequest(client: { query: PoolClient['query'] }, token: string, now: number, forUpdate: boolean): Promise<RequestRow> {
  // The organization is read from the payload only to pick its secrets; the signature then vouches for it.
  let orgId = '';
  try {
    const body = JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8')) as { o?: unknown };
    if (typeof body.o === 'string' && body.o.length <= 100) orgId = body.o;
  } catch { /* malformed: the check below says so */ }
  const secrets = orgId ? (await client.query<{ s: string[] | null }>(`SELECT settings->'schedulingLinkSecrets' AS s FROM "Organization" WHERE id = $1`, [orgId])).rows[0]?.s : null;
  // A link for an organization without secrets is checked against a throwaway one, so it fails like a forgery.
  const check = verifySchedulingToken(token, secrets?.length ? secrets : [crypto.randomBytes(32).toString('hex')], now, orgId);
  if (!check.isValid) throw schedulingTokenError(check.reason);
  const { rows } = await client.query<RequestRow>(
    `SELECT r.id, r."orgId", r."interviewId", r.status, r."durationMinutes", r."proposedSlots", r."candidateTimeZone", r."expiresAt",
            i."applicationId", i.title, i."organizerId", c."firstName" AS "candidateFirstName", j.title AS "jobTitle", o.name AS "orgName"
       FROM "InterviewRequest" r JOIN "Interview" i ON i.id = r."interviewId" JOIN "Application" a ON a.id = i."applicationId"
       JOIN "Candidate" c ON c.id = a."candidateId" JOIN "Job" j ON j.id = a."jobId" JOIN "Organization" o ON o.id = r."orgId"
      WHERE r.id = $1 AND r."orgId" = $2 ${forUpdate ? 'FOR UPDATE OF r' : ''}`,
    [check.claims.interviewRequestId, orgId],
  );
  const row = rows[0];
  if (!row) throw new AppError('GONE', 'this scheduling link no longer exists', [{ path: 'token', message: 'the interview request is gone', code: 'gone' }]);
  const status = row.status === 'OPEN' && row.expiresAt.getTime() <= now ? 'EXPIRED' : row.status;
  if (status !== 'OPEN') throw new AppError('GONE', GONE[status] ?? 'this link is closed', [{ path: 'token', message: GONE[status] ?? 'closed', code: status.toLowerCase() }]);
  return row;
}

export async function readSchedulingLink(services: Services, token: string, now = Date.now()) {
  const row = await openRequest(services.pool, token, now, false);
  const slots = row.proposedSlots.filter((s) => s.start > now);
  return { title: row.title, jobTitle: row.jobTitle, organization: row.orgName, candidateFirstName: row.candidateFirstName, durationMinutes: row.durationMinutes, timeZone: row.candidateTimeZone ?? 'UTC', expiresAt: row.expiresAt, slots: slots.map((s) => ({ start: s.start, end: s.end })) };
}

/** Books the chosen slot; the request row is locked, so one link books once. */
export async function bookSchedulingLink(services: Services, token: string, start: number, now = Date.now()) {
  return withRunSignals(services, async (client, signals) => {
    const row = await openRequest(client, token, now, true);
    const slot = row.proposedSlots.find((s) => s.start === start);
    if (!slot || slot.start <= now) throw new AppError('VALIDATION_FAILED', 'not one of the offered times', [{ path: 'body.start', message: 'choose one of the offered slots', code: 'not_offered' }]);
    let interviewId: string;
    try {
      interviewId = await bookInterview(client, signals, {
        orgId: row.orgId, actor: { type: 'CANDIDATE', id: null }, applicationId: row.applicationId, interviewId: row.interviewId, title: row.title,
        startsAt: new Date(slot.start), durationMinutes: row.durationMinutes, participants: slot.interviewerIds.map((userId) => ({ userId, role: 'REQUIRED' as const })),
        organizerId: row.organizerId, allowConflicts: false, host: inviteHost(services),
      });
    } catch (err) {
      if (err instanceof AppError && err.code === 'CONFLICT' && err.details.some((d) => d.code === 'interview_clash')) {
        throw new AppError('CONFLICT', 'this time was just taken; please choose another', [{ path: 'body.start', message: 'slot no longer free', code: 'slot_taken' }]);
      }
      throw err;
    }
    await client.query(`UPDATE "InterviewRequest" SET status = 'BOOKED', "chosenStartsAt" = $2, "chosenEndsAt" = $3, "bookedAt" = now() WHERE id = $1`, [row.id, new Date(slot.start), new Date(slot.end)]);
    return { interviewId, startsAt: new Date(slot.start), endsAt: new Date(slot.end), timeZone: row.candidateTimeZone ?? 'UTC' };
  });
}
