// Creating, editing, publishing and cancelling recruiting events. Every change is
// one transaction with an audit entry (fields before/after); references (the
// pool, the slug) are checked inside it, so bad input is refused with a field
// path and nothing is half written. More capacity gives places to the waitlist;
// a new time or place is sent to every registrant with the updated invite;
// cancelling tells every registrant (with the calendar entry's CANCEL) and ends
// their follow-up runs.
import type { PoolClient } from 'pg';
import { AppError } from '../../errors';
import type { AuthContext } from '../../auth';
import type { Services } from '../services';
import { withRunSignals } from '../run-signals';
import { changedFields, recordAudit } from '../audit';
import { withTransaction } from '../../platform/db/transaction';
import { slugify, uniqueSlug } from '../jobs/job-slug';
import { checkEventShape, eventEndOf, type TCreateEvent, type TUpdateEvent } from './event-input';
import { EVENT_COLUMNS, eventSnapshot, loadEvent, orgSlugOf, type TEventRow } from './event-record';
import { exitEventFollowUpRuns } from './event-follow-up-runs';
import { notifyPromoted, promoteFromWaitlist } from './cancel-registration';
import { sendRegistrationEmail } from './registration-emails';
import { readEvent } from './list-events';

/** Each change moves updatedAt on by at least a second: calendar invites take their SEQUENCE from it in whole seconds. */
const NEXT_VERSION = `GREATEST(now(), "updatedAt" + interval '1 second')`;

/** What registrants are told about when it changes. */
const WHERE_AND_WHEN = ['startsAt', 'endsAt', 'timeZone', 'location', 'isOnline', 'onlineUrl'] as const;

