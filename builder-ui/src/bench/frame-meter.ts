// Frame pacing of the canvas benchmark page: counts requestAnimationFrame callbacks while the
// driver drags a node, and how often the dragged node's position actually changed on screen.
// A rAF callback only runs when the main thread is free to start a frame, so a canvas that
// spends 40 ms per drag update shows up as fewer frames and as long frames.

/** A frame longer than two 60 Hz frames: the user sees a stutter. */
export const LONG_FRAME_MS = 32;

export type FrameSummary = {
  /** Frame intervals measured (callbacks − 1). */
  frames: number;
  durationMs: number;
  fps: number;
  longFrames: number;
  maxFrameMs: number;
  p50FrameMs: number;
  p95FrameMs: number;
};

export type DragFrameSummary = FrameSummary & {
  /** Times the dragged node's transform changed: drag updates React Flow committed to the DOM. */
  nodeUpdates: number;
  nodeUpdatesPerSecond: number;
};

const round2 = (x: number) => Math.round(x * 100) / 100;

function nearestRank(sorted: readonly number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1]!;
}

/** fps = intervals / elapsed seconds between the first and the last rAF timestamp. */
export function summarizeFrameTimes(timestamps: readonly number[]): FrameSummary {
  const intervals = timestamps.slice(1).map((t, i) => t - timestamps[i]!);
  const durationMs = timestamps.length > 1 ? timestamps[timestamps.length - 1]! - timestamps[0]! : 0;
  const sorted = [...intervals].sort((a, b) => a - b);
  return {
    frames: intervals.length,
    durationMs: round2(durationMs),
    fps: durationMs > 0 ? round2((intervals.length * 1000) / durationMs) : 0,
    longFrames: intervals.filter((ms) => ms > LONG_FRAME_MS).length,
    maxFrameMs: round2(sorted[sorted.length - 1] ?? 0),
    p50FrameMs: round2(nearestRank(sorted, 50)),
    p95FrameMs: round2(nearestRank(sorted, 95)),
  };
}

/** Starts counting frames (and style changes of `watched`, if given); stop() returns the summary. */
export function startFrameMeter(watched: Element | null): { stop(): DragFrameSummary } {
  const timestamps: number[] = [];
  let isRunning = true;
  const tick = (t: number) => {
    if (!isRunning) return;
    timestamps.push(t);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  let nodeUpdates = 0;
  const observer = new MutationObserver((records) => (nodeUpdates += records.length));
  if (watched) observer.observe(watched, { attributes: true, attributeFilter: ['style'] });
  return {
    stop() {
      isRunning = false;
      observer.disconnect();
      const summary = summarizeFrameTimes(timestamps);
      return { ...summary, nodeUpdates, nodeUpdatesPerSecond: summary.durationMs > 0 ? round2((nodeUpdates * 1000) / summary.durationMs) : 0 };
    },
  };
}
