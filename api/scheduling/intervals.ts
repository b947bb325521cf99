// Half-open UTC intervals [start, end) in ms since the epoch: the one currency of
// interview scheduling. Working hours, calendar busy blocks and booked interviews
// all become intervals, so slot finding is set arithmetic on sorted lists.

export interface Interval {
  start: number;
  end: number;
}

/** Sorted by start, overlapping or touching intervals joined, empty ones dropped. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Interval[] = [];
  for (const { start, end } of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else merged.push({ start, end });
  }
  return merged;
}

/** `from` minus `minus`; both must be merged (sorted, disjoint). */
export function subtractIntervals(from: readonly Interval[], minus: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let j = 0;
  for (const base of from) {
    let cursor = base.start;
    while (j < minus.length && minus[j]!.end <= cursor) j++;
    // Blocks may span several base intervals, so scan from j without consuming it.
    for (let k = j; k < minus.length && minus[k]!.start < base.end; k++) {
      const cut = minus[k]!;
      if (cut.start > cursor) out.push({ start: cursor, end: cut.start });
      cursor = Math.max(cursor, cut.end);
      if (cursor >= base.end) break;
    }
    if (cursor < base.end) out.push({ start: cursor, end: base.end });
  }
  return out;
}

/** Intervals cut to [window.start, window.end); those outside it dropped. */
export function clipIntervals(intervals: readonly Interval[], window: Interval): Interval[] {
  const out: Interval[] = [];
  for (const i of intervals) {
    const start = Math.max(i.start, window.start);
    const end = Math.min(i.end, window.end);
    if (end > start) out.push({ start, end });
  }
  return out;
}
