// The dry run and a real run agree: for the same plan, candidate and events,
// the simulation's steps are the steps the real Temporal run takes, and the
// simulation sends and writes nothing.
import { apiClient, createTestOrg, startTestSystem, waitFor, type TestSystem } from '../support/harness';
import { applicant, createHiringJob } from '../support/fixtures';
import { applicationReviewGraph } from '../../workflows/graph/examples/application-review';

let t: TestSystem;
let recruiter: ReturnType<typeof apiClient>;
let orgId: string;

beforeAll(async () => {
  t = await startTestSystem();
  const org = await createTestOrg(t.prisma);
  orgId = org.orgId;
  recruiter = apiClient(t.url, org.tokens.recruiter);
});
afterAll(() => t?.stop());

const pathOf = (steps: { nodeId: string; port?: string }[]) => steps.map((s) => `${s.nodeId}:${s.port ?? ''}`);

async function realRunSteps(jobId: string, feedback?: { score: number; recommendation: string }) {
  const res = await recruiter('POST', '/api/applications', applicant(jobId));
  if (feedback) {
    const task = await waitFor('task', () => t.prisma.task.findFirst({ where: { applicationId: res.body.id } }));
    await recruiter('POST', `/api/tasks/${task.id}/feedback`, feedback);
  }
  const run = await waitFor('run completed', async () => {
    const r = await t.prisma.run.findUniqueOrThrow({ where: { id: res.body.run.id } });
    return r.status === 'COMPLETED' && r;
  });
  return pathOf(run.steps as never);
}

test.each([
  ['a strong score', { score: 4, recommendation: 'strong_yes' }],
  ['a low score', { score: 1, recommendation: 'strong_no' }],
])('with %s, the simulation takes the same steps as the real run', async (_label, feedback) => {
  const { pipelineId, jobId, versionId } = await createHiringJob(recruiter);
  const before = { messages: await t.prisma.message.count({ where: { orgId } }), tasks: await t.prisma.task.count({ where: { orgId } }), sent: t.sink.messages().length };
  const sim = await recruiter('POST', `/api/pipelines/${pipelineId}/simulate`, {
    versionId, candidate: { firstName: 'Lin', lastName: 'Sim' }, script: [{ at: { hours: 3 }, name: 'feedback.submitted', payload: feedback }], startAt: '2026-03-02T09:00:00Z',
  });
  expect(sim.status).toBe(200);
  expect(sim.body.outcome).toBe('completed');
  expect(sim.body.timeline[0]).toMatchObject({ kind: 'email', subject: 'We received your application for Staff Engineer', at: '2026-03-02T09:00:00.000Z' });
  expect(sim.body.timeline[0].body).toContain('Hi Lin,');
  expect(sim.body.timeline).toContainEqual(expect.objectContaining({ kind: 'event', name: 'feedback.submitted', at: '2026-03-02T12:00:00.000Z' }));
  expect({ messages: await t.prisma.message.count({ where: { orgId } }), tasks: await t.prisma.task.count({ where: { orgId } }), sent: t.sink.messages().length }).toEqual(before);

  expect(await realRunSteps(jobId, feedback)).toEqual(pathOf(sim.body.steps));
});

test('when nobody answers, simulation and real run both time out the same way', async () => {
  const { pipelineId, jobId } = await createHiringJob(recruiter, applicationReviewGraph({ feedbackTimeout: { seconds: 2 } }));
  const sim = await recruiter('POST', `/api/pipelines/${pipelineId}/simulate`, { script: [] });
  expect(sim.body.timeline.map((e: any) => e.kind)).toEqual(['email', 'task', 'wait', 'timeout', 'task_cancelled', 'email', 'stage', 'end']);
  expect(await realRunSteps(jobId)).toEqual(pathOf(sim.body.steps));
});

test.each([
  ['a profile that meets the criteria', 'Built Kubernetes operators in Rust.', 'pass'],
  ['a profile that misses one', 'Wrote PHP for a decade.', 'fail'],
])('screening by criteria: with %s, the dry run scores as the real run does', async (_label, resumeText, port) => {
  const graph = {
    nodes: [
      { id: 'applied', type: 'trigger.application_received', typeVersion: 1, config: {} },
      { id: 'score', type: 'logic.score_criteria', typeVersion: 1, config: { criteria: [{ kind: 'skills', label: 'Rust', points: 50, skills: ['rust'] }, { kind: 'keywords', label: 'Kubernetes', points: 50, q: 'kubernetes' }], passScore: 100 } },
      { id: 'done', type: 'action.end', typeVersion: 1, config: {} },
    ],
    edges: [{ source: 'applied', sourcePort: 'out', target: 'score' }, { source: 'score', sourcePort: 'pass', target: 'done' }, { source: 'score', sourcePort: 'fail', target: 'done' }],
  };
  const { pipelineId, jobId, versionId } = await createHiringJob(recruiter, graph as never);
  // The applicant exists already with a profile (a sourced prospect): the application reuses the record by email.
  const person = applicant(jobId);
  const candidate = await t.prisma.candidate.create({ data: { orgId, ...person.candidate, skills: ['rust'], resumeText } });
  const sim = await recruiter('POST', `/api/pipelines/${pipelineId}/simulate`, { versionId, candidateId: candidate.id });
  expect(sim.body.timeline.find((e: any) => e.kind === 'action')).toMatchObject({ activity: 'scoreApplication', detail: { isPassed: port === 'pass' } });
  expect(pathOf(sim.body.steps)).toContain(`score:${port}`);
  const res = await recruiter('POST', '/api/applications', person);
  expect(res.body.candidateId ?? (await t.prisma.application.findUniqueOrThrow({ where: { id: res.body.id } })).candidateId).toBe(candidate.id);
  const run = await waitFor('run completed', async () => {
    const r = await t.prisma.run.findUniqueOrThrow({ where: { id: res.body.run.id } });
    return r.status === 'COMPLETED' && r;
  });
  expect(pathOf(run.steps as never)).toEqual(pathOf(sim.body.steps));
});

test('simulating an invalid draft is refused with the graph problems', async () => {
  const graph = applicationReviewGraph();
  graph.edges.pop();
  const created = await recruiter('POST', '/api/pipelines', { name: 'Half done', graph });
  const res = await recruiter('POST', `/api/pipelines/${created.body.id}/simulate`, {});
  expect(res.status).toBe(422);
  expect(res.body.error.details[0]).toMatchObject({ code: 'port_unwired', nodeId: 'to_rejected' });
});
