// Campaigns on the real stack: the API's validation and state rules, enrolling a pool (runs started in
// Temporal, the non-contactable skipped and counted, a second enrollment adds nobody, the sweep enrolls new
// members), enrolling and stopping one person, and the dashboard numbers.
import crypto from 'node:crypto';
import { apiClient, createTestOrg, startTestSystem, waitFor, type TestOrg, type TestSystem } from '../../support/harness';
import { createCampaign, createNurturePipeline, createPool, createProspects } from '../../support/campaign-fixtures';
import { createHiringJob } from '../../support/fixtures';
import { prospectNurtureGraph } from '../../../workflows/graph/examples/prospect-nurture';
import { weeklyNurtureGraph } from '../../../workflows/graph/examples/weekly-nurture';
import { addressHash } from '../../../api/services/messaging/address-hash';
import { CAMPAIGN_AUTO_ENROLL_JOB } from '../../../api/services/campaigns/auto-enroll-job';

let t: TestSystem;
let org: TestOrg;
let recruiter: ReturnType<typeof apiClient>;
beforeAll(async () => {
  t = await startTestSystem();
  org = await createTestOrg(t.prisma);
  recruiter = apiClient(t.url, org.tokens.recruiter);
});
afterAll(() => t?.stop());

async function finishedJob(id: string) {
  return waitFor('the bulk job to finish', async () => {
    const job = await recruiter('GET', `/api/bulk-jobs/${id}`);
    return job.body.status === 'SUCCEEDED' || job.body.status === 'FAILED' ? job.body : null;
  }, 60_000);
}

async function workflowStatus(workflowId: string) {
  const client = await t.system.services!.temporal();
  return (await client.workflow.getHandle(workflowId).describe()).status.name;
}

const detailPaths = (res: { body: { error: { details: { path: string }[] } } }) => res.body.error.details.map((d) => d.path);

