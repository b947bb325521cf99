// Bad input gets a 4xx naming the field and the reason, and writes nothing.
import { apiClient, createTestOrg, startTestSystem, waitFor, type TestOrg, type TestSystem } from '../support/harness';
import { applicant, createHiringJob } from '../support/fixtures';
import { applicationReviewGraph } from '../../workflows/graph/examples/application-review';

let t: TestSystem;
let org: TestOrg;
let recruiter: ReturnType<typeof apiClient>;
let jobId: string;

beforeAll(async () => {
  t = await startTestSystem();
  org = await createTestOrg(t.prisma);
  recruiter = apiClient(t.url, org.tokens.recruiter);
  ({ jobId } = await createHiringJob(recruiter));
});
afterAll(() => t?.stop());

const counts = async () => ({
  applications: await t.prisma.application.count({ where: { orgId: org.orgId } }),
  candidates: await t.prisma.candidate.count({ where: { orgId: org.orgId } }),
  runs: await t.prisma.run.count({ where: { orgId: org.orgId } }),
  outbox: await t.prisma.outboxEvent.count({ where: { orgId: org.orgId } }),
  versions: await t.prisma.pipelineVersion.count({ where: { orgId: org.orgId } }),
});

describe('applications', () => {
  test('malformed JSON: 400, nothing written', async () => {
    const before = await counts();
    const res = await recruiter('POST', '/api/applications', '{"jobId": ');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'BAD_REQUEST', details: [{ path: 'body' }] });
    expect(await counts()).toEqual(before);
  });

  test('invalid fields: 400 with each field path', async () => {
    const before = await counts();
    const res = await recruiter('POST', '/api/applications', { jobId, candidate: { firstName: '', lastName: 'X', email: 'not-an-email' }, extra: 1 });
    expect(res.status).toBe(400);
    const paths = res.body.error.details.map((d: any) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['body.candidate.firstName', 'body.candidate.email', 'body']));
    expect(res.body.error.message).toContain('body.candidate.email');
    expect(await counts()).toEqual(before);
  });

  test('unknown job: 404, nothing written', async () => {
    const before = await counts();
    const res = await recruiter('POST', '/api/applications', applicant('job-that-does-not-exist'));
    expect(res.status).toBe(404);
    expect(res.body.error.message).toContain('job-that-does-not-exist');
    expect(await counts()).toEqual(before);
  });

  test('duplicate submission: 409 and one application, one run, one start request', async () => {
    const body = applicant(jobId);
    expect((await recruiter('POST', '/api/applications', body)).status).toBe(201);
    const before = await counts();
    const again = await recruiter('POST', '/api/applications', body);
    expect(again.status).toBe(409);
    expect(again.body.error.details[0]).toMatchObject({ path: 'body.candidate.email', code: 'duplicate' });
    expect(await counts()).toEqual(before);
  });

  test('same Idempotency-Key: the first application is returned, not a second one', async () => {
    const body = applicant(jobId);
    const first = await recruiter('POST', '/api/applications', body, { 'idempotency-key': `key-${body.candidate.email}` });
    const before = await counts();
    const replay = await recruiter('POST', '/api/applications', body, { 'idempotency-key': `key-${body.candidate.email}` });
    expect([first.status, replay.status]).toEqual([201, 200]);
    expect(replay.body.id).toBe(first.body.id);
    expect(await counts()).toEqual(before);
  });

  test('a job of another organization is invisible: 404', async () => {
    const other = await createTestOrg(t.prisma);
    const res = await apiClient(t.url, other.tokens.recruiter)('POST', '/api/applications', applicant(jobId));
    expect(res.status).toBe(404);
  });
});

describe('access', () => {
  test('no token: 401; bad token: 401; a role that may not: 403', async () => {
    expect((await apiClient(t.url)('GET', '/api/tasks')).status).toBe(401);
    expect((await apiClient(t.url, 'trl_wrong')('GET', '/api/tasks')).status).toBe(401);
    const interviewer = apiClient(t.url, org.tokens.interviewer);
    const res = await interviewer('POST', '/api/applications', applicant(jobId));
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('INTERVIEWER');
  });

  test('unknown routes: 404 JSON', async () => {
    const res = await recruiter('GET', '/api/nope');
    expect(res).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
  });
});