function assertShape(e: Parameters<typeof checkEventShape>[0]) {
  const problems = checkEventShape(e);
  if (problems.length) throw new AppError('VALIDATION_FAILED', `invalid body: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, problems);
}

async function checkPool(client: PoolClient, orgId: string, poolId: string | null | undefined) {
  if (!poolId) return;
  const { rowCount } = await client.query(`SELECT 1 FROM "TalentPool" WHERE id = $1 AND "orgId" = $2`, [poolId, orgId]);
  if (!rowCount) throw new AppError('VALIDATION_FAILED', `invalid body: body.poolId: no talent pool ${poolId} in this organization`, [{ path: 'body.poolId', message: 'no such talent pool' }]);
}

async function checkSlug(client: PoolClient, orgId: string, slug: string, exceptId?: string) {
  const { rowCount } = await client.query(`SELECT 1 FROM "RecruitingEvent" WHERE "orgId" = $1 AND slug = $2 AND id <> $3`, [orgId, slug, exceptId ?? '']);
  if (rowCount) throw new AppError('CONFLICT', `another event already has the address "${slug}"`, [{ path: 'body.slug', message: 'must be unique in the organization', code: 'duplicate' }]);
}

export async function createEvent(services: Services, auth: AuthContext, body: TCreateEvent) {
  const shape = { startsAt: body.startsAt, endsAt: body.endsAt ?? null, location: body.location ?? null, isOnline: body.isOnline, onlineUrl: body.onlineUrl ?? null };
  assertShape(shape);
  const id = await withTransaction(services.pool, async (client) => {
    await checkPool(client, auth.orgId, body.poolId);
    let slug = body.slug;
    if (slug) await checkSlug(client, auth.orgId, slug);
    else {
      const base = slugify(body.name);
      const { rows } = await client.query<{ slug: string }>(`SELECT slug FROM "RecruitingEvent" WHERE "orgId" = $1 AND slug LIKE $2`, [auth.orgId, `${base}%`]);
      slug = uniqueSlug(base, new Set(rows.map((r) => r.slug)));
    }
    const { rows: [row] } = await client.query<TEventRow>(
      `INSERT INTO "RecruitingEvent" AS e (id, "orgId", slug, name, description, kind, status, "startsAt", "endsAt", "timeZone", location, "isOnline", "onlineUrl", capacity, "poolId", "createdById", "updatedAt")
       VALUES (replace(gen_random_uuid()::text, '-', ''), $1, $2, $3, $4, $5, 'DRAFT', $6, $7, $8, $9, $10, $11, $12, $13, $14, now()) RETURNING ${EVENT_COLUMNS}`,
      [auth.orgId, slug, body.name, body.description, body.kind, shape.startsAt, shape.endsAt, body.timeZone, shape.location, shape.isOnline, shape.onlineUrl, body.capacity ?? null, body.poolId ?? null, auth.userId],
    );
    await recordAudit(client, { orgId: auth.orgId, actorType: 'USER', actorId: auth.userId, action: 'event.created', entityType: 'RecruitingEvent', entityId: row!.id, after: eventSnapshot(row!) });
    return row!.id;
  });
  return readEvent(services, auth.orgId, id);
}

export async function updateEvent(services: Services, auth: AuthContext, eventId: string, body: TUpdateEvent, now = new Date()) {
  const orgSlug = await orgSlugOf(services.pool, auth.orgId);
  const { event, promoted, toTell } = await withRunSignals(services, async (client, outbox) => {
    const before = await loadEvent(client, auth.orgId, eventId, { forUpdate: true });
    if (before.status === 'CANCELLED') throw new AppError('CONFLICT', 'a cancelled event cannot be changed', [{ path: 'status', message: 'CANCELLED' }]);
    const next = { ...before, ...body } as TEventRow;
    assertShape(next);
    if (body.poolId !== undefined) await checkPool(client, auth.orgId, body.poolId);
    if (body.slug !== undefined && body.slug !== before.slug) await checkSlug(client, auth.orgId, body.slug, eventId);
    const { rows: [after] } = await client.query<TEventRow>(
      `UPDATE "RecruitingEvent" AS e SET name = $3, slug = $4, description = $5, kind = $6, "startsAt" = $7, "endsAt" = $8, "timeZone" = $9, location = $10,
              "isOnline" = $11, "onlineUrl" = $12, capacity = $13, "poolId" = $14, "updatedAt" = ${NEXT_VERSION}
        WHERE id = $1 AND "orgId" = $2 RETURNING ${EVENT_COLUMNS}`,
      [eventId, auth.orgId, next.name, next.slug, next.description, next.kind, next.startsAt, next.endsAt, next.timeZone, next.location, next.isOnline, next.onlineUrl, next.capacity, next.poolId],
    );
    const diff = changedFields(eventSnapshot(before), eventSnapshot(after!));
    if (Object.keys(diff.after).length) await recordAudit(client, { orgId: auth.orgId, actorType: 'USER', actorId: auth.userId, action: 'event.updated', entityType: 'RecruitingEvent', entityId: eventId, ...diff });
    const promoted = await promoteFromWaitlist(client, outbox, services, orgSlug, after!, now);
    // Registrants hold a calendar entry and plans: a new time or place is theirs to know.
    const isMoved = after!.status === 'PUBLISHED' && WHERE_AND_WHEN.some((k) => JSON.stringify(before[k]) !== JSON.stringify(after![k]));
    const { rows: toTell } = isMoved
      ? await client.query<{ id: string; candidateId: string }>(`SELECT id, "candidateId" FROM "EventRegistration" WHERE "eventId" = $1 AND status = 'REGISTERED'`, [eventId])
      : { rows: [] };
    return { event: after!, promoted, toTell };
  });
  notifyPromoted(services, orgSlug, event, promoted);
  void notifyRegistrants(services, orgSlug, event, toTell.map((r) => ({ ...r, status: 'REGISTERED' as const })), 'event_changed');
  return readEvent(services, auth.orgId, eventId);
}

export async function publishEvent(services: Services, auth: AuthContext, eventId: string, now = new Date()) {
  await withTransaction(services.pool, async (client) => {
    const event = await loadEvent(client, auth.orgId, eventId, { forUpdate: true });
    if (event.status === 'PUBLISHED') return;
    if (event.status === 'CANCELLED') throw new AppError('CONFLICT', 'a cancelled event cannot be published again; create a new one', [{ path: 'status', message: 'CANCELLED' }]);
    if (eventEndOf(event).getTime() <= now.getTime()) throw new AppError('CONFLICT', 'this event is already over', [{ path: 'startsAt', message: 'in the past' }]);
    await client.query(`UPDATE "RecruitingEvent" SET status = 'PUBLISHED', "updatedAt" = ${NEXT_VERSION} WHERE id = $1`, [eventId]);
    await recordAudit(client, { orgId: auth.orgId, actorType: 'USER', actorId: auth.userId, action: 'event.published', entityType: 'RecruitingEvent', entityId: eventId, before: { status: event.status }, after: { status: 'PUBLISHED' } });
  });
  return readEvent(services, auth.orgId, eventId);
}

export async function cancelEvent(services: Services, auth: AuthContext, eventId: string) {
  const orgSlug = await orgSlugOf(services.pool, auth.orgId);
  const { event, toNotify } = await withRunSignals(services, async (client, outbox) => {
    const event = await loadEvent(client, auth.orgId, eventId, { forUpdate: true });
    if (event.status === 'CANCELLED') return { event, toNotify: [] };
    const { rows: [after] } = await client.query<TEventRow>(`UPDATE "RecruitingEvent" AS e SET status = 'CANCELLED', "updatedAt" = ${NEXT_VERSION} WHERE id = $1 RETURNING ${EVENT_COLUMNS}`, [eventId]);
    const { rows: live } = await client.query<{ id: string; candidateId: string; status: 'REGISTERED' | 'WAITLISTED' }>(
      `SELECT id, "candidateId", status FROM "EventRegistration" WHERE "eventId" = $1 AND status IN ('REGISTERED', 'WAITLISTED')`, [eventId],
    );
    await exitEventFollowUpRuns(client, outbox, auth.orgId, live, 'event_cancelled');
    await recordAudit(client, {
      orgId: auth.orgId, actorType: 'USER', actorId: auth.userId, action: 'event.cancelled', entityType: 'RecruitingEvent', entityId: eventId,
      before: { status: event.status }, after: { status: 'CANCELLED', registrantsNotified: event.status === 'PUBLISHED' ? live.length : 0 },
    });
    // A draft was never public: nobody registered through it to be told.
    return { event: after!, toNotify: event.status === 'PUBLISHED' ? live : [] };
  });
  void notifyRegistrants(services, orgSlug, event, toNotify, 'event_cancelled');
  return readEvent(services, auth.orgId, eventId);
}

/** One at a time after commit, each under its own idempotency key (a repeated change or cancel mails nobody twice). */
async function notifyRegistrants(
  services: Services, orgSlug: string, event: TEventRow, registrations: readonly { id: string; candidateId: string; status: 'REGISTERED' | 'WAITLISTED' }[], kind: 'event_changed' | 'event_cancelled',
) {
  for (const r of registrations) {
    await sendRegistrationEmail(services, { orgSlug, event, registrationId: r.id, candidateId: r.candidateId, status: r.status, kind })
      .catch((err) => services.log.warn({ registrationId: r.id, kind, err: (err as Error).message }, 'event notice email failed'));
  }
}
