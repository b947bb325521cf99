import { formFieldOf, requestFromForm } from '../../../api/apply/apply-form-fields';
import type { TJobQuestion } from '../../../api/apply/evaluate-answers';

const questions: TJobQuestion[] = [
  { key: 'ok', label: 'OK?', type: 'YES_NO', choices: [], isRequired: true, knockout: null },
  { key: 'years', label: 'Years', type: 'NUMBER', choices: [], isRequired: false, knockout: null },
];

describe('requestFromForm', () => {
  test('flat fields to the API request: answers typed, tracking split into source and utm, consent version', () => {
    expect(requestFromForm('job1', questions, {
      firstName: ' Ada ', lastName: 'L', email: 'a@x.test', phone: '', 'q.ok': 'no', 'q.years': '4.5', source: 'indeed', utm_source: 'indeed', utm_medium: 'cpc', consent: 'v3', formKey: 'k',
    })).toEqual({
      jobId: 'job1', candidate: { firstName: 'Ada', lastName: 'L', email: 'a@x.test' }, answers: { ok: false, years: 4.5 },
      source: 'indeed', utm: { utm_source: 'indeed', utm_medium: 'cpc' }, consent: { textVersion: 'v3', isGiven: true },
    });
  });
  test('values that are not valid answers are passed on for the validator to name', () => {
    expect(requestFromForm('j', questions, { 'q.ok': 'maybe', 'q.years': 'many' }).answers).toEqual({ ok: 'maybe', years: 'many' });
  });
  test('a field the form does not have is refused', () => {
    expect(() => requestFromForm('j', questions, { 'q.other': 'x', isAdmin: '1' })).toThrow(/unknown form fields: q.other, isAdmin/);
  });
});

describe('formFieldOf', () => {
  test.each([
    [{ path: 'body.candidate.email', message: '' }, 'email'],
    [{ path: 'body.answers.ok', message: '' }, 'q.ok'],
    [{ path: 'body.resume', message: '' }, 'resume'],
    [{ path: 'body', message: '', code: 'too_large' }, 'resume'],
    [{ path: 'body.consent.textVersion', message: '' }, 'consent'],
    [{ path: 'request', message: '' }, null],
  ])('%o -> %s', (detail, field) => expect(formFieldOf(detail)).toBe(field));
});
