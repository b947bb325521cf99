// Date ranges as resumes write them ("Jan 2018 – Present", "2015-2019",
// "03/2017 to 05/2019", "Since 2020") and total experience from them, with
// overlapping jobs counted once. Months are integers: year * 12 + (month - 1).
//
// Conventions (LinkedIn's, where it has one): both ends are inclusive, so
// "Jan 2018 – Dec 2018" is 12 months and "Present" includes the current month.
// A bare year means mid-year: "2015 – 2019" is 48 months, not 60.

export interface TDateRange {
  /** First month worked. */
  start: number;
  /** Month after the last month worked. */
  end: number;
  isCurrent: boolean;
  /** Offsets of the matched text in the line or text it came from. */
  index: number;
  length: number;
  /** As written, normalized: "2018-01" or "2018"; end null when current. */
  startText: string;
  endText: string | null;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  spring: 4, summer: 7, fall: 10, autumn: 10, winter: 1,
};
const MONTH_NAME = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|spring|summer|fall|autumn|winter)\\.?';
const YEAR = '(?:19[5-9]\\d|20\\d\\d)';
const DATE = `(?:${MONTH_NAME},?\\s*'?${YEAR}|(?:0?[1-9]|1[0-2])\\s*[/.\\-]\\s*${YEAR}|${YEAR}\\s*[/.\\-]\\s*(?:0[1-9]|1[0-2])(?!\\d)|${YEAR})`;
const PRESENT = '(?:present|current(?:ly)?|now|today|to\\s+date|till\\s+date|ongoing)';
const SEPARATOR = '\\s*(?:-|–|—|‒|―|~|→|to|until|till|through|thru)\\s*';
// "Since 2019" counts only where a date would stand (end of line or before ")"),
// not in prose like "worked with Python since 2010 and ...".
const RANGE = new RegExp(`(?<![\\p{L}\\p{N}])(?:(?:since|from)\\s+(${DATE})(?=\\s*(?:\\)|$))|(${DATE})${SEPARATOR}(${DATE}|${PRESENT}))(?![\\p{L}\\p{N}])`, 'gimu');

interface TDatePoint {
  month: number;
  isYearOnly: boolean;
  text: string;
}

export function parseDatePoint(raw: string): TDatePoint | undefined {
  const text = raw.trim().toLowerCase().replace(/[.,']/g, (c) => (c === '.' ? '.' : ' '));
  let m = /^([a-z]+)\.?\s*(\d{4})$/.exec(text);
  if (m && MONTHS[m[1]!]) return point(Number(m[2]), MONTHS[m[1]!]!);
  m = /^(\d{1,2})\s*[/.\-]\s*(\d{4})$/.exec(text);
  if (m) return point(Number(m[2]), Number(m[1]));
  m = /^(\d{4})\s*[/.\-]\s*(\d{1,2})$/.exec(text);
  if (m) return point(Number(m[1]), Number(m[2]));
  m = /^(\d{4})$/.exec(text);
  if (m) return { month: Number(m[1]) * 12 + 6, isYearOnly: true, text: m[1]! };
  return undefined;
}

function point(year: number, month: number): TDatePoint | undefined {
  if (month < 1 || month > 12) return undefined;
  return { month: year * 12 + month - 1, isYearOnly: false, text: `${year}-${String(month).padStart(2, '0')}` };
}

/** All date ranges in `text`, left to right; `now` supplies "Present". */
export function findDateRanges(text: string, now: Date): TDateRange[] {
  const nowMonth = now.getUTCFullYear() * 12 + now.getUTCMonth();
  const ranges: TDateRange[] = [];
  for (const m of text.matchAll(RANGE)) {
    const sinceText = m[1];
    const startPoint = parseDatePoint(sinceText ?? m[2] ?? '');
    const endRaw = sinceText ? 'present' : m[3] ?? '';
    const isCurrent = new RegExp(`^${PRESENT}$`, 'i').test(endRaw.trim());
    const endPoint = isCurrent ? undefined : parseDatePoint(endRaw);
    if (!startPoint || (!isCurrent && !endPoint)) continue;
    const start = startPoint.month;
    // Inclusive end: the month after the last one worked. A bare end year means mid-year.
    let end = isCurrent ? nowMonth + 1 : endPoint!.isYearOnly ? endPoint!.month : endPoint!.month + 1;
    if (end <= start) end = startPoint.isYearOnly || endPoint?.isYearOnly ? start + 6 : start + 1;
    if (start > nowMonth + 1 || end > nowMonth + 13 || end - start > 60 * 12) continue;
    ranges.push({
      start, end, isCurrent, index: m.index, length: m[0].length,
      startText: startPoint.text, endText: isCurrent ? null : endPoint!.text,
    });
  }
  return ranges;
}

/** Months covered by at least one range: overlapping and back-to-back jobs count once. */
export function mergedMonths(ranges: readonly Pick<TDateRange, 'start' | 'end'>[]): number {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  let total = 0;
  let openStart = -Infinity;
  let openEnd = -Infinity;
  for (const r of sorted) {
    if (r.start > openEnd) {
      if (openEnd > openStart) total += openEnd - openStart;
      openStart = r.start;
      openEnd = r.end;
    } else {
      openEnd = Math.max(openEnd, r.end);
    }
  }
  if (openEnd > openStart) total += openEnd - openStart;
  return total;
}

// Starts at the number, with bounded gaps: a leading optional "over" or an
// unbounded \s* would rescan long whitespace runs at every position.
const STATED = /(?<!\d)(\d{1,2}) {0,2}(\+|plus)? {0,2}(?:years?|yrs?\.?)(?: of)?(?: [\p{L}-]{1,30}){0,4}? (?:experience|expertise)/giu;

/** "8+ years of experience", "over 10 years of professional experience": the largest stated. */
export function findStatedYears(text: string): number | undefined {
  let best: number | undefined;
  for (const m of text.matchAll(STATED)) {
    const years = Number(m[1]);
    if (years > 0 && years <= 60 && (best === undefined || years > best)) best = years;
  }
  return best;
}
