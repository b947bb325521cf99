// One measured load of the canvas benchmark page (builder-ui/bench.html) in a fresh browser
// context: time to first render, then a mouse drag of the node nearest the viewport's centre with
// the page counting frames. Beside wall times it reads the renderer's own counters
// (CDP Performance.getMetrics): main-thread CPU time and busy time, so a number taken on a shared
// machine shows how much CPU the page actually got.
import type { Browser, CDPSession, Page } from 'playwright-core';
import type { BenchReady, BenchWindow } from '../builder-ui/src/bench/canvas-bench';
import type { BenchVariantName } from '../builder-ui/src/bench/bench-graph';
import type { DragFrameSummary } from '../builder-ui/src/bench/frame-meter';
import { startOtherLoadMeter } from './other-load';
import { now, round, sleep } from './stats';

export const VIEWPORT = { width: 1440, height: 900 };
export const MOVE_INTERVAL_MS = 16;
/** Screen pixels the dragged node travels: right and down, so the end position proves the drag happened. */
export const DRAG_DELTA = { x: 360, y: 180 };

/** Renderer main thread: CPU time it ran, time it was busy with tasks (wall), and the script share of that. */
type MainThread = { cpuMs: number; busyMs: number; scriptMs: number; layoutMs: number; styleMs: number };

export type LoadSample = {
  firstRenderMs: number;
  /** When the bundle had been fetched, parsed and run (the rest of firstRenderMs is rendering). */
  scriptStartMs: number;
  firstRenderMainThread: MainThread;
  zoom: number;
  drag: DragFrameSummary & {
    mouseMoves: number;
    nodeMovedPx: { x: number; y: number };
    mainThread: MainThread;
    /** Main-thread CPU per drag update the page committed: the cost of one step of a drag. */
    cpuMsPerNodeUpdate: number;
    otherProcessesCores: number | null;
  };
};

async function mainThreadCounters(cdp: CDPSession): Promise<MainThread> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  return { cpuMs: value('ThreadTime'), busyMs: value('TaskDuration'), scriptMs: value('ScriptDuration'), layoutMs: value('LayoutDuration'), styleMs: value('RecalcStyleDuration') };
}

function counterDelta(before: MainThread, after: MainThread): MainThread {
  const d = (key: keyof MainThread) => round(after[key] - before[key]);
  return { cpuMs: d('cpuMs'), busyMs: d('busyMs'), scriptMs: d('scriptMs'), layoutMs: d('layoutMs'), styleMs: d('styleMs') };
}

function nodeTranslate(page: Page, nodeId: string) {
  return page.evaluate((id) => {
    const transform = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${id}"]`)?.style.transform ?? '';
    const [, x, y] = /translate\((-?[\d.]+)px,\s*(-?[\d.]+)px\)/.exec(transform) ?? [];
    return { x: Number(x), y: Number(y) };
  }, nodeId);
}

/** The node drawn closest to the viewport's centre: dragging it stays clear of the edges, where React Flow auto-pans. */
function nodeNearestCentre(page: Page): Promise<string> {
  return page.evaluate(() => {
    const centre = { x: window.innerWidth / 2, y: window.innerHeight / 2 };
    let best = { id: '', distance: Infinity };
    for (const node of Array.from(document.querySelectorAll<HTMLElement>('.react-flow__node'))) {
      const rect = node.getBoundingClientRect();
      const distance = Math.hypot(rect.x + rect.width / 2 - centre.x, rect.y + rect.height / 2 - centre.y);
      if (distance < best.distance) best = { id: node.dataset.id ?? '', distance };
    }
    return best.id;
  });
}

/**
 * Drags the node along a straight line for dragMs with a mouse move every MOVE_INTERVAL_MS, sent the
 * way a real mouse sends them: without waiting for the page to handle the previous one (CDP
 * Input.dispatchMouseEvent, not awaited). Playwright's page.mouse.move waits for each event's ack,
 * which leaves the page idle between moves and lets rAF count frames in which nothing moved.
 * Chromium coalesces the queued moves, so a slow canvas gets fewer, larger steps, as a user's would.
 */
