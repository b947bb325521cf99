// Benchmarks of the pipeline language, each beside its peer:
// - compile: validate + compile a 500-node / 600-edge graph vs parsing the same
//   graph with its schema alone (the floor any validator pays);
// - linear-plan: a 10-step plan through the interpreter workflow vs a
//   hand-written workflow calling the same 10 activities on the same server;
// - nurture-loop: a 52-lap weekly loop (waits shortened to 1 s) vs the same
//   loop hand-written as one run: history events per run.
import crypto from 'node:crypto';
import { compileGraph } from '../workflows/graph/compile';
import { ZGraph, type TGraph } from '../workflows/graph/schema';
import { weeklyNurtureGraph } from '../workflows/graph/examples/weekly-nurture';
import { PIPELINE_RUN_WORKFLOW } from '../workflows/constants';
import type { Plan } from '../workflows/graph/plan';
import type { BenchEnvironment } from './environment';
import { now, round, summarize } from './stats';
import { createTestOrg } from '../test/support/harness';

/** 500 nodes, 600 edges: a chain of email / feedback / branch steps whose branches skip ahead. */
export function largeGraph(size = 500): TGraph {
  const nodes: TGraph['nodes'] = [{ id: 'n0', type: 'trigger.application_received', typeVersion: 1, config: {} }];
  const edges: TGraph['edges'] = [];
  for (let i = 1; i < size - 1; i++) {
    const kind = i % 5;
    if (kind === 0) nodes.push({ id: `n${i}`, type: 'logic.branch', typeVersion: 1, config: { rules: [{ port: 'skip', when: [{ field: 'candidate.source', op: 'eq', value: 'referral' }] }], otherwise: 'next' } });
    else if (kind === 3) nodes.push({ id: `n${i}`, type: 'people.collect_feedback', typeVersion: 1, config: { title: `Check ${i}`, timeout: { days: 2 } } });
    else nodes.push({ id: `n${i}`, type: 'message.send_email', typeVersion: 1, config: { subject: `Step ${i} for {{candidate.firstName}}`, body: 'Hello {{candidate.fullName}} about {{job.title}}' } });
  }
  nodes.push({ id: `n${size - 1}`, type: 'action.end', typeVersion: 1, config: {} });
  for (let i = 0; i < size - 1; i++) {
    const node = nodes[i]!;
    if (node.type === 'logic.branch') {
      edges.push({ source: node.id, sourcePort: 'next', target: `n${i + 1}` }, { source: node.id, sourcePort: 'skip', target: `n${Math.min(i + 2, size - 1)}` });
    } else if (node.type === 'people.collect_feedback') {
      edges.push({ source: node.id, sourcePort: 'submitted', target: `n${i + 1}` }, { source: node.id, sourcePort: 'timeout', target: `n${i + 1}` });
    } else edges.push({ source: node.id, sourcePort: 'out', target: `n${i + 1}` });
  }
  return { nodes, edges };
}

function timeMedian(iterations: number, fn: () => void) {
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = now();
    fn();
    samples.push(now() - t0);
  }
  return summarize(samples);
}

export function benchCompile(iterations = 30) {
  const graph = largeGraph();
  const compiled = compileGraph(graph);
  if (!compiled.ok) throw new Error(`benchmark graph is invalid: ${JSON.stringify(compiled.issues.slice(0, 3))}`);
  timeMedian(5, () => compileGraph(graph)); // warm-up
  const ours = timeMedian(iterations, () => compileGraph(graph));
  const peer = timeMedian(iterations, () => ZGraph.parse(graph));
  return {
    benchmark: 'compile', description: 'validate + compile a 500-node / 600-edge graph vs schema parsing alone',
    params: { nodes: graph.nodes.length, edges: graph.edges.length, iterations },
    ours: { ms: ours }, peer: { ms: peer }, ratio: round(ours.p50 / peer.p50, 2),
    goal: 'ours median <= 50 ms', isGoalMet: ours.p50 <= 50,
  };
}

async function runFixture(env: BenchEnvironment) {
  const { prisma } = env.system;
  const org = await createTestOrg(prisma);
  const candidate = await prisma.candidate.create({ data: { orgId: org.orgId, firstName: 'Bench', lastName: 'Mark', email: `bench.${crypto.randomUUID()}@example.com` } });
  return { org, candidate };
}

async function publishPlan(env: BenchEnvironment, orgId: string, graph: TGraph) {
  const compiled = compileGraph(graph);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.issues));
  const pipeline = await env.system.prisma.pipeline.create({ data: { orgId, name: `bench ${crypto.randomUUID()}`, draft: {} } });
  const version = await env.system.prisma.pipelineVersion.create({ data: { orgId, pipelineId: pipeline.id, version: 1, graph: {}, plan: compiled.plan as never, hash: compiled.plan.hash } });
  return { plan: compiled.plan, versionId: version.id };
}

