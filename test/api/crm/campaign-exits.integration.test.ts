// Leaving a campaign on the real stack: a prospect who applies on the careers site exits (and counts as
// converted), a hire exits, a run that has not started yet exits at once and never starts, a run started
// while it exited is told to exit; and the CRM -> ATS hand-off: one action makes the prospect an applicant,
// starts the hiring run, ends the nurture, and keeps the history on the same profile.
import { apiClient, createTestOrg, startTestSystem, waitFor, type TestOrg, type TestSystem } from '../../support/harness';
import { createCampaign, createNurturePipeline, createPool, createProspects } from '../../support/campaign-fixtures';
import { createHiringJob } from '../../support/fixtures';
import { WorkflowNotFoundError } from '@temporalio/client';
import { workflowIdForEnrollment } from '../../../workflows/constants';
import { startCampaignRuns, type StartTarget } from '../../../api/services/campaigns/start-campaign-runs';
import { CAMPAIGN_AUTO_ENROLL_JOB } from '../../../api/services/campaigns/auto-enroll-job';
import type { Plan } from '../../../workflows/graph/plan';

let t: TestSystem;
let org: TestOrg;
let recruiter: ReturnType<typeof apiClient>;
let job: { jobId: string; pipelineId: string };
let campaign: { id: string; name: string };
let poolId: string;

beforeAll(async () => {
  t = await startTestSystem();
  org = await createTestOrg(t.prisma);
  recruiter = apiClient(t.url, org.tokens.recruiter);
  job = await createHiringJob(recruiter);
  await t.prisma.job.update({ where: { id: job.jobId }, data: { status: 'OPEN' } });
  poolId = await createPool(t.prisma, org.orgId, []);
  const pipelineId = await createNurturePipeline(recruiter, { gap: { days: 1 } });
  campaign = (await createCampaign(recruiter, { pipelineId, poolId, senderUserId: org.userIds.recruiter })) as typeof campaign;
  expect((await recruiter('POST', `/api/campaigns/${campaign.id}/activate`)).status).toBe(200);
});
afterAll(() => t?.stop());

const temporal = () => t.system.services!.temporal();
const workflowStatus = async (workflowId: string) => (await (await temporal()).workflow.getHandle(workflowId).describe()).status.name;
const runOf = (candidateId: string) => t.prisma.run.findFirstOrThrow({ where: { campaignId: campaign.id, candidateId } });

/** Enrolls new prospects by hand and waits until each run is parked after its introduction. */
async function enrolledProspects(n: number) {
  const people = await createProspects(t.prisma, org.orgId, n);
  for (const p of people) expect((await recruiter('POST', `/api/campaigns/${campaign.id}/enrollments`, { candidateId: p.id })).status).toBe(201);
  await waitFor('the runs to park after the introduction', async () => (await t.prisma.run.count({ where: { campaignId: campaign.id, candidateId: { in: people.map((p) => p.id) }, currentNodeId: 'gap' } })) === n);
  return people;
}

async function exitedRun(candidateId: string) {
  return waitFor('the campaign run to exit', async () => {
    const run = await runOf(candidateId);
    return run.status === 'EXITED' ? run : null;
  });
}

test('a prospect who applies on the careers site leaves the campaign on the same profile, and counts as converted', async () => {
  const [prospect] = await enrolledProspects(1);
  const res = await fetch(`${t.url}/api/public/orgs/${org.slug}/applications`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.61' },
    body: JSON.stringify({ jobId: job.jobId, candidate: { firstName: 'Pat', lastName: 'Applies', email: prospect!.email } }),
  });
  expect(res.status).toBe(201);
  const application = await t.prisma.application.findUniqueOrThrow({ where: { id: (await res.json()).id } });
  expect(application.candidateId).toBe(prospect!.id);
  const run = await exitedRun(prospect!.id);
  expect(run.exitReason).toBe('candidate.applied');
  await waitFor('Temporal to report the workflow completed', async () => (await workflowStatus(run.workflowId)) === 'COMPLETED');
  const stats = await recruiter('GET', `/api/campaigns/${campaign.id}/stats`);
  expect(stats.body.people.converted).toBeGreaterThanOrEqual(1);
  expect(stats.body.enrollments.exitedBy['candidate.applied']).toBeGreaterThanOrEqual(1);
});

