// Unsubscribing reaches the campaign runs it concerns: giving up one topic in
// the preference center ends that topic's campaign, not the others; giving up
// all marketing ends them all.
import { apiClient, createTestOrg, startTestSystem, waitFor, type TestOrg, type TestSystem } from '../../support/harness';
import { createCampaign, createNurturePipeline, createPool, createProspects } from '../../support/campaign-fixtures';
import { signLinkToken } from '../../../api/services/messaging/message-tokens';

let t: TestSystem;
let org: TestOrg;
beforeAll(async () => {
  t = await startTestSystem();
  org = await createTestOrg(t.prisma);
});
afterAll(() => t?.stop());

test('a topic opt-out ends that topic\'s campaign run only; opting out of all ends the rest', async () => {
  const recruiter = apiClient(t.url, org.tokens.recruiter);
  const [person] = await createProspects(t.prisma, org.orgId, 1);
  const poolId = await createPool(t.prisma, org.orgId, []);
  const pipelineId = await createNurturePipeline(recruiter, { gap: { days: 1 } });
  const campaigns: Record<string, string> = {};
  for (const topic of ['jobs', 'events']) {
    const campaign = await createCampaign(recruiter, { pipelineId, poolId, topic });
    expect((await recruiter('POST', `/api/campaigns/${campaign.id}/activate`)).status).toBe(200);
    expect((await recruiter('POST', `/api/campaigns/${campaign.id}/enrollments`, { candidateId: person!.id })).status).toBe(201);
    campaigns[topic] = campaign.id;
  }
  const runOf = (topic: string) => t.prisma.run.findFirstOrThrow({ where: { campaignId: campaigns[topic], candidateId: person!.id } });
  await waitFor('both runs to park', async () => (await runOf('jobs')).currentNodeId === 'gap' && (await runOf('events')).currentNodeId === 'gap');

  const center = `${t.url}/api/public/preferences/${signLinkToken(t.system.services!.config.LINK_SIGNING_KEY, 'preferences', person!.id)}`;
  const put = (body: unknown) => fetch(center, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect((await put({ topics: { events: false } })).status).toBe(200);
  const events = await waitFor('the events run to exit', async () => ((await runOf('events')).status === 'EXITED' ? runOf('events') : null));
  expect(events.exitReason).toBe('candidate.unsubscribed');
  await new Promise((r) => setTimeout(r, 1000));
  expect((await runOf('jobs')).status).toBe('RUNNING');

  expect((await put({ isSubscribedToAll: false })).status).toBe(200);
  const jobs = await waitFor('the jobs run to exit', async () => ((await runOf('jobs')).status === 'EXITED' ? runOf('jobs') : null));
  expect(jobs.exitReason).toBe('candidate.unsubscribed');
});
