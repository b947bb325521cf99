// The builder's live overlay on the real stack: runs parked at a wait are counted
// on that node per version (the Run row follows the run into a wait that starts
// with no activity); the cohort is listed page by page; exiting a cohort ends
// exactly those runs in the database and in Temporal; migrating a cohort moves
// the count to the new version; bad input is refused and writes nothing; the
// overlay stays fast with 100k runs.
import { Worker } from '@temporalio/worker';
import { temporal } from '@temporalio/proto';
import { apiClient, createTestOrg, startTestSystem, waitFor, type TestOrg, type TestSystem } from '../support/harness';
import { workflowBundle } from '../../api/platform/temporal/worker';
import type { TGraph } from '../../workflows/graph/schema';

let t: TestSystem;
let org: TestOrg;
let recruiter: ReturnType<typeof apiClient>;

beforeAll(async () => {
  t = await startTestSystem();
  org = await createTestOrg(t.prisma);
  recruiter = apiClient(t.url, org.tokens.recruiter);
});
afterAll(() => t?.stop());

/** Hello, then a day's cooling-off wait (a wait that is its node's first command), then goodbye. */
function coolOffGraph(subject: string): TGraph {
  return {
    nodes: [
      { id: 'enrolled', type: 'trigger.manual', typeVersion: 1, label: 'Enrolled', config: {} },
      { id: 'hello', type: 'message.send_email', typeVersion: 1, label: 'Hello', config: { subject, body: 'Hi {{candidate.firstName}}' } },
      { id: 'cool_off', type: 'time.wait', typeVersion: 1, label: 'Cool off', config: { duration: { days: 1 } } },
      { id: 'bye', type: 'message.send_email', typeVersion: 1, label: 'Bye', config: { subject: 'Bye', body: 'Bye {{candidate.firstName}}' } },
      { id: 'end', type: 'action.end', typeVersion: 1, config: {} },
    ],
    edges: [
      { source: 'enrolled', sourcePort: 'out', target: 'hello' },
      { source: 'hello', sourcePort: 'out', target: 'cool_off' },
      { source: 'cool_off', sourcePort: 'out', target: 'bye' },
      { source: 'bye', sourcePort: 'out', target: 'end' },
    ],
  };
}

async function publish(pipelineId: string, graph: TGraph): Promise<string> {
  const current = await recruiter('GET', `/api/pipelines/${pipelineId}`);
  expect((await recruiter('PUT', `/api/pipelines/${pipelineId}/draft`, { graph, revision: current.body.draftRevision })).status).toBe(200);
  const published = await recruiter('POST', `/api/pipelines/${pipelineId}/publish`);
  expect(published.status).toBe(201);
  return published.body.id as string;
}

let seq = 0;
async function startRuns(pipelineId: string, n: number): Promise<{ runId: string; candidateId: string; email: string }[]> {
  const started = [];
  for (let i = 0; i < n; i++) {
    const email = `cohort.${++seq}.${Date.now()}@example.com`;
    const candidate = await t.prisma.candidate.create({ data: { orgId: org.orgId, firstName: 'Cora', lastName: `Cohort${seq}`, email } });
    const res = await recruiter('POST', `/api/pipelines/${pipelineId}/runs`, { candidateId: candidate.id });
    expect(res.status).toBe(201);
    started.push({ runId: res.body.id as string, candidateId: candidate.id, email });
  }
  return started;
}

const parkedAt = (runIds: string[], nodeId: string) =>
  waitFor(`${runIds.length} runs parked at ${nodeId}`, async () => (await t.prisma.run.count({ where: { id: { in: runIds }, currentNodeId: nodeId, status: 'RUNNING' } })) === runIds.length);

// One pipeline shared by the tests below, in order: 3 runs on v1, 2 on v2, all parked at cool_off.
let pipelineId: string;
let v1: string;
let v2: string;
let onV1: { runId: string; candidateId: string; email: string }[];
let onV2: { runId: string; candidateId: string; email: string }[];

