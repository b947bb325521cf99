// trigger.stage_entered: moving an application into a stage starts the
// pipelines that wait for that stage (in its job, or any job), once per move.
import { apiClient, createTestOrg, startTestSystem, waitFor, type TestSystem } from '../support/harness';
import { applicant, createHiringJob } from '../support/fixtures';
import type { TGraph } from '../../workflows/graph/schema';

let t: TestSystem;
beforeAll(async () => (t = await startTestSystem()));
afterAll(() => t?.stop());

const onStage = (subject: string, config: Record<string, unknown>): TGraph => ({
  nodes: [
    { id: 'entered', type: 'trigger.stage_entered', typeVersion: 1, config },
    { id: 'prep', type: 'message.send_email', typeVersion: 1, config: { subject, body: 'Hi {{candidate.firstName}}, here is how our interviews work.' } },
    { id: 'end', type: 'action.end', typeVersion: 1, config: {} },
  ],
  edges: [{ source: 'entered', sourcePort: 'out', target: 'prep' }, { source: 'prep', sourcePort: 'out', target: 'end' }],
});

async function publish(call: ReturnType<typeof apiClient>, name: string, graph: TGraph) {
  const created = await call('POST', '/api/pipelines', { name, graph });
  expect((await call('POST', `/api/pipelines/${created.body.id}/publish`)).status).toBe(201);
}

test('a run moved to "interview" starts the interview-prep pipeline for that job only', async () => {
  const org = await createTestOrg(t.prisma);
  const recruiter = apiClient(t.url, org.tokens.recruiter);
  const { jobId } = await createHiringJob(recruiter);
  const { jobId: otherJobId } = await createHiringJob(recruiter);
  await publish(recruiter, 'Interview prep (any job)', onStage('Preparing for your interview', { stage: 'interview' }));
  await publish(recruiter, 'Interview prep (other job)', onStage('Other job prep', { stage: 'interview', jobId: otherJobId }));
  await publish(recruiter, 'Offer follow-up', onStage('About your offer', { stage: 'offer' }));

  const body = applicant(jobId);
  const { body: app } = await recruiter('POST', '/api/applications', body);
  const task = await waitFor('feedback task', () => t.prisma.task.findFirst({ where: { applicationId: app.id } }));
  await recruiter('POST', `/api/tasks/${task.id}/feedback`, { score: 4, recommendation: 'yes' });

  await t.sink.waitFor((m) => m.to.includes(body.candidate.email) && m.subject === 'Preparing for your interview');
  const runs = await waitFor('two runs for the application', async () => {
    const r = await t.prisma.run.findMany({ where: { applicationId: app.id } });
    return r.length === 2 && r.every((x) => x.status === 'COMPLETED') && r;
  });
  expect(runs.map((r) => r.workflowId).sort()[1]).toMatch(/^stage-entered-/);
  await new Promise((r) => setTimeout(r, 500));
  expect(t.sink.messages().filter((m) => m.to.includes(body.candidate.email)).map((m) => m.subject).sort()).toEqual(['Preparing for your interview', 'We received your application for Staff Engineer']);
});

test('a recruiter moving an application starts stage-entered pipelines too; bad moves are refused', async () => {
  const org = await createTestOrg(t.prisma);
  const recruiter = apiClient(t.url, org.tokens.recruiter);
  const { jobId } = await createHiringJob(recruiter);
  await publish(recruiter, 'Offer follow-up', onStage('About your offer', { stage: 'offer' }));
  const body = applicant(jobId);
  const { body: app } = await recruiter('POST', '/api/applications', body);

  expect((await recruiter('POST', `/api/applications/${app.id}/stage`, { stage: 'nope' })).status).toBe(400);
  expect((await recruiter('POST', `/api/applications/${app.id}/stage`, { stage: 'applied' })).status).toBe(409);
  expect((await recruiter('POST', '/api/applications/missing/stage', { stage: 'offer' })).status).toBe(404);
  expect((await apiClient(t.url, org.tokens.interviewer)('POST', `/api/applications/${app.id}/stage`, { stage: 'offer' })).status).toBe(403);

  const moved = await recruiter('POST', `/api/applications/${app.id}/stage`, { stage: 'offer', reason: 'great onsite' });
  expect(moved.status).toBe(200);
  await t.sink.waitFor((m) => m.to.includes(body.candidate.email) && m.subject === 'About your offer');
  const transitions = await t.prisma.stageTransition.findMany({ where: { applicationId: app.id }, orderBy: { at: 'asc' } });
  expect(transitions.map((x) => [x.actorType, x.actorId, x.reason])).toEqual([['CANDIDATE', null, 'applied'], ['USER', org.userIds.recruiter, 'great onsite']]);
});
