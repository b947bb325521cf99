// Panel feedback (people.collect_feedback v2): one scorecard task per
// interviewer, reminders to those who have not submitted, done at quorum with
// the average score, on the real stack.
import { apiClient, createTestOrg, startTestSystem, waitFor, type TestSystem } from '../support/harness';
import { applicant, createHiringJob } from '../support/fixtures';
import type { TGraph } from '../../workflows/graph/schema';

let t: TestSystem;
beforeAll(async () => (t = await startTestSystem()));
afterAll(() => t?.stop());

test('two interviewers, reminders until each submits, average score decides', async () => {
  const org = await createTestOrg(t.prisma);
  const recruiter = apiClient(t.url, org.tokens.recruiter);
  const admin = apiClient(t.url, org.tokens.admin);
  const graph: TGraph = {
    nodes: [
      { id: 'applied', type: 'trigger.application_received', typeVersion: 1, config: {} },
      { id: 'panel', type: 'people.collect_feedback', typeVersion: 2, config: { interviewerUserIds: [org.userIds.admin, org.userIds.recruiter], timeout: { minutes: 5 }, remindEvery: { seconds: 1 } } },
      { id: 'decide', type: 'logic.branch', typeVersion: 1, config: { rules: [{ port: 'advance', when: [{ field: 'feedback.score', op: 'gte', value: 3 }] }] } },
      { id: 'to_interview', type: 'action.move_to_stage', typeVersion: 1, config: { stage: 'interview' } },
      { id: 'end', type: 'action.end', typeVersion: 1, config: {} },
    ],
    edges: [
      { source: 'applied', sourcePort: 'out', target: 'panel' },
      { source: 'panel', sourcePort: 'submitted', target: 'decide' },
      { source: 'panel', sourcePort: 'timeout', target: 'end' },
      { source: 'decide', sourcePort: 'advance', target: 'to_interview' },
      { source: 'decide', sourcePort: 'otherwise', target: 'end' },
      { source: 'to_interview', sourcePort: 'out', target: 'end' },
    ],
  };
  const { jobId } = await createHiringJob(recruiter, graph);
  const { body: app } = await recruiter('POST', '/api/applications', applicant(jobId));
  const adminEmail = `admin@${org.slug}.test`;
  const recruiterEmail = `recruiter@${org.slug}.test`;
  await t.sink.waitFor((m) => m.to.includes(adminEmail) && m.subject.startsWith('Reminder:'));
  await t.sink.waitFor((m) => m.to.includes(recruiterEmail) && m.subject.startsWith('Reminder:'));

  const taskOf = (userId: string) => waitFor('task', () => t.prisma.task.findFirst({ where: { applicationId: app.id, assigneeId: userId, kind: 'FEEDBACK' } }));
  expect((await admin('POST', `/api/tasks/${(await taskOf(org.userIds.admin)).id}/feedback`, { score: 4, recommendation: 'yes' })).status).toBe(202);
  const adminReminders = t.sink.messages().filter((m) => m.to.includes(adminEmail)).length;
  const recruiterReminders = t.sink.messages().filter((m) => m.to.includes(recruiterEmail)).length;
  // The one who has not submitted keeps being reminded; the one who has, does not.
  await t.sink.waitFor((m) => m.to.includes(recruiterEmail), { count: recruiterReminders + 2, timeoutMs: 10_000 });
  expect(t.sink.messages().filter((m) => m.to.includes(adminEmail)).length).toBeLessThanOrEqual(adminReminders + 1);

  expect((await recruiter('POST', `/api/tasks/${(await taskOf(org.userIds.recruiter)).id}/feedback`, { score: 3, recommendation: 'yes' })).status).toBe(202);
  await waitFor('interview stage', async () => (await t.prisma.application.findUniqueOrThrow({ where: { id: app.id }, include: { stage: true } })).stage.key === 'interview');
  const run = await waitFor('run completed', async () => {
    const r = await t.prisma.run.findUniqueOrThrow({ where: { id: app.run.id } });
    return r.status === 'COMPLETED' && r;
  });
  expect((run.steps as { nodeId: string; port?: string }[]).map((s) => `${s.nodeId}:${s.port ?? ''}`)).toEqual(['applied:out', 'panel:submitted', 'decide:advance', 'to_interview:out', 'end:']);
});
