// The pure rules of a campaign's life: status changes, what may be edited when, and which plans can run a campaign.
import { editRefusal, nextCampaignStatus, planFitIssues } from '../../../api/services/campaigns/campaign-rules';
import { compileGraph } from '../../../workflows/graph/compile';
import { prospectNurtureGraph } from '../../../workflows/graph/examples/prospect-nurture';
import { silverMedalistNurtureGraph } from '../../../workflows/graph/examples/silver-medalist-nurture';
import type { TGraph } from '../../../workflows/graph/schema';

function planOf(graph: TGraph) {
  const compiled = compileGraph(graph);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.issues));
  return compiled.plan;
}

test('status changes: each action from its statuses only; archived is final', () => {
  expect(nextCampaignStatus('DRAFT', 'activate')).toEqual({ to: 'ACTIVE' });
  expect(nextCampaignStatus('ACTIVE', 'pause')).toEqual({ to: 'PAUSED' });
  expect(nextCampaignStatus('PAUSED', 'resume')).toEqual({ to: 'ACTIVE' });
  for (const from of ['DRAFT', 'ACTIVE', 'PAUSED'] as const) expect(nextCampaignStatus(from, 'archive')).toEqual({ to: 'ARCHIVED' });
  expect(nextCampaignStatus('ACTIVE', 'activate')).toEqual({ refusal: 'the campaign is active; only draft campaigns can be activated' });
  expect(nextCampaignStatus('DRAFT', 'pause')).toEqual({ refusal: 'the campaign is draft; only active campaigns can be paused' });
  expect(nextCampaignStatus('ACTIVE', 'resume')).toEqual({ refusal: 'the campaign is active; only paused campaigns can be resumed' });
  expect(nextCampaignStatus('ARCHIVED', 'archive')).toEqual({ refusal: 'the campaign is archived; only draft, active or paused campaigns can be archived' });
  for (const action of ['activate', 'pause', 'resume', 'archive'] as const) expect(nextCampaignStatus('ARCHIVED', action)).toHaveProperty('refusal');
});

test('edits: the graph and the audience stay put while active; nothing changes once archived', () => {
  expect(editRefusal('DRAFT', ['pipelineId', 'poolId', 'name'])).toBeNull();
  expect(editRefusal('PAUSED', ['segmentId'])).toBeNull();
  expect(editRefusal('ACTIVE', ['name', 'topic', 'contactPolicy', 'senderUserId', 'isAutoEnroll'])).toBeNull();
  expect(editRefusal('ACTIVE', ['name', 'segmentId', 'poolId'])).toBe('pause the campaign before changing segmentId, poolId');
  expect(editRefusal('ARCHIVED', ['name'])).toBe('an archived campaign cannot be changed');
});

test('a plan runs a campaign when it starts on trigger.campaign_enrolled and exits on applied, unsubscribed and hired', () => {
  expect(planFitIssues(planOf(prospectNurtureGraph()), 'campaign-1')).toEqual([]);

  const manual = planFitIssues(planOf(silverMedalistNurtureGraph()), 'campaign-1');
  expect(manual).toEqual(['the pipeline starts on "trigger.manual", not trigger.campaign_enrolled']);

  const leaky = prospectNurtureGraph();
  leaky.settings = { exitOn: ['candidate.replied', 'candidate.hired'] };
  expect(planFitIssues(planOf(leaky), 'campaign-1')).toEqual([
    "the graph's settings.exitOn must include candidate.applied, candidate.unsubscribed (a campaign stops when the person applies, unsubscribes or is hired)",
  ]);

  const pinned = prospectNurtureGraph();
  pinned.nodes[0]!.config = { campaignId: 'campaign-2' };
  expect(planFitIssues(planOf(pinned), 'campaign-1')).toEqual(["the pipeline's trigger is limited to campaign campaign-2"]);
  expect(planFitIssues(planOf(pinned), 'campaign-2')).toEqual([]);
});
