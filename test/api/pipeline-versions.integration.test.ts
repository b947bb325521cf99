// Version history through the API: read a version as published (with its
// layout); roll back by publishing an older graph as the newest version while
// runs stay pinned to theirs; a stale draft revision or another organization's
// ids write nothing. Pipelines made from each starter template publish with
// zero issues.
import { apiClient, createTestOrg, startTestSystem, waitFor, type TestOrg, type TestSystem } from '../support/harness';
import { applicant, createHiringJob } from '../support/fixtures';
import { applicationReviewGraph } from '../../workflows/graph/examples/application-review';
import { STARTER_TEMPLATES } from '../../workflows/graph/examples/starter-templates';
import type { TGraph } from '../../workflows/graph/schema';

let t: TestSystem;
let org: TestOrg;
let recruiter: ReturnType<typeof apiClient>;
let outsider: ReturnType<typeof apiClient>;

beforeAll(async () => {
  t = await startTestSystem();
  org = await createTestOrg(t.prisma);
  recruiter = apiClient(t.url, org.tokens.recruiter);
  outsider = apiClient(t.url, (await createTestOrg(t.prisma)).tokens.admin);
});
afterAll(() => t?.stop());

function laidOut(graph: TGraph): TGraph {
  return { ...graph, layout: Object.fromEntries(graph.nodes.map((n, i) => [n.id, { x: (i % 2) * 300, y: i * 150 }])) };
}

/** v2: the acknowledgment says something else. */
function reworded(graph: TGraph): TGraph {
  const next = structuredClone(graph);
  (next.nodes.find((n) => n.id === 'acknowledge')!.config as { subject: string }).subject = 'Application received: {{job.title}}';
  return next;
}

async function saveAndPublish(pipelineId: string, graph: TGraph) {
  const current = await recruiter('GET', `/api/pipelines/${pipelineId}`);
  expect((await recruiter('PUT', `/api/pipelines/${pipelineId}/draft`, { graph, revision: current.body.draftRevision })).status).toBe(200);
  const published = await recruiter('POST', `/api/pipelines/${pipelineId}/publish`);
  expect(published.status).toBe(201);
  return published.body as { id: string; version: number; hash: string };
}

const pipelineState = async (pipelineId: string) => ({
  pipeline: await t.prisma.pipeline.findUniqueOrThrow({ where: { id: pipelineId }, select: { draft: true, draftRevision: true } }),
  versions: await t.prisma.pipelineVersion.count({ where: { pipelineId } }),
  audits: await t.prisma.auditEvent.count({ where: { entityId: pipelineId } }),
});

