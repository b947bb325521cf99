// Benchmark 1: how fast runs start. Trellis: POST /api/applications over HTTP
// (application, run row and outbox START_WORKFLOW in one transaction; the outbox
// dispatcher starts the workflow). Peer: a bare Temporal client starting trivial
// workflows. Both with the same number in flight; the clock stops when every
// workflow has been started in Temporal. Goal: ours >= 0.8 x the peer's rate.
import crypto from 'node:crypto';
import { applicant } from '../test/support/fixtures';
import { peerTrivial } from './peer-workflows';
import { createHiringOrg, type BenchEnvironment } from './environment';
import { startOtherLoadMeter } from './other-load';
import { forEachConcurrently, now, pollUntil, round, summarize } from './stats';

export const START_RUNS_GOAL = 0.8;

export interface StartRunsOptions {
  n: number;
  concurrency: number;
}

/** CPU this process (API, worker, SMTP sink, peer worker, load generator) spent per run since `since`. */
export function cpuMsPer(since: NodeJS.CpuUsage, runs: number): number {
  const { user, system } = process.cpuUsage(since);
  return round((user + system) / 1000 / runs, 2);
}

/** The peer of start-runs and enroll: a bare client starting N trivial workflows, `concurrency` in flight. */
export async function peerSide(env: BenchEnvironment, { n, concurrency }: StartRunsOptions) {
  const { client, taskQueue } = env.peer;
  const tag = crypto.randomBytes(4).toString('hex');
  const callMs: number[] = [];
  const otherLoad = startOtherLoadMeter(env.databaseName);
  const cpu = process.cpuUsage();
  const t0 = now();
  await forEachConcurrently(n, concurrency, async (i) => {
    const t = now();
    await client.workflow.start(peerTrivial, { taskQueue, workflowId: `peer-trivial-${tag}-${i}` });
    callMs.push(now() - t);
  });
  const elapsedMs = now() - t0;
  const cpuMsPerRunWhileStarting = cpuMsPer(cpu, n);
  const otherProcessesCores = otherLoad();
  // Not timed: let the peer worker finish the trivial workflows so ours starts on a quiet system.
  await pollUntil('every peer workflow to complete', async () => (await client.workflow.count(`TaskQueue = "${taskQueue}" AND ExecutionStatus = "Running"`)).count === 0, 200, 10 * 60_000);
  return { started: n, elapsedMs: round(elapsedMs), runsPerSecond: round((n * 1000) / elapsedMs), startCallMs: summarize(callMs), cpuMsPerRunWhileStarting, otherProcessesCores };
}

async function oursSide(env: BenchEnvironment, { n, concurrency }: StartRunsOptions) {
  const { org, recruiter, jobId } = await createHiringOrg(env);
  const bodies = Array.from({ length: n }, () => applicant(jobId));
  const countStarted = async () =>
    (await env.probe.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Run" WHERE "orgId" = $1 AND status <> 'PENDING'`, [org.orgId])).rows[0]!.n;

  const requestMs: number[] = [];
  const failures: string[] = [];
  let httpDoneMs: number | undefined;
  const otherLoad = startOtherLoadMeter(env.databaseName);
  const cpu = process.cpuUsage();
  const t0 = now();
  const http = forEachConcurrently(n, concurrency, async (i) => {
    const t = now();
    const res = await recruiter('POST', '/api/applications', bodies[i]).catch((err: Error) => ({ status: 0, body: err.message }));
    requestMs.push(now() - t);
    if (res.status !== 201) failures.push(`${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
  }).then(() => void (httpDoneMs = now() - t0));
  // Every 20 ms: a count over at most n rows, cheap next to the work measured.
  const allStarted = pollUntil('every run to be started', async () => httpDoneMs !== undefined && (await countStarted()) >= n - failures.length, 20, 30 * 60_000);
  await Promise.all([http, allStarted]);
  const elapsedMs = now() - t0;
  const started = await countStarted();
  const cpuMsPerRunWhileStarting = cpuMsPer(cpu, started);
  const otherProcessesCores = otherLoad();

  // Not timed: let the worker finish the runs' first steps (email, task) so the next benchmark starts quiet.
  await pollUntil('every run to reach the feedback wait', async () =>
    (await env.probe.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Task" WHERE "orgId" = $1`, [org.orgId])).rows[0]!.n >= started, 200, 30 * 60_000);
  const parkedAllAfterMs = now() - t0;
  const cpuMsPerRunToFeedbackWait = cpuMsPer(cpu, started);
  // Where the time went: how long each start waited in the outbox.
  const { rows } = await env.probe.query<{ ms: number }>(
    `SELECT extract(epoch FROM ("processedAt" - "createdAt")) * 1000 AS ms FROM "OutboxEvent" WHERE "orgId" = $1 AND kind = 'START_WORKFLOW' AND status = 'DONE'`,
    [org.orgId],
  );

  return {
    started,
    failures: failures.length,
    failureSamples: failures.slice(0, 5),
    elapsedMs: round(elapsedMs),
    runsPerSecond: round((started * 1000) / elapsedMs),
    httpDoneMs: round(httpDoneMs!),
    requestMs: summarize(requestMs),
    outboxWaitMs: summarize(rows.map((r) => Number(r.ms))),
    cpuMsPerRunWhileStarting,
    parkedAllAfterMs: round(parkedAllAfterMs),
    cpuMsPerRunToFeedbackWait,
    otherProcessesCores,
  };
}

export async function benchStartRuns(env: BenchEnvironment, opts: StartRunsOptions) {
  // Peer first: our runs leave work behind (emails, tasks) that must not slow the peer.
  const peer = await peerSide(env, opts);
  const ours = await oursSide(env, opts);
  const ratio = round(ours.runsPerSecond / peer.runsPerSecond, 3);
  return {
    benchmark: 'start-runs',
    description: 'runs started per second: POST /api/applications (through the outbox) vs a bare client starting trivial workflows',
    params: opts,
    ours,
    peer,
    ratio,
    goal: `ours/peer >= ${START_RUNS_GOAL}`,
    isGoalMet: ours.failures === 0 && ratio >= START_RUNS_GOAL,
  };
}
