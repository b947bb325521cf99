// The segment editor's rows and the query language, both ways: every editable condition survives a round
// trip through a row; rows still being filled in stay out of the query and say why; the server's own schema
// refuses a bad value in the row that holds it; conditions the editor has no row for are kept verbatim.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { changeRowField, conditionOfRow, newSegmentRow, queryOfRows, rowOfCondition, rowOfErrorPath, rowsOfQuery, SEGMENT_FIELDS } from '../../../builder-ui/src/crm/segment-rows';
import { describeSegmentQuery } from '../../../builder-ui/src/crm/segment-summary';
import { SegmentConditionRow } from '../../../builder-ui/src/crm/segment-condition-row';
import { ZSegmentQuery } from '../../../api/services/segments/segment-query';

const EDITABLE_CONDITIONS = [
  { field: 'skills', match: 'any', values: ['typescript', 'go'] },
  { field: 'tags', match: 'none', values: ['do-not-contact'] },
  { field: 'location', countryCodes: ['DE', 'NL'], city: 'Berlin' },
  { field: 'interest_level', values: ['HOT', 'UNSET'] },
  { field: 'engagement_score', min: 20 },
  { field: 'years_experience', min: 3, max: 10 },
  { field: 'engagement', match: 'some', kinds: ['CLICKED', 'REPLIED'], withinDays: 30 },
  { field: 'last_contacted', notWithinDays: 90 },
  { field: 'last_engaged', withinDays: 14 },
  { field: 'last_replied', isNever: true },
  { field: 'stage_reached', match: 'some', stageKinds: ['INTERVIEW', 'OFFER'] },
  { field: 'stage_reached', match: 'none', stageName: 'Onsite', jobId: 'job-1' },
  { field: 'applications', match: 'none' },
  { field: 'applications', match: 'some', statuses: ['REJECTED'], jobId: 'job-1', appliedWithinDays: 365 },
  { field: 'pools', match: 'any', poolIds: ['pool-1', 'pool-2'] },
  { field: 'source', values: ['referral', 'event'] },
  { field: 'kind', value: 'PROSPECT' },
  { field: 'contactable', value: true },
  { field: 'keywords', q: '"machine learning" -intern' },
];

test.each(EDITABLE_CONDITIONS)('a %j condition becomes a row and comes back unchanged', (condition) => {
  const row = rowOfCondition(condition as never);
  expect(row.field).toBe(condition.field);
  expect(conditionOfRow(row)).toEqual({ condition });
});

test('every field of the editor has a row that can be made complete, and the query passes the server schema', () => {
  expect(new Set(EDITABLE_CONDITIONS.map((c) => c.field))).toEqual(new Set(SEGMENT_FIELDS.map((f) => f.field)));
  const { query, problems } = queryOfRows(EDITABLE_CONDITIONS.map((c) => rowOfCondition(c as never)));
  expect(problems).toEqual({});
  expect(ZSegmentQuery.safeParse(query).success).toBe(true);
});

test('rows still being filled in are left out of the query with what they miss; the others are counted', () => {
  const skills = newSegmentRow('skills');
  const tags = { ...newSegmentRow('tags'), list: 'backend, , backend' };
  const days = newSegmentRow('last_contacted');
  const range = newSegmentRow('engagement_score');
  const { query, rowIds, problems } = queryOfRows([skills, tags, days, range]);
  expect(query.conditions).toEqual([{ field: 'tags', match: 'all', values: ['backend'] }]);
  expect(rowIds).toEqual([tags.id]);
  expect(problems).toEqual({ [skills.id]: 'name at least one skill', [days.id]: 'give a number of days', [range.id]: 'give a minimum, a maximum or both' });
});

test('a value the server would refuse is caught in its row, with the reason', () => {
  const location = { ...newSegmentRow('location'), list: 'Germany' };
  const outcome = conditionOfRow(location);
  expect(outcome).toEqual({ problem: 'countryCodes: ISO 3166-1 alpha-2 country code' });
  const range = { ...newSegmentRow('engagement_score'), min: '50', max: '10' };
  expect(conditionOfRow(range)).toEqual({ problem: expect.stringContaining('max') });
});

test('conditions the editor has no row for are kept verbatim, so saving does not drop them', () => {
  const anyOf = { field: 'any_of', conditions: [{ field: 'tags', match: 'all', values: ['a'] }, { field: 'kind', value: 'APPLICANT' }] };
  const absolute = { field: 'last_contacted', after: '2025-01-01T00:00:00Z' };
  const perCampaign = { field: 'engagement', match: 'some', kinds: ['CLICKED'], campaignId: 'c1' };
  const rows = rowsOfQuery({ conditions: [anyOf, absolute, perCampaign, { field: 'has_email', value: true }] } as never);
  expect(rows.map((r) => r.field)).toEqual(['unsupported', 'unsupported', 'unsupported', 'unsupported']);
  expect(queryOfRows(rows).query.conditions).toEqual([anyOf, absolute, perCampaign, { field: 'has_email', value: true }]);
});

test('a server error path names the row of its condition, counting only the rows in the query', () => {
  expect(rowOfErrorPath('body.query.conditions.1.values.0', ['a', 'b'])).toBe('b');
  expect(rowOfErrorPath('body.query.conditions.2', ['a', 'b'])).toBeNull();
  expect(rowOfErrorPath('body.name', ['a'])).toBeNull();
});

test('changing a row\'s field keeps what was typed and resets how values combine', () => {
  const row = changeRowField({ ...newSegmentRow('skills'), list: 'backend', match: 'any' }, 'tags');
  expect(row).toMatchObject({ field: 'tags', list: 'backend', match: 'all' });
  expect(conditionOfRow(row)).toEqual({ condition: { field: 'tags', match: 'all', values: ['backend'] } });
});

test('each kind of row renders its inputs with labels', () => {
  for (const condition of [...EDITABLE_CONDITIONS, { field: 'any_of', conditions: [] }]) {
    const html = renderToStaticMarkup(createElement(SegmentConditionRow, {
      row: rowOfCondition(condition as never), index: 1, problem: 'x', isRefused: false, pools: [{ id: 'pool-1', name: 'Speakers', description: null, createdById: null, createdAt: '', memberCount: 1 }],
      jobs: [{ id: 'job-1', title: 'Backend' }], onChange: () => undefined, onRemove: () => undefined,
    }));
    expect(html).toContain(`data-field="${condition.field === 'any_of' ? 'unsupported' : condition.field}"`);
    expect(html).toContain('Remove condition 2');
  }
});

test('a query reads as one line of words', () => {
  expect(describeSegmentQuery({ conditions: [] })).toBe('Everyone');
  expect(describeSegmentQuery({ conditions: EDITABLE_CONDITIONS.slice(0, 4).concat([{ field: 'last_contacted', notWithinDays: 90 }]) } as never))
    .toBe('Skills: any of typescript, go · Tags: none of do-not-contact · Location: Berlin, DE OR NL · Interest level: Hot or Not assessed · Last contacted: not in 90 days');
});