async function dragNode(page: Page, cdp: CDPSession, nodeId: string, dragMs: number): Promise<LoadSample['drag']> {
  const box = await page.locator(`.react-flow__node[data-id="${nodeId}"]`).boundingBox();
  if (!box) throw new Error(`node ${nodeId} is not on the page`);
  const start = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const end = { x: start.x + DRAG_DELTA.x, y: start.y + DRAG_DELTA.y };
  const before = await nodeTranslate(page, nodeId);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  const otherLoad = startOtherLoadMeter('\u0000no database');
  const countersBefore = await mainThreadCounters(cdp);
  await page.evaluate((id) => (window as unknown as BenchWindow).__bench!.startFrameMeter(id), nodeId);
  const sent: Promise<unknown>[] = [];
  const t0 = now();
  let mouseMoves = 0;
  for (let elapsed = 0; elapsed < dragMs; elapsed = now() - t0) {
    const f = elapsed / dragMs;
    const at = { x: Math.round(start.x + DRAG_DELTA.x * f), y: Math.round(start.y + DRAG_DELTA.y * f) };
    sent.push(cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', ...at, button: 'left', buttons: 1 }));
    mouseMoves++;
    await sleep(Math.max(0, mouseMoves * MOVE_INTERVAL_MS - (now() - t0)));
  }
  await Promise.all(sent);
  await page.mouse.move(end.x, end.y); // also tells Playwright where the button will be released
  const frames = await page.evaluate(() => (window as unknown as BenchWindow).__bench!.stopFrameMeter());
  const mainThread = counterDelta(countersBefore, await mainThreadCounters(cdp));
  const otherProcessesCores = otherLoad();
  await page.mouse.up();
  const after = await nodeTranslate(page, nodeId);
  const nodeMovedPx = { x: round(after.x - before.x), y: round(after.y - before.y) };
  const cpuMsPerNodeUpdate = frames.nodeUpdates > 0 ? round(mainThread.cpuMs / frames.nodeUpdates, 2) : NaN;
  return { ...frames, mouseMoves: mouseMoves + 1, nodeMovedPx, mainThread, cpuMsPerNodeUpdate, otherProcessesCores };
}

export async function measureLoad(browser: Browser, baseUrl: string, variant: BenchVariantName, size: { nodes: number; edges: number }, dragMs: number): Promise<LoadSample> {
  // A fresh context per load: no HTTP cache, no V8 code cache carried between rounds or variants.
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(`${baseUrl}/bench.html?variant=${variant}&nodes=${size.nodes}&edges=${size.edges}`);
    const handle = await page.waitForFunction(() => {
      const w = window as unknown as BenchWindow;
      return w.__benchReady ?? (w.__benchError ? { error: w.__benchError } : undefined);
    }, undefined, { timeout: 60_000 });
    const ready = (await handle.jsonValue()) as BenchReady | { error: string };
    if ('error' in ready) throw new Error(`bench page refused its parameters: ${ready.error}`);
    const firstRenderMainThread = counterDelta({ cpuMs: 0, busyMs: 0, scriptMs: 0, layoutMs: 0, styleMs: 0 }, await mainThreadCounters(cdp));
    if (pageErrors.length) throw new Error(`bench page threw: ${pageErrors.join('; ')}`);
    await sleep(500); // let the first render's follow-up work (minimap, resize observers) finish before dragging
    // A drag that did not move the node measured an idle page, not a drag. The zoom is read now: a
    // canvas that fits the view after its first render (the editor animates it) has changed it since.
    const zoom = await page.evaluate(() => {
      const transform = document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? '';
      return Number(/scale\(([\d.]+)\)/.exec(transform)?.[1] ?? NaN);
    });
    const drag = await dragNode(page, cdp, await nodeNearestCentre(page), dragMs);
    const expected = { x: DRAG_DELTA.x / zoom, y: DRAG_DELTA.y / zoom };
    if (Math.abs(drag.nodeMovedPx.x - expected.x) > expected.x * 0.2 || Math.abs(drag.nodeMovedPx.y - expected.y) > expected.y * 0.2) {
      throw new Error(`${variant}: the dragged node moved ${JSON.stringify(drag.nodeMovedPx)} flow px, expected about ${JSON.stringify(expected)}`);
    }
    return { firstRenderMs: ready.firstRenderMs, scriptStartMs: ready.scriptStartMs, firstRenderMainThread, zoom: round(zoom, 3), drag };
  } finally {
    await context.close();
  }
}
