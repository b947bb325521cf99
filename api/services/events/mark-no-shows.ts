// The periodic job `event-no-shows`: once a published event has ended (plus a
// grace period for late check-ins), registrations still REGISTERED become
// NO_SHOW, each with its engagement event and "no_show" follow-up runs, in one
// transaction per event under the event's lock (so a late check-in and the sweep
// cannot both decide). Waitlisted people never had a place and stay waitlisted.
import type { Services } from '../services';
import type { PeriodicJob } from '../../platform/periodic-jobs';
import { withRunSignals } from '../run-signals';
import { recordAudit } from '../audit';
import { loadEvent, orgSlugOf } from './event-record';
import { recordRegistrationFact } from './registration-facts';

/** People are still walking in for a while after the scheduled end. */
export const NO_SHOW_GRACE_MS = 2 * 3_600_000;
const EVENTS_PER_PASS = 50;

export async function markNoShows(services: Services, now = new Date()): Promise<{ events: number; noShows: number }> {
  const { rows: due } = await services.pool.query<{ id: string; orgId: string }>(
    `SELECT e.id, e."orgId" FROM "RecruitingEvent" e
      WHERE e.status = 'PUBLISHED' AND COALESCE(e."endsAt", e."startsAt") < $1
        AND EXISTS (SELECT 1 FROM "EventRegistration" r WHERE r."eventId" = e.id AND r.status = 'REGISTERED')
      ORDER BY COALESCE(e."endsAt", e."startsAt") LIMIT $2`,
    [new Date(now.getTime() - NO_SHOW_GRACE_MS), EVENTS_PER_PASS],
  );
  let noShows = 0;
  for (const { id, orgId } of due) {
    const orgSlug = await orgSlugOf(services.pool, orgId);
    noShows += await withRunSignals(services, async (client, outbox) => {
      const event = await loadEvent(client, orgId, id, { forUpdate: true });
      const { rows } = await client.query<{ id: string; candidateId: string }>(
        `UPDATE "EventRegistration" SET status = 'NO_SHOW', "updatedAt" = now() WHERE "eventId" = $1 AND status = 'REGISTERED' RETURNING id, "candidateId"`, [id],
      );
      for (const r of rows) await recordRegistrationFact(client, outbox, services.config, orgSlug, event, { id: r.id, candidateId: r.candidateId, status: 'NO_SHOW' }, now);
      await recordAudit(client, { orgId, actorType: 'SYSTEM', actorId: null, action: 'event.no_shows_marked', entityType: 'RecruitingEvent', entityId: id, after: { noShows: rows.length } });
      return rows.length;
    });
  }
  if (noShows) services.log.info({ events: due.length, noShows }, 'event no-shows marked');
  return { events: due.length, noShows };
}

export const EVENT_NO_SHOWS_JOB: PeriodicJob = { name: 'event-no-shows', everyMs: 5 * 60_000, run: (services) => markNoShows(services) };
