// Decisions on the real stack: the organization's rejection reasons; advancing
// to the next stage; rejecting with a reason and note recorded with who and
// when, the rejection email sent by the rejected stage's pipeline only when the
// candidate is to be told; bad input refused with nothing written.
import { apiClient, createTestOrg, startTestSystem, waitFor, type TestOrg, type TestSystem } from '../../support/harness';
import { applicant } from '../../support/fixtures';
import type { TGraph } from '../../../workflows/graph/schema';

let t: TestSystem;
let org: TestOrg;
let recruiter: ReturnType<typeof apiClient>;
let jobId: string;

const rejectionEmail: TGraph = {
  nodes: [
    { id: 'entered', type: 'trigger.stage_entered', typeVersion: 1, config: { stage: 'rejected' } },
    { id: 'mail', type: 'message.send_email', typeVersion: 1, config: { subject: 'About your application for {{job.title}}', body: 'Hi {{candidate.firstName}}, thank you for your time.' } },
    { id: 'end', type: 'action.end', typeVersion: 1, config: {} },
  ],
  edges: [{ source: 'entered', sourcePort: 'out', target: 'mail' }, { source: 'mail', sourcePort: 'out', target: 'end' }],
};

beforeAll(async () => {
  t = await startTestSystem();
  org = await createTestOrg(t.prisma);
  recruiter = apiClient(t.url, org.tokens.recruiter);
  jobId = (await recruiter('POST', '/api/jobs', { title: 'Analyst', department: 'Finance' })).body.id;
  const pipeline = await recruiter('POST', '/api/pipelines', { name: 'Rejection email', graph: rejectionEmail });
  expect((await recruiter('POST', `/api/pipelines/${pipeline.body.id}/publish`)).status).toBe(201);
});
afterAll(() => t?.stop());

test('rejection reasons: add, refuse duplicates and blanks, archive', async () => {
  const created = await recruiter('POST', '/api/rejection-reasons', { label: 'Salary expectations', position: 2 });
  expect(created.status).toBe(201);
  const dup = await recruiter('POST', '/api/rejection-reasons', { label: 'Salary expectations' });
  expect(dup.status).toBe(409);
  expect(dup.body.error.details[0].path).toBe('body.label');
  const blank = await recruiter('POST', '/api/rejection-reasons', { label: '   ' });
  expect(blank.status).toBe(400);
  expect(blank.body.error.details[0].path).toBe('body.label');
  expect((await apiClient(t.url, org.tokens.interviewer)('POST', '/api/rejection-reasons', { label: 'x' })).status).toBe(403);
  expect((await recruiter('PATCH', `/api/rejection-reasons/${created.body.id}`, { isArchived: true })).status).toBe(200);
  expect((await recruiter('GET', '/api/rejection-reasons')).body.map((r: any) => r.label)).not.toContain('Salary expectations');
  expect((await recruiter('GET', '/api/rejection-reasons?includeArchived=true')).body.map((r: any) => r.label)).toContain('Salary expectations');
  const audit = await t.prisma.auditEvent.findFirstOrThrow({ where: { entityId: created.body.id, action: 'rejection_reason.updated' } });
  expect(audit).toMatchObject({ before: { isArchived: false }, after: { isArchived: true } });
});

test('advance: to the next stage by default; never into rejected or hired', async () => {
  const { body: app } = await recruiter('POST', '/api/applications', applicant(jobId));
  const res = await recruiter('POST', `/api/applications/${app.id}/decision`, { decision: 'advance', note: 'strong portfolio' });
  expect(res.status).toBe(200);
  const moved = await t.prisma.application.findUniqueOrThrow({ where: { id: app.id }, include: { stage: true } });
  expect(moved.stage.key).toBe('screen');
  const transition = await t.prisma.stageTransition.findFirstOrThrow({ where: { applicationId: app.id, toStageId: moved.stageId } });
  expect(transition).toMatchObject({ actorType: 'USER', actorId: org.userIds.recruiter, reason: 'strong portfolio' });
  for (const stage of ['rejected', 'hired']) {
    const bad = await recruiter('POST', `/api/applications/${app.id}/decision`, { decision: 'advance', stage });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('body.stage');
  }
  expect((await t.prisma.application.findUniqueOrThrow({ where: { id: app.id } })).stageId).toBe(moved.stageId);
});

test('reject with a reason and note: who, when, audit; the rejection email only when asked', async () => {
  const reason = (await recruiter('POST', '/api/rejection-reasons', { label: 'Not enough experience' })).body;
  const archived = (await recruiter('POST', '/api/rejection-reasons', { label: 'Old reason' })).body;
  await recruiter('PATCH', `/api/rejection-reasons/${archived.id}`, { isArchived: true });
  const told = applicant(jobId);
  const silent = applicant(jobId);
  const { body: app } = await recruiter('POST', '/api/applications', told);
  const { body: quiet } = await recruiter('POST', '/api/applications', silent);

  for (const [body, path] of [
    [{ decision: 'reject', reasonId: archived.id }, 'body.reasonId'],
    [{ decision: 'reject', reasonId: 'nope' }, 'body.reasonId'],
    [{ decision: 'reject' }, 'body.reasonId'],
    [{ decision: 'reject', reasonId: reason.id, why: 'x' }, 'body'],
    [{ decision: 'maybe' }, 'body.decision'],
  ] as const) {
    const res = await recruiter('POST', `/api/applications/${app.id}/decision`, body);
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: any) => d.path)).toContain(path);
  }
  expect((await t.prisma.application.findUniqueOrThrow({ where: { id: app.id } })).status).toBe('ACTIVE');

  const res = await recruiter('POST', `/api/applications/${app.id}/decision`, { decision: 'reject', reasonId: reason.id, note: 'needs more SQL' });
  expect(res.status).toBe(200);
  const rejected = await t.prisma.application.findUniqueOrThrow({ where: { id: app.id }, include: { stage: true } });
  expect(rejected).toMatchObject({ status: 'REJECTED', rejectionReasonId: reason.id, rejectionReason: 'needs more SQL', rejectedById: org.userIds.recruiter, stage: { key: 'rejected' } });
  expect(rejected.rejectedAt).not.toBeNull();
  const audit = await t.prisma.auditEvent.findFirstOrThrow({ where: { entityId: app.id, action: 'application.rejected' } });
  expect(audit).toMatchObject({ actorId: org.userIds.recruiter, before: { status: 'ACTIVE' }, after: { status: 'REJECTED', reason: 'Not enough experience', note: 'needs more SQL' } });
  await t.sink.waitFor((m) => m.to.includes(told.candidate.email) && m.subject === 'About your application for Analyst');
  expect((await recruiter('POST', `/api/applications/${app.id}/decision`, { decision: 'reject', reasonId: reason.id })).status).toBe(409);

  expect((await recruiter('POST', `/api/applications/${quiet.id}/decision`, { decision: 'reject', reasonId: reason.id, notifyCandidate: false })).status).toBe(200);
  expect((await t.prisma.application.findUniqueOrThrow({ where: { id: quiet.id } })).status).toBe('REJECTED');
  await new Promise((r) => setTimeout(r, 1500));
  expect(await t.prisma.run.count({ where: { applicationId: quiet.id } })).toBe(0);
  expect(t.sink.messages().filter((m) => m.to.includes(silent.candidate.email))).toHaveLength(0);
  await waitFor('the told candidate’s rejection run finished', async () => (await t.prisma.run.findFirst({ where: { applicationId: app.id, status: 'COMPLETED' } })) ?? false);
});
