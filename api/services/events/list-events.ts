// Reading recruiting events: the list (with registration counts), one event, its
// registrations a page at a time (keyset on createdAt, id: stable while people
// keep registering) and the registrations as CSV, streamed in batches.
import type { Response } from 'express';
import { z } from 'zod';
import { AppError } from '../../errors';
import type { Services } from '../services';
import { csvRow, startCsvDownload } from '../compliance/csv';
import { EVENT_COLUMNS, eventView, loadEvent, orgSlugOf, registrationCounts, type TEventRow } from './event-record';

export const REGISTRATION_STATUSES = ['REGISTERED', 'WAITLISTED', 'ATTENDED', 'NO_SHOW', 'CANCELLED'] as const;

export const ZListEventsQuery = z
  .object({
    status: z.enum(['DRAFT', 'PUBLISHED', 'CANCELLED']).optional(),
    /** upcoming: not over yet (soonest first); past: over (latest first). */
    when: z.enum(['upcoming', 'past', 'all']).default('all'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

export async function listEvents(services: Services, orgId: string, q: z.infer<typeof ZListEventsQuery>) {
  const end = `COALESCE(e."endsAt", e."startsAt")`;
  const when = q.when === 'upcoming' ? `AND ${end} > now()` : q.when === 'past' ? `AND ${end} <= now()` : '';
  const order = q.when === 'upcoming' ? 'e."startsAt" ASC, e.id' : 'e."startsAt" DESC, e.id';
  const { rows } = await services.pool.query<TEventRow>(
    `SELECT ${EVENT_COLUMNS} FROM "RecruitingEvent" e WHERE e."orgId" = $1 AND ($2::text IS NULL OR e.status::text = $2) ${when} ORDER BY ${order} LIMIT $3`,
    [orgId, q.status ?? null, q.limit],
  );
  const [counts, orgSlug] = await Promise.all([registrationCounts(services.pool, rows.map((r) => r.id)), orgSlugOf(services.pool, orgId)]);
  return { events: rows.map((e) => eventView(e, counts.get(e.id)!, orgSlug)) };
}

export async function readEvent(services: Services, orgId: string, eventId: string) {
  const event = await loadEvent(services.pool, orgId, eventId);
  const [counts, orgSlug] = await Promise.all([registrationCounts(services.pool, [eventId]), orgSlugOf(services.pool, orgId)]);
  return eventView(event, counts.get(eventId)!, orgSlug);
}

export const ZRegistrationsQuery = z
  .object({
    status: z.enum(REGISTRATION_STATUSES).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(200).optional(),
  })
  .strict();

interface TRegistrationRow {
  id: string; candidateId: string; status: string; source: string | null; checkedInAt: Date | null; checkedInById: string | null;
  createdAt: Date; updatedAt: Date; firstName: string; lastName: string; email: string | null;
}

const encodeCursor = (r: { createdAt: Date; id: string }) => Buffer.from(JSON.stringify([r.createdAt.toISOString(), r.id])).toString('base64url');
function decodeCursor(raw: string): [string, string] {
  try {
    const v = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && !Number.isNaN(Date.parse(v[0])) && typeof v[1] === 'string' && v[1].length <= 100) return v as [string, string];
  } catch {
    // fall through
  }
  throw new AppError('VALIDATION_FAILED', 'invalid cursor', [{ path: 'query.cursor', message: 'not a cursor this API issued' }]);
}

const REGISTRATION_SELECT = `SELECT r.id, r."candidateId", r.status, r.source, r."checkedInAt", r."checkedInById", r."createdAt", r."updatedAt", c."firstName", c."lastName", c.email
   FROM "EventRegistration" r JOIN "Candidate" c ON c.id = r."candidateId"`;

export async function listRegistrations(services: Services, orgId: string, eventId: string, q: z.infer<typeof ZRegistrationsQuery>) {
  await loadEvent(services.pool, orgId, eventId);
  const after = q.cursor ? decodeCursor(q.cursor) : null;
  const { rows } = await services.pool.query<TRegistrationRow>(
    `${REGISTRATION_SELECT}
      WHERE r."eventId" = $1 AND ($2::text IS NULL OR r.status::text = $2) AND ($3::timestamptz IS NULL OR (r."createdAt", r.id) > ($3::timestamptz, $4))
      ORDER BY r."createdAt", r.id LIMIT $5`,
    [eventId, q.status ?? null, after?.[0] ?? null, after?.[1] ?? '', q.limit + 1],
  );
  const page = rows.slice(0, q.limit);
  return {
    registrations: page.map(({ firstName, lastName, email, ...r }) => ({ ...r, candidate: { id: r.candidateId, firstName, lastName, email } })),
    nextCursor: rows.length > q.limit ? encodeCursor(page[page.length - 1]!) : null,
  };
}

export const REGISTRATION_CSV_COLUMNS = ['registration_id', 'candidate_id', 'first_name', 'last_name', 'email', 'status', 'source', 'registered_at', 'checked_in_at'] as const;
const CSV_BATCH = 1000;

export async function streamRegistrationsCsv(services: Services, orgId: string, eventId: string, res: Response) {
  const event = await loadEvent(services.pool, orgId, eventId);
  const write = startCsvDownload(res, `registrations-${event.slug}.csv`);
  await write(csvRow(REGISTRATION_CSV_COLUMNS));
  let after: [Date, string] | null = null;
  for (;;) {
    const params: unknown[] = [eventId, after?.[0] ?? null, after?.[1] ?? '', CSV_BATCH];
    const result = await services.pool.query<TRegistrationRow>(
      `${REGISTRATION_SELECT} WHERE r."eventId" = $1 AND ($2::timestamptz IS NULL OR (r."createdAt", r.id) > ($2::timestamptz, $3)) ORDER BY r."createdAt", r.id LIMIT $4`,
      params,
    );
    const rows: TRegistrationRow[] = result.rows;
    for (const r of rows) await write(csvRow([r.id, r.candidateId, r.firstName, r.lastName, r.email, r.status, r.source, r.createdAt, r.checkedInAt]));
    if (rows.length < CSV_BATCH) break;
    const last: TRegistrationRow = rows[rows.length - 1]!;
    after = [last.createdAt, last.id];
  }
  res.end();
}

/** A person's registrations, newest event first, with the event's name, time and place (the profile's events). */
export async function registrationsOfCandidate(services: Services, orgId: string, candidateId: string) {
  const { rows } = await services.pool.query<{
    id: string; status: string; source: string | null; checkedInAt: Date | null; createdAt: Date;
    eventId: string; name: string; kind: string; eventStatus: string; startsAt: Date; endsAt: Date | null; timeZone: string; location: string | null; isOnline: boolean;
  }>(
    `SELECT r.id, r.status, r.source, r."checkedInAt", r."createdAt", e.id AS "eventId", e.name, e.kind, e.status AS "eventStatus", e."startsAt", e."endsAt", e."timeZone", e.location, e."isOnline"
       FROM "EventRegistration" r JOIN "RecruitingEvent" e ON e.id = r."eventId"
      WHERE r."candidateId" = $1 AND r."orgId" = $2 ORDER BY e."startsAt" DESC, r.id LIMIT 500`,
    [candidateId, orgId],
  );
  return {
    registrations: rows.map(({ eventId, name, kind, eventStatus, startsAt, endsAt, timeZone, location, isOnline, ...r }) => ({
      ...r, event: { id: eventId, name, kind, status: eventStatus, startsAt, endsAt, timeZone, location, isOnline },
    })),
  };
}