test('read a version; roll back to it: a new version with the old graph, the draft replaced, pinned runs untouched', async () => {
  const v1Graph = laidOut(applicationReviewGraph());
  const { pipelineId, jobId, versionId: v1 } = await createHiringJob(recruiter, v1Graph);
  const read = await recruiter('GET', `/api/pipelines/${pipelineId}/versions/${v1}`);
  expect(read.status).toBe(200);
  expect(read.body).toMatchObject({ id: v1, version: 1, status: 'PUBLISHED', hash: expect.any(String), publishedAt: expect.any(String) });
  expect(read.body.graph.layout).toEqual(v1Graph.layout);
  expect(read.body.graph.nodes.find((n: { id: string }) => n.id === 'acknowledge').config.subject).toBe('We received your application for {{job.title}}');

  // A candidate applies on v1 and waits at the screen; then v2 goes live.
  const first = (await recruiter('POST', '/api/applications', applicant(jobId))).body;
  await waitFor('parked at screen', () => t.prisma.task.findFirst({ where: { applicationId: first.id, status: 'OPEN' } }));
  const v2 = await saveAndPublish(pipelineId, reworded(v1Graph));
  expect(v2.version).toBe(2);

  const { draftRevision } = (await recruiter('GET', `/api/pipelines/${pipelineId}`)).body;
  const rolledBack = await recruiter('POST', `/api/pipelines/${pipelineId}/versions/${v1}/rollback`, { revision: draftRevision });
  expect(rolledBack.status).toBe(201);
  expect(rolledBack.body).toMatchObject({ version: 3, hash: read.body.hash, status: 'PUBLISHED', rolledBackFrom: 1, draftRevision: draftRevision + 1 });

  const v3 = await t.prisma.pipelineVersion.findUniqueOrThrow({ where: { id: rolledBack.body.id } });
  expect(v3.graph).toEqual(read.body.graph);
  const pipeline = await t.prisma.pipeline.findUniqueOrThrow({ where: { id: pipelineId } });
  expect(pipeline.draft).toEqual(read.body.graph);
  expect(pipeline.draftRevision).toBe(draftRevision + 1);
  const audit = await t.prisma.auditEvent.findFirstOrThrow({ where: { entityId: pipelineId, action: 'pipeline.rolled_back' } });
  expect(audit).toMatchObject({ actorId: org.userIds.recruiter, after: { fromVersion: 1, version: 3, hash: read.body.hash, isNewVersion: true } });

  // New applications get the rolled-back graph; the run already on v1 stays on v1 and finishes there.
  const second = applicant(jobId);
  const secondApp = (await recruiter('POST', '/api/applications', second)).body;
  const [ack] = await t.sink.waitFor((m) => m.to.includes(second.candidate.email));
  expect(ack!.subject).toBe('We received your application for Staff Engineer');
  expect((await t.prisma.run.findFirstOrThrow({ where: { applicationId: secondApp.id } })).pipelineVersionId).toBe(v3.id);
  const task = await t.prisma.task.findFirstOrThrow({ where: { applicationId: first.id, status: 'OPEN' } });
  expect((await recruiter('POST', `/api/tasks/${task.id}/feedback`, { score: 4, recommendation: 'yes' })).status).toBe(202);
  const run = await waitFor('first run completed', async () => {
    const r = await t.prisma.run.findFirstOrThrow({ where: { applicationId: first.id } });
    return r.status === 'COMPLETED' && r;
  });
  expect(run.pipelineVersionId).toBe(v1);

  // Rolling back to what is already live answers with it: no duplicate version, the draft still reset.
  const again = await recruiter('POST', `/api/pipelines/${pipelineId}/versions/${v1}/rollback`, { revision: draftRevision + 1 });
  expect(again.status).toBe(200);
  expect(again.body).toMatchObject({ id: v3.id, version: 3, draftRevision: draftRevision + 2 });
  expect(await t.prisma.pipelineVersion.count({ where: { pipelineId } })).toBe(3);
});

test('a stale draft revision is a 409 and writes nothing', async () => {
  const { pipelineId, versionId: v1 } = await createHiringJob(recruiter);
  await saveAndPublish(pipelineId, reworded(applicationReviewGraph()));
  const current = (await recruiter('GET', `/api/pipelines/${pipelineId}`)).body.draftRevision as number;
  // Someone else saved the draft in the meantime.
  const edited = reworded(applicationReviewGraph());
  edited.nodes.find((n) => n.id === 'screen')!.label = 'Phone screen';
  expect((await recruiter('PUT', `/api/pipelines/${pipelineId}/draft`, { graph: edited, revision: current })).status).toBe(200);
  const before = await pipelineState(pipelineId);

  const stale = await recruiter('POST', `/api/pipelines/${pipelineId}/versions/${v1}/rollback`, { revision: current });
  expect(stale.status).toBe(409);
  expect(stale.body.error.details).toEqual([expect.objectContaining({ path: 'body.revision' })]);
  expect(await pipelineState(pipelineId)).toEqual(before);
  expect((before.pipeline.draft as unknown as TGraph).nodes.find((n) => n.id === 'screen')!.label).toBe('Phone screen');

  const malformed = await recruiter('POST', `/api/pipelines/${pipelineId}/versions/${v1}/rollback`, { revision: 'latest' });
  expect(malformed.status).toBe(400);
  expect(malformed.body.error.details[0].path).toBe('body.revision');
});

