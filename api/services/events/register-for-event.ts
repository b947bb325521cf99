// Registering a person for a recruiting event: the public page, the public API,
// a recruiter adding someone and a walk-in at the door all end here. One
// transaction under a lock on the event row, so two people cannot both take the
// last place: the candidate is found by email (following merges) or created as
// a prospect, the registration is created (REGISTERED, or WAITLISTED when the
// event is full) or found (registering twice changes nothing), consents are
// recorded, the person joins the event's pool, and a place taken starts the
// follow-up runs. A new person is then checked against the duplicate rules
// of the apply path (phone, name plus link) and flagged, never merged blindly.
import type { PoolClient } from 'pg';
import { AppError } from '../../errors';
import type { Services } from '../services';
import type { OutboxRow } from '../outbox-dispatcher';
import { withRunSignals } from '../run-signals';
import { recordAudit, type TAuditActorType } from '../audit';
import { findOrCreateCandidate, flagDuplicates, type TRegistrant } from './find-or-create-candidate';
import { eventEndOf } from './event-input';
import { loadEvent, orgSlugOf, placesTaken, registrationCounts, type TEventRow } from './event-record';
import { recordRegistrationFact } from './registration-facts';
import { sendRegistrationEmail } from './registration-emails';

export interface TRegisterInput {
  orgId: string;
  eventId: string;
  /** A new person, or an existing candidate of the organization. */
  person: TRegistrant | { candidateId: string };
  /** Consent texts the person agreed to on the form (purpose + the version shown). */
  consents?: readonly { purpose: string; textVersion: string }[];
  /** public_page, api, recruiter, walk_in... */
  source: string;
  actor: { type: TAuditActorType; id: string | null };
  /** Public registration: the event must be published and not over. */
  isPublic: boolean;
  /** A walk-in: registered and checked in at once, whatever the capacity (they are at the door). */
  checkIn?: { byUserId: string | null };
  /** Default true: the confirmation (or waitlist) email. */
  sendEmail?: boolean;
  now?: Date;
}

export interface TRegisterResult {
  registrationId: string;
  candidateId: string;
  status: 'REGISTERED' | 'WAITLISTED' | 'ATTENDED' | 'NO_SHOW' | 'CANCELLED';
  /** False when the person was already registered (nothing changed). */
  isNew: boolean;
  isNewCandidate: boolean;
}

/** Open for registration: published, not cancelled, not over. */
export function assertRegistrationOpen(event: TEventRow, now: Date): void {
  if (event.status === 'CANCELLED') throw new AppError('GONE', 'this event was cancelled', [{ path: 'event', message: 'cancelled', code: 'cancelled' }]);
  if (event.status !== 'PUBLISHED') throw new AppError('CONFLICT', 'this event is not published yet', [{ path: 'event', message: 'not published', code: 'not_published' }]);
  if (eventEndOf(event).getTime() <= now.getTime()) throw new AppError('GONE', 'registration is closed: the event is over', [{ path: 'event', message: 'event is over', code: 'closed' }]);
}

