// Versions while candidates are inside: runs parked at a wait move from version
// 1 to version 2 and finish on version 2 without re-sending anything; a move
// that would strand runs is refused with the report; exit events end a run
// wherever it waits.
import { apiClient, createTestOrg, startTestSystem, waitFor, type TestSystem } from '../support/harness';
import { applicant, createHiringJob } from '../support/fixtures';
import { applicationReviewGraph } from '../../workflows/graph/examples/application-review';
import type { TGraph } from '../../workflows/graph/schema';

let t: TestSystem;
let recruiter: ReturnType<typeof apiClient>;

beforeAll(async () => {
  t = await startTestSystem();
  const org = await createTestOrg(t.prisma);
  recruiter = apiClient(t.url, org.tokens.recruiter);
});
afterAll(() => t?.stop());

/** Version 2: strong candidates get an invitation email before moving to Interview. */
function withInvite(): TGraph {
  const graph = applicationReviewGraph();
  graph.nodes.push({ id: 'invite', type: 'message.send_email', typeVersion: 1, label: 'Invite', config: { subject: 'Let us meet, {{candidate.firstName}}', body: 'We would love to interview you for {{job.title}}.' } });
  graph.edges = graph.edges.map((e) => (e.source === 'decide' && e.sourcePort === 'advance' ? { ...e, target: 'invite' } : e));
  graph.edges.push({ source: 'invite', sourcePort: 'out', target: 'to_interview' });
  return graph;
}

async function publishDraft(pipelineId: string, graph: TGraph) {
  const current = await recruiter('GET', `/api/pipelines/${pipelineId}`);
  expect((await recruiter('PUT', `/api/pipelines/${pipelineId}/draft`, { graph, revision: current.body.draftRevision })).status).toBe(200);
  const published = await recruiter('POST', `/api/pipelines/${pipelineId}/publish`);
  expect(published.status).toBe(201);
  return published.body.id as string;
}

test('runs parked at a wait migrate from v1 to v2 and finish on v2 without re-sending', async () => {
  const { pipelineId, jobId, versionId: v1 } = await createHiringJob(recruiter);
  const people = [applicant(jobId), applicant(jobId)];
  const apps = [];
  for (const body of people) apps.push((await recruiter('POST', '/api/applications', body)).body);
  for (const app of apps) await waitFor('parked at screen', () => t.prisma.task.findFirst({ where: { applicationId: app.id, status: 'OPEN' } }));
  await t.sink.waitFor((m) => people.some((p) => m.to.includes(p.candidate.email)), { count: 2 });

  // v3 renames the wait: without a mapping the move is refused, with the report.
  const renamed = applicationReviewGraph();
  renamed.nodes.find((n) => n.id === 'screen')!.id = 'screening';
  renamed.edges = renamed.edges.map((e) => ({ ...e, source: e.source === 'screen' ? 'screening' : e.source, target: e.target === 'screen' ? 'screening' : e.target }));
  const v3 = await publishDraft(pipelineId, renamed);
  const preview3 = await recruiter('POST', `/api/pipelines/${pipelineId}/migrations/preview`, { fromVersionId: v1, toVersionId: v3 });
  expect(preview3.body.groups).toEqual([expect.objectContaining({ nodeId: 'screen', count: 2, verdict: 'needs_mapping' })]);
  const refused = await recruiter('POST', `/api/pipelines/${pipelineId}/migrations`, { fromVersionId: v1, toVersionId: v3 });
  expect(refused.status).toBe(409);
  expect(refused.body.error.details).toEqual([expect.objectContaining({ nodeId: 'screen', code: 'needs_mapping' })]);
  const mapped = await recruiter('POST', `/api/pipelines/${pipelineId}/migrations/preview`, { fromVersionId: v1, toVersionId: v3, mapping: { screen: 'screening' } });
  expect(mapped.body.groups[0]).toMatchObject({ verdict: 'automatic', target: 'screening' });
  expect(await t.prisma.run.count({ where: { pipelineVersionId: v1 } })).toBe(2);

  const v2 = await publishDraft(pipelineId, withInvite());
  const preview = await recruiter('POST', `/api/pipelines/${pipelineId}/migrations/preview`, { fromVersionId: v1, toVersionId: v2 });
  expect(preview.body.groups).toEqual([expect.objectContaining({ nodeId: 'screen', count: 2, verdict: 'automatic', target: 'screen' })]);
  const migrated = await recruiter('POST', `/api/pipelines/${pipelineId}/migrations`, { fromVersionId: v1, toVersionId: v2 });
  expect(migrated.status).toBe(200);
  expect(migrated.body.migrated).toHaveLength(2);
  await waitFor('runs pinned to v2', async () => (await t.prisma.run.count({ where: { pipelineVersionId: v2 } })) === 2);

  for (const app of apps) {
    const task = await t.prisma.task.findFirstOrThrow({ where: { applicationId: app.id, status: 'OPEN' } });
    expect((await recruiter('POST', `/api/tasks/${task.id}/feedback`, { score: 4, recommendation: 'yes' })).status).toBe(202);
  }
  for (const [i, app] of apps.entries()) {
    const email = people[i]!.candidate.email;
    const [, invite] = await t.sink.waitFor((m) => m.to.includes(email), { count: 2 });
    expect(invite!.subject).toBe(`Let us meet, ${people[i]!.candidate.firstName}`);
    await waitFor('interview stage', async () => (await t.prisma.application.findUniqueOrThrow({ where: { id: app.id }, include: { stage: true } })).stage.key === 'interview');
    const run = await waitFor('run completed', async () => {
      const r = await t.prisma.run.findFirstOrThrow({ where: { applicationId: app.id } });
      return r.status === 'COMPLETED' && r;
    });
    expect((run.steps as { nodeId: string }[]).map((s) => s.nodeId)).toEqual(['applied', 'acknowledge', 'screen', 'decide', 'invite', 'to_interview', 'done']);
    // The acknowledgement went out once, before the migration; only the invitation since.
    expect(t.sink.messages().filter((m) => m.to.includes(email)).map((m) => m.subject)).toEqual([expect.stringContaining('We received'), invite!.subject]);
  }
});

test('an exit event ends the run wherever it waits and cancels its open task', async () => {
  const graph = { ...applicationReviewGraph(), settings: { exitOn: ['candidate.withdrew' as const] } };
  const { jobId } = await createHiringJob(recruiter, graph);
  const { body: app } = await recruiter('POST', '/api/applications', applicant(jobId));
  const task = await waitFor('parked at screen', () => t.prisma.task.findFirst({ where: { applicationId: app.id, status: 'OPEN' } }));
  const handle = (await t.system.services!.temporal()).workflow.getHandle(app.run.workflowId);
  await handle.signal('event', { name: 'candidate.withdrew', payload: {} });
  expect(await handle.result()).toMatchObject({ status: 'exited' });
  const run = await waitFor('run exited', async () => {
    const r = await t.prisma.run.findUniqueOrThrow({ where: { id: app.run.id } });
    return r.status === 'EXITED' && r;
  });
  expect((run.steps as { port?: string }[]).at(-1)).toMatchObject({ nodeId: 'screen', port: 'exit:candidate.withdrew' });
  expect(await t.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: 'CANCELLED' });
});
