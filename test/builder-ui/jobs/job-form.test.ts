// The job editor's translation between its form and the jobs API: what a create and an update
// send, what the API's field paths turn into, and that the form a saved job loads into sends
// that job back unchanged.
import { ApiError } from '../../../builder-ui/src/api';
import { EMPTY_QUESTION, emptyJobForm, errorsAt, fieldErrorsOf, jobFormFrom, jobRequest } from '../../../builder-ui/src/jobs/job-form';
import type { JobDetail } from '../../../builder-ui/src/jobs/job-types';
import { ZCreateJob, ZUpdateJob } from '../../../api/services/jobs/job-input';

const STAGES = [{ key: 'applied', name: 'Applied', kind: 'APPLIED' as const }, { key: 'rejected', name: 'Rejected', kind: 'REJECTED' as const }];

const savedJob: JobDetail = {
  id: 'j1', title: 'Data Engineer', department: 'Data', requisitionId: 'REQ-1', jobLocations: [{ city: 'Berlin', countryCode: 'DE' }],
  remotePolicy: 'HYBRID', remoteCountries: ['DE', 'AT'], employmentType: 'FULL_TIME', salary: { min: 70000, max: 90000, currency: 'EUR', unit: 'YEAR' },
  description: '# Hi', openings: 2, slug: 'data-engineer', pipelineId: 'p1', members: [{ userId: 'u1', role: 'HIRING_MANAGER', name: 'M', email: 'm@x' }],
  questions: [{ key: 'visa', label: 'Need a visa?', helpText: null, type: 'YES_NO', choices: [], isRequired: true, knockout: { answer: true } }],
  requiredApprovals: 1, validThrough: '2026-12-31T23:59:59.000Z', status: 'DRAFT', stages: STAGES.map((s, position) => ({ ...s, id: s.key, position })), approvals: [],
};

test('a new job is created as a draft from its template while the stages are untouched, and the request parses', () => {
  const form = { ...emptyJobForm(STAGES, 'tpl1'), title: 'Designer', salaryMin: '50000' };
  const body = jobRequest(form, true);
  expect(body).toMatchObject({ title: 'Designer', status: 'DRAFT', stageTemplateId: 'tpl1', salary: { min: 50000, currency: 'EUR', unit: 'YEAR' }, jobLocations: [], department: null });
  expect(body).not.toHaveProperty('stages');
  expect(ZCreateJob.safeParse(body).success).toBe(true);
  expect(jobRequest({ ...form, stageTemplateId: null }, true)).toMatchObject({ stages: STAGES });
});

test('a saved job loads into the form and goes back as the same fields; locations only once edited', () => {
  const form = jobFormFrom(savedJob);
  const body = jobRequest(form, false);
  expect(ZUpdateJob.safeParse(body).success).toBe(true);
  expect(body).toMatchObject({
    title: 'Data Engineer', department: 'Data', requisitionId: 'REQ-1', remoteCountries: ['DE', 'AT'], salary: { min: 70000, max: 90000, currency: 'EUR', unit: 'YEAR' },
    openings: 2, pipelineId: 'p1', members: [{ userId: 'u1', role: 'HIRING_MANAGER' }], requiredApprovals: 1, validThrough: '2026-12-31T23:59:59Z',
    questions: [{ key: 'visa', label: 'Need a visa?', type: 'YES_NO', choices: [], isRequired: true, knockout: { answer: true } }],
    stages: STAGES,
  });
  // Display labels set through the API survive an edit that does not touch the locations.
  expect(body).not.toHaveProperty('jobLocations');
  expect(body).not.toHaveProperty('remotePolicy');
  const edited = jobRequest({ ...form, isLocationEdited: true, locations: [{ city: ' Paris ', region: '', countryCode: 'fr' }] }, false);
  expect(edited).toMatchObject({ jobLocations: [{ city: 'Paris', countryCode: 'FR' }], remotePolicy: 'HYBRID' });
});

test('knockouts follow the question type; an emptied salary is null; a mistyped number reaches the server to be refused there', () => {
  const form = emptyJobForm(STAGES, null);
  const questions = [
    { ...EMPTY_QUESTION, key: 'years', label: 'Years?', type: 'NUMBER' as const, knockoutMin: '3' },
    { ...EMPTY_QUESTION, key: 'level', label: 'Level?', type: 'CHOICE' as const, choices: 'Junior\nSenior\n', knockoutChoices: ['Junior'] },
    { ...EMPTY_QUESTION, key: 'why', label: 'Why us?', type: 'TEXT' as const, knockoutAnswer: 'yes' as const },
  ];
  const body = jobRequest({ ...form, title: 'x', questions, openings: 'two' }, true);
  expect(body.questions).toEqual([
    { key: 'years', label: 'Years?', type: 'NUMBER', choices: [], isRequired: true, knockout: { min: 3, max: undefined } },
    { key: 'level', label: 'Level?', type: 'CHOICE', choices: ['Junior', 'Senior'], isRequired: true, knockout: { choices: ['Junior'] } },
    { key: 'why', label: 'Why us?', type: 'TEXT', choices: [], isRequired: true },
  ]);
  expect(body.salary).toBeNull();
  const parsed = ZCreateJob.safeParse(JSON.parse(JSON.stringify(body)));
  expect(parsed.success).toBe(false);
  expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['openings']);
});

test('the API error details land on their fields, and a section shows the errors below it', () => {
  const error = new ApiError(400, 'VALIDATION_FAILED', 'invalid body', [
    { path: 'body.salary.max', message: 'max must be at least min' },
    { path: 'body.questions.0.knockout', message: 'TEXT questions cannot knock out' },
    { path: 'body.questions.0.knockout', message: 'second' },
  ]);
  const errors = fieldErrorsOf(error);
  expect(errors).toEqual({ 'salary.max': ['max must be at least min'], 'questions.0.knockout': ['TEXT questions cannot knock out', 'second'] });
  expect(errorsAt(errors, 'salary')).toEqual(['max must be at least min']);
  expect(errorsAt(errors, 'questions.1')).toEqual([]);
  expect(fieldErrorsOf(new Error('network'))).toEqual({});
});
