// What the builder's simulation panel asks of the API: simulate the graph on the
// canvas (not yet saved), for a sample or a real candidate of the caller's
// organization, and find candidates to pick from, never another organization's.
import { apiClient, createTestOrg, startTestSystem, type TestSystem } from '../support/harness';
import { applicationReviewGraph } from '../../workflows/graph/examples/application-review';
import type { TGraph } from '../../workflows/graph/schema';

let t: TestSystem;
let recruiter: ReturnType<typeof apiClient>;
let otherRecruiter: ReturnType<typeof apiClient>;
let interviewer: ReturnType<typeof apiClient>;
let orgId: string;
let otherOrgId: string;

beforeAll(async () => {
  t = await startTestSystem({ parts: { api: true, worker: false } });
  const org = await createTestOrg(t.prisma);
  const other = await createTestOrg(t.prisma);
  orgId = org.orgId;
  otherOrgId = other.orgId;
  recruiter = apiClient(t.url, org.tokens.recruiter);
  interviewer = apiClient(t.url, org.tokens.interviewer);
  otherRecruiter = apiClient(t.url, other.tokens.recruiter);
});
afterAll(() => t?.stop());

async function createPipeline(graph: TGraph = applicationReviewGraph()) {
  const res = await recruiter('POST', '/api/pipelines', { name: 'Panel test', graph });
  expect(res.status).toBe(201);
  return res.body as { id: string; draftRevision: number };
}

function withSubject(subject: string): TGraph {
  const graph = applicationReviewGraph();
  const acknowledge = graph.nodes.find((n) => n.id === 'acknowledge')!;
  acknowledge.config = { ...(acknowledge.config as object), subject };
  return graph;
}

