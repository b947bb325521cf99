// One recruiting event as the API returns it (with registration counts and places
// left) and as the audit log records it; the public address of its page.
import type { PoolClient, Pool } from 'pg';
import { notFound } from '../../errors';
import type { TConfig } from '../../platform/config';

export interface TEventRow {
  id: string;
  orgId: string;
  slug: string;
  name: string;
  description: string;
  kind: string;
  status: 'DRAFT' | 'PUBLISHED' | 'CANCELLED';
  startsAt: Date;
  endsAt: Date | null;
  timeZone: string;
  location: string | null;
  isOnline: boolean;
  onlineUrl: string | null;
  capacity: number | null;
  poolId: string | null;
  createdById: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const EVENT_COLUMNS = `e.id, e."orgId", e.slug, e.name, e.description, e.kind, e.status, e."startsAt", e."endsAt", e."timeZone", e.location,
  e."isOnline", e."onlineUrl", e.capacity, e."poolId", e."createdById", e."createdAt", e."updatedAt"`;

export interface TRegistrationCounts {
  registered: number;
  waitlisted: number;
  attended: number;
  noShow: number;
  cancelled: number;
}

const ZERO: TRegistrationCounts = { registered: 0, waitlisted: 0, attended: 0, noShow: 0, cancelled: 0 };
const COUNT_KEY: Record<string, keyof TRegistrationCounts> = { REGISTERED: 'registered', WAITLISTED: 'waitlisted', ATTENDED: 'attended', NO_SHOW: 'noShow', CANCELLED: 'cancelled' };

/** Places taken: people registered or already checked in (a no-show held a place too). */
export const placesTaken = (c: TRegistrationCounts) => c.registered + c.attended + c.noShow;

export async function registrationCounts(db: Pick<Pool, 'query'>, eventIds: readonly string[]): Promise<Map<string, TRegistrationCounts>> {
  const counts = new Map<string, TRegistrationCounts>(eventIds.map((id) => [id, { ...ZERO }]));
  if (!eventIds.length) return counts;
  const { rows } = await db.query<{ eventId: string; status: string; n: number }>(
    `SELECT "eventId", status, count(*)::int AS n FROM "EventRegistration" WHERE "eventId" = ANY($1::text[]) GROUP BY "eventId", status`,
    [eventIds],
  );
  for (const r of rows) counts.get(r.eventId)![COUNT_KEY[r.status]!] = r.n;
  return counts;
}

/** The public registration page, relative to the site. */
export const eventPath = (orgSlug: string, eventSlug: string) => `/events/${encodeURIComponent(orgSlug)}/${encodeURIComponent(eventSlug)}`;

/** Where links in emails point: PUBLIC_URL, else the API's own address. */
export const publicBaseUrl = (config: Pick<TConfig, 'PUBLIC_URL' | 'HOST' | 'PORT'>) => (config.PUBLIC_URL ?? `http://${config.HOST}:${config.PORT}`).replace(/\/+$/, '');

export function eventView(e: TEventRow, counts: TRegistrationCounts, orgSlug: string) {
  const { orgId: _orgId, ...rest } = e;
  return {
    ...rest,
    publicPath: eventPath(orgSlug, e.slug),
    counts,
    /** Null when the event has no capacity. */
    placesLeft: e.capacity === null ? null : Math.max(0, e.capacity - placesTaken(counts)),
  };
}
export type TEventView = ReturnType<typeof eventView>;

/** The editable state of an event, for audit before/after pairs. */
export function eventSnapshot(e: TEventRow): Record<string, unknown> {
  const { createdAt: _c, updatedAt: _u, createdById: _b, orgId: _o, id: _i, ...state } = e;
  return state;
}

/** The event of this organization (locked for the transaction when asked), or 404: another organization's id looks missing. */
export async function loadEvent(client: Pick<PoolClient, 'query'>, orgId: string, eventId: string, opts: { forUpdate?: boolean } = {}): Promise<TEventRow> {
  const { rows } = await client.query<TEventRow>(`SELECT ${EVENT_COLUMNS} FROM "RecruitingEvent" e WHERE e.id = $1 AND e."orgId" = $2${opts.forUpdate ? ' FOR UPDATE' : ''}`, [eventId, orgId]);
  if (!rows[0]) throw notFound('Event', eventId);
  return rows[0];
}

export async function orgSlugOf(db: Pick<Pool, 'query'>, orgId: string): Promise<string> {
  const { rows } = await db.query<{ slug: string }>(`SELECT slug FROM "Organization" WHERE id = $1`, [orgId]);
  return rows[0]!.slug;
}
