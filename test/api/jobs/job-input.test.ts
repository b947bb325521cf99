// The job request schemas refuse bad input with the field path of the problem.
import { ZCreateJob, ZSubmitJob, ZUpdateJob, locationLabels } from '../../../api/services/jobs/job-input';
import { slugify, uniqueSlug } from '../../../api/services/jobs/job-slug';

const paths = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) => (r.error?.issues ?? []).map((i) => i.path.join('.'));

test('the old three-field create still parses, needing no approval', () => {
  const job = ZCreateJob.parse({ title: 'Staff Engineer', department: 'Engineering', pipelineId: 'p1' });
  expect(job).toMatchObject({ title: 'Staff Engineer', requiredApprovals: 0, jobLocations: [], members: [], questions: [] });
  expect(job.status).toBeUndefined();
});

test.each([
  [{ title: '' }, 'title'],
  [{ title: 'x', salary: { min: 90, max: 70, currency: 'EUR', unit: 'YEAR' } }, 'salary.max'],
  [{ title: 'x', salary: { currency: 'EUR', unit: 'YEAR' } }, 'salary.min'],
  [{ title: 'x', salary: { min: 1, currency: 'euro', unit: 'YEAR' } }, 'salary.currency'],
  [{ title: 'x', jobLocations: [{ city: 'Berlin', countryCode: 'de' }] }, 'jobLocations.0.countryCode'],
  [{ title: 'x', status: 'OPEN', requiredApprovals: 2 }, 'status'],
  [{ title: 'x', status: 'CLOSED' }, 'status'],
  [{ title: 'x', stages: [{ key: 'a', name: 'A', kind: 'APPLIED' }], stageTemplateId: 't' }, 'stages'],
  [{ title: 'x', stages: [{ key: 'a', name: 'A', kind: 'APPLIED' }, { key: 'a', name: 'B', kind: 'OTHER' }] }, 'stages.1.key'],
  [{ title: 'x', remoteCountries: ['DE'] }, 'remoteCountries'],
  [{ title: 'x', openings: 0 }, 'openings'],
  [{ title: 'x', slug: 'Not A Slug' }, 'slug'],
  [{ title: 'x', validThrough: 'next week' }, 'validThrough'],
  [{ title: 'x', members: [{ userId: 'u', role: 'OWNER' }] }, 'members.0.role'],
  [{ title: 'x', questions: [{ key: 'q', label: 'Pick', type: 'CHOICE', choices: ['a'] }] }, 'questions.0.choices'],
  [{ title: 'x', questions: [{ key: 'q', label: 'Why?', type: 'TEXT', knockout: { answer: false } }] }, 'questions.0.knockout'],
  [{ title: 'x', questions: [{ key: 'q', label: 'Years', type: 'NUMBER', knockout: { min: 5, max: 2 } }] }, 'questions.0.knockout.max'],
  [{ title: 'x', questions: [{ key: 'q', label: 'Visa', type: 'CHOICE', choices: ['a', 'b'], knockout: { choices: ['c'] } }] }, 'questions.0.knockout.choices.0'],
  [{ title: 'x', questions: [{ key: 'q', label: 'A', type: 'YES_NO' }, { key: 'q', label: 'B', type: 'YES_NO' }] }, 'questions.1.key'],
  [{ title: 'x', salaryMin: 5 }, ''],
])('create refuses %j at %s', (body, path) => {
  const result = ZCreateJob.safeParse(body);
  expect(result.success).toBe(false);
  expect(paths(result)).toContain(path);
});

test('a full job with knockout questions parses', () => {
  const job = ZCreateJob.parse({
    title: 'Backend Engineer', requisitionId: 'REQ-2041', remotePolicy: 'REMOTE', remoteCountries: ['DE', 'PL'],
    salary: { min: 70000, max: 90000, currency: 'EUR', unit: 'YEAR' }, requiredApprovals: 2, validThrough: '2027-01-31T00:00:00Z',
    questions: [
      { key: 'work_permit', label: 'Can you work in the EU?', type: 'YES_NO', knockout: { answer: false } },
      { key: 'years', label: 'Years of Go', type: 'NUMBER', knockout: { min: 2 } },
      { key: 'notice', label: 'Notice', type: 'CHOICE', choices: ['none', '1 month', '3 months'], knockout: { choices: ['3 months'] }, isRequired: false },
    ],
  });
  expect(job.questions.map((q) => q.isRequired)).toEqual([true, true, false]);
});

test('update needs at least one field and refuses unknown ones', () => {
  expect(paths(ZUpdateJob.safeParse({}))).toEqual(['']);
  expect(ZUpdateJob.safeParse({ status: 'OPEN' }).success).toBe(false);
  expect(ZUpdateJob.parse({ salary: null })).toEqual({ salary: null });
});

test('submit refuses a repeated approver', () => {
  expect(paths(ZSubmitJob.safeParse({ approverIds: ['a', 'b', 'a'] }))).toEqual(['approverIds.2']);
});

test('slugs are readable and unique', () => {
  expect(slugify('Senior Backend Engineer (Berlin) — Zürich')).toBe('senior-backend-engineer-berlin-zurich');
  expect(slugify('!!!')).toBe('job');
  expect(uniqueSlug('dev', new Set(['dev', 'dev-2']))).toBe('dev-3');
  expect(locationLabels([{ city: 'Berlin', countryCode: 'DE' }], 'REMOTE')).toEqual(['Berlin, DE', 'Remote']);
});
