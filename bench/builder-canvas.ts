// `npm run bench -- builder-canvas`: the builder canvas with a 500-node / 600-edge graph in
// headless Chromium, our node cards beside React Flow's default nodes on the same graph (issue 4,
// "Performance"). Per round and per variant (interleaved, first mover alternating): load
// builder-ui's /bench.html in a fresh browser context, read the time to first render, then drag
// one node with the mouse for ~2 s while the page counts frames. Reports medians; never asserts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { ensureUiBuilt } from '../scripts/ensure-ui-built';
import type { BenchVariantName } from '../builder-ui/src/bench/bench-graph';
import { DRAG_DELTA, measureLoad, MOVE_INTERVAL_MS, VIEWPORT, type LoadSample } from './canvas-page';
import { startStaticServer } from './static-server';
import { writeResult } from './report';
import { round, summarize } from './stats';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// The browser tests' flags (test/e2e/browser.ts), plus frame pacing: see FRAME_PACING_ARGS.
const BASE_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/**
 * `display`: frames paced by Chromium's own 60 Hz begin-frame clock, as on a 60 Hz screen.
 * `unlimited`: no vsync and no frame-rate limit, so fps measures how fast frames can be made (> 60).
 */
const FRAME_PACING_ARGS = { display: [], unlimited: ['--disable-gpu-vsync', '--disable-frame-rate-limit'] } as const;
export type FramePacing = keyof typeof FRAME_PACING_ARGS;

/** `trellis` (ours) and `peer` are required: the goals compare them. */
export type CanvasBenchOptions = { nodes: number; edges: number; rounds: number; warmupRounds: number; dragMs: number; pacing: FramePacing; variants: BenchVariantName[] };

/** builder-ui/dist (built when stale), or BENCH_UI_DIR when set (a build made elsewhere). */
async function uiDir(): Promise<string> {
  const dir = process.env.BENCH_UI_DIR ?? path.resolve(__dirname, '..', 'builder-ui', 'dist');
  if (!process.env.BENCH_UI_DIR) await ensureUiBuilt((msg) => console.log(msg));
  if (!fs.existsSync(path.join(dir, 'bench.html'))) throw new Error(`${dir}/bench.html is missing: run npm run build`);
  return dir;
}

function summarizeVariant(samples: LoadSample[]) {
  return {
    firstRenderMs: summarize(samples.map((s) => s.firstRenderMs)),
    scriptStartMs: summarize(samples.map((s) => s.scriptStartMs)),
    firstRenderMainThreadCpuMs: summarize(samples.map((s) => s.firstRenderMainThread.cpuMs)),
    fps: summarize(samples.map((s) => s.drag.fps)),
    longFrames: summarize(samples.map((s) => s.drag.longFrames)),
    p95FrameMs: summarize(samples.map((s) => s.drag.p95FrameMs)),
    nodeUpdatesPerSecond: summarize(samples.map((s) => s.drag.nodeUpdatesPerSecond)),
    cpuMsPerNodeUpdate: summarize(samples.map((s) => s.drag.cpuMsPerNodeUpdate)),
    /** CPU other processes used while this variant dragged (cores): how quiet the machine was. */
    otherProcessesCores: summarize(samples.map((s) => s.drag.otherProcessesCores ?? NaN)),
    samples,
  };
}

