// The first path through the real stack: publish a pipeline, apply, receive the
// email over SMTP, complete feedback from the inbox, and see the stage move,
// with real Temporal, PostgreSQL and SMTP.
import { apiClient, createTestOrg, startTestSystem, waitFor, type TestOrg, type TestSystem } from '../support/harness';
import { applicant, createHiringJob } from '../support/fixtures';
import { workflowIdForApplication } from '../../workflows/constants';

let t: TestSystem;
let org: TestOrg;
let recruiter: ReturnType<typeof apiClient>;

beforeAll(async () => {
  t = await startTestSystem();
  org = await createTestOrg(t.prisma);
  recruiter = apiClient(t.url, org.tokens.recruiter);
});
afterAll(() => t?.stop());

async function applyAndWaitForTask(jobId: string) {
  const body = applicant(jobId);
  const res = await recruiter('POST', '/api/applications', body);
  expect(res.status).toBe(201);
  const task = await waitFor('the feedback task in the inbox', async () => {
    const inbox = await recruiter('GET', '/api/tasks');
    return inbox.body.tasks.find((x: any) => x.applicationId === res.body.id);
  });
  return { application: res.body, task, email: body.candidate.email };
}

test('application -> email over SMTP -> inbox task -> feedback -> stage moved, as Temporal reports', async () => {
  const { jobId } = await createHiringJob(recruiter);
  const { application, task, email } = await applyAndWaitForTask(jobId);
  expect(application.run.workflowId).toBe(workflowIdForApplication(application.id));

  const [ack] = await t.sink.waitFor((m) => m.to.includes(email));
  expect(ack!.subject).toBe('We received your application for Staff Engineer');
  expect(ack!.text).toContain('Hi Grace,');
  expect(ack!.text).toContain(`at Org ${org.slug}`);
  expect(ack!.headers.from).toBe('Acme Talent Team <recruiting@trellis.localhost>');
  // The envelope sender is the message's signed bounce address (VERP), so its bounces find it.
  expect(ack!.from).toMatch(/^bounce\+[a-z0-9]+\.[0-9a-f]{26}@trellis\.localhost$/);
  const message = await t.prisma.message.findFirstOrThrow({ where: { candidateId: application.candidateId } });
  expect(message).toMatchObject({ status: 'SENT', toAddress: email, subject: ack!.subject, providerMessageId: ack!.messageId });

  expect(task).toMatchObject({ kind: 'FEEDBACK', status: 'OPEN', nodeId: 'screen', job: { title: 'Staff Engineer' }, application: { stage: { key: 'applied' } } });
  const live = await recruiter('GET', `/api/runs/${application.run.id}`);
  expect(live.body).toMatchObject({ status: 'RUNNING', temporalStatus: 'RUNNING', currentNodeId: 'screen', waitingFor: { kind: 'wait', nodeId: 'screen' } });

  const feedback = await recruiter('POST', `/api/tasks/${task.id}/feedback`, { score: 4, recommendation: 'strong_yes', notes: 'Great systems depth' });
  expect(feedback.status).toBe(202);

  const run = await waitFor('the run to complete', async () => {
    const r = await t.prisma.run.findUniqueOrThrow({ where: { id: application.run.id } });
    return r.status === 'COMPLETED' && r;
  });
  const handle = (await t.system.services!.temporal()).workflow.getHandle(run.workflowId);
  await waitFor('Temporal to report the workflow completed', async () => (await handle.describe()).status.name === 'COMPLETED');

  const stored = await t.prisma.application.findUniqueOrThrow({ where: { id: application.id }, include: { stage: true, transitions: { orderBy: { at: 'asc' } } } });
  expect(stored.stage.key).toBe('interview');
  expect(stored.transitions.map((x) => [x.actorType, x.runId])).toEqual([['CANDIDATE', null], ['WORKFLOW', run.id]]);
  expect(await t.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: 'COMPLETED', completedById: org.userIds.recruiter });
  expect(await t.prisma.scorecard.count({ where: { applicationId: application.id, score: 4 } })).toBe(1);

  const detail = await recruiter('GET', `/api/runs/${run.id}`);
  expect(detail.body.status).toBe('COMPLETED');
  expect(detail.body.steps.map((s: any) => `${s.nodeId}:${s.port ?? ''}`)).toEqual(['applied:out', 'acknowledge:out', 'screen:submitted', 'decide:advance', 'to_interview:out', 'done:']);
  expect(detail.body.temporalUrl).toContain(`/namespaces/default/workflows/${run.workflowId}/`);
  // Exactly one email to this candidate: the acknowledgement.
  expect(t.sink.messages().filter((m) => m.to.includes(email))).toHaveLength(1);
});

test('a low score takes the rejection branch: rejection email and the rejected stage', async () => {
  const { jobId } = await createHiringJob(recruiter);
  const { application, task, email } = await applyAndWaitForTask(jobId);
  expect((await recruiter('POST', `/api/tasks/${task.id}/feedback`, { score: 2, recommendation: 'no' })).status).toBe(202);
  const [, rejection] = await t.sink.waitFor((m) => m.to.includes(email), { count: 2 });
  expect(rejection!.subject).toBe('Your application for Staff Engineer');
  const stored = await waitFor('the rejected stage', async () => {
    const a = await t.prisma.application.findUniqueOrThrow({ where: { id: application.id }, include: { stage: true } });
    return a.stage.key === 'rejected' && a;
  });
  expect(stored).toMatchObject({ status: 'REJECTED', rejectionReason: 'screen score below 3' });
});

test('nobody answers: the feedback wait times out, the task is cancelled and the rejection path runs', async () => {
  const { applicationReviewGraph } = await import('../../workflows/graph/examples/application-review');
  const { jobId } = await createHiringJob(recruiter, applicationReviewGraph({ feedbackTimeout: { seconds: 2 } }));
  const { application, task, email } = await applyAndWaitForTask(jobId);
  await t.sink.waitFor((m) => m.to.includes(email), { count: 2 });
  await waitFor('the run to complete', async () => (await t.prisma.run.findFirstOrThrow({ where: { applicationId: application.id } })).status === 'COMPLETED');
  expect(await t.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: 'CANCELLED' });
  const late = await recruiter('POST', `/api/tasks/${task.id}/feedback`, { score: 4, recommendation: 'yes' });
  expect(late.status).toBe(409);
});
