// What the campaign API accepts. Strict: an unknown key is a 400 naming its path. The audience is exactly one
// of a segment (dynamic) or a talent pool (static); the contact policy only adds to the organization's
// (ZCampaignContactPolicy: a cap, quiet hours, a consent purpose, stop-on-reply), so it can never loosen it.
import { z } from 'zod';
import { ALL_MARKETING, ZCampaignContactPolicy, ZTopic } from '../messaging/contact-policy';

const ZId = z.string().trim().min(1).max(100);
/** The preference-center topic of the campaign's emails; "all" stands for every marketing email and is no topic. */
const ZCampaignTopic = ZTopic.refine((t) => t !== ALL_MARKETING, `"${ALL_MARKETING}" is reserved for unsubscribing from all marketing`);

const audienceRefinement = (b: { segmentId?: string | null; poolId?: string | null }, ctx: z.RefinementCtx, isRequired: boolean) => {
  const given = [b.segmentId, b.poolId].filter((x) => typeof x === 'string').length;
  if (given > 1) ctx.addIssue({ code: 'custom', path: ['poolId'], message: 'give a segmentId or a poolId, not both' });
  if (isRequired && given === 0) ctx.addIssue({ code: 'custom', path: ['segmentId'], message: 'the audience is required: a segmentId or a poolId' });
};

export const ZCreateCampaign = z
  .object({
    name: z.string().trim().min(1).max(200),
    /** A NURTURE pipeline with a published version that starts on trigger.campaign_enrolled. */
    pipelineId: ZId,
    segmentId: ZId.optional(),
    poolId: ZId.optional(),
    contactPolicy: ZCampaignContactPolicy.default({}),
    topic: ZCampaignTopic.default('jobs'),
    /** Emails go out as this user of the organization; replies reach them. */
    senderUserId: ZId.optional(),
    /** New audience members enroll on their own (every minute) while the campaign is active. */
    isAutoEnroll: z.boolean().default(true),
  })
  .strict()
  .superRefine((b, ctx) => audienceRefinement(b, ctx, true));
export type TCreateCampaign = z.infer<typeof ZCreateCampaign>;

export const ZUpdateCampaign = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    pipelineId: ZId.optional(),
    /** Switches the audience to this segment (the pool is dropped). */
    segmentId: ZId.optional(),
    /** Switches the audience to this pool (the segment is dropped). */
    poolId: ZId.optional(),
    contactPolicy: ZCampaignContactPolicy.optional(),
    topic: ZCampaignTopic.optional(),
    /** null: the organization's default sender. */
    senderUserId: ZId.nullable().optional(),
    isAutoEnroll: z.boolean().optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
    audienceRefinement(b, ctx, false);
    if (!Object.keys(b).length) ctx.addIssue({ code: 'custom', path: [], message: 'nothing to change' });
  });
export type TUpdateCampaign = z.infer<typeof ZUpdateCampaign>;

export const CAMPAIGN_STATUSES = ['DRAFT', 'ACTIVE', 'PAUSED', 'ARCHIVED'] as const;

export const ZListCampaigns = z
  .object({
    status: z.enum(CAMPAIGN_STATUSES).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(100),
  })
  .strict();

export const ZEnrollOne = z.object({ candidateId: ZId }).strict();

export const ENROLLMENT_STATUSES = ['PENDING', 'RUNNING', 'COMPLETED', 'EXITED', 'FAILED', 'CANCELLED'] as const;

export const ZListEnrollments = z
  .object({
    status: z.enum(ENROLLMENT_STATUSES).optional(),
    /** Opaque: the `nextCursor` of the previous page. */
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

export const ZHandOff = z
  .object({
    jobId: ZId,
    /** A stage of the job to start in (default: its first stage); not a hired or rejected stage. */
    stageId: ZId.optional(),
    /** Why, for the profile: saved as a note on the new application. */
    note: z.string().trim().min(1).max(5000).optional(),
  })
  .strict();
export type THandOff = z.infer<typeof ZHandOff>;
