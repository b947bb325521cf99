// The public side of events, without a login: the page's data (only published
// events; a draft looks missing), the consent texts a form must show, a
// registration from the page or the public API, and the registrant's own view
// and cancel through the signed link of their confirmation email.
import { AppError, notFound } from '../../errors';
import type { Services } from '../services';
import { findPublicOrg } from '../../careers/careers-query';
import type { TPublicOrg } from '../../careers/public-job';
import { EVENT_COLUMNS, placesTaken, registrationCounts, type TEventRow } from './event-record';
import { registerForEvent } from './register-for-event';
import { cancelRegistration } from './cancel-registration';
import { linkKeyOf, verifyLink } from './signed-link';
import { EVENT_CONSENT_PURPOSES, type TPublicRegistration } from './registration-input';

export interface TPublicEvent {
  org: TPublicOrg;
  event: TEventRow;
  placesLeft: number | null;
  /** The newest text of each purpose the form asks for; talent_pool is required once published. */
  consents: { purpose: (typeof EVENT_CONSENT_PURPOSES)[number]; version: string; body: string; isRequired: boolean }[];
}

export async function findPublicEvent(services: Services, orgSlug: string, eventSlug: string): Promise<TPublicEvent | null> {
  const org = await findPublicOrg(services.prisma, orgSlug);
  if (!org) return null;
  const { rows: [event] } = await services.pool.query<TEventRow>(`SELECT ${EVENT_COLUMNS} FROM "RecruitingEvent" e WHERE e."orgId" = $1 AND e.slug = $2 AND e.status <> 'DRAFT'`, [org.id, eventSlug]);
  if (!event) return null;
  const [counts, texts] = await Promise.all([
    registrationCounts(services.pool, [event.id]),
    services.pool.query<{ purpose: (typeof EVENT_CONSENT_PURPOSES)[number]; version: string; body: string }>(
      `SELECT DISTINCT ON (purpose) purpose, version, body FROM "ConsentText" WHERE "orgId" = $1 AND purpose = ANY($2::text[]) ORDER BY purpose DESC, "publishedAt" DESC`,
      [org.id, [...EVENT_CONSENT_PURPOSES]],
    ),
  ]);
  const taken = placesTaken(counts.get(event.id)!);
  return {
    org, event, placesLeft: event.capacity === null ? null : Math.max(0, event.capacity - taken),
    consents: texts.rows.map((t) => ({ ...t, isRequired: t.purpose === 'talent_pool' })),
  };
}

export async function registerPublicly(services: Services, orgSlug: string, eventSlug: string, body: TPublicRegistration, source = 'public_page') {
  const found = await findPublicEvent(services, orgSlug, eventSlug);
  if (!found) throw notFound('Event', eventSlug);
  const problems = [];
  for (const text of found.consents) {
    const given = body.consents.find((c) => c.purpose === text.purpose);
    if (text.isRequired && !given) problems.push({ path: 'body.consents', message: `agreeing to the ${text.purpose.replace('_', ' ')} text (version ${text.version}) is required`, code: 'required' });
  }
  for (const [i, c] of body.consents.entries()) {
    const { rowCount } = await services.pool.query(`SELECT 1 FROM "ConsentText" WHERE "orgId" = $1 AND purpose = $2 AND version = $3`, [found.org.id, c.purpose, c.textVersion]);
    if (!rowCount) problems.push({ path: `body.consents.${i}.textVersion`, message: `version ${c.textVersion} of the ${c.purpose} text was never published`, code: 'invalid_value' });
  }
  if (problems.length) throw new AppError('VALIDATION_FAILED', `invalid body: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, problems);
  return registerForEvent(services, {
    orgId: found.org.id, eventId: found.event.id, person: body.person, consents: body.consents, source, actor: { type: 'CANDIDATE', id: null }, isPublic: true,
  });
}

export interface TOwnRegistration {
  registrationId: string;
  orgId: string;
  orgSlug: string;
  orgName: string;
  status: string;
  firstName: string;
  event: TEventRow;
}

/** The registration a signed link names, or null (forged, or the person was erased). */
export async function findOwnRegistration(services: Services, token: string): Promise<TOwnRegistration | null> {
  const id = verifyLink(linkKeyOf(services.config), 'event-registration', token);
  if (!id) return null;
  const { rows: [r] } = await services.pool.query<{ id: string; orgId: string; status: string; eventId: string; firstName: string; orgSlug: string; orgName: string; anonymizedAt: Date | null }>(
    `SELECT r.id, r."orgId", r.status, r."eventId", c."firstName", c."anonymizedAt", o.slug AS "orgSlug", o.name AS "orgName"
       FROM "EventRegistration" r JOIN "Candidate" c ON c.id = r."candidateId" JOIN "Organization" o ON o.id = r."orgId" WHERE r.id = $1`,
    [id],
  );
  if (!r || r.anonymizedAt) return null;
  const { rows: [event] } = await services.pool.query<TEventRow>(`SELECT ${EVENT_COLUMNS} FROM "RecruitingEvent" e WHERE e.id = $1`, [r.eventId]);
  return { registrationId: r.id, orgId: r.orgId, orgSlug: r.orgSlug, orgName: r.orgName, status: r.status, firstName: r.firstName, event: event! };
}

export async function cancelOwnRegistration(services: Services, token: string) {
  const own = await findOwnRegistration(services, token);
  if (!own) throw new AppError('NOT_FOUND', 'this link is not valid', [{ path: 'token', message: 'invalid link', code: 'invalid_token' }]);
  await cancelRegistration(services, { orgId: own.orgId, registrationId: own.registrationId, actor: { type: 'CANDIDATE', id: null } });
  return own;
}