test('a hire ends the campaign run: moving the application into the hired stage', async () => {
  const [person] = await createProspects(t.prisma, org.orgId, 1);
  const applied = await recruiter('POST', '/api/applications', { jobId: job.jobId, candidate: { firstName: 'Hana', lastName: 'Hired', email: person!.email } });
  expect(applied.status).toBe(201);
  // Enrolled while in process (a recruiter may nurture an applicant by hand), then hired.
  expect((await recruiter('POST', `/api/campaigns/${campaign.id}/enrollments`, { candidateId: person!.id })).status).toBe(201);
  await waitFor('the run to park', async () => (await runOf(person!.id)).currentNodeId === 'gap');
  expect((await recruiter('POST', `/api/applications/${applied.body.id}/stage`, { stage: 'hired' })).status).toBe(200);
  const run = await exitedRun(person!.id);
  expect(run.exitReason).toBe('candidate.hired');
  // Not the campaign's conversion: the application came before the enrollment.
  expect((await recruiter('GET', `/api/campaigns/${campaign.id}/stats`)).body.people.hired).toBe(0);
});

test('an exit before the start ends a PENDING run at once (it never starts); a run started while it exited is told to exit', async () => {
  const [waiting, racing] = await createProspects(t.prisma, org.orgId, 2);
  const version = await t.prisma.pipelineVersion.findFirstOrThrow({ where: { pipeline: { campaigns: { some: { id: campaign.id } } } }, orderBy: { version: 'desc' } });
  // Enrolled, not started (as after a crash between the insert and the start).
  const pending = await t.prisma.run.create({
    data: { orgId: org.orgId, pipelineVersionId: version.id, candidateId: waiting!.id, campaignId: campaign.id, workflowId: workflowIdForEnrollment(campaign.id, waiting!.id) },
  });
  expect((await recruiter('POST', '/api/applications', { jobId: job.jobId, candidate: { firstName: 'Wen', lastName: 'Waiting', email: waiting!.email } })).status).toBe(201);
  expect(await t.prisma.run.findUniqueOrThrow({ where: { id: pending.id } })).toMatchObject({ status: 'EXITED', exitReason: 'candidate.applied' });
  await t.system.services!.periodicJobs!.runNow(CAMPAIGN_AUTO_ENROLL_JOB.name);
  await expect((await temporal()).workflow.getHandle(pending.workflowId).describe()).rejects.toBeInstanceOf(WorkflowNotFoundError);

  // The starter read the run while it was PENDING; it exited (an unsubscribe) before the start went out.
  const raced = await t.prisma.run.create({
    data: { orgId: org.orgId, pipelineVersionId: version.id, candidateId: racing!.id, campaignId: campaign.id, workflowId: workflowIdForEnrollment(campaign.id, racing!.id) },
  });
  await t.prisma.contactPreference.create({ data: { candidateId: racing!.id, topic: 'all', isSubscribed: false } });
  await t.prisma.run.update({ where: { id: raced.id }, data: { status: 'EXITED', exitReason: 'candidate.unsubscribed', endedAt: new Date() } });
  const target: StartTarget = { orgId: org.orgId, campaignId: campaign.id, pipelineVersionId: version.id, plan: version.plan as unknown as Plan };
  const racer = { id: raced.id, workflowId: raced.workflowId, candidateId: racing!.id, candidate: { tags: [], source: null, location: null, timeZone: null, interestLevel: null, kind: 'PROSPECT' } };
  const outcome = await startCampaignRuns(t.system.services!, target, (async function* () { yield [racer]; })());
  expect(outcome).toMatchObject({ started: 1, exitedMeanwhile: 1 });
  await waitFor('the raced workflow to exit', async () => (await workflowStatus(raced.workflowId)) === 'COMPLETED');
  expect(await t.prisma.run.findUniqueOrThrow({ where: { id: raced.id } })).toMatchObject({ status: 'EXITED', exitReason: 'candidate.unsubscribed' });
  // Its one send was checked at send time: no email reached the unsubscribed person.
  expect(t.sink.messages().filter((m) => m.to.includes(racing!.email))).toEqual([]);
});

