// A nurture loop continues as new at each lap: every lap is a fresh run with a
// small history, the loop counter survives, and no email is sent twice.
import { createTestOrg, startTestSystem, waitFor, type TestSystem } from '../support/harness';
import { compileGraph } from '../../workflows/graph/compile';
import { weeklyNurtureGraph } from '../../workflows/graph/examples/weekly-nurture';
import { PIPELINE_RUN_WORKFLOW } from '../../workflows/constants';

let t: TestSystem;
beforeAll(async () => (t = await startTestSystem()));
afterAll(() => t?.stop());

test('three laps: three runs in the chain, three emails, one completed record', async () => {
  const org = await createTestOrg(t.prisma);
  const compiled = compileGraph(weeklyNurtureGraph({ weeks: 3, every: { seconds: 1 } }));
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.issues));
  const { prisma } = t;
  const pipeline = await prisma.pipeline.create({ data: { orgId: org.orgId, name: 'Nurture', kind: 'NURTURE', draft: {} } });
  const version = await prisma.pipelineVersion.create({ data: { orgId: org.orgId, pipelineId: pipeline.id, version: 1, graph: {}, plan: compiled.plan as never, hash: compiled.plan.hash } });
  const candidate = await prisma.candidate.create({ data: { orgId: org.orgId, firstName: 'Ravi', lastName: 'Loop', email: `ravi.${Date.now()}@example.com` } });
  const workflowId = `nurture-${candidate.id}`;
  const run = await prisma.run.create({ data: { orgId: org.orgId, pipelineVersionId: version.id, candidateId: candidate.id, workflowId, status: 'RUNNING' } });

  const client = await t.system.services!.temporal();
  const handle = await client.workflow.start(PIPELINE_RUN_WORKFLOW, {
    workflowId, taskQueue: t.system.config.TEMPORAL_TASK_QUEUE,
    args: [{ plan: compiled.plan, pipelineVersionId: version.id, run: { runId: run.id, workflowId, orgId: org.orgId, candidateId: candidate.id } }],
  });
  // result() follows the continue-as-new chain to the last run.
  expect(await handle.result()).toMatchObject({ status: 'completed' });

  const executions = [];
  for await (const e of client.workflow.list({ query: `WorkflowId = '${workflowId}'` })) executions.push(e);
  expect(executions.map((e) => e.status.name).sort()).toEqual(['COMPLETED', 'CONTINUED_AS_NEW', 'CONTINUED_AS_NEW']);
  for (const e of executions) {
    const history = await client.workflow.getHandle(workflowId, e.runId).fetchHistory();
    expect(history.events!.length).toBeLessThan(60);
  }
  const emails = await waitFor('three emails', async () => {
    const got = t.sink.messages().filter((m) => m.to.includes(candidate.email!));
    return got.length >= 3 && got;
  });
  expect(emails.map((m) => m.subject)).toEqual([`News from Org ${org.slug}`, `News from Org ${org.slug}`, `News from Org ${org.slug}`]);
  const stored = await waitFor('run recorded', async () => {
    const r = await prisma.run.findUniqueOrThrow({ where: { id: run.id } });
    return r.status === 'COMPLETED' && r;
  });
  expect((stored.steps as { nodeId: string }[]).filter((s) => s.nodeId === 'digest')).toHaveLength(3);
  await new Promise((r) => setTimeout(r, 300));
  expect(t.sink.messages().filter((m) => m.to.includes(candidate.email!))).toHaveLength(3);
});
