// The profile timeline's CRM entries on the real API and database: a nurture campaign's enrollment, its
// emails with their (unreliable) opens, a click with its link, a reply, the campaign's exit, an event
// registration and attendance, a pool add and an unsubscribe, in order among the ATS entries; only the
// recruiting team sees them (a hiring manager of the candidate's job sees the application, not the CRM).
import crypto from 'node:crypto';
import { hashToken, newToken } from '../../../api/auth';
import { apiClient, createTestOrg, startTestSystem, type TestOrg, type TestSystem } from '../../support/harness';

let t: TestSystem;
let org: TestOrg;
let recruiter: ReturnType<typeof apiClient>;
let manager: ReturnType<typeof apiClient>;
let candidateId: string;
const T0 = Date.parse('2026-04-01T09:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const ids: Record<string, string> = {};

type Entry = { id: string; kind: string; occurredAt: string; applicationId: string | null; userId: string | null; data: Record<string, unknown> };

beforeAll(async () => {
  t = await startTestSystem({ parts: { api: true, worker: false } });
  org = await createTestOrg(t.prisma);
  recruiter = apiClient(t.url, org.tokens.recruiter);
  const p = t.prisma;
  const hm = await p.user.create({ data: { orgId: org.orgId, role: 'HIRING_MANAGER', email: `hm-${crypto.randomUUID()}@example.test`, name: 'Hannah Manager' } });
  const hmToken = newToken();
  await p.apiToken.create({ data: { orgId: org.orgId, userId: hm.id, name: 'hm', tokenHash: hashToken(hmToken) } });
  manager = apiClient(t.url, hmToken);

  candidateId = (await p.candidate.create({ data: { orgId: org.orgId, firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', createdAt: at(0) } })).id;
  const pool = await p.talentPool.create({ data: { orgId: org.orgId, name: 'Analysts' } });
  await p.talentPoolMember.create({ data: { poolId: pool.id, candidateId, addedById: org.userIds.recruiter, addedAt: at(1) } });
  const pipeline = await p.pipeline.create({ data: { orgId: org.orgId, name: 'Nurture', kind: 'NURTURE', draft: {} } });
  const version = await p.pipelineVersion.create({ data: { orgId: org.orgId, pipelineId: pipeline.id, version: 1, graph: {}, plan: {}, hash: 'h' } });
  const campaign = await p.campaign.create({ data: { orgId: org.orgId, name: 'Analysts nurture', pipelineId: pipeline.id, poolId: pool.id, status: 'ACTIVE' } });
  const run = await p.run.create({
    data: { orgId: org.orgId, pipelineVersionId: version.id, candidateId, campaignId: campaign.id, workflowId: `campaign-${campaign.id}-${candidateId}`, status: 'EXITED', exitReason: 'candidate.replied', startedAt: at(2), endedAt: at(30) },
  });
  ids.run = run.id;
  const message = (n: number, minutes: number, extra: Record<string, unknown> = {}) => p.message.create({
    data: {
      orgId: org.orgId, candidateId, runId: run.id, campaignId: campaign.id, category: 'MARKETING', topic: 'jobs', idempotencyKey: `t-${crypto.randomUUID()}`, status: 'SENT',
      fromAddress: 'rec@acme.example', toAddress: 'ada@example.com', subject: `Nurture ${n}`, bodyText: 'Hello', links: ['https://acme.example/jobs', 'https://acme.example/blog'],
      createdAt: at(minutes), sentAt: at(minutes), ...extra,
    },
  });
  const first = await message(1, 3, { openedAt: at(4), clickedAt: at(5) });
  const second = await message(2, 10, { repliedAt: at(20) });
  ids.first = first.id;
  ids.second = second.id;
  const reply = await p.message.create({
    data: { orgId: org.orgId, candidateId, direction: 'INBOUND', status: 'RECEIVED', idempotencyKey: `in-${crypto.randomUUID()}`, fromAddress: 'ada@example.com', toAddress: 'rec@acme.example', subject: 'Re: Nurture 2', bodyText: 'Interested!', inReplyToId: second.id, createdAt: at(20) },
  });
  ids.reply = reply.id;
  const fact = (kind: 'OPENED' | 'CLICKED' | 'REPLIED' | 'UNSUBSCRIBED' | 'ATTENDED' | 'REGISTERED', minutes: number, extra: Record<string, unknown> = {}) =>
    p.engagementEvent.create({ data: { orgId: org.orgId, candidateId, kind, dedupeKey: `t:${crypto.randomUUID()}`, at: at(minutes), ...extra } });
  await fact('OPENED', 4, { messageId: first.id, campaignId: campaign.id });
  await fact('CLICKED', 5, { messageId: first.id, campaignId: campaign.id, linkIndex: 1 });
  await fact('REPLIED', 20, { messageId: second.id, campaignId: campaign.id });
  const event = await p.recruitingEvent.create({ data: { orgId: org.orgId, slug: 'meetup', name: 'Data meetup', startsAt: at(60), status: 'PUBLISHED' } });
  await p.eventRegistration.create({ data: { orgId: org.orgId, eventId: event.id, candidateId, status: 'ATTENDED', source: 'public_page', createdAt: at(40), checkedInAt: at(61) } });
  await fact('REGISTERED', 40, { eventId: event.id });
  await fact('ATTENDED', 61, { eventId: event.id });
  await fact('UNSUBSCRIBED', 70, { messageId: second.id, campaignId: campaign.id });

  // The hand-off: an application to a job the hiring manager manages.
  const job = await p.job.create({ data: { orgId: org.orgId, title: 'Data Analyst', status: 'OPEN' } });
  const stage = await p.stage.create({ data: { jobId: job.id, key: 'applied', name: 'Applied', kind: 'APPLIED', position: 0 } });
  await p.jobMember.create({ data: { jobId: job.id, userId: hm.id, role: 'HIRING_MANAGER' } });
  ids.application = (await p.application.create({ data: { orgId: org.orgId, jobId: job.id, candidateId, stageId: stage.id, source: 'crm', appliedAt: at(35) } })).id;
});
afterAll(() => t?.stop());

async function timeline(call: ReturnType<typeof apiClient>, query = ''): Promise<Entry[]> {
  const res = await call('GET', `/api/candidates/${candidateId}/timeline?limit=100${query}`);
  if (res.status !== 200) throw new Error(`timeline: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.entries;
}

test('the recruiting team sees the whole CRM story in order, newest first', async () => {
  const entries = await timeline(recruiter);
  expect(entries.map((e) => e.kind).reverse()).toEqual([
    'pool.added', 'campaign.enrolled', 'message.sent', 'engagement.clicked', 'message.sent', 'engagement.replied', 'message.received',
    'campaign.exited', 'application.created', 'event.registered', 'event.attended', 'engagement.unsubscribed',
  ]);
  const byKind = (kind: string) => entries.filter((e) => e.kind === kind);
  expect(byKind('pool.added')[0]!.data).toEqual({ poolId: expect.any(String), poolName: 'Analysts', actorName: `recruiter ${org.slug}` });
  expect(byKind('pool.added')[0]!.userId).toBe(org.userIds.recruiter);
  expect(byKind('campaign.enrolled')[0]!.data).toMatchObject({ campaignName: 'Analysts nurture', runId: ids.run, status: 'EXITED' });
  expect(byKind('campaign.exited')[0]!.data).toMatchObject({ campaignName: 'Analysts nurture', exitReason: 'candidate.replied' });
  // Opens are on the message and flagged unreliable; they are not entries of their own.
  const first = entries.find((e) => e.data.messageId === ids.first && e.kind === 'message.sent')!;
  expect(first.data).toMatchObject({ subject: 'Nurture 1', campaignName: 'Analysts nurture', category: 'MARKETING', isOpenReliable: false });
  expect([Date.parse(first.data.openedAt as string), Date.parse(first.data.clickedAt as string)]).toEqual([at(4).getTime(), at(5).getTime()]);
  expect(byKind('engagement.clicked')[0]!.data).toMatchObject({ messageId: ids.first, subject: 'Nurture 1', linkIndex: 1, url: 'https://acme.example/blog' });
  expect(byKind('message.received')[0]!.data).toMatchObject({ messageId: ids.reply, inReplyToId: ids.second, direction: 'INBOUND' });
  expect(byKind('event.registered')[0]!.data).toMatchObject({ eventName: 'Data meetup', status: 'ATTENDED', source: 'public_page' });
  expect(byKind('event.attended')[0]!.data).toMatchObject({ eventName: 'Data meetup' });
  expect(entries.some((e) => e.id.startsWith('engagement:') && ['engagement.opened', 'engagement.registered', 'engagement.sent'].includes(e.kind))).toBe(false);

  // Filter by kind, and keyset pages that add up to the same list.
  expect((await timeline(recruiter, '&kinds=engagement.clicked,campaign.exited')).map((e) => e.kind)).toEqual(['campaign.exited', 'engagement.clicked']);
  expect((await recruiter('GET', `/api/candidates/${candidateId}/timeline?kinds=engagement.opened`)).status).toBe(400);
  const paged: string[] = [];
  let cursor: string | null = null;
  do {
    const page: { body: { entries: Entry[]; nextCursor: string | null } } = await recruiter('GET', `/api/candidates/${candidateId}/timeline?limit=5${cursor ? `&cursor=${cursor}` : ''}`);
    paged.push(...page.body.entries.map((e) => e.id));
    cursor = page.body.nextCursor;
  } while (cursor);
  expect(paged).toEqual(entries.map((e) => e.id));
});

test('a hiring manager of the job sees the application, not the CRM entries or campaign emails', async () => {
  const entries = await timeline(manager);
  expect(entries.map((e) => e.kind)).toEqual(['application.created']);
  const profile = await manager('GET', `/api/candidates/${candidateId}`);
  expect(profile.body).toMatchObject({ crm: null, pools: [], isOrgWideView: false });
  expect((await apiClient(t.url, org.tokens.interviewer)('GET', `/api/candidates/${candidateId}/timeline`)).status).toBe(403);
});
