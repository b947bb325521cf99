// A segment query in one line of words for lists and pickers: "Skills: all of go, sql · Interest: Hot or Warm
// · Last contacted: not in 90 days". Pool and job ids stay ids (the list has no names for them).
import { INTEREST_LEVEL_LABELS, type SegmentQuery } from './crm-types';
import { SEGMENT_FIELDS } from './segment-rows';

const LABELS: Record<string, string> = Object.fromEntries(SEGMENT_FIELDS.map((f) => [f.field, f.label]));
const words = (values: unknown, joiner = ', ') => (Array.isArray(values) ? values.map((v) => INTEREST_LEVEL_LABELS[String(v)] ?? String(v).toLowerCase().replace(/_/g, ' ')).join(joiner) : '');

function describeCondition(c: Record<string, unknown> & { field: string }): string {
  const label = LABELS[c.field] ?? c.field.replace(/_/g, ' ');
  const negated = c.match === 'none' ? 'none of ' : c.match === 'any' ? 'any of ' : c.match === 'all' ? 'all of ' : '';
  switch (c.field) {
    case 'any_of':
      return `any of (${(c.conditions as (Record<string, unknown> & { field: string })[]).map(describeCondition).join(' | ')})`;
    case 'skills':
    case 'tags':
      return `${label}: ${negated}${words(c.values)}`;
    case 'source':
    case 'interest_level':
      return `${label}: ${words(c.values, ' or ')}`;
    case 'location':
      return `${label}: ${[c.city, words(c.countryCodes, ' or ').toUpperCase()].filter(Boolean).join(', ')}`;
    case 'engagement_score':
    case 'years_experience':
    case 'created':
      return `${label}: ${[c.min !== undefined ? `at least ${c.min}` : '', c.max !== undefined ? `at most ${c.max}` : ''].filter(Boolean).join(' and ')}`;
    case 'last_contacted':
    case 'last_engaged':
    case 'last_replied':
      if (c.isNever) return `${label}: never`;
      if (c.withinDays !== undefined) return `${label}: within ${c.withinDays} days`;
      if (c.notWithinDays !== undefined) return `${label}: not in ${c.notWithinDays} days`;
      return `${label}: ${[c.after ? `after ${String(c.after).slice(0, 10)}` : '', c.before ? `before ${String(c.before).slice(0, 10)}` : ''].filter(Boolean).join(' and ')}`;
    case 'engagement':
      return `${c.match === 'none' ? 'Did not' : 'Did'}: ${words(c.kinds, ' or ')}${c.withinDays ? ` in ${c.withinDays} days` : ''}`;
    case 'stage_reached':
      return `${c.match === 'none' ? 'Never reached' : 'Reached'}: ${[words(c.stageKinds, ' or '), c.stageName].filter(Boolean).join(', ')}`;
    case 'applications':
      return `${c.match === 'none' ? 'No application' : 'Has an application'}${c.statuses ? ` (${words(c.statuses, ' or ')})` : ''}`;
    case 'pools':
      return `${c.match === 'none' ? 'In no pool of' : 'In a pool of'} ${(c.poolIds as unknown[]).length} picked`;
    case 'kind':
      return String(c.value) === 'PROSPECT' ? 'Prospects' : 'Applicants';
    case 'contactable':
    case 'has_email':
      return `${label}: ${c.value ? 'yes' : 'no'}`;
    case 'keywords':
      return `Words: ${String(c.q)}`;
    default:
      return label;
  }
}

export function describeSegmentQuery(query: SegmentQuery | undefined): string {
  const conditions = (query?.conditions ?? []) as unknown as (Record<string, unknown> & { field: string })[];
  return conditions.length ? conditions.map(describeCondition).join(' · ') : 'Everyone';
}