describe('hand-off to the ATS', () => {
  test('one action: application (source crm, the campaign as utm_campaign), hiring run started, nurture exited, history kept, audited', async () => {
    const [prospect] = await enrolledProspects(1);
    const res = await recruiter('POST', `/api/candidates/${prospect!.id}/hand-off`, { jobId: job.jobId, note: 'Warm after two calls; fast-track the screen.' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ candidateId: prospect!.id, jobId: job.jobId, campaign: { id: campaign.id, name: campaign.name }, campaignRunsExited: 1, run: { status: 'PENDING' } });

    const application = await t.prisma.application.findUniqueOrThrow({ where: { id: res.body.applicationId } });
    expect(application).toMatchObject({ candidateId: prospect!.id, source: 'crm', utm: { utm_source: 'trellis', utm_medium: 'crm', utm_campaign: campaign.name } });
    expect(await t.prisma.candidate.findUniqueOrThrow({ where: { id: prospect!.id } })).toMatchObject({ kind: 'APPLICANT' });
    expect(await t.prisma.stageTransition.findFirst({ where: { applicationId: application.id } })).toMatchObject({ actorType: 'USER', actorId: org.userIds.recruiter, fromStageId: null });
    expect(await t.prisma.candidateNote.findFirst({ where: { applicationId: application.id } })).toMatchObject({ authorId: org.userIds.recruiter, body: 'Warm after two calls; fast-track the screen.' });
    expect(await t.prisma.auditEvent.findFirst({ where: { entityId: application.id, action: 'application.created' } })).toMatchObject({ actorId: org.userIds.recruiter, after: { via: 'hand-off', campaignId: campaign.id } });

    const hiringRun = await waitFor('the hiring run to start', async () => {
      const run = await t.prisma.run.findUniqueOrThrow({ where: { id: res.body.run.id } });
      return run.status === 'RUNNING' ? run : null;
    });
    expect(await workflowStatus(hiringRun.workflowId)).toBe('RUNNING');
    expect((await exitedRun(prospect!.id)).exitReason).toBe('candidate.applied');

    // The same profile holds both: the campaign's email, then the application.
    const timeline = await recruiter('GET', `/api/candidates/${prospect!.id}/timeline`);
    const kinds = (timeline.body.entries as { kind: string }[]).map((e) => e.kind).reverse();
    expect(kinds.indexOf('message.sent')).toBeGreaterThanOrEqual(0);
    expect(kinds.indexOf('application.created')).toBeGreaterThan(kinds.indexOf('message.sent'));
  });

  test('refusals: a second hand-off to the job, unknown job, a stage of another job or a hired stage, a merged profile, the wrong role or organization', async () => {
    const [a, b, merged] = await createProspects(t.prisma, org.orgId, 3);
    expect((await recruiter('POST', `/api/candidates/${a!.id}/hand-off`, { jobId: job.jobId })).status).toBe(201);
    const again = await recruiter('POST', `/api/candidates/${a!.id}/hand-off`, { jobId: job.jobId });
    expect(again.status).toBe(409);
    expect(again.body.error.details[0]).toMatchObject({ path: 'body.jobId', code: 'duplicate' });
    expect((await recruiter('POST', `/api/candidates/${b!.id}/hand-off`, { jobId: 'no-such-job' })).status).toBe(404);
    const other = await createHiringJob(recruiter);
    const foreignStage = await t.prisma.stage.findFirstOrThrow({ where: { jobId: other.jobId } });
    const wrongStage = await recruiter('POST', `/api/candidates/${b!.id}/hand-off`, { jobId: job.jobId, stageId: foreignStage.id });
    expect(wrongStage.status).toBe(400);
    expect(wrongStage.body.error.details[0].path).toBe('body.stageId');
    const hired = await t.prisma.stage.findFirstOrThrow({ where: { jobId: job.jobId, kind: 'HIRED' } });
    expect((await recruiter('POST', `/api/candidates/${b!.id}/hand-off`, { jobId: job.jobId, stageId: hired.id })).status).toBe(400);
    expect((await recruiter('POST', `/api/candidates/${b!.id}/hand-off`, { jobId: job.jobId, extra: 1 })).status).toBe(400);
    await t.prisma.candidate.update({ where: { id: merged!.id }, data: { mergedIntoId: a!.id } });
    expect((await recruiter('POST', `/api/candidates/${merged!.id}/hand-off`, { jobId: job.jobId })).status).toBe(409);
    expect((await apiClient(t.url, org.tokens.interviewer)('POST', `/api/candidates/${b!.id}/hand-off`, { jobId: job.jobId })).status).toBe(403);
    const stranger = await createTestOrg(t.prisma);
    expect((await apiClient(t.url, stranger.tokens.admin)('POST', `/api/candidates/${b!.id}/hand-off`, { jobId: job.jobId })).status).toBe(404);
    expect(await t.prisma.application.count({ where: { candidateId: { in: [b!.id, merged!.id] } } })).toBe(0);
  });
});
