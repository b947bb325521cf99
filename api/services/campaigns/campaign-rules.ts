// The rules of a campaign's life, pure so the API, the enrollment sweep and the tests share them: which status
// changes are allowed, what may be edited in which status, and which pipelines a campaign can run (a published
// NURTURE graph that starts on trigger.campaign_enrolled and exits when the person applies, unsubscribes or is
// hired, so no campaign keeps nurturing someone who is already in a hiring process or asked to be left alone).
import type { CampaignStatus } from '../../../generated/prisma/client';
import type { Plan } from '../../../workflows/graph/plan';

export type TCampaignAction = 'activate' | 'pause' | 'resume' | 'archive';

const TRANSITIONS: Record<TCampaignAction, { from: readonly CampaignStatus[]; to: CampaignStatus }> = {
  activate: { from: ['DRAFT'], to: 'ACTIVE' },
  pause: { from: ['ACTIVE'], to: 'PAUSED' },
  resume: { from: ['PAUSED'], to: 'ACTIVE' },
  archive: { from: ['DRAFT', 'ACTIVE', 'PAUSED'], to: 'ARCHIVED' },
};

/** The status after `action`, or why it is refused. */
export function nextCampaignStatus(current: CampaignStatus, action: TCampaignAction): { to: CampaignStatus } | { refusal: string } {
  const rule = TRANSITIONS[action];
  if (rule.from.includes(current)) return { to: rule.to };
  const done = action === 'activate' ? 'activated' : `${action}d`;
  const from = rule.from.map((s) => s.toLowerCase());
  const list = from.length > 1 ? `${from.slice(0, -1).join(', ')} or ${from[from.length - 1]}` : from[0];
  return { refusal: `the campaign is ${current.toLowerCase()}; only ${list} campaigns can be ${done}` };
}

/** Fields whose change would mix two audiences or two graphs in one live campaign: editable while DRAFT or PAUSED. */
export const FIELDS_LOCKED_WHILE_ACTIVE = ['pipelineId', 'segmentId', 'poolId'] as const;

export function editRefusal(status: CampaignStatus, changed: readonly string[]): string | null {
  if (status === 'ARCHIVED') return 'an archived campaign cannot be changed';
  const locked = changed.filter((f) => (FIELDS_LOCKED_WHILE_ACTIVE as readonly string[]).includes(f));
  if (status === 'ACTIVE' && locked.length) return `pause the campaign before changing ${locked.join(', ')}`;
  return null;
}

/** Enrollment (by hand, the audience, or the sweep) only into a campaign that is running. */
export const ENROLLING_STATUSES: readonly CampaignStatus[] = ['ACTIVE'];

/**
 * Every campaign graph must end a run on these (its settings.exitOn): nobody is nurtured after applying,
 * unsubscribing or being hired. A reply is left to the graph (exit on it, or branch to a recruiter task): the
 * contact policy's stop-on-reply, on by default, already holds back marketing after a reply in every campaign.
 */
export const REQUIRED_CAMPAIGN_EXITS = ['candidate.applied', 'candidate.unsubscribed', 'candidate.hired'] as const;

export const CAMPAIGN_TRIGGER = 'trigger.campaign_enrolled';

/** Why a published plan cannot run as this campaign's graph (empty: it can). */
export function planFitIssues(plan: Plan, campaignId: string | null): string[] {
  const issues: string[] = [];
  const trigger = plan.nodes[plan.triggerNodeId];
  if (trigger?.type !== CAMPAIGN_TRIGGER) issues.push(`the pipeline starts on "${trigger?.type ?? 'nothing'}", not ${CAMPAIGN_TRIGGER}`);
  const only = (trigger?.config as { campaignId?: string } | undefined)?.campaignId;
  if (trigger?.type === CAMPAIGN_TRIGGER && only && only !== campaignId) issues.push(`the pipeline's trigger is limited to campaign ${only}`);
  const missing = REQUIRED_CAMPAIGN_EXITS.filter((e) => !plan.exitOn?.includes(e));
  if (missing.length) issues.push(`the graph's settings.exitOn must include ${missing.join(', ')} (a campaign stops when the person applies, unsubscribes or is hired)`);
  return issues;
}