describe('pipelines', () => {
  test('an invalid graph cannot be published: 422 naming the node and the reason; no version written', async () => {
    const graph = applicationReviewGraph();
    graph.edges = graph.edges.filter((e) => !(e.source === 'screen' && e.sourcePort === 'timeout'));
    (graph.nodes.find((n) => n.id === 'acknowledge')!.config as any).subject = 'Hello {{candidate.shoeSize}}';
    const created = await recruiter('POST', '/api/pipelines', { name: 'Broken', graph });
    const before = await counts();
    const res = await recruiter('POST', `/api/pipelines/${created.body.id}/publish`);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('INVALID_GRAPH');
    expect(res.body.error.details).toEqual(expect.arrayContaining([
      expect.objectContaining({ nodeId: 'screen', code: 'port_unwired', message: expect.stringContaining('"timeout"') }),
      expect.objectContaining({ nodeId: 'acknowledge', code: 'unknown_variable', path: '/nodes/1/config/subject' }),
    ]));
    expect(await counts()).toEqual(before);
  });

  test('unknown node type: 422 on publish', async () => {
    const graph = applicationReviewGraph();
    graph.nodes[1]!.type = 'message.send_carrier_pigeon';
    const created = await recruiter('POST', '/api/pipelines', { name: 'Pigeon', graph });
    const res = await recruiter('POST', `/api/pipelines/${created.body.id}/publish`);
    expect(res.status).toBe(422);
    expect(res.body.error.details[0]).toMatchObject({ nodeId: 'acknowledge', code: 'unknown_node_type', path: '/nodes/1/type' });
  });

  test('a stale draft save is a conflict and does not overwrite', async () => {
    const created = await recruiter('POST', '/api/pipelines', { name: 'Two tabs', graph: { nodes: [], edges: [] } });
    const tabA = await recruiter('PUT', `/api/pipelines/${created.body.id}/draft`, { graph: applicationReviewGraph(), revision: 0 });
    expect(tabA.status).toBe(200);
    const tabB = await recruiter('PUT', `/api/pipelines/${created.body.id}/draft`, { graph: { nodes: [], edges: [] }, revision: 0 });
    expect(tabB.status).toBe(409);
    const stored = await t.prisma.pipeline.findUniqueOrThrow({ where: { id: created.body.id } });
    expect((stored.draft as any).nodes).toHaveLength(applicationReviewGraph().nodes.length);
  });
});

describe('feedback', () => {
  test('bad score: 400 with the path; unknown task: 404; finished run: 409', async () => {
    const res = await recruiter('POST', '/api/applications', applicant(jobId));
    const task = await waitFor('task', () => t.prisma.task.findFirst({ where: { applicationId: res.body.id } }));
    const bad = await recruiter('POST', `/api/tasks/${task.id}/feedback`, { score: 7, recommendation: 'maybe' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: any) => d.path)).toEqual(['body.score', 'body.recommendation']);
    expect(await t.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: 'OPEN' });

    expect((await recruiter('POST', '/api/tasks/nope/feedback', { score: 3, recommendation: 'yes' })).status).toBe(404);

    expect((await recruiter('POST', `/api/tasks/${task.id}/feedback`, { score: 3, recommendation: 'yes' })).status).toBe(202);
    await waitFor('run finished', async () => (await t.prisma.run.findFirstOrThrow({ where: { applicationId: res.body.id } })).status === 'COMPLETED');
    const late = await recruiter('POST', `/api/tasks/${task.id}/feedback`, { score: 1, recommendation: 'no' });
    expect(late.status).toBe(409);
    expect(await t.prisma.scorecard.count({ where: { taskId: task.id } })).toBe(1);
  });

  test("a named person's scorecard: 403 for anyone else, the task stays open and no scorecard is written", async () => {
    const res = await recruiter('POST', '/api/applications', applicant(jobId));
    const task = await waitFor('task', () => t.prisma.task.findFirst({ where: { applicationId: res.body.id } }));
    await t.prisma.task.update({ where: { id: task.id }, data: { assigneeId: org.userIds.admin, assigneeRole: null } });
    const refused = await recruiter('POST', `/api/tasks/${task.id}/feedback`, { score: 4, recommendation: 'yes' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.details[0]).toMatchObject({ path: 'params.id', code: 'not_assignee' });
    expect(await t.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: 'OPEN' });
    expect(await t.prisma.scorecard.count({ where: { taskId: task.id } })).toBe(0);
    expect((await apiClient(t.url, org.tokens.admin)('POST', `/api/tasks/${task.id}/feedback`, { score: 4, recommendation: 'yes' })).status).toBe(202);
    expect(await t.prisma.scorecard.findFirstOrThrow({ where: { taskId: task.id } })).toMatchObject({ interviewerId: org.userIds.admin });
  });
});