describe('the campaign API', () => {
  test('bad input is refused with the field and reason, and nothing is written', async () => {
    const pipelineId = await createNurturePipeline(recruiter, { gap: { days: 1 } });
    const poolId = await createPool(t.prisma, org.orgId, []);
    const before = await t.prisma.campaign.count({ where: { orgId: org.orgId } });

    const empty = await recruiter('POST', '/api/campaigns', {});
    expect(empty.status).toBe(400);
    expect(detailPaths(empty)).toEqual(['body.name', 'body.pipelineId']);
    const noAudience = await recruiter('POST', '/api/campaigns', { name: 'Nobody', pipelineId });
    expect(noAudience.status).toBe(400);
    expect(detailPaths(noAudience)).toEqual(['body.segmentId']);
    const both = await recruiter('POST', '/api/campaigns', { name: 'Both', pipelineId, poolId, segmentId: 'seg' });
    expect(both.status).toBe(400);
    expect(detailPaths(both)).toContain('body.poolId');
    expect(detailPaths(await recruiter('POST', '/api/campaigns', { name: 'All', pipelineId, poolId, topic: 'all' }))).toContain('body.topic');
    const looser = await recruiter('POST', '/api/campaigns', { name: 'Loose', pipelineId, poolId, contactPolicy: { stopOnReply: false } });
    expect(looser.status).toBe(400);
    expect(detailPaths(looser)).toContain('body.contactPolicy.stopOnReply');
    expect((await recruiter('POST', '/api/campaigns', { name: 'Extra', pipelineId, poolId, color: 'red' })).status).toBe(400);

    // References: another kind of pipeline, another trigger, unknown or foreign records.
    const { pipelineId: hiringPipelineId } = await createHiringJob(recruiter);
    const hiring = await recruiter('POST', '/api/campaigns', { name: 'Hiring', pipelineId: hiringPipelineId, poolId });
    expect(hiring.status).toBe(400);
    expect(detailPaths(hiring)).toEqual(['body.pipelineId']);
    const manualPipelineId = await createNurturePipeline(recruiter, weeklyNurtureGraph({ weeks: 1 }));
    const manual = await recruiter('POST', '/api/campaigns', { name: 'Manual', pipelineId: manualPipelineId, poolId });
    expect(manual.status).toBe(409);
    expect(manual.body.error.message).toContain('trigger.campaign_enrolled');
    const draftOnly = await recruiter('POST', '/api/pipelines', { name: 'Never published', kind: 'NURTURE', graph: prospectNurtureGraph() });
    expect((await recruiter('POST', '/api/campaigns', { name: 'Unpublished', pipelineId: draftOnly.body.id, poolId })).status).toBe(409);
    expect((await recruiter('POST', '/api/campaigns', { name: 'No pool', pipelineId, poolId: 'no-such-pool' })).status).toBe(404);
    const other = await createTestOrg(t.prisma);
    const foreignPool = await createPool(t.prisma, other.orgId, []);
    expect((await recruiter('POST', '/api/campaigns', { name: 'Foreign', pipelineId, poolId: foreignPool })).status).toBe(404);
    const sender = await recruiter('POST', '/api/campaigns', { name: 'Sender', pipelineId, poolId, senderUserId: other.userIds.recruiter });
    expect(sender.status).toBe(400);
    expect(detailPaths(sender)).toEqual(['body.senderUserId']);

    expect(await t.prisma.campaign.count({ where: { orgId: org.orgId } })).toBe(before);
    // Another organization's campaign is not found; hiring managers and interviewers are kept out.
    const mine = await createCampaign(recruiter, { pipelineId, poolId });
    expect((await apiClient(t.url, other.tokens.admin)('GET', `/api/campaigns/${mine.id}`)).status).toBe(404);
    expect((await apiClient(t.url, org.tokens.interviewer)('GET', `/api/campaigns/${mine.id}`)).status).toBe(403);
    const duplicate = await recruiter('POST', '/api/campaigns', { name: mine.name, pipelineId, poolId });
    expect(duplicate.status).toBe(409);
    expect(detailPaths(duplicate)).toEqual(['body.name']);
  });

  test('status rules: activate needs a graph that exits on applied, unsubscribed and hired; pause stops enrolling; archive is final; every change audited', async () => {
    const poolId = await createPool(t.prisma, org.orgId, []);
    const leaky = prospectNurtureGraph({ isAnyTime: true });
    leaky.settings = { exitOn: ['candidate.replied'] };
    const leakyPipelineId = await createNurturePipeline(recruiter, leaky);
    const campaign = await createCampaign(recruiter, { pipelineId: leakyPipelineId, poolId, senderUserId: org.userIds.recruiter });
    expect(campaign).toMatchObject({ status: 'DRAFT', audience: { kind: 'pool', id: poolId }, sender: { id: org.userIds.recruiter }, topic: 'jobs', isAutoEnroll: true });
    expect((campaign.issues as string[]).join()).toContain('candidate.applied, candidate.unsubscribed, candidate.hired');

    const refused = await recruiter('POST', `/api/campaigns/${campaign.id}/activate`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('exitOn');
    expect((await recruiter('POST', `/api/campaigns/${campaign.id}/pause`)).status).toBe(409);
    expect((await recruiter('POST', `/api/campaigns/${campaign.id}/resume`)).status).toBe(409);
    expect((await recruiter('POST', `/api/campaigns/${campaign.id}/enroll`)).status).toBe(409);

    const pipelineId = await createNurturePipeline(recruiter);
    const edited = await recruiter('PATCH', `/api/campaigns/${campaign.id}`, { pipelineId, name: `${campaign.name} v2` });
    expect(edited.status).toBe(200);
    expect(edited.body.issues).toEqual([]);
    const activated = await recruiter('POST', `/api/campaigns/${campaign.id}/activate`);
    expect(activated.status).toBe(200);
    expect(activated.body.campaign).toMatchObject({ status: 'ACTIVE' });
    expect(activated.body.enrollment).toMatchObject({ kind: 'campaign_enroll', subjectId: campaign.id });
    expect((await recruiter('POST', `/api/campaigns/${campaign.id}/activate`)).status).toBe(409);

    // While active, the graph and the audience stay put; other fields may change.
    const locked = await recruiter('PATCH', `/api/campaigns/${campaign.id}`, { poolId: await createPool(t.prisma, org.orgId, []) });
    expect(locked.status).toBe(409);
    expect(detailPaths(locked)).toEqual(['body.poolId']);
    expect((await recruiter('PATCH', `/api/campaigns/${campaign.id}`, { topic: 'engineering', contactPolicy: { frequencyCap: { max: 1, perDays: 7 } } })).status).toBe(200);

    expect((await recruiter('POST', `/api/campaigns/${campaign.id}/pause`)).body.campaign.status).toBe('PAUSED');
    expect((await recruiter('POST', `/api/campaigns/${campaign.id}/enroll`)).status).toBe(409);
    const someone = (await createProspects(t.prisma, org.orgId, 1))[0]!;
    expect((await recruiter('POST', `/api/campaigns/${campaign.id}/enrollments`, { candidateId: someone.id })).status).toBe(409);
    expect((await recruiter('PATCH', `/api/campaigns/${campaign.id}`, { poolId: await createPool(t.prisma, org.orgId, []) })).status).toBe(200);
    expect((await recruiter('POST', `/api/campaigns/${campaign.id}/resume`)).body.campaign.status).toBe('ACTIVE');
    const archived = await recruiter('POST', `/api/campaigns/${campaign.id}/archive`);
    expect(archived.body).toMatchObject({ campaign: { status: 'ARCHIVED' }, ended: { notStarted: 0, exiting: 0 } });
    expect((await recruiter('PATCH', `/api/campaigns/${campaign.id}`, { name: 'again' })).status).toBe(409);
    expect((await recruiter('POST', `/api/campaigns/${campaign.id}/activate`)).status).toBe(409);

    const audit = await t.prisma.auditEvent.findMany({ where: { entityId: campaign.id }, orderBy: { at: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual([
      'campaign.created', 'campaign.updated', 'campaign.activated', 'campaign.enrollment_started', 'campaign.updated', 'campaign.paused', 'campaign.updated', 'campaign.resumed', 'campaign.archived',
    ]);
    expect(audit.every((a) => a.actorId === org.userIds.recruiter)).toBe(true);
    expect(audit[1]!.after).toMatchObject({ pipelineId, name: `${campaign.name} v2` });
    const listed = await recruiter('GET', '/api/campaigns?status=ARCHIVED');
    expect(listed.body.map((c: { id: string }) => c.id)).toContain(campaign.id);
  });
});

describe('enrollment', () => {
  test('a pool enrolls with progress: one run per person started in Temporal, the non-contactable skipped and counted, again adds nobody, the sweep takes new members', async () => {
    const people = await createProspects(t.prisma, org.orgId, 12);
    const [merged, noEmail, suppressed, unsubscribed] = people.slice(8);
    const survivor = (await createProspects(t.prisma, org.orgId, 1))[0]!;
    await t.prisma.candidate.update({ where: { id: merged!.id }, data: { mergedIntoId: survivor.id } });
    await t.prisma.candidate.update({ where: { id: noEmail!.id }, data: { email: null } });
    await t.prisma.suppression.create({ data: { orgId: org.orgId, addressHash: addressHash(org.orgId, suppressed!.email), reason: 'manual' } });
    await t.prisma.contactPreference.create({ data: { candidateId: unsubscribed!.id, topic: 'all', isSubscribed: false } });
    // Unsubscribed from another topic only: still enrolled.
    await t.prisma.contactPreference.create({ data: { candidateId: people[0]!.id, topic: 'events', isSubscribed: false } });
    const poolId = await createPool(t.prisma, org.orgId, people.map((p) => p.id));
    const pipelineId = await createNurturePipeline(recruiter, { gap: { days: 1 } });
    const campaign = await createCampaign(recruiter, { pipelineId, poolId, senderUserId: org.userIds.recruiter });

    const activated = await recruiter('POST', `/api/campaigns/${campaign.id}/activate`);
    const job = await finishedJob(activated.body.enrollment.id);
    expect(job).toMatchObject({ status: 'SUCCEEDED', total: 12, processed: 12, succeeded: 8, failed: 0, progress: 1 });
    expect(job.report).toMatchObject({
      trigger: 'activation', audience: 12, enrolled: 8, alreadyEnrolled: 0, started: 8, startFailed: 0,
      skipped: { merged: 1, anonymized: 0, no_email: 1, suppressed: 1, unsubscribed: 1, no_consent: 0 },
    });
    const runs = await t.prisma.run.findMany({ where: { campaignId: campaign.id } });
    expect(runs).toHaveLength(8);
    expect(runs.every((r) => r.status === 'RUNNING' && r.workflowId === `campaign-${campaign.id}-${r.candidateId}`)).toBe(true);
    expect(await workflowStatus(runs[0]!.workflowId)).toBe('RUNNING');
    // Each sends its introduction as the campaign's sender, then waits a day.
    const inbox = await waitFor('eight introductions', async () => {
      const mine = t.sink.messages().filter((m) => people.some((p) => m.to.includes(p.email)));
      return mine.length >= 8 ? mine : null;
    });
    expect(inbox).toHaveLength(8);
    expect(inbox[0]!.headers.from).toContain(`recruiter@${org.slug}.test`);
    await waitFor('every run parked at the gap', async () => (await t.prisma.run.count({ where: { campaignId: campaign.id, currentNodeId: 'gap' } })) === 8);

    // Enrolling again adds nobody.
    const again = await recruiter('POST', `/api/campaigns/${campaign.id}/enroll`);
    expect(again.status).toBe(202);
    expect((await finishedJob(again.body.id)).report).toMatchObject({ trigger: 'manual', enrolled: 0, alreadyEnrolled: 8, started: 0 });
    expect(await t.prisma.run.count({ where: { campaignId: campaign.id } })).toBe(8);

    // New pool members are enrolled by the sweep, once.
    const joined = await createProspects(t.prisma, org.orgId, 2);
    await t.prisma.talentPoolMember.createMany({ data: joined.map((p) => ({ poolId, candidateId: p.id })) });
    const sweep = (await t.system.services!.periodicJobs!.runNow(CAMPAIGN_AUTO_ENROLL_JOB.name)) as Record<string, { enrolled: number }>;
    expect(sweep[campaign.id]).toMatchObject({ trigger: 'sweep', enrolled: 2, started: 2 });
    const quiet = (await t.system.services!.periodicJobs!.runNow(CAMPAIGN_AUTO_ENROLL_JOB.name)) as Record<string, unknown>;
    expect(quiet[campaign.id]).toBeUndefined();
    expect(await t.prisma.run.count({ where: { campaignId: campaign.id } })).toBe(10);
    const jobs = await recruiter('GET', `/api/bulk-jobs?kind=campaign_enroll&subjectId=${campaign.id}`);
    expect(jobs.body).toHaveLength(3);

    // One person by hand: outside the pool is fine, twice is the same enrollment, the uncontactable are refused.
    const outsider = (await createProspects(t.prisma, org.orgId, 1))[0]!;
    const added = await recruiter('POST', `/api/campaigns/${campaign.id}/enrollments`, { candidateId: outsider.id });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ candidateId: outsider.id, status: 'RUNNING', workflowId: `campaign-${campaign.id}-${outsider.id}` });
    expect((await recruiter('POST', `/api/campaigns/${campaign.id}/enrollments`, { candidateId: outsider.id })).status).toBe(200);
    const refused = await recruiter('POST', `/api/campaigns/${campaign.id}/enrollments`, { candidateId: noEmail!.id });
    expect(refused.status).toBe(409);
    expect(refused.body.error.details[0]).toMatchObject({ path: 'body.candidateId', code: 'no_email' });
    expect((await recruiter('POST', `/api/campaigns/${campaign.id}/enrollments`, { candidateId: 'nobody' })).status).toBe(404);

    // Stopping one: the run exits where it waits.
    const stopped = await recruiter('POST', `/api/campaigns/${campaign.id}/enrollments/${outsider.id}/stop`);
    expect(stopped.status).toBe(200);
    await waitFor('the stopped run to exit', async () => (await t.prisma.run.findFirstOrThrow({ where: { campaignId: campaign.id, candidateId: outsider.id } })).status === 'EXITED');
    expect(await t.prisma.run.findFirstOrThrow({ where: { campaignId: campaign.id, candidateId: outsider.id } })).toMatchObject({ exitReason: 'operator.exit' });
    await waitFor('Temporal to report the workflow completed', async () => (await workflowStatus(added.body.workflowId)) === 'COMPLETED');
    expect((await recruiter('POST', `/api/campaigns/${campaign.id}/enrollments/${outsider.id}/stop`)).status).toBe(409);

    const page1 = await recruiter('GET', `/api/campaigns/${campaign.id}/enrollments?limit=6`);
    const page2 = await recruiter('GET', `/api/campaigns/${campaign.id}/enrollments?limit=6&cursor=${page1.body.nextCursor}`);
    expect([...page1.body.enrollments, ...page2.body.enrollments].map((e: { runId: string }) => e.runId).sort()).toEqual(
      (await t.prisma.run.findMany({ where: { campaignId: campaign.id } })).map((r) => r.id).sort(),
    );
    expect(page2.body.nextCursor).toBeNull();
    expect((await recruiter('GET', `/api/campaigns/${campaign.id}/enrollments?cursor=garbage`)).status).toBe(400);

    const stats = await recruiter('GET', `/api/campaigns/${campaign.id}/stats`);
    expect(stats.body).toMatchObject({
      enrollments: { enrolled: 11, active: 10, exited: 1, exitedBy: { 'operator.exit': 1 }, waitingAt: { gap: 10 } },
      messages: { sent: 11 },
      people: { reached: 11, isOpenedReliable: false, converted: 0 },
    });
  });

  test("a segment's members enroll, and people who join the segment later are enrolled by the sweep", async () => {
    const tag = `nurture-${crypto.randomBytes(3).toString('hex')}`;
    const [first, second, outsider] = await createProspects(t.prisma, org.orgId, 3);
    await t.prisma.candidate.updateMany({ where: { id: { in: [first!.id, second!.id] } }, data: { tags: [tag] } });
    const segment = await t.prisma.segment.create({ data: { orgId: org.orgId, name: `Segment ${tag}`, query: { conditions: [{ field: 'tags', match: 'all', values: [tag] }] } } });
    const pipelineId = await createNurturePipeline(recruiter, { gap: { days: 1 } });
    const campaign = await createCampaign(recruiter, { pipelineId, segmentId: segment.id });
    expect(campaign).toMatchObject({ audience: { kind: 'segment', id: segment.id, name: segment.name } });
    const job = await finishedJob((await recruiter('POST', `/api/campaigns/${campaign.id}/activate`)).body.enrollment.id);
    expect(job.report).toMatchObject({ audience: 2, enrolled: 2, started: 2 });

    await t.prisma.candidate.update({ where: { id: outsider!.id }, data: { tags: [tag, 'other'] } });
    const sweep = (await t.system.services!.periodicJobs!.runNow(CAMPAIGN_AUTO_ENROLL_JOB.name)) as Record<string, { enrolled: number }>;
    expect(sweep[campaign.id]).toMatchObject({ enrolled: 1 });
    const runs = await t.prisma.run.findMany({ where: { campaignId: campaign.id }, select: { candidateId: true } });
    expect(runs.map((r) => r.candidateId).sort()).toEqual([first!.id, second!.id, outsider!.id].sort());
    // Without auto-enroll, newcomers wait for an enrollment by hand.
    expect((await recruiter('PATCH', `/api/campaigns/${campaign.id}`, { isAutoEnroll: false })).status).toBe(200);
    const [late] = await createProspects(t.prisma, org.orgId, 1);
    await t.prisma.candidate.update({ where: { id: late!.id }, data: { tags: [tag] } });
    const skipped = (await t.system.services!.periodicJobs!.runNow(CAMPAIGN_AUTO_ENROLL_JOB.name)) as Record<string, unknown>;
    expect(skipped[campaign.id]).toBeUndefined();
    expect(await t.prisma.run.count({ where: { campaignId: campaign.id } })).toBe(3);
  });
});
