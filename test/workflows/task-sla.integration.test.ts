// A task with an SLA (people.create_task v2) on the real stack: the assignee is
// reminded, past the due date the task moves up the escalation chain and the new
// assignee is reminded; completing it resumes the run. Without anyone acting,
// the run stops waiting at giveUpAfter.
import { apiClient, createTestOrg, startTestSystem, waitFor, type TestOrg, type TestSystem } from '../support/harness';
import { applicant, createHiringJob } from '../support/fixtures';
import type { TGraph } from '../../workflows/graph/schema';

let t: TestSystem;
let org: TestOrg;
beforeAll(async () => {
  t = await startTestSystem();
  org = await createTestOrg(t.prisma);
});
afterAll(() => t?.stop());

const graph = (): TGraph => ({
  nodes: [
    { id: 'applied', type: 'trigger.application_received', typeVersion: 1, config: {} },
    {
      id: 'review', type: 'people.create_task', typeVersion: 2,
      config: { title: 'Review the application', kind: 'REVIEW', assignee: { userId: org.userIds.recruiter }, dueIn: { seconds: 2 }, remindEvery: { seconds: 1 }, escalations: [{ after: { seconds: 1 }, assignee: { userId: org.userIds.admin } }], giveUpAfter: { seconds: 6 } },
    },
    { id: 'done', type: 'action.end', typeVersion: 1, config: {} },
    { id: 'late', type: 'action.end', typeVersion: 1, config: {} },
  ],
  edges: [
    { source: 'applied', sourcePort: 'out', target: 'review' },
    { source: 'review', sourcePort: 'completed', target: 'done' },
    { source: 'review', sourcePort: 'overdue', target: 'late' },
  ],
});

const stepsOf = async (runId: string) => {
  const run = await waitFor('run completed', async () => {
    const r = await t.prisma.run.findUniqueOrThrow({ where: { id: runId } });
    return r.status === 'COMPLETED' && r;
  }, 30_000);
  return (run.steps as { nodeId: string; port?: string }[]).map((s) => `${s.nodeId}:${s.port ?? ''}`);
};

test('reminded, escalated to the next in the chain, completed by them', async () => {
  const recruiter = apiClient(t.url, org.tokens.recruiter);
  const { jobId } = await createHiringJob(recruiter, graph());
  const { body: app } = await recruiter('POST', '/api/applications', applicant(jobId));
  await t.sink.waitFor((m) => m.to.includes(`recruiter@${org.slug}.test`) && m.subject.startsWith('Reminder: Review the application'));
  const task = await waitFor('escalated to the admin', () => t.prisma.task.findFirst({ where: { applicationId: app.id, assigneeId: org.userIds.admin, status: 'OPEN' } }), 15_000);
  await t.sink.waitFor((m) => m.to.includes(`admin@${org.slug}.test`) && m.subject.startsWith('Reminder:'));
  expect(await t.prisma.auditEvent.count({ where: { entityId: task.id, action: 'task.escalated' } })).toBe(1);
  expect((await apiClient(t.url, org.tokens.admin)('POST', `/api/tasks/${task.id}/complete`, { outcome: { verdict: 'advance' } })).status).toBe(202);
  expect(await stepsOf(app.run.id)).toEqual(['applied:out', 'review:completed', 'done:']);
});

test('nobody acts: the run gives up and leaves by "overdue"', async () => {
  const recruiter = apiClient(t.url, org.tokens.recruiter);
  const { jobId } = await createHiringJob(recruiter, graph());
  const { body: app } = await recruiter('POST', '/api/applications', applicant(jobId));
  expect(await stepsOf(app.run.id)).toEqual(['applied:out', 'review:overdue', 'late:']);
});
