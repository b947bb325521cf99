// Interviewer availability: time zone and working hours (ZWorkingHours), an ICS
// calendar feed whose URL is a secret (stored, never returned), its busy blocks
// (a refresh replaces them in the imported window in one transaction), and
// manual busy blocks. Everyone edits their own; coordinators edit anyone's.
import { z } from 'zod';
import { Prisma as P } from '../../../generated/prisma/client';
import type { AuthContext } from '../../auth';
import { AppError, notFound } from '../../errors';
import type { Services } from '../services';
import { ZTimeZone, ZWorkingHours, standardWorkingHours, type TWorkingHours } from '../../scheduling/working-hours';
import { importIcsBusy } from '../../scheduling/ics-feed';
import { fetchCalendarFeed } from './calendar-feed-fetch';

const DAY_MS = 86_400_000;
/** Imported window of a feed: a day back (interviews in progress) to 62 days ahead (the longest slot search). */
export const FEED_WINDOW_DAYS = { back: 1, ahead: 62 };
const COORDINATORS = new Set(['ADMIN', 'RECRUITER', 'COORDINATOR']);

/** What a feed refresh needs: the database, and whether feeds may live on private addresses. */
export interface FeedDeps { prisma: Services['prisma']; allowPrivateFeeds?: boolean }
export const feedDepsOf = (services: Services): FeedDeps => ({ prisma: services.prisma, allowPrivateFeeds: services.config.CALENDAR_FEED_ALLOW_PRIVATE });

export const ZAvailabilityUpdate = z
  .object({ timeZone: ZTimeZone, workingHours: ZWorkingHours.nullable().optional() })
  .strict()
  .superRefine((v, ctx) => {
    if (v.workingHours && v.workingHours.timeZone !== v.timeZone) ctx.addIssue({ code: 'custom', path: ['workingHours', 'timeZone'], message: 'must equal timeZone' });
  });
export const ZCalendarFeedUpdate = z.object({ url: z.url({ protocol: /^https?$/ }).max(2000) }).strict();
export const ZBusyBlockCreate = z
  .object({ startsAt: z.coerce.date(), endsAt: z.coerce.date() })
  .strict()
  .refine((b) => b.endsAt > b.startsAt, { path: ['endsAt'], message: 'must be after startsAt' })
  .refine((b) => b.endsAt.getTime() - b.startsAt.getTime() <= 62 * DAY_MS, { path: ['endsAt'], message: 'a block is at most 62 days' });

/** The user whose availability `auth` may read or change: themselves ('me'), or anyone in the org for coordinators. */
export async function resolveInterviewer(services: Services, auth: AuthContext, userId: string, isWrite: boolean) {
  const id = userId === 'me' ? auth.userId : userId;
  if (id !== auth.userId && isWrite && !COORDINATORS.has(auth.role)) throw new AppError('FORBIDDEN', 'only coordinators change another person\'s availability', [{ path: 'params.userId', message: 'not you' }]);
  const user = await services.prisma.user.findFirst({ where: { id, orgId: auth.orgId }, select: { id: true, name: true, timeZone: true, workingHours: true } });
  if (!user) throw notFound('User', id);
  return user;
}

export const effectiveWorkingHours = (user: { timeZone: string; workingHours: unknown }): TWorkingHours =>
  (user.workingHours as TWorkingHours | null) ?? standardWorkingHours(user.timeZone);

export async function getAvailability(services: Services, auth: AuthContext, userId: string) {
  const user = await resolveInterviewer(services, auth, userId, false);
  const now = Date.now();
  const [feed, busyBlocks] = await Promise.all([
    services.prisma.calendarFeed.findUnique({ where: { userId: user.id }, select: { id: true, lastFetchedAt: true, lastError: true, warnings: true } }),
    services.prisma.busyBlock.findMany({
      where: { userId: user.id, orgId: auth.orgId, endsAt: { gt: new Date(now) }, startsAt: { lt: new Date(now + 62 * DAY_MS) } },
      orderBy: { startsAt: 'asc' }, take: 1000, select: { id: true, source: true, startsAt: true, endsAt: true },
    }),
  ]);
  // The feed URL is never returned: private feed URLs carry their own access token.
  return { userId: user.id, timeZone: user.timeZone, workingHours: effectiveWorkingHours(user), isDefaultWorkingHours: user.workingHours === null, calendarFeed: feed, busyBlocks };
}

export async function setAvailability(services: Services, auth: AuthContext, userId: string, body: z.infer<typeof ZAvailabilityUpdate>) {
  const user = await resolveInterviewer(services, auth, userId, true);
  const workingHours = body.workingHours === undefined ? (user.workingHours as TWorkingHours | null) : body.workingHours;
  // Hours kept from before follow the new zone (09:00 stays 09:00 where the person now is).
  const next = workingHours ? { ...workingHours, timeZone: body.timeZone } : null;
  await services.prisma.$transaction([
    services.prisma.user.update({ where: { id: user.id }, data: { timeZone: body.timeZone, workingHours: next === null ? P.DbNull : (next as P.InputJsonValue) } }),
    services.prisma.auditEvent.create({ data: { orgId: auth.orgId, actorType: 'USER', actorId: auth.userId, action: 'availability.updated', entityType: 'User', entityId: user.id, before: { timeZone: user.timeZone, workingHours: user.workingHours as P.InputJsonValue }, after: { timeZone: body.timeZone, workingHours: next as P.InputJsonValue } } }),
  ]);
  return getAvailability(services, auth, user.id);
}

