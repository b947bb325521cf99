// Trigger: a candidate was enrolled in a CRM campaign that runs this pipeline.
import { z } from 'zod';
import { defineNode } from '../node-definition';

export const ZCampaignEnrolledConfig = z
  .object({
    /** Only enrollments in this campaign; any campaign using this pipeline when absent. */
    campaignId: z.string().min(1).max(100).optional(),
  })
  .strict();
export type TCampaignEnrolledConfig = z.infer<typeof ZCampaignEnrolledConfig>;

export default defineNode({
  type: 'trigger.campaign_enrolled',
  typeVersion: 1,
  category: 'trigger',
  label: 'Enrolled in campaign',
  docs:
    'Starts one run per candidate enrolled in a campaign that uses this pipeline (a candidate runs a campaign once), ' +
    'optionally limited to one campaign. Leaves immediately by "out".',
  config: ZCampaignEnrolledConfig,
  ports: () => ['out'],
  isTrigger: true,
  start: () => ({ kind: 'next', port: 'out' }),
});