test('runs parked at a wait are counted on that node and version, as Temporal sees them', async () => {
  const created = await recruiter('POST', '/api/pipelines', { name: 'Cooling off', kind: 'NURTURE', graph: coolOffGraph('Hello v1') });
  pipelineId = created.body.id;
  v1 = (await recruiter('POST', `/api/pipelines/${pipelineId}/publish`)).body.id;
  onV1 = await startRuns(pipelineId, 3);
  await parkedAt(onV1.map((r) => r.runId), 'cool_off');
  v2 = await publish(pipelineId, coolOffGraph('Hello v2'));
  onV2 = await startRuns(pipelineId, 2);
  await parkedAt(onV2.map((r) => r.runId), 'cool_off');

  // The hello emails went out before the wait: the row moved on from "hello" to the wait.
  await t.sink.waitFor((m) => [...onV1, ...onV2].some((r) => m.to.includes(r.email)), { count: 5 });
  const client = await t.system.services!.temporal();
  for (const { runId } of [...onV1, ...onV2]) {
    const row = await t.prisma.run.findUniqueOrThrow({ where: { id: runId } });
    expect(row.nodeEnteredAt!.getTime()).toBeGreaterThanOrEqual(row.startedAt.getTime());
    const state = await client.workflow.getHandle(row.workflowId).query<{ cursor: string; pending: { kind: string } }>('state');
    expect(state).toMatchObject({ cursor: 'cool_off', pending: { kind: 'wait' } });
  }

  const overlay = await recruiter('GET', `/api/pipelines/${pipelineId}/overlay`);
  expect(overlay.status).toBe(200);
  expect(overlay.body).toEqual({
    total: 5,
    nodes: [{ nodeId: 'cool_off', total: 5, byVersion: [{ versionId: v1, version: 1, count: 3 }, { versionId: v2, version: 2, count: 2 }] }],
  });
  // Read-only users see it too.
  expect((await apiClient(t.url, org.tokens.interviewer)('GET', `/api/pipelines/${pipelineId}/overlay`)).body.total).toBe(5);
});

test('the history of a run that recorded its wait replays deterministically', async () => {
  const row = await t.prisma.run.findUniqueOrThrow({ where: { id: onV1[0]!.runId } });
  const history = await (await t.system.services!.temporal()).workflow.getHandle(row.workflowId).fetchHistory();
  const { EventType } = temporal.api.enums.v1;
  const types = history.events!.map((e) => e.eventType);
  // The patch marker and the local activity's marker, before the wait's timer.
  const markers = types.flatMap((type, i) => (type === EventType.EVENT_TYPE_MARKER_RECORDED ? [i] : []));
  const timer = types.indexOf(EventType.EVENT_TYPE_TIMER_STARTED);
  expect(timer).toBeGreaterThan(0);
  expect(markers.length).toBeGreaterThanOrEqual(2);
  expect(markers.every((i) => i < timer)).toBe(true);
  await expect(Worker.runReplayHistory({ workflowBundle: await workflowBundle() }, history, row.workflowId)).resolves.toBeUndefined();
});