export async function setCalendarFeed(services: Services, auth: AuthContext, userId: string, body: z.infer<typeof ZCalendarFeedUpdate>) {
  const user = await resolveInterviewer(services, auth, userId, true);
  const feed = await services.prisma.calendarFeed.upsert({
    where: { userId: user.id },
    create: { orgId: auth.orgId, userId: user.id, url: body.url },
    update: { url: body.url, lastFetchedAt: null, lastError: null, warnings: [] },
    select: { id: true },
  });
  await services.prisma.auditEvent.create({ data: { orgId: auth.orgId, actorType: 'USER', actorId: auth.userId, action: 'calendar_feed.set', entityType: 'User', entityId: user.id, after: { feedId: feed.id } } });
  return refreshCalendarFeed(feedDepsOf(services), feed.id);
}

export async function removeCalendarFeed(services: Services, auth: AuthContext, userId: string) {
  const user = await resolveInterviewer(services, auth, userId, true);
  // Its busy blocks go with it (ON DELETE CASCADE).
  await services.prisma.calendarFeed.deleteMany({ where: { userId: user.id, orgId: auth.orgId } });
}

/** Fetches and imports a feed; stores the outcome on the feed. Old blocks stay when the fetch or parse fails. */
export async function refreshCalendarFeed(services: FeedDeps, feedId: string, now = Date.now()) {
  const feed = await services.prisma.calendarFeed.findUniqueOrThrow({ where: { id: feedId }, include: { user: { select: { timeZone: true } } } });
  const window = { start: now - FEED_WINDOW_DAYS.back * DAY_MS, end: now + FEED_WINDOW_DAYS.ahead * DAY_MS };
  const fetched = await fetchCalendarFeed(feed.url, { allowPrivate: services.allowPrivateFeeds });
  let imported: ReturnType<typeof importIcsBusy> | undefined;
  let error = fetched.isOk ? null : fetched.reason;
  if (fetched.isOk) {
    try {
      imported = importIcsBusy(fetched.text, { window, defaultTimeZone: feed.user.timeZone });
    } catch (err) {
      error = err instanceof AppError ? 'not an iCalendar feed' : `import failed: ${(err as Error).message}`.slice(0, 300);
    }
  }
  const at = new Date(now);
  if (!imported) {
    await services.prisma.calendarFeed.update({ where: { id: feed.id }, data: { lastFetchedAt: at, lastError: error } });
    return { feedId: feed.id, isOk: false, error, busyBlocks: null, warnings: [] as string[] };
  }
  const warnings = imported.warnings.slice(0, 100);
  await services.prisma.$transaction([
    services.prisma.busyBlock.deleteMany({ where: { feedId: feed.id, endsAt: { gt: new Date(window.start) }, startsAt: { lt: new Date(window.end) } } }),
    services.prisma.busyBlock.createMany({ data: imported.busy.map((b) => ({ orgId: feed.orgId, userId: feed.userId, source: 'ICS_FEED' as const, feedId: feed.id, startsAt: new Date(b.start), endsAt: new Date(b.end) })) }),
    services.prisma.calendarFeed.update({ where: { id: feed.id }, data: { lastFetchedAt: at, lastError: null, warnings } }),
  ]);
  return { feedId: feed.id, isOk: true, error: null, busyBlocks: imported.busy.length, warnings };
}

export async function refreshOwnFeed(services: Services, auth: AuthContext, userId: string) {
  const user = await resolveInterviewer(services, auth, userId, true);
  const feed = await services.prisma.calendarFeed.findUnique({ where: { userId: user.id }, select: { id: true } });
  if (!feed) throw new AppError('NOT_FOUND', 'no calendar feed set', [{ path: 'params.userId', message: 'set a feed first' }]);
  return refreshCalendarFeed(feedDepsOf(services), feed.id);
}

export async function addBusyBlock(services: Services, auth: AuthContext, userId: string, body: z.infer<typeof ZBusyBlockCreate>) {
  const user = await resolveInterviewer(services, auth, userId, true);
  return services.prisma.busyBlock.create({ data: { orgId: auth.orgId, userId: user.id, source: 'MANUAL', startsAt: body.startsAt, endsAt: body.endsAt }, select: { id: true, source: true, startsAt: true, endsAt: true } });
}

export async function deleteBusyBlock(services: Services, auth: AuthContext, userId: string, blockId: string) {
  const user = await resolveInterviewer(services, auth, userId, true);
  // Feed blocks come back on the next refresh, so only manual ones can be deleted.
  const { count } = await services.prisma.busyBlock.deleteMany({ where: { id: blockId, userId: user.id, orgId: auth.orgId, source: 'MANUAL' } });
  if (!count) throw notFound('Busy block', blockId);
}

/** Feeds older than this are fetched again when someone looks for their owners' slots. */
export const FEED_MAX_AGE_MS = 6 * 3_600_000;
const refreshing = new Set<string>();

/**
 * Refreshes the stale feeds of these interviewers (not fetched within FEED_MAX_AGE_MS), each at most once at a
 * time per process. Slot searches call it: the API without waiting (this search uses the blocks it has, the
 * next one the fresh ones), the self-scheduling activity waiting, since a worker can afford the fetch.
 */
export async function refreshStaleFeeds(services: FeedDeps, orgId: string, userIds: string[], now = Date.now()): Promise<number> {
  const stale = await services.prisma.calendarFeed.findMany({
    where: { orgId, userId: { in: userIds }, OR: [{ lastFetchedAt: null }, { lastFetchedAt: { lt: new Date(now - FEED_MAX_AGE_MS) } }] },
    select: { id: true },
  });
  const mine = stale.filter((f) => !refreshing.has(f.id));
  mine.forEach((f) => refreshing.add(f.id));
  await Promise.all(mine.map((f) => refreshCalendarFeed(services, f.id, now).catch(() => undefined).finally(() => refreshing.delete(f.id))));
  return mine.length;
}