export async function registerForEvent(services: Services, input: TRegisterInput): Promise<TRegisterResult> {
  const now = input.now ?? new Date();
  const orgSlug = await orgSlugOf(services.pool, input.orgId);
  const result = await withRunSignals(services, async (client, outbox: OutboxRow[]) => {
    const event = await loadEvent(client, input.orgId, input.eventId, { forUpdate: true });
    if (input.isPublic || !input.checkIn) assertRegistrationOpen(event, now);
    else if (event.status === 'CANCELLED') throw new AppError('CONFLICT', 'this event was cancelled', [{ path: 'event', message: 'cancelled' }]);
    const candidate = await findOrCreateCandidate(client, input.orgId, input.person, { source: 'event', detail: { eventId: event.id, eventName: event.name, via: input.source } });
    const { rows: [existing] } = await client.query<{ id: string; status: TRegisterResult['status'] }>(
      `SELECT id, status FROM "EventRegistration" WHERE "eventId" = $1 AND "candidateId" = $2 FOR UPDATE`, [event.id, candidate.id],
    );
    if (existing && existing.status !== 'CANCELLED' && !(input.checkIn && existing.status !== 'ATTENDED')) {
      await recordConsents(client, input, candidate.id);
      return { event, registrationId: existing.id, candidateId: candidate.id, status: existing.status, isNew: false, isNewCandidate: false };
    }
    const counts = (await registrationCounts(client, [event.id])).get(event.id)!;
    const isFull = event.capacity !== null && placesTaken(counts) >= event.capacity;
    const status: TRegisterResult['status'] = input.checkIn ? 'ATTENDED' : isFull ? 'WAITLISTED' : 'REGISTERED';
    const checkedIn = input.checkIn ? [now, input.checkIn.byUserId] : [null, null];
    let registrationId: string;
    if (existing) {
      await client.query(
        `UPDATE "EventRegistration" SET status = $2::"RegistrationStatus", source = $3, "checkedInAt" = $4, "checkedInById" = $5, "updatedAt" = now() WHERE id = $1`,
        [existing.id, status, input.source, ...checkedIn],
      );
      registrationId = existing.id;
    } else {
      const { rows: [row] } = await client.query<{ id: string }>(
        `INSERT INTO "EventRegistration" (id, "orgId", "eventId", "candidateId", status, source, "checkedInAt", "checkedInById", "updatedAt")
         VALUES (replace(gen_random_uuid()::text, '-', ''), $1, $2, $3, $4::"RegistrationStatus", $5, $6, $7, now()) RETURNING id`,
        [input.orgId, event.id, candidate.id, status, input.source, ...checkedIn],
      );
      registrationId = row!.id;
    }
    await recordConsents(client, input, candidate.id);
    if (event.poolId) {
      await client.query(`INSERT INTO "TalentPoolMember" ("poolId", "candidateId", "addedById") VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [event.poolId, candidate.id, input.actor.type === 'USER' ? input.actor.id : null]);
    }
    if (status === 'REGISTERED' || status === 'ATTENDED') {
      await recordRegistrationFact(client, outbox, services.config, orgSlug, event, { id: registrationId, candidateId: candidate.id, status }, now);
    }
    await recordAudit(client, {
      orgId: input.orgId, actorType: input.actor.type, actorId: input.actor.id ?? (input.actor.type === 'CANDIDATE' ? candidate.id : null),
      action: existing ? 'event_registration.renewed' : 'event_registration.created', entityType: 'EventRegistration', entityId: registrationId,
      after: { eventId: event.id, candidateId: candidate.id, status, source: input.source },
    });
    return { event, registrationId, candidateId: candidate.id, status, isNew: true, isNewCandidate: candidate.isNew };
  });
  const { event, ...out } = result;
  if (out.isNewCandidate && 'email' in input.person) await flagDuplicates(services, input.orgId, out.candidateId);
  // A public form answers the same whether or not the person was registered (nothing about anyone is revealed to
  // whoever types an address); the email says where they stand: sent again to a registrant, at most once a day.
  const isResend = !out.isNew && input.isPublic;
  if ((out.isNew || isResend) && input.sendEmail !== false && (out.status === 'REGISTERED' || out.status === 'WAITLISTED')) {
    // After commit and not awaited by the caller's response: the registration stands whatever SMTP does.
    void sendRegistrationEmail(services, { orgSlug, event, registrationId: out.registrationId, candidateId: out.candidateId, status: out.status, isResend })
      .catch((err) => services.log.warn({ registrationId: out.registrationId, err: (err as Error).message }, 'event registration email failed'));
  }
  return out;
}

async function recordConsents(client: PoolClient, input: TRegisterInput, candidateId: string) {
  for (const c of input.consents ?? []) {
    await client.query(
      `INSERT INTO "ConsentRecord" (id, "orgId", "candidateId", purpose, status, "textVersion", source) VALUES (gen_random_uuid()::text, $1, $2, $3, 'GRANTED', $4, $5)`,
      [input.orgId, candidateId, c.purpose, c.textVersion, `event:${input.eventId}`],
    );
  }
}