test("another organization's ids are 404 and write nothing", async () => {
  const { pipelineId, versionId } = await createHiringJob(recruiter);
  const other = await createHiringJob(recruiter);
  const before = await pipelineState(pipelineId);
  const { draftRevision } = (await recruiter('GET', `/api/pipelines/${pipelineId}`)).body;

  expect((await outsider('GET', `/api/pipelines/${pipelineId}/versions/${versionId}`)).status).toBe(404);
  expect((await outsider('POST', `/api/pipelines/${pipelineId}/versions/${versionId}/rollback`, { revision: draftRevision })).status).toBe(404);
  // A version of another pipeline is not this pipeline's.
  expect((await recruiter('GET', `/api/pipelines/${pipelineId}/versions/${other.versionId}`)).status).toBe(404);
  expect((await recruiter('POST', `/api/pipelines/${pipelineId}/versions/${other.versionId}/rollback`, { revision: draftRevision })).status).toBe(404);
  expect(await pipelineState(pipelineId)).toEqual(before);
});

describe('starter templates', () => {
  test('listed with their node counts', async () => {
    const listed = await recruiter('GET', '/api/pipeline-templates');
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual(STARTER_TEMPLATES.map((tpl) => ({ id: tpl.id, name: tpl.name, kind: tpl.kind, description: tpl.description, nodeCount: tpl.graph.nodes.length })));
    expect((await apiClient(t.url)('GET', '/api/pipeline-templates')).status).toBe(401);
  });

  test.each(STARTER_TEMPLATES.map((tpl) => [tpl.id, tpl.kind] as const))('a pipeline from %s validates with zero issues and publishes', async (templateId, kind) => {
    const created = await recruiter('POST', '/api/pipelines', { name: `From ${templateId}`, templateId });
    expect(created.status).toBe(201);
    expect(created.body.kind).toBe(kind);
    if (kind === 'HIRING') expect((await recruiter('POST', '/api/jobs', { title: 'Account Executive', pipelineId: created.body.id })).status).toBe(201);
    expect((await recruiter('POST', `/api/pipelines/${created.body.id}/validate`)).body.issues).toEqual([]);
    const published = await recruiter('POST', `/api/pipelines/${created.body.id}/publish`);
    expect(published.status).toBe(201);
    expect(published.body.version).toBe(1);
  });

  test('the hiring template runs: offers are approved by a hiring manager of the org; an applicant is thanked and moved to Screen', async () => {
    const manager = await t.prisma.user.create({ data: { orgId: org.orgId, email: `hm.${Date.now()}@example.com`, name: 'Hana Manager', role: 'HIRING_MANAGER' } });
    const created = await recruiter('POST', '/api/pipelines', { name: 'Standard hiring', templateId: 'standard-hiring' });
    const approval = (created.body.draft as TGraph).nodes.find((n) => n.type === 'people.approval')!;
    expect(approval.config).toMatchObject({ approverUserIds: [manager.id] });
    const job = await recruiter('POST', '/api/jobs', { title: 'Account Executive', pipelineId: created.body.id });
    expect((await recruiter('POST', `/api/pipelines/${created.body.id}/publish`)).status).toBe(201);
    const person = applicant(job.body.id);
    const app = (await recruiter('POST', '/api/applications', person)).body;
    const [ack] = await t.sink.waitFor((m) => m.to.includes(person.candidate.email));
    expect(ack!.subject).toBe(`Thanks for applying to Account Executive at Org ${org.slug}`);
    await waitFor('screen stage and task', async () => {
      const a = await t.prisma.application.findUniqueOrThrow({ where: { id: app.id }, include: { stage: true } });
      return a.stage.key === 'screen' && (await t.prisma.task.findFirst({ where: { applicationId: app.id, status: 'OPEN', kind: 'FEEDBACK' } }));
    });
  });

  test('an unknown template, or a template with a graph, is refused at body.templateId and creates nothing', async () => {
    const count = () => t.prisma.pipeline.count({ where: { orgId: org.orgId } });
    const before = await count();
    const unknown = await recruiter('POST', '/api/pipelines', { name: 'Nope', templateId: 'no-such-template' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details).toEqual([expect.objectContaining({ path: 'body.templateId' })]);
    const both = await recruiter('POST', '/api/pipelines', { name: 'Both', templateId: 'standard-hiring', graph: applicationReviewGraph() });
    expect(both.status).toBe(400);
    expect(both.body.error.details).toEqual([expect.objectContaining({ path: 'body.templateId', message: 'give a graph or a templateId, not both' })]);
    expect(await count()).toBe(before);
  });
});
