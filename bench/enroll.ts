// Benchmark: enrolling a campaign's audience of N people (default 100,000). Ours: POST /api/campaigns/:id/enroll
// over HTTP on an active campaign whose talent pool holds them; the clock runs until the bulk job reports every
// run started in Temporal and marked RUNNING (audience read and classified, Run rows inserted in batches, each
// workflow started with its plan and snapshot, START_CONCURRENCY in flight). The worker runs meanwhile, so each
// new run also takes its first steps (trigger, park at a week-long wait, record where it waits). Peer: a bare
// Temporal client loop starting N trivial workflows with the same number in flight, on the same dev server,
// its own worker completing them. Goal: ours >= 0.8 x the peer's rate; the RSS of the process that runs the
// worker (here also the API, the peer's worker and the load generator: an upper bound) <= 1.5 GB throughout.
import crypto from 'node:crypto';
import { cpuMsPer, peerSide } from './start-runs';
import type { BenchEnvironment } from './environment';
import { startOtherLoadMeter } from './other-load';
import { now, pollUntil, round } from './stats';
import { apiClient, createTestOrg } from '../test/support/harness';
import { createNurturePipeline } from '../test/support/campaign-fixtures';
import { START_CONCURRENCY } from '../api/services/campaigns/start-campaign-runs';
import type { TGraph } from '../workflows/graph/schema';

export const ENROLL_GOAL = 0.8;
export const RSS_LIMIT_MB = 1536;
/** How long the bench waits, after the enrollment, for every run to park (RSS sampled throughout). */
const PARK_WAIT_MS = 15 * 60_000;

export interface EnrollBenchOptions {
  n: number;
}

/** A campaign graph whose runs park at once: trigger, a week's wait, then an email. */
const parkingNurture: TGraph = {
  nodes: [
    { id: 'enrolled', type: 'trigger.campaign_enrolled', typeVersion: 1, config: {} },
    { id: 'wait', type: 'time.wait', typeVersion: 1, config: { duration: { days: 7 } } },
    { id: 'hello', type: 'message.send_email', typeVersion: 1, config: { subject: 'Hello {{candidate.firstName}}', body: 'News from {{org.name}}.', category: 'MARKETING' } },
    { id: 'end', type: 'action.end', typeVersion: 1, config: {} },
  ],
  edges: [{ source: 'enrolled', sourcePort: 'out', target: 'wait' }, { source: 'wait', sourcePort: 'out', target: 'hello' }, { source: 'hello', sourcePort: 'out', target: 'end' }],
  settings: { exitOn: ['candidate.applied', 'candidate.replied', 'candidate.unsubscribed', 'candidate.hired'] },
};

/** Samples this process's RSS every 250 ms; `stop` returns the peak in MB. */
function rssSampler() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => void (peak = Math.max(peak, process.memoryUsage().rss)), 250);
  return () => {
    clearInterval(timer);
    return round(Math.max(peak, process.memoryUsage().rss) / 2 ** 20);
  };
}

/** The bare client loop of start-runs, with this process's peak RSS beside it. */
async function peerWithRss(env: BenchEnvironment, n: number, concurrency: number) {
  const peakRss = rssSampler();
  const peer = await peerSide(env, { n, concurrency });
  console.log(`  peer: ${n} trivial workflows started in ${peer.elapsedMs} ms`);
  return { ...peer, peakRssMb: peakRss() };
}

/** N prospects with addresses, in one talent pool: generated in SQL (seconds, not part of the measurement). */
async function seedAudience(env: BenchEnvironment, orgId: string, n: number): Promise<string> {
  const poolId = `benchpool${crypto.randomBytes(6).toString('hex')}`;
  const prefix = `b${crypto.randomBytes(4).toString('hex')}`;
  await env.probe.query(
    `INSERT INTO "Candidate" (id, "orgId", "firstName", "lastName", email, source, "updatedAt")
     SELECT $2 || g, $1, 'Pat', 'Prospect ' || g, $2 || g || '@prospects.example', 'sourced', now() FROM generate_series(1, $3) g`,
    [orgId, prefix, n],
  );
  await env.probe.query(`INSERT INTO "TalentPool" (id, "orgId", name) VALUES ($1, $2, 'Benchmark audience')`, [poolId, orgId]);
  await env.probe.query(`INSERT INTO "TalentPoolMember" ("poolId", "candidateId") SELECT $1, $2 || g FROM generate_series(1, $3) g`, [poolId, prefix, n]);
  await env.probe.query('ANALYZE "Candidate"; ANALYZE "TalentPoolMember"; ANALYZE "Run"');
  return poolId;
}