describe('POST /api/pipelines/:id/simulate with the graph on the canvas', () => {
  test('simulates the graph sent, not the saved draft, and stores nothing', async () => {
    const pipeline = await createPipeline();
    const graph = withSubject('Unsaved subject for {{candidate.firstName}}');
    const res = await recruiter('POST', `/api/pipelines/${pipeline.id}/simulate`, {
      graph, candidate: { firstName: 'Ines', lastName: 'Canvas' }, startAt: '2026-03-02T09:00:00Z',
      script: [{ at: { days: 1 }, name: 'feedback.submitted', payload: { score: 4, recommendation: 'strong_yes' } }],
    });
    expect(res.status).toBe(200);
    expect(res.body.outcome).toBe('completed');
    expect(res.body.timeline[0]).toMatchObject({ kind: 'email', nodeId: 'acknowledge', subject: 'Unsaved subject for Ines' });
    expect(res.body.steps.map((s: { nodeId: string }) => s.nodeId)).toEqual(['applied', 'acknowledge', 'screen', 'decide', 'to_interview', 'done']);

    const stored = await t.prisma.pipeline.findUniqueOrThrow({ where: { id: pipeline.id } });
    expect(stored.draftRevision).toBe(pipeline.draftRevision);
    expect(JSON.stringify(stored.draft)).not.toContain('Unsaved subject');

    // Without a graph the saved draft is what runs.
    const saved = await recruiter('POST', `/api/pipelines/${pipeline.id}/simulate`, { candidate: { firstName: 'Ines', lastName: 'Canvas' } });
    expect(saved.body.timeline[0].subject).toBe('We received your application for Sample Role');
  });

  test('an invalid graph is refused with its issues (422), even when the saved draft is valid', async () => {
    const pipeline = await createPipeline();
    const graph = applicationReviewGraph();
    graph.edges = graph.edges.filter((e) => e.source !== 'to_rejected');
    const res = await recruiter('POST', `/api/pipelines/${pipeline.id}/simulate`, { graph });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('INVALID_GRAPH');
    expect(res.body.error.message).toBe(`the graph has ${res.body.error.details.length} validation problems; fix them to simulate`);
    expect(res.body.error.details).toContainEqual(expect.objectContaining({ code: 'port_unwired', nodeId: 'to_rejected', path: '/nodes/6' }));

    const malformed = await recruiter('POST', `/api/pipelines/${pipeline.id}/simulate`, { graph: { nodes: 'none' } });
    expect(malformed.status).toBe(422);
    expect(malformed.body.error.details.length).toBeGreaterThan(0);
  });

  test('a versionId and a graph together are refused', async () => {
    const pipeline = await createPipeline();
    const res = await recruiter('POST', `/api/pipelines/${pipeline.id}/simulate`, { versionId: 'v1', graph: applicationReviewGraph() });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toContainEqual(expect.objectContaining({ path: 'body.graph' }));
  });

  test('a graph up to 2 MB is accepted (the draft-save limit); a larger body is refused with 413', async () => {
    const pipeline = await createPipeline();
    // Positions are not content: a big layout stands in for a big canvas.
    const withLayout = (entries: number) => ({ graph: { ...applicationReviewGraph(), layout: Object.fromEntries(Array.from({ length: entries }, (_, i) => [`n${i}`, { x: i, y: i }])) } });
    const big = JSON.stringify(withLayout(50_000));
    expect(big.length).toBeGreaterThan(1_400_000);
    const res = await recruiter('POST', `/api/pipelines/${pipeline.id}/simulate`, big);
    expect(res.status).toBe(200);
    expect(res.body.outcome).toBe('completed');

    const tooBig = JSON.stringify(withLayout(80_000));
    expect(tooBig.length).toBeGreaterThan(2 * 1024 * 1024);
    const refused = await recruiter('POST', `/api/pipelines/${pipeline.id}/simulate`, tooBig);
    expect(refused.status).toBe(413);
  });

  test('a real candidate of the organization is rendered into the messages', async () => {
    const pipeline = await createPipeline();
    const candidate = await t.prisma.candidate.create({ data: { orgId, firstName: 'Radia', lastName: 'Perlman', email: `radia.${Date.now()}@example.com` } });
    const res = await recruiter('POST', `/api/pipelines/${pipeline.id}/simulate`, { graph: applicationReviewGraph(), candidateId: candidate.id });
    expect(res.status).toBe(200);
    expect(res.body.timeline[0]).toMatchObject({ kind: 'email', to: candidate.email });
    expect(res.body.timeline[0].body).toContain('Hi Radia,');
  });

  test("another organization's candidate is not found (404), and its name never shows", async () => {
    const pipeline = await createPipeline();
    const foreign = await t.prisma.candidate.create({ data: { orgId: otherOrgId, firstName: 'Secret', lastName: 'Elsewhere', email: `secret.${Date.now()}@example.com` } });
    const res = await recruiter('POST', `/api/pipelines/${pipeline.id}/simulate`, { graph: applicationReviewGraph(), candidateId: foreign.id });
    expect(res.status).toBe(404);
    expect(JSON.stringify(res.body)).not.toContain('Secret');
  });

  test('a bad script is refused (400) with the path of the bad event', async () => {
    const pipeline = await createPipeline();
    const res = await recruiter('POST', `/api/pipelines/${pipeline.id}/simulate`, {
      graph: applicationReviewGraph(),
      script: [{ at: { days: 1 }, name: 'feedback.submitted', payload: { score: 4 } }, { at: { hours: 2 }, name: '' }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details).toContainEqual(expect.objectContaining({ path: 'body.script.1.name' }));

    const badPayload = await recruiter('POST', `/api/pipelines/${pipeline.id}/simulate`, { script: [{ at: { days: 1 }, name: 'feedback.submitted', payload: [4] }] });
    expect(badPayload.status).toBe(400);
    expect(badPayload.body.error.details).toContainEqual(expect.objectContaining({ path: 'body.script.0.payload' }));
  });
});

describe('GET /api/candidates', () => {
  const tag = `k${Date.now().toString(36)}`;

  beforeAll(async () => {
    await t.prisma.candidate.createMany({
      data: [
        { orgId, firstName: 'Ada', lastName: `Lovelace${tag}`, email: `ada.${tag}@example.com` },
        { orgId, firstName: 'Alan', lastName: `Turing${tag}`, email: `alan_${tag}@example.com` },
        { orgId, firstName: 'Grace', lastName: `Hopper${tag}`, email: `grace.${tag}@navy.example` },
        { orgId: otherOrgId, firstName: 'Ada', lastName: `Lovelace${tag}`, email: `ada.${tag}@other.example` },
      ],
    });
    // A merged-away duplicate points at its survivor (a real candidate: the link is a foreign key).
    const survivor = await t.prisma.candidate.findFirstOrThrow({ where: { orgId, email: `ada.${tag}@example.com` } });
    await t.prisma.candidate.create({ data: { orgId, firstName: 'Merged', lastName: `Away${tag}`, email: `merged.${tag}@example.com`, mergedIntoId: survivor.id } });
  });

  const names = (body: { firstName: string; lastName: string }[]) => body.map((c) => `${c.firstName} ${c.lastName.replace(tag, '')}`);

  test("finds by name or email substring, case-insensitively, in the caller's organization only", async () => {
    const byName = await recruiter('GET', `/api/candidates?q=${tag.toUpperCase()}`);
    expect(byName.status).toBe(200);
    expect(names(byName.body)).toEqual(['Grace Hopper', 'Ada Lovelace', 'Alan Turing']);
    expect(Object.keys(byName.body[0]).sort()).toEqual(['email', 'firstName', 'id', 'lastName']);

    const byEmail = await recruiter('GET', `/api/candidates?q=${encodeURIComponent(`@navy.example`)}`);
    expect(names(byEmail.body)).toEqual(['Grace Hopper']);

    const fullName = await recruiter('GET', `/api/candidates?q=${encodeURIComponent(`ada love`)}`);
    expect(fullName.body.filter((c: { lastName: string }) => c.lastName.endsWith(tag))).toHaveLength(1);

    const theirs = await otherRecruiter('GET', `/api/candidates?q=${tag}`);
    expect(theirs.body.map((c: { email: string }) => c.email)).toEqual([`ada.${tag}@other.example`]);
  });

  test('"_" and "%" match themselves, not any character', async () => {
    const underscore = await recruiter('GET', `/api/candidates?q=${encodeURIComponent(`_${tag}`)}`);
    expect(names(underscore.body)).toEqual(['Alan Turing']);
    const percent = await recruiter('GET', `/api/candidates?q=${encodeURIComponent('%')}`);
    expect(percent.body).toEqual([]);
  });

  test('limit caps the answer at 50; org-wide roles may search, an interviewer may not', async () => {
    // Interviewers see only candidates of their own interviews (issue 5 roles), never a search over everyone.
    expect((await interviewer('GET', `/api/candidates?q=${tag}&limit=1`)).status).toBe(403);
    const one = await recruiter('GET', `/api/candidates?q=${tag}&limit=1`);
    expect(one.status).toBe(200);
    expect(one.body).toHaveLength(1);
    const tooMany = await recruiter('GET', `/api/candidates?q=${tag}&limit=51`);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.details).toContainEqual(expect.objectContaining({ path: 'query.limit' }));
    const unknown = await recruiter('GET', `/api/candidates?orgId=${otherOrgId}`);
    expect(unknown.status).toBe(400);
    expect((await apiClient(t.url)('GET', `/api/candidates?q=${tag}`)).status).toBe(401);
  });
});