export async function benchBuilderCanvas(opts: CanvasBenchOptions) {
  const server = await startStaticServer(await uiDir());
  const args = [...BASE_ARGS, ...FRAME_PACING_ARGS[opts.pacing]];
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args });
  try {
    const samples: Record<BenchVariantName, LoadSample[]> = { trellis: [], peer: [], editor: [] };
    for (let r = 0; r < opts.warmupRounds + opts.rounds; r++) {
      // Interleaved, and the first mover rotates, so drift on a shared machine hits every variant alike.
      const order = opts.variants.map((_, i) => opts.variants[(i + r) % opts.variants.length]!);
      for (const variant of order) {
        const sample = await measureLoad(browser, server.url, variant, opts, opts.dragMs);
        if (r >= opts.warmupRounds) samples[variant].push(sample);
        console.log(`  round ${r + 1}${r < opts.warmupRounds ? ' (warm-up)' : ''} ${variant}: first render ${sample.firstRenderMs} ms (main thread CPU ${sample.firstRenderMainThread.cpuMs} ms), ${sample.drag.fps} fps, ${sample.drag.longFrames} long frames, ${sample.drag.nodeUpdatesPerSecond} node updates/s at ${sample.drag.cpuMsPerNodeUpdate} ms CPU each`);
      }
    }
    const ours = summarizeVariant(samples.trellis);
    const peer = summarizeVariant(samples.peer);
    const editor = samples.editor.length ? summarizeVariant(samples.editor) : null;
    const ratio = round(ours.fps.p50 / peer.fps.p50, 3);
    const goals = { firstRenderMs: ours.firstRenderMs.p50 <= 1000, fps: ours.fps.p50 >= 50, ratio: ratio >= 0.8 };
    return {
      benchmark: 'builder-canvas',
      description: 'builder canvas, 500 nodes / 600 edges: first render and fps while dragging a node; our node cards vs React Flow default nodes',
      params: { ...opts, viewport: VIEWPORT, chromiumArgs: args, dragDeltaScreenPx: DRAG_DELTA, moveIntervalMs: MOVE_INTERVAL_MS },
      environment: await canvasMachineInfo(browser),
      ours,
      peer,
      ratio,
      /** The whole EditorCanvas component (its own ReactFlow props and state handling) on the same graph. */
      editor,
      editorRatio: editor ? round(editor.fps.p50 / peer.fps.p50, 3) : null,
      goal: 'ours first render median <= 1000 ms; ours drag fps median >= 50; ours/peer fps >= 0.8',
      goals,
      isGoalMet: goals.firstRenderMs && goals.fps && goals.ratio,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

async function canvasMachineInfo(browser: Browser) {
  const cpus = os.cpus();
  const version = (name: string) => (require(`${name}/package.json`) as { version: string }).version;
  return {
    date: new Date().toISOString(),
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    totalMemoryGb: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    chromium: browser.version(),
    playwrightCore: version('playwright-core'),
    xyflowReact: version('@xyflow/react'),
    react: version('react'),
  };
}

function envInt(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
}

/** Entry point for bench/run.ts: sizes from the environment, result to bench/results/builder-canvas.json. */
export async function runBuilderCanvasBench(): Promise<void> {
  const pacing = process.env.BENCH_CANVAS_PACING ?? 'display';
  if (!(pacing in FRAME_PACING_ARGS)) throw new Error(`BENCH_CANVAS_PACING must be one of ${Object.keys(FRAME_PACING_ARGS).join(', ')}`);
  const r = await benchBuilderCanvas({
    nodes: 500,
    edges: 600,
    rounds: envInt('BENCH_CANVAS_ROUNDS', 7),
    warmupRounds: 1,
    dragMs: envInt('BENCH_CANVAS_DRAG_MS', 2000),
    pacing: pacing as FramePacing,
    variants: process.env.BENCH_CANVAS_WITHOUT_EDITOR ? ['trellis', 'peer'] : ['trellis', 'peer', 'editor'],
  });
  const file = writeResult(r.benchmark, r);
  const line = (s: ReturnType<typeof summarizeVariant>) =>
    `first render p50 ${s.firstRenderMs.p50} ms (main thread CPU ${s.firstRenderMainThreadCpuMs.p50} ms), drag p50 ${s.fps.p50} fps (${s.longFrames.p50} long frames, ${s.nodeUpdatesPerSecond.p50} node updates/s at ${s.cpuMsPerNodeUpdate.p50} ms CPU each; other processes ${s.otherProcessesCores.p50} cores)`;
  console.log(`\nbuilder-canvas (${r.params.nodes} nodes, ${r.params.edges} edges, ${r.params.rounds} rounds, ${pacing} pacing, Chromium ${r.environment.chromium}) -> ${file}`);
  console.log(`  ours: ${line(r.ours)}`);
  console.log(`  peer: ${line(r.peer)}`);
  if (r.editor) console.log(`  editor (whole EditorCanvas): ${line(r.editor)}; ratio editor/peer fps ${r.editorRatio}`);
  console.log(`  ratio ours/peer fps: ${r.ratio}  goals: first render <= 1000 ms ${r.goals.firstRenderMs ? 'PASS' : 'MISS'}, >= 50 fps ${r.goals.fps ? 'PASS' : 'MISS'}, ratio >= 0.8 ${r.goals.ratio ? 'PASS' : 'MISS'}`);
}
