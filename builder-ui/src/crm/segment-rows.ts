// The segment editor's rows and the segment query language, both ways: a query from the server becomes one
// editable row per condition (a condition the editor has no row for, such as an any_of group, is kept
// verbatim as a read-only row, so saving never drops it), and the rows become a query. A row still being
// filled in is left out of the query and says what it misses; every condition is checked with the server's
// own schema (ZSegmentCondition), so what the count is asked for is what a save would accept.
import { INTEREST_LEVELS } from '../../../api/services/crm/interest-level';
import { APPLICATION_STATUSES, SEGMENT_ENGAGEMENT_KINDS, STAGE_KINDS, ZSegmentCondition } from '../../../api/services/segments/segment-query';
import type { SegmentCondition, SegmentQuery } from './crm-types';

export const SEGMENT_FIELDS = [
  { field: 'skills', label: 'Skills' },
  { field: 'location', label: 'Location' },
  { field: 'interest_level', label: 'Interest level' },
  { field: 'tags', label: 'Tags' },
  { field: 'engagement_score', label: 'Engagement score' },
  { field: 'engagement', label: 'Engagement' },
  { field: 'last_contacted', label: 'Last contacted' },
  { field: 'last_engaged', label: 'Last engaged' },
  { field: 'last_replied', label: 'Last replied' },
  { field: 'stage_reached', label: 'Stages reached' },
  { field: 'applications', label: 'Applications' },
  { field: 'pools', label: 'Talent pools' },
  { field: 'source', label: 'Source' },
  { field: 'kind', label: 'Prospect or applicant' },
  { field: 'contactable', label: 'Contactable' },
  { field: 'keywords', label: 'Keywords' },
  { field: 'years_experience', label: 'Years of experience' },
] as const;
export type SegmentField = (typeof SEGMENT_FIELDS)[number]['field'];
type DateField = 'last_contacted' | 'last_engaged' | 'last_replied';
type RangeField = 'engagement_score' | 'years_experience';

/** The choices of the fields picked from a fixed list (pools come from the organization). */
export const FIELD_CHOICES = {
  interest_level: [...INTEREST_LEVELS, 'UNSET'],
  stage_reached: STAGE_KINDS,
  applications: APPLICATION_STATUSES,
  engagement: SEGMENT_ENGAGEMENT_KINDS,
} as const satisfies Partial<Record<SegmentField, readonly string[]>>;

/** How a row's values combine, per field; the first is the default. */
export const MATCH_OPTIONS: Partial<Record<SegmentField, readonly string[]>> = {
  skills: ['all', 'any'], tags: ['all', 'any', 'none'], stage_reached: ['some', 'none'], applications: ['some', 'none'], engagement: ['some', 'none'], pools: ['any', 'none'],
};

export type DateWindow = 'withinDays' | 'notWithinDays' | 'isNever';

/**
 * One row as typed: every field's inputs live side by side, so switching a row's field keeps what fits.
 * `list` is comma-separated text (skills, tags, sources, country codes); `choices` the picked values of a
 * fixed list or the pools; `text` a city, keywords or a stage name; `flag` a yes/no or prospect/applicant.
 */
export type SegmentRow = {
  id: string;
  field: SegmentField | 'unsupported';
  match: string;
  list: string;
  choices: string[];
  text: string;
  min: string;
  max: string;
  window: DateWindow;
  days: string;
  flag: string;
  jobId: string;
  /** An unsupported condition, kept as the server gave it. */
  raw?: unknown;
};

let rowNumber = 0;
const nextRowId = () => `row-${++rowNumber}`;

const FLAG_DEFAULTS: Partial<Record<SegmentField, string>> = { kind: 'PROSPECT', contactable: 'true' };

export function newSegmentRow(field: SegmentField): SegmentRow {
  return {
    id: nextRowId(), field, match: MATCH_OPTIONS[field]?.[0] ?? '', list: '', choices: [], text: '', min: '', max: '',
    window: field === 'last_contacted' ? 'notWithinDays' : 'withinDays', days: '', flag: FLAG_DEFAULTS[field] ?? '', jobId: '',
  };
}

