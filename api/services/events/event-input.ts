// What a recruiting event create/update request may contain, validated before
// anything is written. An update is checked twice: its own fields here, then the
// event as it would be after the change (checkEventShape), so a PATCH of
// endsAt alone cannot end an event before it starts.
import { z } from 'zod';
import type { ErrorDetail } from '../../errors';
import { ZTimeZone } from '../../scheduling/working-hours';

export const EVENT_KINDS = ['career_fair', 'meetup', 'webinar', 'open_house', 'info_session'] as const;
export type TEventKind = (typeof EVENT_KINDS)[number];

export const EVENT_KIND_LABELS: Record<TEventKind, string> = {
  career_fair: 'Career fair', meetup: 'Meetup', webinar: 'Webinar', open_house: 'Open house', info_session: 'Info session',
};

const ZInstant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
const ZHttpUrl = z.url({ protocol: /^https?$/ }).max(2000);

export const ZEventSlug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case letters, digits and single hyphens').max(80);

const fields = {
  name: z.string().trim().min(1).max(200),
  /** Public address /events/<org>/<slug>; derived from the name when absent. */
  slug: ZEventSlug,
  kind: z.enum(EVENT_KINDS),
  /** Markdown, shown on the public page (rendered by the careers Markdown sanitiser). */
  description: z.string().max(50_000),
  startsAt: ZInstant,
  endsAt: ZInstant.nullable(),
  /** The zone times are shown in on the page and in emails. */
  timeZone: ZTimeZone,
  /** A venue ("Factory Berlin, Rheinsberger Str. 76, Berlin"), or null for online-only events. */
  location: z.string().trim().min(1).max(300).nullable(),
  isOnline: z.boolean(),
  /** Where an online event happens; given to registrants in the confirmation, never on the public page. */
  onlineUrl: ZHttpUrl.nullable(),
  /** Places; registrations past it go to the waitlist. Null = unlimited. */
  capacity: z.number().int().min(1).max(1_000_000).nullable(),
  /** Registrants join this talent pool. */
  poolId: z.string().min(1).max(100).nullable(),
};

export const ZCreateEvent = z
  .object({
    ...fields,
    slug: fields.slug.optional(),
    kind: fields.kind.default('meetup'),
    description: fields.description.default(''),
    endsAt: fields.endsAt.optional(),
    timeZone: fields.timeZone.default('UTC'),
    location: fields.location.optional(),
    isOnline: fields.isOnline.default(false),
    onlineUrl: fields.onlineUrl.optional(),
    capacity: fields.capacity.optional(),
    poolId: fields.poolId.optional(),
  })
  .strict();
export type TCreateEvent = z.infer<typeof ZCreateEvent>;

export const ZUpdateEvent = z
  .object(fields)
  .partial()
  .strict()
  .refine((u) => Object.keys(u).length > 0, { message: 'nothing to change' });
export type TUpdateEvent = z.infer<typeof ZUpdateEvent>;

/** The fields that decide whether an event makes sense, after a create or an update. */
export interface TEventShape {
  startsAt: Date;
  endsAt: Date | null;
  location: string | null;
  isOnline: boolean;
  onlineUrl: string | null;
}

/** Problems of the event as a whole, with the body path a person would fix. */
export function checkEventShape(e: TEventShape): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (e.endsAt && e.endsAt.getTime() <= e.startsAt.getTime()) problems.push({ path: 'body.endsAt', message: 'must be after startsAt', code: 'invalid_value' });
  if (e.endsAt && e.endsAt.getTime() - e.startsAt.getTime() > 31 * 86_400_000) problems.push({ path: 'body.endsAt', message: 'an event lasts at most 31 days', code: 'too_big' });
  if (!e.isOnline && !e.location) problems.push({ path: 'body.location', message: 'an event in person needs a location (or set isOnline)', code: 'required' });
  if (e.isOnline && !e.onlineUrl) problems.push({ path: 'body.onlineUrl', message: 'an online event needs the URL where it happens', code: 'required' });
  if (!e.isOnline && e.onlineUrl) problems.push({ path: 'body.onlineUrl', message: 'only online events have an online URL (set isOnline)', code: 'invalid_value' });
  return problems;
}

/** When registration closes and attendance is settled: the end, or the start for events without an end. */
export const eventEndOf = (e: Pick<TEventShape, 'startsAt' | 'endsAt'>): Date => e.endsAt ?? e.startsAt;
