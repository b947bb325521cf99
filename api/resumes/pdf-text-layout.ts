// Rebuilds reading-order lines from pdf.js text items: items on one baseline
// become one line, left to right; a wide horizontal gap (a second column, or a
// right-aligned date) becomes a tab so the parser can tell the parts apart.

export interface TPdfTextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
}

const COLUMN_GAP_EMS = 2.5;
const WORD_GAP_EMS = 0.15;
const PARAGRAPH_GAP_EMS = 1.9;

export function layoutPdfPage(items: readonly TPdfTextItem[]): string {
  const usable = items.filter((i) => i.str !== '' && Number.isFinite(i.x) && Number.isFinite(i.y));
  const gutter = findGutter(usable);
  if (gutter === undefined) return layoutLines(usable);
  // Two columns (a sidebar layout): read the left one top to bottom, then the right.
  const isLeft = (i: TPdfTextItem) => i.x < gutter;
  return `${layoutLines(usable.filter(isLeft))}\n\n${layoutLines(usable.filter((i) => !isLeft(i)))}`;
}

/**
 * The x of a vertical gap that no text crosses, with real text on both sides:
 * a sidebar or two-column page. Right-aligned dates and places leave such a
 * gap too, so each side must also hold lines of prose.
 */
function findGutter(items: readonly TPdfTextItem[]): number | undefined {
  const spans = items.filter((i) => i.str.trim() !== '').map((i) => [i.x, i.x + i.width] as const).sort((a, b) => a[0] - b[0]);
  if (spans.length < 6) return undefined;
  const left = spans[0]![0];
  const right = Math.max(...spans.map((s) => s[1]));
  let reach = spans[0]![1];
  for (const [start, end] of spans) {
    const gap = start - reach;
    const middle = reach + gap / 2;
    if (gap >= 8 && middle > left + 0.15 * (right - left) && middle < left + 0.85 * (right - left)) {
      if (hasProse(items.filter((i) => i.x < middle)) && hasProse(items.filter((i) => i.x >= middle))) return middle;
    }
    reach = Math.max(reach, end);
  }
  return undefined;
}

/** Two lines of five words or more without digits: text, not a column of dates or places. */
function hasProse(side: readonly TPdfTextItem[]): boolean {
  const lines = new Map<number, string>();
  for (const item of side) {
    const y = Math.round(item.y);
    lines.set(y, `${lines.get(y) ?? ''} ${item.str}`);
  }
  return [...lines.values()].filter((line) => !/\d/.test(line) && line.trim().split(/\s+/).length >= 5).length >= 2;
}

function layoutLines(items: readonly TPdfTextItem[]): string {
  const sorted = items.slice().sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: TPdfTextItem[][] = [];
  for (const item of sorted) {
    const line = lines[lines.length - 1];
    const anchor = line?.[0];
    // Same baseline within half a glyph height: superscripts and mixed sizes stay on the line.
    if (line && anchor && Math.abs(anchor.y - item.y) <= Math.max(1, 0.5 * Math.min(anchor.fontSize, item.fontSize))) line.push(item);
    else lines.push([item]);
  }
  const out: string[] = [];
  let previousY: number | undefined;
  let previousSize = 0;
  for (const line of lines) {
    line.sort((a, b) => a.x - b.x);
    const first = line[0]!;
    if (previousY !== undefined && previousY - first.y > PARAGRAPH_GAP_EMS * Math.max(previousSize, first.fontSize)) out.push('');
    out.push(joinLine(line));
    previousY = first.y;
    previousSize = first.fontSize;
  }
  return out.join('\n');
}

function joinLine(line: readonly TPdfTextItem[]): string {
  let text = '';
  let end = -Infinity;
  for (const item of line) {
    const gap = item.x - end;
    const em = item.fontSize || 1;
    // pdf.js fills wide gaps with one synthetic space item as wide as the gap.
    if (item.str.trim() === '') {
      if (text !== '') text = item.width > COLUMN_GAP_EMS * em ? text.trimEnd() + '\t' : /\s$/.test(text) ? text : text + ' ';
      end = Math.max(end, item.x + item.width);
      continue;
    }
    if (text !== '') {
      if (gap > COLUMN_GAP_EMS * em) text = text.trimEnd() + '\t';
      else if (gap > WORD_GAP_EMS * em && !/\s$/.test(text) && !/^\s/.test(item.str)) text += ' ';
    }
    text += item.str;
    end = Math.max(end, item.x + item.width);
  }
  return text.replace(/[ \u00a0]+/g, ' ').replace(/ ?\t ?/g, '\t').trimEnd();
}