/** The same row with another field: the match resets to that field's default, the typed values stay. */
export function changeRowField(row: SegmentRow, field: SegmentField): SegmentRow {
  const fresh = newSegmentRow(field);
  return { ...row, field, match: fresh.match, flag: fresh.flag, window: row.window, choices: [] };
}

export const splitList = (text: string) => [...new Set(text.split(',').map((s) => s.trim()).filter(Boolean))];
const numberOrUndefined = (text: string) => (text.trim() === '' ? undefined : Number(text));
const optional = <K extends string, V>(key: K, value: V | undefined | '') => (value === undefined || value === '' ? {} : ({ [key]: value } as Record<K, V>));

const isDateField = (f: string): f is DateField => f === 'last_contacted' || f === 'last_engaged' || f === 'last_replied';
const isRangeField = (f: string): f is RangeField => f === 'engagement_score' || f === 'years_experience';

/** What the row asks for, before the schema's check; null when a required part is still empty. */
function draftCondition(row: SegmentRow): Record<string, unknown> | { missing: string } {
  const f = row.field;
  if (f === 'unsupported') return row.raw as Record<string, unknown>;
  if (isRangeField(f)) {
    const range = { ...optional('min', numberOrUndefined(row.min)), ...optional('max', numberOrUndefined(row.max)) };
    return Object.keys(range).length ? { field: f, ...range } : { missing: 'give a minimum, a maximum or both' };
  }
  if (isDateField(f)) {
    if (row.window === 'isNever') return { field: f, isNever: true };
    return row.days.trim() ? { field: f, [row.window]: Number(row.days) } : { missing: 'give a number of days' };
  }
  const values = splitList(row.list);
  switch (f) {
    case 'skills':
    case 'tags':
      return values.length ? { field: f, match: row.match, values } : { missing: `name at least one ${f === 'skills' ? 'skill' : 'tag'}` };
    case 'source':
      return values.length ? { field: f, values } : { missing: 'name at least one source' };
    case 'location':
      return values.length ? { field: f, countryCodes: values.map((c) => c.toUpperCase()), ...optional('city', row.text.trim()) } : { missing: 'give country codes such as DE, FR' };
    case 'interest_level':
      return row.choices.length ? { field: f, values: row.choices } : { missing: 'pick at least one level' };
    case 'engagement':
      return row.choices.length ? { field: f, match: row.match, kinds: row.choices, ...optional('withinDays', numberOrUndefined(row.days)) } : { missing: 'pick at least one kind of engagement' };
    case 'stage_reached':
      return row.choices.length || row.text.trim()
        ? { field: f, match: row.match, ...optional('stageKinds', row.choices.length ? row.choices : undefined), ...optional('stageName', row.text.trim()), ...optional('jobId', row.jobId) }
        : { missing: 'pick stage kinds or name a stage' };
    case 'applications':
      return { field: f, match: row.match, ...optional('statuses', row.choices.length ? row.choices : undefined), ...optional('jobId', row.jobId), ...optional('appliedWithinDays', numberOrUndefined(row.days)) };
    case 'pools':
      return row.choices.length ? { field: f, match: row.match, poolIds: row.choices } : { missing: 'pick at least one pool' };
    case 'kind':
      return { field: f, value: row.flag };
    case 'contactable':
      return { field: f, value: row.flag === 'true' };
    case 'keywords':
      return row.text.trim() ? { field: f, q: row.text.trim() } : { missing: 'type some words' };
  }
}

/** The row's condition, or why it is not one yet (incomplete, or refused by the schema with the reason). */
export function conditionOfRow(row: SegmentRow): { condition: SegmentCondition | Record<string, unknown> } | { problem: string } {
  const draft = draftCondition(row);
  if ('missing' in draft) return { problem: draft.missing as string };
  if (row.field === 'unsupported') return { condition: draft };
  const parsed = ZSegmentCondition.safeParse(draft);
  if (parsed.success) return { condition: parsed.data };
  const issue = parsed.error.issues[0]!;
  const where = issue.path.filter((p) => typeof p === 'string' && p !== 'field').join('.');
  return { problem: where ? `${where}: ${issue.message}` : issue.message };
}