test('the cohort is listed longest-waiting first, in keyset pages, per version', async () => {
  const seen: { runId: string; since: string; version: number; candidate: { id: string; name: string; email: string } }[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const path: string = `/api/pipelines/${pipelineId}/overlay/runs?nodeId=cool_off&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
    const page = await recruiter('GET', path);
    expect(page.status).toBe(200);
    expect(page.body.runs.length).toBeLessThanOrEqual(2);
    seen.push(...page.body.runs);
    cursor = page.body.nextCursor;
    pages++;
  } while (cursor);
  expect(pages).toBe(3);
  expect(seen.map((r) => r.runId).sort()).toEqual([...onV1, ...onV2].map((r) => r.runId).sort());
  const sinces = seen.map((r) => r.since);
  expect([...sinces].sort()).toEqual(sinces);
  const first = onV1.find((r) => r.runId === seen[0]!.runId)!;
  expect(seen[0]).toMatchObject({ version: 1, candidate: { id: first.candidateId, email: first.email, name: expect.stringMatching(/^Cora Cohort\d+$/) } });

  const v2Only = await recruiter('GET', `/api/pipelines/${pipelineId}/overlay/runs?nodeId=cool_off&versionId=${v2}`);
  expect(v2Only.body.runs.map((r: { runId: string }) => r.runId).sort()).toEqual(onV2.map((r) => r.runId).sort());
  expect(v2Only.body.nextCursor).toBeNull();
  expect((await recruiter('GET', `/api/pipelines/${pipelineId}/overlay/runs?nodeId=hello`)).body).toEqual({ runs: [], nextCursor: null });
});

test('exiting a cohort ends exactly those runs, in the database and in Temporal', async () => {
  const interviewer = apiClient(t.url, org.tokens.interviewer);
  expect((await interviewer('POST', `/api/pipelines/${pipelineId}/cohorts/exit`, { nodeId: 'cool_off' })).status).toBe(403);
  expect(await t.prisma.outboxEvent.count({ where: { orgId: org.orgId, dedupeKey: { startsWith: 'operator.exit:' } } })).toBe(0);

  const exit = await recruiter('POST', `/api/pipelines/${pipelineId}/cohorts/exit`, { nodeId: 'cool_off', versionId: v2 });
  expect(exit.status).toBe(200);
  expect(exit.body.requested).toBe(2);
  expect([...exit.body.exited].sort()).toEqual(onV2.map((r) => r.runId).sort());

  const client = await t.system.services!.temporal();
  for (const { runId } of onV2) {
    const row = await waitFor('run exited', async () => {
      const r = await t.prisma.run.findUniqueOrThrow({ where: { id: runId } });
      return r.status === 'EXITED' && r;
    });
    expect((row.steps as { nodeId: string; port?: string }[]).at(-1)).toMatchObject({ nodeId: 'cool_off', port: 'exit:operator.exit' });
    const handle = client.workflow.getHandle(row.workflowId);
    expect(await handle.result()).toMatchObject({ status: 'exited' });
    expect((await handle.describe()).status.name).toBe('COMPLETED');
  }
  // The v1 runs did not move and are still waiting.
  expect(await t.prisma.run.count({ where: { id: { in: onV1.map((r) => r.runId) }, status: 'RUNNING', currentNodeId: 'cool_off' } })).toBe(3);
  expect((await recruiter('GET', `/api/pipelines/${pipelineId}/overlay`)).body).toEqual({
    total: 3, nodes: [{ nodeId: 'cool_off', total: 3, byVersion: [{ versionId: v1, version: 1, count: 3 }] }],
  });
  expect(await t.prisma.auditEvent.count({ where: { orgId: org.orgId, action: 'pipeline.cohort_exited', entityId: pipelineId } })).toBe(1);

  // Only the listed runs of the cohort: one v1 run, plus an already-exited run that is no longer there.
  const one = onV1[2]!.runId;
  const some = await recruiter('POST', `/api/pipelines/${pipelineId}/cohorts/exit`, { nodeId: 'cool_off', runIds: [one, onV2[0]!.runId] });
  expect(some.body).toEqual({ requested: 2, exited: [one] });
  await waitFor('listed run exited', async () => (await t.prisma.run.findUniqueOrThrow({ where: { id: one } })).status === 'EXITED');
  expect(await t.prisma.run.count({ where: { id: { in: onV1.slice(0, 2).map((r) => r.runId) }, status: 'RUNNING' } })).toBe(2);
  expect((await recruiter('GET', `/api/pipelines/${pipelineId}/overlay`)).body.total).toBe(2);
  onV1 = onV1.slice(0, 2);
});

test('migrating a cohort moves its count to the new version', async () => {
  const request = { fromVersionId: v1, toVersionId: v2, nodeIds: ['cool_off'] };
  const preview = await recruiter('POST', `/api/pipelines/${pipelineId}/migrations/preview`, request);
  expect(preview.body.groups).toEqual([expect.objectContaining({ nodeId: 'cool_off', verdict: 'automatic', count: 2 })]);
  const migrated = await recruiter('POST', `/api/pipelines/${pipelineId}/migrations`, request);
  expect(migrated.status).toBe(200);
  expect([...migrated.body.migrated].sort()).toEqual(onV1.map((r) => r.runId).sort());
  await waitFor('runs pinned to v2', async () => (await t.prisma.run.count({ where: { id: { in: onV1.map((r) => r.runId) }, pipelineVersionId: v2 } })) === 2);
  expect((await recruiter('GET', `/api/pipelines/${pipelineId}/overlay`)).body).toEqual({
    total: 2, nodes: [{ nodeId: 'cool_off', total: 2, byVersion: [{ versionId: v2, version: 2, count: 2 }] }],
  });
  // Still waiting at the same node, with the time they arrived there kept.
  const rows = await t.prisma.run.findMany({ where: { id: { in: onV1.map((r) => r.runId) } } });
  expect(rows.every((r) => r.currentNodeId === 'cool_off' && r.status === 'RUNNING' && r.nodeEnteredAt)).toBe(true);
});

test('bad input: unknown or foreign pipeline or version is 404, malformed input 400 with its path; nothing is written', async () => {
  const before = { outbox: await t.prisma.outboxEvent.count({ where: { orgId: org.orgId } }), audit: await t.prisma.auditEvent.count({ where: { orgId: org.orgId, action: 'pipeline.cohort_exited' } }) };
  const other = await createTestOrg(t.prisma);
  const outsider = apiClient(t.url, other.tokens.recruiter);
  const otherPipeline = await outsider('POST', '/api/pipelines', { name: 'Theirs', graph: coolOffGraph('x') });
  const theirVersion = (await outsider('POST', `/api/pipelines/${otherPipeline.body.id}/publish`)).body.id;

  const cases: [string, string, unknown, number, string][] = [
    ['GET', '/api/pipelines/nope/overlay', undefined, 404, 'id'],
    ['GET', `/api/pipelines/${otherPipeline.body.id}/overlay`, undefined, 404, 'id'],
    ['GET', '/api/pipelines/nope/overlay/runs?nodeId=cool_off', undefined, 404, 'id'],
    ['GET', `/api/pipelines/${pipelineId}/overlay/runs?nodeId=cool_off&versionId=${theirVersion}`, undefined, 404, 'versionId'],
    ['GET', `/api/pipelines/${pipelineId}/overlay/runs`, undefined, 400, 'query.nodeId'],
    ['GET', `/api/pipelines/${pipelineId}/overlay/runs?nodeId=cool_off&limit=201`, undefined, 400, 'query.limit'],
    ['GET', `/api/pipelines/${pipelineId}/overlay/runs?nodeId=cool_off&cursor=not-a-cursor`, undefined, 400, 'query.cursor'],
    ['GET', `/api/pipelines/${pipelineId}/overlay/runs?nodeId=cool_off&sort=name`, undefined, 400, 'query'],
    ['POST', '/api/pipelines/nope/cohorts/exit', { nodeId: 'cool_off' }, 404, 'id'],
    ['POST', `/api/pipelines/${otherPipeline.body.id}/cohorts/exit`, { nodeId: 'cool_off' }, 404, 'id'],
    ['POST', `/api/pipelines/${pipelineId}/cohorts/exit`, { nodeId: 'cool_off', versionId: theirVersion }, 404, 'versionId'],
    ['POST', `/api/pipelines/${pipelineId}/cohorts/exit`, {}, 400, 'body.nodeId'],
    ['POST', `/api/pipelines/${pipelineId}/cohorts/exit`, { nodeId: 'cool_off', runIds: [] }, 400, 'body.runIds'],
    ['POST', `/api/pipelines/${pipelineId}/cohorts/exit`, { nodeId: 'cool_off', runIds: 'all' }, 400, 'body.runIds'],
    ['POST', `/api/pipelines/${pipelineId}/cohorts/exit`, { nodeId: 'cool_off', everyone: true }, 400, 'body'],
    ['POST', `/api/pipelines/${pipelineId}/cohorts/exit`, '{"nodeId":', 400, 'body'],
  ];
  for (const [method, path, body, status, detailPath] of cases) {
    const res = await recruiter(method, path, body);
    expect({ path, status: res.status }).toEqual({ path, status });
    expect(res.body.error.details.map((d: { path: string }) => d.path).join(' ')).toContain(detailPath);
  }
  expect(await t.prisma.outboxEvent.count({ where: { orgId: org.orgId } })).toBe(before.outbox);
  expect(await t.prisma.auditEvent.count({ where: { orgId: org.orgId, action: 'pipeline.cohort_exited' } })).toBe(before.audit);
  expect(await t.prisma.run.count({ where: { id: { in: onV1.map((r) => r.runId) }, status: 'RUNNING' } })).toBe(2);
});

test('the overlay counts and cohort pages are right over 100k runs', async () => {
  const created = await recruiter('POST', '/api/pipelines', { name: 'Busy', kind: 'NURTURE', graph: coolOffGraph('busy') });
  const busy = created.body.id as string;
  const [b1, b2] = [(await recruiter('POST', `/api/pipelines/${busy}/publish`)).body.id as string, await publishBusy(busy)];
  const candidate = await t.prisma.candidate.create({ data: { orgId: org.orgId, firstName: 'Many', lastName: 'Runs' } });
  // 100k rows: 90k still in the pipeline across two versions and three nodes, 10k finished.
  await t.system.services!.pool.query(
    `INSERT INTO "Run" (id, "orgId", "pipelineVersionId", "candidateId", "workflowId", status, "currentNodeId", "nodeEnteredAt", "startedAt")
     SELECT 'bulk-' || g, $1, CASE WHEN g % 3 = 0 THEN $3 ELSE $2 END, $4, 'bulk-' || $5 || '-' || g,
            (CASE WHEN g <= 10000 THEN 'COMPLETED' ELSE 'RUNNING' END)::"RunStatus",
            (ARRAY['hello', 'cool_off', 'bye'])[1 + g % 3], now() - make_interval(secs => g), now() - make_interval(secs => g)
       FROM generate_series(1, 100000) g`,
    [org.orgId, b1, b2, candidate.id, busy],
  );
  await t.system.services!.pool.query('ANALYZE "Run"');

  // Correct over 100k runs; its speed is the benchmark's business, not an assertion here.
  const overlay = await recruiter('GET', `/api/pipelines/${busy}/overlay`);
  expect(overlay.body.total).toBe(90000);
  expect(overlay.body.nodes.map((n: { nodeId: string; total: number }) => [n.nodeId, n.total])).toEqual([['bye', 30000], ['cool_off', 30000], ['hello', 30000]]);
  expect(overlay.body.nodes[0].byVersion).toEqual([{ versionId: b1, version: 1, count: 30000 }]);

  const page = await recruiter('GET', `/api/pipelines/${busy}/overlay/runs?nodeId=cool_off&limit=200`);
  expect(page.body.runs).toHaveLength(200);
  const next = await recruiter('GET', `/api/pipelines/${busy}/overlay/runs?nodeId=cool_off&limit=200&cursor=${page.body.nextCursor}`);
  expect(new Set([...page.body.runs, ...next.body.runs].map((r: { runId: string }) => r.runId)).size).toBe(400);
});

async function publishBusy(busy: string): Promise<string> {
  return publish(busy, coolOffGraph('busy v2'));
}
