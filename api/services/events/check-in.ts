// Check-in at the door: by registration id (a list in the UI), by the person's
// email, or by the check-in code from their confirmation (a QR scanner reads the
// same text), and walk-ins who register and check in at once. A checked-in
// registration is ATTENDED with who checked it in and when; that starts the
// "attended" follow-ups. Checking in twice changes nothing; a no-show who turns
// out to have come is corrected (their no-show follow-ups end).
import { z } from 'zod';
import { AppError, notFound } from '../../errors';
import type { AuthContext } from '../../auth';
import type { Services } from '../services';
import { withRunSignals } from '../run-signals';
import { recordAudit } from '../audit';
import { eventEndOf } from './event-input';
import { loadEvent, orgSlugOf, type TEventRow } from './event-record';
import { exitEventFollowUpRuns } from './event-follow-up-runs';
import { recordRegistrationFact } from './registration-facts';
import { registerForEvent } from './register-for-event';
import { linkKeyOf, verifyLink } from './signed-link';
import { ZRegistrant } from './registration-input';

export const ZCheckIn = z.union([
  z.object({ registrationId: z.string().min(1).max(100) }).strict(),
  z.object({ email: z.string().trim().toLowerCase().email().max(254) }).strict(),
  z.object({ code: z.string().min(1).max(200) }).strict(),
  z.object({ walkIn: ZRegistrant }).strict(),
]);
export type TCheckIn = z.infer<typeof ZCheckIn>;

/** Doors open a day before the start; lists may be entered up to a week after the end. */
const EARLIEST_MS = 24 * 3_600_000;
const LATEST_MS = 7 * 24 * 3_600_000;

function assertCheckInWindow(event: TEventRow, now: Date) {
  if (event.status !== 'PUBLISHED') throw new AppError('CONFLICT', `a ${event.status.toLowerCase()} event takes no check-ins`, [{ path: 'event.status', message: event.status }]);
  if (now.getTime() < event.startsAt.getTime() - EARLIEST_MS) throw new AppError('CONFLICT', 'check-in opens 24 hours before the event', [{ path: 'event.startsAt', message: 'too early' }]);
  if (now.getTime() > eventEndOf(event).getTime() + LATEST_MS) throw new AppError('CONFLICT', 'check-in closed a week after the event', [{ path: 'event.endsAt', message: 'too late' }]);
}

export async function checkIn(services: Services, auth: AuthContext, eventId: string, body: TCheckIn, now = new Date()) {
  const orgSlug = await orgSlugOf(services.pool, auth.orgId);
  if ('walkIn' in body) {
    const event = await loadEvent(services.pool, auth.orgId, eventId);
    assertCheckInWindow(event, now);
    const r = await registerForEvent(services, {
      orgId: auth.orgId, eventId, person: body.walkIn, source: 'walk_in', actor: { type: 'USER', id: auth.userId }, isPublic: false, checkIn: { byUserId: auth.userId }, now,
    });
    return { registrationId: r.registrationId, candidateId: r.candidateId, status: r.status, isAlreadyCheckedIn: !r.isNew, isWalkIn: true };
  }
  let where: { sql: string; value: string };
  if ('registrationId' in body) where = { sql: 'r.id = $2', value: body.registrationId };
  else if ('email' in body) where = { sql: 'c.email = $2', value: body.email };
  else {
    const id = verifyLink(linkKeyOf(services.config), 'event-check-in', body.code);
    if (!id) throw new AppError('VALIDATION_FAILED', 'not a check-in code of this system', [{ path: 'body.code', message: 'invalid check-in code', code: 'invalid_token' }]);
    where = { sql: 'r.id = $2', value: id };
  }
  return withRunSignals(services, async (client, outbox) => {
    const event = await loadEvent(client, auth.orgId, eventId, { forUpdate: true });
    assertCheckInWindow(event, now);
    const { rows: [reg] } = await client.query<{ id: string; candidateId: string; status: string }>(
      `SELECT r.id, r."candidateId", r.status FROM "EventRegistration" r JOIN "Candidate" c ON c.id = r."candidateId" WHERE r."eventId" = $1 AND ${where.sql} FOR UPDATE OF r`,
      [event.id, where.value],
    );
    if (!reg) throw notFound('Registration', 'registrationId' in body ? body.registrationId : 'for this event');
    if (reg.status === 'ATTENDED') return { registrationId: reg.id, candidateId: reg.candidateId, status: 'ATTENDED', isAlreadyCheckedIn: true, isWalkIn: false };
    // A no-show who came after all: their no-show sequence ends before the attended one starts.
    if (reg.status === 'NO_SHOW') await exitEventFollowUpRuns(client, outbox, auth.orgId, [{ id: reg.id, candidateId: reg.candidateId }], 'no_show_corrected');
    await client.query(`UPDATE "EventRegistration" SET status = 'ATTENDED', "checkedInAt" = $2, "checkedInById" = $3, "updatedAt" = now() WHERE id = $1`, [reg.id, now, auth.userId]);
    await recordRegistrationFact(client, outbox, services.config, orgSlug, event, { id: reg.id, candidateId: reg.candidateId, status: 'ATTENDED' }, now);
    await recordAudit(client, {
      orgId: auth.orgId, actorType: 'USER', actorId: auth.userId, action: 'event_registration.checked_in', entityType: 'EventRegistration', entityId: reg.id,
      before: { status: reg.status }, after: { status: 'ATTENDED', via: Object.keys(body)[0] },
    });
    return { registrationId: reg.id, candidateId: reg.candidateId, status: 'ATTENDED', isAlreadyCheckedIn: false, isWalkIn: false };
  });
}
