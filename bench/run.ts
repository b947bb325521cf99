// `npm run bench [-- start-runs|feedback-latency|...]`: starts one shared
// environment, runs the chosen benchmarks (default all) side by side with
// their peers, writes bench/results/<name>.json and prints a summary.
// builder-canvas needs only a browser, so it runs first, before the environment starts.
// Sizes: BENCH_N (runs to start, default 2000), BENCH_CONCURRENCY (in flight,
// default 50), BENCH_K (feedback samples, default 200), BENCH_ENROLL_N (audience of the enroll benchmark,
// default 100,000). search generates its own database
// (bench/search-data.ts; BENCH_CANDIDATES, default 1,000,000) and needs no Temporal; segment reuses it, and
// dashboard adds the analytics reports' data to it (bench/dashboard-data.ts; BENCH_DASHBOARD_SAMPLES, default 30).
import { startBenchEnvironment } from './environment';
import { machineInfo, writeResult } from './report';
import { benchStartRuns } from './start-runs';
import { benchFeedbackLatency } from './feedback-latency';
import { benchCompile, benchLinearPlan, benchNurtureLoop } from './pipeline-language';
import { runBuilderCanvasBench } from './builder-canvas';
import { benchSearch } from './search';
import { benchApply } from './apply';
import { benchSegment } from './segment';
import { benchDashboard } from './dashboard';
import { benchEnroll } from './enroll';
import { benchSend } from './send';

const BENCHMARKS = ['start-runs', 'feedback-latency', 'compile', 'linear-plan', 'nurture-loop', 'builder-canvas', 'search', 'segment', 'dashboard', 'apply', 'enroll', 'send'] as const;
type BenchmarkName = (typeof BENCHMARKS)[number];

function intFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
}

