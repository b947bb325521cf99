// The campaign form's state and the requests it makes: a new campaign's body, or the fields an edit changed
// (an ACTIVE campaign refuses a changed pipeline or audience, so unchanged ones are never sent). The contact
// policy fields only add to the organization's policy: a cap and quiet hours here hold on top of it.
import type { Campaign } from './crm-types';

export type CampaignForm = {
  name: string;
  audienceKind: 'segment' | 'pool';
  segmentId: string;
  poolId: string;
  pipelineId: string;
  /** '' = the organization's default sender. */
  senderUserId: string;
  topic: string;
  hasCap: boolean;
  capMax: string;
  capPerDays: string;
  hasQuietHours: boolean;
  quietStart: string;
  quietEnd: string;
  isAutoEnroll: boolean;
};

export const EMPTY_CAMPAIGN_FORM: CampaignForm = {
  name: '', audienceKind: 'segment', segmentId: '', poolId: '', pipelineId: '', senderUserId: '', topic: 'jobs',
  hasCap: false, capMax: '1', capPerDays: '7', hasQuietHours: false, quietStart: '20:00', quietEnd: '08:00', isAutoEnroll: true,
};

type StoredPolicy = { frequencyCap?: { max: number; perDays: number }; quietHours?: { start: string; end: string } };

export function formOfCampaign(c: Campaign): CampaignForm {
  const policy = (c.contactPolicy ?? {}) as StoredPolicy;
  return {
    name: c.name,
    audienceKind: c.audience.kind,
    segmentId: c.audience.kind === 'segment' ? c.audience.id : '',
    poolId: c.audience.kind === 'pool' ? c.audience.id : '',
    pipelineId: c.pipeline.id,
    senderUserId: c.sender?.id ?? '',
    topic: c.topic,
    hasCap: !!policy.frequencyCap,
    capMax: String(policy.frequencyCap?.max ?? EMPTY_CAMPAIGN_FORM.capMax),
    capPerDays: String(policy.frequencyCap?.perDays ?? EMPTY_CAMPAIGN_FORM.capPerDays),
    hasQuietHours: !!policy.quietHours,
    quietStart: policy.quietHours?.start ?? EMPTY_CAMPAIGN_FORM.quietStart,
    quietEnd: policy.quietHours?.end ?? EMPTY_CAMPAIGN_FORM.quietEnd,
    isAutoEnroll: c.isAutoEnroll,
  };
}

export function contactPolicyOfForm(form: CampaignForm): StoredPolicy {
  return {
    ...(form.hasCap ? { frequencyCap: { max: Number(form.capMax), perDays: Number(form.capPerDays) } } : {}),
    ...(form.hasQuietHours ? { quietHours: { start: form.quietStart, end: form.quietEnd } } : {}),
  };
}

/** POST /api/campaigns. */
export function createCampaignBody(form: CampaignForm): Record<string, unknown> {
  return {
    name: form.name.trim(),
    pipelineId: form.pipelineId,
    ...(form.audienceKind === 'segment' ? { segmentId: form.segmentId } : { poolId: form.poolId }),
    contactPolicy: contactPolicyOfForm(form),
    topic: form.topic.trim(),
    ...(form.senderUserId ? { senderUserId: form.senderUserId } : {}),
    isAutoEnroll: form.isAutoEnroll,
  };
}

/** PATCH /api/campaigns/:id: only what changed; null when nothing did. */
export function updateCampaignBody(form: CampaignForm, before: Campaign): Record<string, unknown> | null {
  const was = formOfCampaign(before);
  const patch: Record<string, unknown> = {};
  if (form.name.trim() !== was.name) patch.name = form.name.trim();
  if (form.pipelineId !== was.pipelineId) patch.pipelineId = form.pipelineId;
  if (form.audienceKind === 'segment' && (was.audienceKind !== 'segment' || form.segmentId !== was.segmentId)) patch.segmentId = form.segmentId;
  if (form.audienceKind === 'pool' && (was.audienceKind !== 'pool' || form.poolId !== was.poolId)) patch.poolId = form.poolId;
  if (JSON.stringify(contactPolicyOfForm(form)) !== JSON.stringify(contactPolicyOfForm(was))) patch.contactPolicy = contactPolicyOfForm(form);
  if (form.topic.trim() !== was.topic) patch.topic = form.topic.trim();
  if (form.senderUserId !== was.senderUserId) patch.senderUserId = form.senderUserId || null;
  if (form.isAutoEnroll !== was.isAutoEnroll) patch.isAutoEnroll = form.isAutoEnroll;
  return Object.keys(patch).length ? patch : null;
}

/** Server error paths (`body.segmentId`) → the form field that shows them. */
export function formFieldOfErrorPath(path: string): keyof CampaignForm | null {
  const key = path.replace(/^body\./, '').split('.')[0];
  switch (key) {
    case 'segmentId':
    case 'poolId':
      return key;
    case 'contactPolicy':
      return path.includes('quietHours') ? 'hasQuietHours' : 'hasCap';
    case 'name':
    case 'pipelineId':
    case 'senderUserId':
    case 'topic':
      return key;
    default:
      return null;
  }
}

const DRAFT_KEY = 'trellis.campaignDraft';

/** The new-campaign form survives a trip to the builder to make its pipeline (this tab only). */
export function storeCampaignDraft(form: CampaignForm | null): void {
  if (form) window.sessionStorage.setItem(DRAFT_KEY, JSON.stringify(form));
  else window.sessionStorage.removeItem(DRAFT_KEY);
}

export function readCampaignDraft(): CampaignForm | null {
  try {
    const raw = window.sessionStorage.getItem(DRAFT_KEY);
    return raw ? { ...EMPTY_CAMPAIGN_FORM, ...(JSON.parse(raw) as Partial<CampaignForm>) } : null;
  } catch {
    return null;
  }
}