async function oursSide(env: BenchEnvironment, n: number) {
  const org = await createTestOrg(env.system.prisma);
  const recruiter = apiClient(env.system.url, org.tokens.recruiter);
  const poolId = await seedAudience(env, org.orgId, n);
  console.log(`  ours: ${n} prospects in a pool; enrolling`);
  const pipelineId = await createNurturePipeline(recruiter, parkingNurture);
  const created = await recruiter('POST', '/api/campaigns', { name: 'Benchmark campaign', pipelineId, poolId, isAutoEnroll: false });
  if (created.status !== 201) throw new Error(`create campaign: ${JSON.stringify(created.body)}`);
  const campaignId = created.body.id as string;
  // Activating enrolls the audience; for a clean measurement the campaign is activated with an empty pool
  // first, then the audience is enrolled by POST /enroll below.
  await env.probe.query(`UPDATE "Campaign" SET status = 'ACTIVE', "activatedAt" = now() WHERE id = $1`, [campaignId]);

  const otherLoad = startOtherLoadMeter(env.databaseName);
  const peakRss = rssSampler();
  const cpu = process.cpuUsage();
  const progress: { atMs: number; processed: number }[] = [];
  const t0 = now();
  const accepted = await recruiter('POST', `/api/campaigns/${campaignId}/enroll`);
  if (accepted.status !== 202) throw new Error(`enroll: ${JSON.stringify(accepted.body)}`);
  const acceptedMs = now() - t0;
  let job: { status: string; processed: number; report: Record<string, unknown> } = accepted.body;
  await pollUntil('the enrollment to finish', async () => {
    job = (await recruiter('GET', `/api/bulk-jobs/${accepted.body.id}`)).body;
    progress.push({ atMs: round(now() - t0), processed: job.processed });
    return job.status === 'SUCCEEDED' || job.status === 'FAILED';
  }, 100, 60 * 60_000);
  const elapsedMs = now() - t0;
  const cpuMsPerRun = cpuMsPer(cpu, n);
  const otherProcessesCores = otherLoad();
  const { rows: [counts] } = await env.probe.query<{ running: number; runs: number }>(
    `SELECT count(*) FILTER (WHERE status = 'RUNNING')::int AS running, count(*)::int AS runs FROM "Run" WHERE "campaignId" = $1`,
    [campaignId],
  );
  const started = (job.report as { started?: number }).started ?? 0;
  console.log(`  ours: enrollment ${job.status} after ${round(elapsedMs)} ms (${started} started); waiting for every run to park`);

  // Not timed: the worker works through its backlog (each run's first task: trigger, park at the wait) while
  // the RSS sampler keeps running; bounded, so a large audience reports how far parking got.
  const parkedCount = async () => (await env.probe.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Run" WHERE "campaignId" = $1 AND "currentNodeId" = 'wait'`, [campaignId])).rows[0]!.n;
  const parkDeadline = now() + PARK_WAIT_MS;
  let parked = 0;
  while ((parked = await parkedCount()) < started && now() < parkDeadline) await new Promise((r) => setTimeout(r, 1000));
  const parkedAllAfterMs = parked >= started ? round(now() - t0) : null;
  console.log(`  ours: ${parked} of ${started} runs parked at their wait ${parkedAllAfterMs === null ? `when the ${PARK_WAIT_MS / 60_000}-minute wait ended` : `after ${parkedAllAfterMs} ms`}`);
  return {
    status: job.status, report: job.report, runsInDatabase: counts!.runs, runningInDatabase: counts!.running,
    elapsedMs: round(elapsedMs), runsPerSecond: round((started * 1000) / elapsedMs), acceptedMs: round(acceptedMs),
    cpuMsPerRun, parked, parkedAllAfterMs, peakRssMb: peakRss(), otherProcessesCores,
    // Every ~10 % of the run: how the progress bar moved.
    progress: progress.filter((_, i) => i % Math.max(1, Math.floor(progress.length / 10)) === 0 || i === progress.length - 1),
  };
}

export async function benchEnroll(env: BenchEnvironment, opts: EnrollBenchOptions) {
  const concurrency = START_CONCURRENCY;
  const peer = await peerWithRss(env, opts.n, concurrency);
  const ours = await oursSide(env, opts.n);
  const ratio = round(ours.runsPerSecond / peer.runsPerSecond, 3);
  const peakRssMb = Math.max(ours.peakRssMb, peer.peakRssMb);
  return {
    benchmark: 'enroll',
    description: 'campaign enrollment: POST /api/campaigns/:id/enroll of N people until every run is started, vs a bare client loop starting N trivial workflows (same concurrency, same server)',
    params: { ...opts, concurrency },
    ours,
    peer,
    ratio,
    peakRssMb,
    goal: `ours/peer >= ${ENROLL_GOAL}; RSS <= ${RSS_LIMIT_MB} MB`,
    isGoalMet: ours.status === 'SUCCEEDED' && ours.runsInDatabase === opts.n && ratio >= ENROLL_GOAL && peakRssMb <= RSS_LIMIT_MB,
  };
}