async function main() {
  const chosen = process.argv.slice(2);
  const unknown = chosen.filter((name) => !BENCHMARKS.includes(name as BenchmarkName));
  if (unknown.length) throw new Error(`unknown benchmark(s) ${unknown.join(', ')}; choose from ${BENCHMARKS.join(', ')}`);
  const selected = chosen.length ? (chosen as BenchmarkName[]) : [...BENCHMARKS];

  if (selected.includes('builder-canvas')) await runBuilderCanvasBench();
  if (selected.includes('search')) {
    const r = await benchSearch({
      candidates: intFromEnv('BENCH_CANDIDATES', 1_000_000), resumeWords: intFromEnv('BENCH_RESUME_WORDS', 300),
      samples: intFromEnv('BENCH_SEARCH_SAMPLES', 200), isFresh: process.env.BENCH_SEARCH_FRESH === '1',
    });
    console.log(`\nsearch (${r.params.candidates} candidates) -> ${writeResult(r.benchmark, r)}`);
    for (const [name, g] of Object.entries(r.goals)) console.log(`  ${name}: ${g.value}  goal ${g.goal}: ${g.isMet ? 'PASS' : 'MISS'}`);
  }
  if (selected.includes('segment')) {
    const r = await benchSegment({
      candidates: intFromEnv('BENCH_CANDIDATES', 1_000_000), resumeWords: intFromEnv('BENCH_RESUME_WORDS', 300), samples: intFromEnv('BENCH_SEGMENT_SAMPLES', 100),
      concurrency: intFromEnv('BENCH_SEGMENT_CONCURRENCY', 1), isFresh: process.env.BENCH_SEARCH_FRESH === '1',
    });
    console.log(`\nsegment (${r.params.candidates} candidates, concurrency ${r.params.concurrency}) -> ${writeResult(r.benchmark, r)}`);
    for (const [name, g] of Object.entries(r.goals)) console.log(`  ${name}: ${g.value}  goal ${g.goal}: ${g.isMet ? 'PASS' : 'MISS'}`);
  }
  if (selected.includes('dashboard')) {
    const r = await benchDashboard({
      candidates: intFromEnv('BENCH_CANDIDATES', 1_000_000), resumeWords: intFromEnv('BENCH_RESUME_WORDS', 300),
      samples: intFromEnv('BENCH_DASHBOARD_SAMPLES', 30), isFresh: process.env.BENCH_SEARCH_FRESH === '1',
    });
    console.log(`\ndashboard (${r.params.candidates} candidates, ${r.params.samples} loads per side) -> ${writeResult(r.benchmark, r)}`);
    for (const [name, g] of Object.entries(r.goals)) console.log(`  ${name}: ${g.value} ms  goal ${g.goal}: ${g.isMet ? 'PASS' : 'MISS'}`);
  }
  if (selected.every((name) => name === 'builder-canvas' || name === 'search' || name === 'segment' || name === 'dashboard')) return;
  const env = await startBenchEnvironment();
  try {
    const machine = await machineInfo(env.probe);
    console.log(`machine: ${machine.cpus} x ${machine.cpuModel}, ${machine.totalMemoryGb} GB, node ${machine.node}`);
    if (selected.includes('start-runs')) {
      const r = await benchStartRuns(env, { n: intFromEnv('BENCH_N', 2000), concurrency: intFromEnv('BENCH_CONCURRENCY', 50) });
      const file = writeResult(r.benchmark, { ...r, machine });
      console.log(`\nstart-runs (n=${r.params.n}, ${r.params.concurrency} in flight) -> ${file}`);
      console.log(`  ours: ${r.ours.runsPerSecond} runs/s (${r.ours.started} started in ${r.ours.elapsedMs} ms, ${r.ours.failures} failed requests; other processes used ${r.ours.otherProcessesCores ?? '?'} cores)`);
      console.log(`  peer: ${r.peer.runsPerSecond} runs/s (${r.peer.started} started in ${r.peer.elapsedMs} ms; other processes used ${r.peer.otherProcessesCores ?? '?'} cores)`);
      console.log(`  ratio ours/peer: ${r.ratio}  goal ${r.goal}: ${r.isGoalMet ? 'PASS' : 'MISS'}`);
    }
    if (selected.includes('apply')) {
      const r = await benchApply(env, { n: intFromEnv('BENCH_APPLY_N', 200), concurrency: intFromEnv('BENCH_APPLY_CONCURRENCY', 8) });
      const file = writeResult(r.benchmark, { ...r, machine });
      console.log(`\napply (n=${r.params.n}, ${r.params.concurrency} in flight, ${r.params.pdfBytes}-byte PDF) -> ${file}`);
      console.log(`  ours: ${r.ours.applicationsPerSecond} applications/s, p50 ${r.ours.latencyMs.p50} ms, p95 ${r.ours.latencyMs.p95} ms (${r.ours.failures} failed, ${r.ours.resumesParsed} resumes parsed)`);
      console.log(`  bare: ${r.peer.applicationsPerSecond} applications/s, p50 ${r.peer.latencyMs.p50} ms, p95 ${r.peer.latencyMs.p95} ms (${r.peer.failures} failed)`);
      console.log(`  ratio ours/bare: ${r.ratio}`);
    }
    if (selected.includes('enroll')) {
      const r = await benchEnroll(env, { n: intFromEnv('BENCH_ENROLL_N', 100_000) });
      const file = writeResult(r.benchmark, { ...r, machine });
      console.log(`\nenroll (n=${r.params.n}, ${r.params.concurrency} starts in flight) -> ${file}`);
      console.log(`  ours: ${r.ours.runsPerSecond} runs/s (${r.ours.status}, ${(r.ours.report as { started?: number }).started} started in ${r.ours.elapsedMs} ms; all parked after ${r.ours.parkedAllAfterMs} ms; peak RSS ${r.ours.peakRssMb} MB; other processes ${r.ours.otherProcessesCores ?? '?'} cores)`);
      console.log(`  peer: ${r.peer.runsPerSecond} runs/s (${r.peer.started} started in ${r.peer.elapsedMs} ms; peak RSS ${r.peer.peakRssMb} MB; other processes ${r.peer.otherProcessesCores ?? '?'} cores)`);
      console.log(`  ratio ours/peer: ${r.ratio}; peak RSS ${r.peakRssMb} MB  goal ${r.goal}: ${r.isGoalMet ? 'PASS' : 'MISS'}`);
    }
    if (selected.includes('send')) {
      const r = await benchSend(env, { n: intFromEnv('BENCH_SEND_N', 10_000), concurrency: intFromEnv('BENCH_SEND_CONCURRENCY', 20) });
      const file = writeResult(r.benchmark, { ...r, machine });
      console.log(`\nsend (n=${r.params.n} per side in ${r.params.rounds} rounds, ${r.params.concurrency} in flight) -> ${file}`);
      console.log(`  ours (full path): ${r.ours.messagesPerSecond} emails/s (best round ${r.ours.bestRoundMs} ms), p50 ${r.ours.latencyMs.p50} ms, p95 ${r.ours.latencyMs.p95} ms, ${r.ours.failures} failed`);
      console.log(`  peer (nodemailer pool, pre-rendered): ${r.peer.messagesPerSecond} emails/s (best round ${r.peer.bestRoundMs} ms), p50 ${r.peer.latencyMs.p50} ms, p95 ${r.peer.latencyMs.p95} ms`);
      console.log(`  ratio ours/peer: ${r.ratio}  goal ${r.goal}: ${r.isGoalMet ? 'PASS' : 'MISS'}; total ${r.totalMs} ms`);
    }
    if (selected.includes('feedback-latency')) {
      const r = await benchFeedbackLatency(env, { k: intFromEnv('BENCH_K', 200), warmup: 10 });
      const file = writeResult(r.benchmark, { ...r, machine });
      console.log(`\nfeedback-latency (k=${r.params.k}) -> ${file}`);
      console.log(`  ours: p50 ${r.ours.latencyMs.p50} ms, p95 ${r.ours.latencyMs.p95} ms`);
      console.log(`  peer: p50 ${r.peer.latencyMs.p50} ms, p95 ${r.peer.latencyMs.p95} ms`);
      console.log(`  other processes used ${r.otherProcessesCores ?? '?'} cores while sampling`);
      console.log(`  ratio at p50: ${r.ratioAtP50}  goal ${r.goal}: ${r.isGoalMet ? 'PASS' : 'MISS'}`);
    }
    if (selected.includes('compile')) {
      const r = benchCompile();
      console.log(`\ncompile (${r.params.nodes} nodes, ${r.params.edges} edges) -> ${writeResult(r.benchmark, { ...r, machine })}`);
      console.log(`  ours: median ${r.ours.ms.p50} ms; peer (schema parse only): median ${r.peer.ms.p50} ms; ratio ${r.ratio}`);
      console.log(`  goal ${r.goal}: ${r.isGoalMet ? 'PASS' : 'MISS'}`);
    }
    if (selected.includes('linear-plan')) {
      const r = await benchLinearPlan(env);
      console.log(`\nlinear-plan (${r.params.steps} steps, ${r.params.runs} runs) -> ${writeResult(r.benchmark, { ...r, machine })}`);
      console.log(`  ours: median ${r.ours.ms.p50} ms; peer: median ${r.peer.ms.p50} ms; ratio ${r.ratio}  goal ${r.goal}: ${r.isGoalMet ? 'PASS' : 'MISS'}`);
    }
    if (selected.includes('nurture-loop')) {
      const r = await benchNurtureLoop(env);
      console.log(`\nnurture-loop (${r.params.laps} laps) -> ${writeResult(r.benchmark, { ...r, machine })}`);
      console.log(`  ours: ${r.ours.runsInChain} runs, at most ${r.ours.maxEventsPerRun} events per run; peer: ${r.peer.eventsInOneRun} events in one run`);
      console.log(`  goal ${r.goal}: ${r.isGoalMet ? 'PASS' : 'MISS'}`);
    }
  } finally {
    await env.stop();
  }
}

// Exit explicitly: the Temporal native runtime can keep the event loop alive after everything is closed.
main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
