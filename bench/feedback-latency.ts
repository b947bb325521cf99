// Benchmark 2: how long a human's answer takes to move the candidate. Trellis:
// POST /api/tasks/:id/feedback (score 4) for an application parked at the
// 'screen' wait, until the application's stage in the database is 'interview'
// (scorecard + outbox SIGNAL_WORKFLOW in one transaction, dispatcher signals,
// workflow runs the move-to-stage activity). Peer: signal a bare workflow that
// waits for it and then updates one row. One submission at a time, samples
// interleaved peer/ours so drift hits both, same polling. Goal: ours p50 <= 1.5 x peer p50.
import crypto from 'node:crypto';
import { applicant } from '../test/support/fixtures';
import { createHiringOrg, type BenchEnvironment } from './environment';
import { breakdownSample, type SampleBreakdown } from './history-breakdown';
import { PEER_TABLE } from './peer-activities';
import { PEER_FEEDBACK_SIGNAL, peerAwaitFeedback } from './peer-workflows';
import { startOtherLoadMeter } from './other-load';
import { forEachConcurrently, now, pollUntil, round, sleep, summarize } from './stats';

export const FEEDBACK_LATENCY_GOAL = 1.5;
const POLL_MS = 2;
/**
 * Quiet time after each sample. A finished workflow leaves work behind (the
 * server closing the execution, the worker evicting it from its cache) for
 * ~100 ms on this machine; with shorter gaps that tail lands in the next sample.
 */
const GAP_MS = 250;

export interface FeedbackLatencyOptions {
  k: number;
  /** Extra samples taken first and discarded (connection set-up, JIT). */
  warmup: number;
}

interface Parked {
  workflowId: string;
  /** Submit the answer; resolves when the API / Temporal accepted it. */
  submit(): Promise<void>;
  /** Resolves true once the stage reads 'interview'. */
  isMoved(): Promise<boolean>;
}

/** Applications waiting at the feedback node, each with its open task. */
async function parkOurs(env: BenchEnvironment, count: number): Promise<{ orgId: string; parked: Parked[] }> {
  const { org, recruiter, jobId } = await createHiringOrg(env);
  await forEachConcurrently(count, 10, async () => {
    const res = await recruiter('POST', '/api/applications', applicant(jobId));
    if (res.status !== 201) throw new Error(`apply: ${res.status} ${JSON.stringify(res.body)}`);
  });
  const openTasks = () => env.system.prisma.task.findMany({
    where: { orgId: org.orgId, kind: 'FEEDBACK', status: 'OPEN', run: { currentNodeId: 'screen' } },
    select: { id: true, applicationId: true, run: { select: { workflowId: true } } },
  });
  await pollUntil('every application to wait for feedback', async () => (await openTasks()).length >= count, 200, 10 * 60_000);
  const parked = (await openTasks()).map((task): Parked => ({
    workflowId: task.run!.workflowId,
    async submit() {
      const res = await recruiter('POST', `/api/tasks/${task.id}/feedback`, { score: 4, recommendation: 'strong_yes' });
      if (res.status !== 202) throw new Error(`feedback: ${res.status} ${JSON.stringify(res.body)}`);
    },
    isMoved: async () => (await env.probe.query<{ stage: string }>(
      `SELECT s.key AS stage FROM "Application" a JOIN "Stage" s ON s.id = a."stageId" WHERE a.id = $1`, [task.applicationId])).rows[0]?.stage === 'interview',
  }));
  return { orgId: org.orgId, parked };
}

