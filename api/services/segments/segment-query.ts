// The segment query language: what a saved segment stores (Segment.query) and what the live count accepts.
// Pure and strict: an unknown field or a misspelt key is a 400 naming its path, never silently ignored.
// A query is an AND of conditions; a condition may be one `any_of` group (an OR of plain conditions, one
// level deep). segment-sql.ts turns a validated query into SQL.
import { z } from 'zod';
import { INTEREST_LEVELS } from '../crm/interest-level';

export const MAX_SEGMENT_CONDITIONS = 30;
export const MAX_ANY_OF_CONDITIONS = 10;
const MAX_VALUES = 50;
/** Relative windows ("within the last N days") stay relative: a saved segment moves with the clock. */
const MAX_DAYS = 3650;

const ZId = z.string().trim().min(1).max(64);
const ZLabel = z.string().trim().min(1).max(100);
const ZLowerLabel = ZLabel.transform((s) => s.toLowerCase());
const ZDays = z.number().int().min(1).max(MAX_DAYS);
const ZInstant = z.iso.datetime({ offset: true });

export const STAGE_KINDS = ['APPLIED', 'SCREEN', 'INTERVIEW', 'OFFER', 'HIRED', 'REJECTED', 'OTHER'] as const;
export const APPLICATION_STATUSES = ['ACTIVE', 'REJECTED', 'WITHDRAWN', 'HIRED'] as const;
/** Engagement facts a segment can ask about (SENT and OPENED are left out: a send is not engagement, opens are unreliable). */
export const SEGMENT_ENGAGEMENT_KINDS = ['CLICKED', 'REPLIED', 'REGISTERED', 'ATTENDED', 'NO_SHOW', 'APPLIED', 'UNSUBSCRIBED', 'BOUNCED', 'COMPLAINED'] as const;

/**
 * A time column compared with the clock: `withinDays` (at or after now − N days), `notWithinDays` (never, or
 * before now − N days: "not contacted in 90 days" includes people never contacted), `after` / `before`
 * (absolute instants; `before` excludes never), or `isNever`.
 */
const dateWindow = <F extends string>(field: F, canBeNever: boolean) =>
  z
    .object({
      field: z.literal(field),
      withinDays: ZDays.optional(),
      notWithinDays: ZDays.optional(),
      after: ZInstant.optional(),
      before: ZInstant.optional(),
      isNever: z.literal(true).optional(),
    })
    .strict()
    .superRefine((c, ctx) => {
      const given = (['withinDays', 'notWithinDays', 'after', 'before', 'isNever'] as const).filter((k) => c[k] !== undefined);
      if (!given.length) ctx.addIssue({ code: 'custom', path: [], message: `give withinDays, notWithinDays, after or before${canBeNever ? ', or isNever' : ''}` });
      if (c.isNever && !canBeNever) ctx.addIssue({ code: 'custom', path: ['isNever'], message: `${field} always has a time` });
      else if (c.isNever && given.length > 1) ctx.addIssue({ code: 'custom', path: ['isNever'], message: 'isNever cannot be combined with a window' });
      if (c.withinDays !== undefined && c.notWithinDays !== undefined) ctx.addIssue({ code: 'custom', path: ['notWithinDays'], message: 'use either withinDays or notWithinDays' });
      if (c.after && c.before && Date.parse(c.after) >= Date.parse(c.before)) ctx.addIssue({ code: 'custom', path: ['before'], message: 'must be later than after' });
    });

const range = <F extends string>(field: F, bounds: { min: number; max: number; isInt: boolean }) => {
  const n = bounds.isInt ? z.number().int().min(bounds.min).max(bounds.max) : z.number().min(bounds.min).max(bounds.max);
  return z
    .object({ field: z.literal(field), min: n.optional(), max: n.optional() })
    .strict()
    .superRefine((c, ctx) => {
      if (c.min === undefined && c.max === undefined) ctx.addIssue({ code: 'custom', path: [], message: 'give min, max or both' });
      if (c.min !== undefined && c.max !== undefined && c.min > c.max) ctx.addIssue({ code: 'custom', path: ['max'], message: 'must be at least min' });
    });
};

const ZSkillsCondition = z.object({ field: z.literal('skills'), match: z.enum(['all', 'any']).default('all'), values: z.array(ZLowerLabel).min(1).max(MAX_VALUES) }).strict();
const ZTagsCondition = z.object({ field: z.literal('tags'), match: z.enum(['all', 'any', 'none']).default('all'), values: z.array(ZLabel).min(1).max(MAX_VALUES) }).strict();
const ZLocationCondition = z
  .object({
    field: z.literal('location'),
    /** ISO 3166-1 alpha-2; any of them. */
    countryCodes: z.array(z.string().regex(/^[A-Za-z]{2}$/, 'ISO 3166-1 alpha-2 country code').transform((s) => s.toUpperCase())).min(1).max(MAX_VALUES),
    /** Compared case-insensitively with the structured city. */
    city: ZLabel.optional(),
  })
  .strict();