async function startRun(env: BenchEnvironment, plan: Plan, versionId: string, orgId: string, candidateId: string) {
  const workflowId = `bench-${crypto.randomUUID()}`;
  const run = await env.system.prisma.run.create({ data: { orgId, pipelineVersionId: versionId, candidateId, workflowId, status: 'RUNNING' } });
  const client = await env.system.system.services!.temporal();
  return client.workflow.start(PIPELINE_RUN_WORKFLOW, {
    workflowId, taskQueue: env.system.system.config.TEMPORAL_TASK_QUEUE,
    args: [{ plan, pipelineVersionId: versionId, run: { runId: run.id, workflowId, orgId, candidateId } }],
  });
}

export async function benchLinearPlan(env: BenchEnvironment, runs = 30) {
  const steps = 10;
  const { org, candidate } = await runFixture(env);
  const graph: TGraph = {
    nodes: [
      { id: 'start', type: 'trigger.manual', typeVersion: 1, config: {} },
      ...Array.from({ length: steps }, (_, i) => ({ id: `n${i + 1}`, type: 'message.internal_note', typeVersion: 1, config: { body: 'Step {{candidate.firstName}}' } })),
      { id: 'end', type: 'action.end', typeVersion: 1, config: {} },
    ],
    edges: [
      { source: 'start', sourcePort: 'out', target: 'n1' },
      ...Array.from({ length: steps }, (_, i) => ({ source: `n${i + 1}`, sourcePort: 'out', target: i + 1 === steps ? 'end' : `n${i + 2}` })),
    ],
  };
  const { plan, versionId } = await publishPlan(env, org.orgId, graph);
  const ours: number[] = [];
  const peer: number[] = [];
  for (let i = 0; i < runs + 3; i++) {
    // Alternate, so drift on a shared machine hits both sides alike; the first three of each are warm-up.
    const t0 = now();
    await (await startRun(env, plan, versionId, org.orgId, candidate.id)).result();
    const oursMs = now() - t0;
    const workflowId = `bench-peer-${crypto.randomUUID()}`;
    const t1 = now();
    await env.peer.client.workflow.execute('peerLinearNotes', {
      workflowId, taskQueue: env.peer.taskQueue,
      args: [{ run: { runId: 'peer', workflowId, orgId: org.orgId, candidateId: candidate.id }, trellisTaskQueue: env.system.system.config.TEMPORAL_TASK_QUEUE, steps }],
    });
    const peerMs = now() - t1;
    if (i >= 3) (ours.push(oursMs), peer.push(peerMs));
  }
  const o = summarize(ours);
  const p = summarize(peer);
  return {
    benchmark: 'linear-plan', description: '10-step plan through the interpreter vs a hand-written workflow calling the same 10 activities',
    params: { steps, runs }, ours: { ms: o }, peer: { ms: p }, ratio: round(o.p50 / p.p50, 2),
    goal: 'ours median / peer median <= 1.3', isGoalMet: o.p50 / p.p50 <= 1.3,
  };
}

export async function benchNurtureLoop(env: BenchEnvironment, laps = 52) {
  const { org, candidate } = await runFixture(env);
  const { plan, versionId } = await publishPlan(env, org.orgId, weeklyNurtureGraph({ weeks: laps, every: { seconds: 1 } }));
  const handle = await startRun(env, plan, versionId, org.orgId, candidate.id);
  const t0 = now();
  await handle.result();
  const elapsedMs = now() - t0;
  const client = await env.system.system.services!.temporal();
  const perRun: number[] = [];
  for await (const e of client.workflow.list({ query: `WorkflowId = '${handle.workflowId}'` })) {
    perRun.push((await client.workflow.getHandle(handle.workflowId, e.runId).fetchHistory()).events!.length);
  }
  const peerId = `bench-peer-loop-${crypto.randomUUID()}`;
  await env.peer.client.workflow.execute('peerWeeklyLoop', {
    workflowId: peerId, taskQueue: env.peer.taskQueue,
    args: [{ run: { runId: 'peer', workflowId: peerId, orgId: org.orgId, candidateId: candidate.id }, trellisTaskQueue: env.system.system.config.TEMPORAL_TASK_QUEUE, laps }],
  });
  const peerEvents = (await env.peer.client.workflow.getHandle(peerId).fetchHistory()).events!.length;
  const maxPerRun = Math.max(...perRun);
  return {
    benchmark: 'nurture-loop', description: `${laps}-lap weekly nurture loop (1 s waits): history events per run, vs the same loop as one hand-written run`,
    params: { laps, waitSeconds: 1 },
    ours: { runsInChain: perRun.length, maxEventsPerRun: maxPerRun, totalEvents: perRun.reduce((a, b) => a + b, 0), elapsedMs: round(elapsedMs) },
    peer: { runsInChain: 1, eventsInOneRun: peerEvents },
    goal: 'history events per run <= 4096 and the run continues as new', isGoalMet: maxPerRun <= 4096 && perRun.length > 1,
  };
}
