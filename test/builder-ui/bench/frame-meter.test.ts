// Frame statistics of the canvas benchmark: fps over the measured span, long frames, percentiles.
import { summarizeFrameTimes } from '../../../builder-ui/src/bench/frame-meter';

const paced = (count: number, intervalMs: number, start = 1000) => Array.from({ length: count }, (_, i) => start + i * intervalMs);

describe('summarizeFrameTimes', () => {
  it('gives 60 fps for frames every 16.67 ms and none long', () => {
    const summary = summarizeFrameTimes(paced(121, 1000 / 60));
    expect(summary).toMatchObject({ frames: 120, durationMs: 2000, fps: 60, longFrames: 0, p50FrameMs: 16.67 });
  });

  it('counts the stalls of a drag that blocks the main thread', () => {
    // 60 smooth frames, then four 100 ms stalls: 64 intervals over 1400 ms.
    const smooth = paced(61, 1000 / 60);
    const stalls = [1, 2, 3, 4].map((k) => smooth[smooth.length - 1]! + k * 100);
    const summary = summarizeFrameTimes([...smooth, ...stalls]);
    expect(summary.frames).toBe(64);
    expect(summary.fps).toBeCloseTo(64 / 1.4, 1);
    expect(summary.longFrames).toBe(4);
    expect(summary.maxFrameMs).toBe(100);
    expect(summary.p95FrameMs).toBe(100);
  });

  it('reports zero frames rather than dividing by zero when nothing was measured', () => {
    expect(summarizeFrameTimes([])).toMatchObject({ frames: 0, fps: 0, durationMs: 0 });
    expect(summarizeFrameTimes([5])).toMatchObject({ frames: 0, fps: 0 });
  });
});