async function parkPeer(env: BenchEnvironment, count: number): Promise<Parked[]> {
  const { client, taskQueue, pool } = env.peer;
  const tag = crypto.randomBytes(4).toString('hex');
  const rowIds = Array.from({ length: count }, (_, i) => `peer-${tag}-${i}`);
  await pool.query(`INSERT INTO ${PEER_TABLE}(id, stage) SELECT unnest($1::text[]), 'applied'`, [rowIds]);
  await forEachConcurrently(count, 10, async (i) => void (await client.workflow.start(peerAwaitFeedback, { taskQueue, workflowId: rowIds[i]!, args: [rowIds[i]!] })));
  return rowIds.map((rowId) => ({
    workflowId: rowId,
    submit: () => client.workflow.getHandle(rowId).signal(PEER_FEEDBACK_SIGNAL),
    isMoved: async () => (await env.probe.query<{ stage: string }>(`SELECT stage FROM ${PEER_TABLE} WHERE id = $1`, [rowId])).rows[0]?.stage === 'interview',
  }));
}

interface Sample {
  latencyMs: number;
  acceptedMs: number;
  workflowId: string;
  submittedAt: number;
}

async function measure(p: Parked): Promise<Sample> {
  const submittedAt = Date.now();
  const t = now();
  await p.submit();
  const acceptedMs = now() - t;
  await pollUntil(`stage of ${p.workflowId}`, p.isMoved, POLL_MS, 60_000);
  const latencyMs = now() - t;
  await sleep(GAP_MS);
  return { latencyMs, acceptedMs, workflowId: p.workflowId, submittedAt };
}

async function describeSide(env: BenchEnvironment, samples: Sample[]) {
  const parts: SampleBreakdown[] = [];
  for (const s of samples) parts.push(await breakdownSample(env.peer.client, s.workflowId, s.submittedAt));
  const pick = (key: keyof SampleBreakdown) => summarize(parts.map((b) => b[key]));
  return {
    latencyMs: summarize(samples.map((s) => s.latencyMs)),
    acceptedMs: summarize(samples.map((s) => s.acceptedMs)),
    breakdownMs: { submitToSignal: pick('submitToSignalMs'), signalToDecision: pick('signalToDecisionMs'), stageActivity: pick('stageActivityMs') },
    rawLatencyMs: samples.map((s) => round(s.latencyMs, 2)),
  };
}

export async function benchFeedbackLatency(env: BenchEnvironment, { k, warmup }: FeedbackLatencyOptions) {
  const total = k + warmup;
  const ours = await parkOurs(env, total);
  const peer = await parkPeer(env, total);
  await sleep(2000); // every workflow has finished its first workflow task and is parked

  const samples = { ours: [] as Sample[], peer: [] as Sample[] };
  const otherLoad = startOtherLoadMeter(env.databaseName);
  for (let i = 0; i < total; i++) {
    const peerSample = await measure(peer[i]!);
    const ourSample = await measure(ours.parked[i]!);
    if (i >= warmup) samples.peer.push(peerSample), samples.ours.push(ourSample);
  }
  const otherProcessesCores = otherLoad();

  // How long each signal waited in the outbox (part of ours' submitToSignal).
  const { rows } = await env.probe.query<{ ms: number }>(
    `SELECT extract(epoch FROM ("processedAt" - "createdAt")) * 1000 AS ms FROM "OutboxEvent" WHERE "orgId" = $1 AND kind = 'SIGNAL_WORKFLOW' AND status = 'DONE' ORDER BY "createdAt" OFFSET $2`,
    [ours.orgId, warmup],
  );
  const oursResult = { ...(await describeSide(env, samples.ours)), outboxWaitMs: summarize(rows.map((r) => Number(r.ms))) };
  const peerResult = await describeSide(env, samples.peer);
  const ratio = round(oursResult.latencyMs.p50 / peerResult.latencyMs.p50, 3);
  return {
    benchmark: 'feedback-latency',
    description: 'feedback submitted -> stage updated in PostgreSQL: POST /api/tasks/:id/feedback vs signal to a bare workflow + one-row UPDATE activity',
    params: { k, warmup, pollMs: POLL_MS, gapMs: GAP_MS },
    ours: oursResult,
    peer: peerResult,
    otherProcessesCores,
    ratioAtP50: ratio,
    goal: `ours p50 / peer p50 <= ${FEEDBACK_LATENCY_GOAL}`,
    isGoalMet: ratio <= FEEDBACK_LATENCY_GOAL,
  };
}