const ZInterestCondition = z
  .object({ field: z.literal('interest_level'), values: z.array(z.enum([...INTEREST_LEVELS, 'UNSET'])).min(1).max(INTEREST_LEVELS.length + 1) })
  .strict();
const ZKeywordsCondition = z.object({ field: z.literal('keywords'), q: z.string().trim().min(1).max(200) }).strict();
const ZStageReachedCondition = z
  .object({
    field: z.literal('stage_reached'),
    /** some: reached one of these stages in some application (now or in the past); none: never did. */
    match: z.enum(['some', 'none']).default('some'),
    stageKinds: z.array(z.enum(STAGE_KINDS)).min(1).max(STAGE_KINDS.length).optional(),
    /** A stage name across jobs ("Onsite"), case-insensitive. */
    stageName: ZLabel.optional(),
    jobId: ZId.optional(),
  })
  .strict()
  .refine((c) => c.stageKinds || c.stageName, { message: 'give stageKinds, stageName or both', path: ['stageKinds'] });
const ZApplicationsCondition = z
  .object({
    field: z.literal('applications'),
    /** some: has an application meeting every given filter; none: has none (with no filters: never applied). */
    match: z.enum(['some', 'none']).default('some'),
    jobId: ZId.optional(),
    /** In this stage now. */
    stageId: ZId.optional(),
    statuses: z.array(z.enum(APPLICATION_STATUSES)).min(1).max(APPLICATION_STATUSES.length).optional(),
    /** The application's own source (careers_page, linkedin, referral...). */
    source: ZLabel.optional(),
    appliedWithinDays: ZDays.optional(),
  })
  .strict();
const ZEngagementCondition = z
  .object({
    field: z.literal('engagement'),
    match: z.enum(['some', 'none']).default('some'),
    kinds: z.array(z.enum(SEGMENT_ENGAGEMENT_KINDS)).min(1).max(SEGMENT_ENGAGEMENT_KINDS.length),
    withinDays: ZDays.optional(),
    campaignId: ZId.optional(),
    /** A recruiting event (RecruitingEvent.id): registered / attended / no-show there. */
    eventId: ZId.optional(),
  })
  .strict();
const ZPoolsCondition = z.object({ field: z.literal('pools'), match: z.enum(['any', 'none']).default('any'), poolIds: z.array(ZId).min(1).max(MAX_VALUES) }).strict();
const ZSourceCondition = z.object({ field: z.literal('source'), values: z.array(ZLabel).min(1).max(MAX_VALUES) }).strict();
const ZKindCondition = z.object({ field: z.literal('kind'), value: z.enum(['PROSPECT', 'APPLICANT']) }).strict();
const ZHasEmailCondition = z.object({ field: z.literal('has_email'), value: z.boolean() }).strict();
/** Has an email address that is not on the suppression list. The send-time policy still decides each send. */
const ZContactableCondition = z.object({ field: z.literal('contactable'), value: z.boolean() }).strict();

const PLAIN_CONDITIONS = [
  ZSkillsCondition, ZTagsCondition, ZLocationCondition, ZInterestCondition, ZKeywordsCondition,
  range('years_experience', { min: 0, max: 80, isInt: false }), range('engagement_score', { min: 0, max: 1_000_000, isInt: true }),
  dateWindow('last_contacted', true), dateWindow('last_engaged', true), dateWindow('last_replied', true), dateWindow('created', false),
  ZStageReachedCondition, ZApplicationsCondition, ZEngagementCondition, ZPoolsCondition, ZSourceCondition, ZKindCondition,
  ZHasEmailCondition, ZContactableCondition,
] as const;

/** A condition on one field (zod 4 keeps refinements inside the object schemas, so they discriminate by `field`). */
export const ZSegmentCondition = z.discriminatedUnion('field', PLAIN_CONDITIONS);
export type TSegmentCondition = z.infer<typeof ZSegmentCondition>;

/** An OR of plain conditions, one level deep (groups do not nest). */
export const ZAnyOfCondition = z.object({ field: z.literal('any_of'), conditions: z.array(ZSegmentCondition).min(2).max(MAX_ANY_OF_CONDITIONS) }).strict();
export type TAnyOfCondition = z.infer<typeof ZAnyOfCondition>;

export const ZSegmentQuery = z
  .object({
    /** All must hold (AND). Empty: every live profile of the organization. */
    conditions: z.array(z.discriminatedUnion('field', [...PLAIN_CONDITIONS, ZAnyOfCondition])).max(MAX_SEGMENT_CONDITIONS).default([]),
  })
  .strict();
export type TSegmentQuery = z.infer<typeof ZSegmentQuery>;
