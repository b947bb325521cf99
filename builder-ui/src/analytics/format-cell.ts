// How a report's cell reads by its column kind: counts with thousands separators, percents from 0..1 ratios,
// durations in days or hours with one decimal, and an empty rate or median (null) as a dash, never NaN.
import type { CellValue, ColumnKind } from './analytics-types';

const UNIT: Partial<Record<ColumnKind, string>> = { percent: '%', days: 'days', hours: 'hours' };

export const unitOf = (kind: ColumnKind) => UNIT[kind] ?? null;

export function formatCell(kind: ColumnKind, value: CellValue | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value !== 'number') return String(value);
  if (!Number.isFinite(value)) return '—';
  switch (kind) {
    case 'percent': return `${(Math.round(value * 1000) / 10).toLocaleString('en')} %`;
    case 'days': return `${(Math.round(value * 10) / 10).toLocaleString('en')} d`;
    case 'hours': return `${(Math.round(value * 10) / 10).toLocaleString('en')} h`;
    case 'count': return Math.round(value).toLocaleString('en');
    default: return value.toLocaleString('en', { maximumFractionDigits: 2 });
  }
}

/** A number usable in a chart, or null (missing, text, NaN). */
export function chartValue(value: CellValue | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
