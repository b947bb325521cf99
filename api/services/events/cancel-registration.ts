// A registration given up (by the person through their signed link, or by a
// recruiter): it becomes CANCELLED, the follow-up runs it started end, and the
// place it held goes to the first person on the waitlist, in the same
// transaction under the event's lock. Promotion also runs when capacity grows.
import type { PoolClient } from 'pg';
import { AppError, notFound } from '../../errors';
import type { Services } from '../services';
import type { OutboxRow } from '../outbox-dispatcher';
import { withRunSignals } from '../run-signals';
import { recordAudit, type TAuditActorType } from '../audit';
import { loadEvent, orgSlugOf, placesTaken, registrationCounts, type TEventRow } from './event-record';
import { exitEventFollowUpRuns } from './event-follow-up-runs';
import { recordRegistrationFact } from './registration-facts';
import { sendRegistrationEmail } from './registration-emails';

export interface TPromoted {
  registrationId: string;
  candidateId: string;
}

/** Gives free places to the waitlist, first come first served (the event row must be locked by the caller). */
export async function promoteFromWaitlist(client: PoolClient, outbox: OutboxRow[], services: Services, orgSlug: string, event: TEventRow, now: Date): Promise<TPromoted[]> {
  if (event.status !== 'PUBLISHED' || event.startsAt.getTime() <= now.getTime()) return [];
  const counts = (await registrationCounts(client, [event.id])).get(event.id)!;
  const free = event.capacity === null ? counts.waitlisted : Math.max(0, event.capacity - placesTaken(counts));
  if (!free || !counts.waitlisted) return [];
  const { rows } = await client.query<{ id: string; candidateId: string }>(
    `UPDATE "EventRegistration" SET status = 'REGISTERED', "updatedAt" = now()
      WHERE id IN (SELECT id FROM "EventRegistration" WHERE "eventId" = $1 AND status = 'WAITLISTED' ORDER BY "createdAt", id LIMIT $2)
      RETURNING id, "candidateId"`,
    [event.id, free],
  );
  for (const r of rows) {
    await recordRegistrationFact(client, outbox, services.config, orgSlug, event, { id: r.id, candidateId: r.candidateId, status: 'REGISTERED' }, now);
    await recordAudit(client, { orgId: event.orgId, actorType: 'SYSTEM', actorId: null, action: 'event_registration.promoted', entityType: 'EventRegistration', entityId: r.id, after: { eventId: event.id, status: 'REGISTERED' } });
  }
  return rows.map((r) => ({ registrationId: r.id, candidateId: r.candidateId }));
}

/** "A place opened up" for each promoted person, after commit. */
export function notifyPromoted(services: Services, orgSlug: string, event: TEventRow, promoted: readonly TPromoted[]) {
  for (const p of promoted) {
    void sendRegistrationEmail(services, { orgSlug, event, registrationId: p.registrationId, candidateId: p.candidateId, status: 'REGISTERED', kind: 'promoted' })
      .catch((err) => services.log.warn({ registrationId: p.registrationId, err: (err as Error).message }, 'event promotion email failed'));
  }
}

export async function cancelRegistration(
  services: Services, input: { orgId: string; registrationId: string; eventId?: string; actor: { type: TAuditActorType; id: string | null }; now?: Date },
) {
  const now = input.now ?? new Date();
  const orgSlug = await orgSlugOf(services.pool, input.orgId);
  const { event, promoted, status } = await withRunSignals(services, async (client, outbox) => {
    const { rows: [found] } = await client.query<{ eventId: string }>(`SELECT "eventId" FROM "EventRegistration" WHERE id = $1 AND "orgId" = $2`, [input.registrationId, input.orgId]);
    if (!found || (input.eventId && found.eventId !== input.eventId)) throw notFound('Registration', input.registrationId);
    // The event first, then the registration: the same lock order as registering, so the two cannot deadlock.
    const event = await loadEvent(client, input.orgId, found.eventId, { forUpdate: true });
    const { rows: [reg] } = await client.query<{ id: string; candidateId: string; status: string }>(`SELECT id, "candidateId", status FROM "EventRegistration" WHERE id = $1 FOR UPDATE`, [input.registrationId]);
    if (reg!.status === 'CANCELLED') return { event, promoted: [], status: 'CANCELLED' };
    if (reg!.status === 'ATTENDED' || reg!.status === 'NO_SHOW') {
      throw new AppError('CONFLICT', `the event is over for this registration (${reg!.status.toLowerCase()})`, [{ path: 'registration.status', message: reg!.status }]);
    }
    await client.query(`UPDATE "EventRegistration" SET status = 'CANCELLED', "updatedAt" = now() WHERE id = $1`, [reg!.id]);
    await exitEventFollowUpRuns(client, outbox, input.orgId, [{ id: reg!.id, candidateId: reg!.candidateId }], 'registration_cancelled');
    await recordAudit(client, {
      orgId: input.orgId, actorType: input.actor.type, actorId: input.actor.id ?? (input.actor.type === 'CANDIDATE' ? reg!.candidateId : null),
      action: 'event_registration.cancelled', entityType: 'EventRegistration', entityId: reg!.id, before: { status: reg!.status }, after: { status: 'CANCELLED' },
    });
    const promoted = reg!.status === 'REGISTERED' ? await promoteFromWaitlist(client, outbox, services, orgSlug, event, now) : [];
    return { event, promoted, status: 'CANCELLED' };
  });
  notifyPromoted(services, orgSlug, event, promoted);
  return { registrationId: input.registrationId, status, promoted: promoted.map((p) => p.registrationId) };
}
