// People drive runs from the product: completing a review task, deciding
// approvals, and sending events (a reply) through the API resume the waiting
// run, which then hires or rejects. Wrong callers and repeated actions are refused.
import { apiClient, createTestOrg, startTestSystem, waitFor, type TestOrg, type TestSystem } from '../support/harness';
import { applicant, createHiringJob } from '../support/fixtures';
import type { TGraph } from '../../workflows/graph/schema';

let t: TestSystem;
let org: TestOrg;
let recruiter: ReturnType<typeof apiClient>;
let admin: ReturnType<typeof apiClient>;

beforeAll(async () => {
  t = await startTestSystem();
  org = await createTestOrg(t.prisma);
  recruiter = apiClient(t.url, org.tokens.recruiter);
  admin = apiClient(t.url, org.tokens.admin);
});
afterAll(() => t?.stop());

function offerGraph(): TGraph {
  return {
    nodes: [
      { id: 'applied', type: 'trigger.application_received', typeVersion: 1, config: {} },
      { id: 'replied', type: 'events.wait_for_any', typeVersion: 1, config: { events: [{ name: 'candidate.replied', port: 'replied' }], timeout: { minutes: 5 } } },
      { id: 'review', type: 'people.create_task', typeVersion: 1, config: { title: 'Review the reply', kind: 'REVIEW', assignee: { role: 'RECRUITER' } } },
      { id: 'approve', type: 'people.approval', typeVersion: 1, config: { title: 'Approve the offer', approverUserIds: [org.userIds.admin, org.userIds.recruiter], required: 2 } },
      { id: 'hire', type: 'action.hire', typeVersion: 1, config: {} },
      { id: 'reject', type: 'action.reject', typeVersion: 1, config: { reason: 'offer not approved' } },
      { id: 'end', type: 'action.end', typeVersion: 1, config: {} },
      { id: 'end_rejected', type: 'action.end', typeVersion: 1, config: {} },
    ],
    edges: [
      { source: 'applied', sourcePort: 'out', target: 'replied' },
      { source: 'replied', sourcePort: 'replied', target: 'review' },
      { source: 'replied', sourcePort: 'timeout', target: 'end' },
      { source: 'review', sourcePort: 'completed', target: 'approve' },
      { source: 'approve', sourcePort: 'approved', target: 'hire' },
      { source: 'approve', sourcePort: 'rejected', target: 'reject' },
      { source: 'hire', sourcePort: 'out', target: 'end' },
      { source: 'reject', sourcePort: 'out', target: 'end_rejected' },
    ],
  };
}

const openTask = (applicationId: string, kind: 'REVIEW' | 'APPROVE', assigneeId?: string) =>
  waitFor(`open ${kind} task`, () => t.prisma.task.findFirst({ where: { applicationId, kind, status: 'OPEN', ...(assigneeId ? { assigneeId } : {}) } }));

test('reply -> review task -> two approvals -> hired', async () => {
  const { jobId } = await createHiringJob(recruiter, offerGraph());
  const { body: app } = await recruiter('POST', '/api/applications', applicant(jobId));
  await waitFor('run started', async () => (await t.prisma.run.findUniqueOrThrow({ where: { id: app.run.id } })).status === 'RUNNING');

  expect((await recruiter('POST', `/api/runs/${app.run.id}/events`, { name: 'candidate.sneezed' })).status).toBe(400);
  expect((await recruiter('POST', `/api/runs/${app.run.id}/events`, { name: 'candidate.replied', payload: { channel: 'email' } })).status).toBe(202);

  const review = await openTask(app.id, 'REVIEW');
  expect((await recruiter('POST', `/api/tasks/${review.id}/complete`, { outcome: { note: 'keen' } })).status).toBe(202);
  expect((await recruiter('POST', `/api/tasks/${review.id}/complete`, {})).status).toBe(409);

  const adminTask = await openTask(app.id, 'APPROVE', org.userIds.admin);
  const recruiterTask = await openTask(app.id, 'APPROVE', org.userIds.recruiter);
  // Only the assigned approver (or an admin) decides.
  expect((await apiClient(t.url, org.tokens.interviewer)('POST', `/api/tasks/${recruiterTask.id}/decision`, { approved: true })).status).toBe(403);
  expect((await recruiter('POST', `/api/tasks/${adminTask.id}/decision`, { approved: true })).status).toBe(403);
  expect((await admin('POST', `/api/tasks/${adminTask.id}/decision`, { approved: true })).status).toBe(202);
  expect((await recruiter('POST', `/api/tasks/${recruiterTask.id}/decision`, { approved: true })).status).toBe(202);

  const hired = await waitFor('hired', async () => {
    const a = await t.prisma.application.findUniqueOrThrow({ where: { id: app.id }, include: { stage: true } });
    return a.status === 'HIRED' && a;
  });
  expect(hired.stage.key).toBe('hired');
  const run = await waitFor('run completed', async () => {
    const r = await t.prisma.run.findUniqueOrThrow({ where: { id: app.run.id } });
    return r.status === 'COMPLETED' && r;
  });
  expect((run.steps as { nodeId: string; port?: string }[]).map((s) => `${s.nodeId}:${s.port ?? ''}`)).toEqual(['applied:out', 'replied:replied', 'review:completed', 'approve:approved', 'hire:out', 'end:']);
  expect((await recruiter('POST', `/api/runs/${app.run.id}/events`, { name: 'candidate.replied' })).status).toBe(409);
});

test('one approver says no: the offer is rejected', async () => {
  const { jobId } = await createHiringJob(recruiter, offerGraph());
  const { body: app } = await recruiter('POST', '/api/applications', applicant(jobId));
  await waitFor('run started', async () => (await t.prisma.run.findUniqueOrThrow({ where: { id: app.run.id } })).status === 'RUNNING');
  await recruiter('POST', `/api/runs/${app.run.id}/events`, { name: 'candidate.replied' });
  await recruiter('POST', `/api/tasks/${(await openTask(app.id, 'REVIEW')).id}/complete`, {});
  expect((await admin('POST', `/api/tasks/${(await openTask(app.id, 'APPROVE', org.userIds.admin)).id}/decision`, { approved: false, comment: 'over budget' })).status).toBe(202);
  const rejected = await waitFor('rejected', async () => {
    const a = await t.prisma.application.findUniqueOrThrow({ where: { id: app.id } });
    return a.status === 'REJECTED' && a;
  });
  expect(rejected.rejectionReason).toBe('offer not approved');
  // The other approver's task is closed with the run's decision.
  await waitFor('other approval cancelled', async () => (await t.prisma.task.count({ where: { applicationId: app.id, kind: 'APPROVE', status: 'OPEN' } })) === 0);
});