export type RowsAsQuery = {
  query: SegmentQuery;
  /** The row of each condition of the query, in order (server error paths name conditions by index). */
  rowIds: string[];
  /** Rows left out, with what they miss. */
  problems: Record<string, string>;
};

export function queryOfRows(rows: readonly SegmentRow[]): RowsAsQuery {
  const conditions: unknown[] = [];
  const rowIds: string[] = [];
  const problems: Record<string, string> = {};
  for (const row of rows) {
    const outcome = conditionOfRow(row);
    if ('problem' in outcome) problems[row.id] = outcome.problem;
    else {
      conditions.push(outcome.condition);
      rowIds.push(row.id);
    }
  }
  return { query: { conditions } as SegmentQuery, rowIds, problems };
}

/** The row a server error path (`body.query.conditions.2.values`) points at, if any. */
export function rowOfErrorPath(path: string, rowIds: readonly string[]): string | null {
  const match = /(?:^|\.)conditions\.(\d+)(?:\.|$)/.exec(path);
  return match ? rowIds[Number(match[1])] ?? null : null;
}

const EDITABLE = new Set<string>(SEGMENT_FIELDS.map((f) => f.field));

export function rowOfCondition(condition: SegmentCondition | { field: string }): SegmentRow {
  const c = condition as Record<string, unknown> & { field: string };
  if (!EDITABLE.has(c.field)) return { ...newSegmentRow('keywords'), field: 'unsupported', raw: condition };
  const field = c.field as SegmentField;
  const row = newSegmentRow(field);
  const strings = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
  const numberText = (v: unknown) => (typeof v === 'number' ? String(v) : '');
  if (typeof c.match === 'string') row.match = c.match;
  if (isRangeField(field)) return { ...row, min: numberText(c.min), max: numberText(c.max) };
  if (isDateField(field)) {
    // Absolute windows (after / before) have no row yet: keep them verbatim.
    if (c.after !== undefined || c.before !== undefined) return { ...row, field: 'unsupported', raw: condition };
    if (c.isNever) return { ...row, window: 'isNever' };
    return c.withinDays !== undefined ? { ...row, window: 'withinDays', days: numberText(c.withinDays) } : { ...row, window: 'notWithinDays', days: numberText(c.notWithinDays) };
  }
  switch (field) {
    case 'skills':
    case 'tags':
    case 'source':
      return { ...row, list: strings(c.values).join(', ') };
    case 'location':
      return { ...row, list: strings(c.countryCodes).join(', '), text: typeof c.city === 'string' ? c.city : '' };
    case 'interest_level':
      return { ...row, choices: strings(c.values) };
    case 'engagement':
      if (c.campaignId !== undefined || c.eventId !== undefined) return { ...row, field: 'unsupported', raw: condition };
      return { ...row, choices: strings(c.kinds), days: numberText(c.withinDays) };
    case 'stage_reached':
      return { ...row, choices: strings(c.stageKinds), text: typeof c.stageName === 'string' ? c.stageName : '', jobId: typeof c.jobId === 'string' ? c.jobId : '' };
    case 'applications':
      if (c.stageId !== undefined || c.source !== undefined) return { ...row, field: 'unsupported', raw: condition };
      return { ...row, choices: strings(c.statuses), jobId: typeof c.jobId === 'string' ? c.jobId : '', days: numberText(c.appliedWithinDays) };
    case 'pools':
      return { ...row, choices: strings(c.poolIds) };
    case 'kind':
      return { ...row, flag: String(c.value) };
    case 'contactable':
      return { ...row, flag: c.value ? 'true' : 'false' };
    case 'keywords':
      return { ...row, text: typeof c.q === 'string' ? c.q : '' };
  }
}

export const rowsOfQuery = (query: SegmentQuery | undefined): SegmentRow[] => (query?.conditions ?? []).map((c) => rowOfCondition(c));
