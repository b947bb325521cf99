import { evaluateAnswers, type TJobQuestion } from '../../../api/apply/evaluate-answers';
import { AppError } from '../../../api/errors';

const q = (key: string, type: TJobQuestion['type'], knockout: unknown = null, extra: Partial<TJobQuestion> = {}): TJobQuestion =>
  ({ key, label: key, type, choices: [], isRequired: true, knockout, ...extra });

const questions = [
  q('authorized', 'YES_NO', { answer: false }),
  q('years', 'NUMBER', { min: 3 }),
  q('shift', 'CHOICE', { choices: ['nights'] }, { choices: ['days', 'nights'] }),
  q('why', 'TEXT', null, { isRequired: false }),
];

function failure(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    return err as AppError;
  }
  throw new Error('expected a failure');
}

describe('evaluateAnswers', () => {
  test('passing answers: no knockout failures, text trimmed', () => {
    expect(evaluateAnswers(questions, { authorized: true, years: 5, shift: 'days', why: '  because ' })).toEqual({
      answers: { authorized: true, years: 5, shift: 'days', why: 'because' }, knockoutFailures: [],
    });
  });
  test('each knockout rule disqualifies, in question order', () => {
    expect(evaluateAnswers(questions, { shift: 'nights', years: 2, authorized: false }).knockoutFailures).toEqual(['authorized', 'years', 'shift']);
  });
  test('NUMBER max bound and boundaries', () => {
    const qs = [q('hours', 'NUMBER', { min: 10, max: 40 })];
    expect(evaluateAnswers(qs, { hours: 10 }).knockoutFailures).toEqual([]);
    expect(evaluateAnswers(qs, { hours: 40 }).knockoutFailures).toEqual([]);
    expect(evaluateAnswers(qs, { hours: 41 }).knockoutFailures).toEqual(['hours']);
  });
  test('unknown keys, missing required answers and wrong types: every path reported', () => {
    const err = failure(() => evaluateAnswers(questions, { authorized: 'yes', shift: 'weekends', other: 1 }));
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.details.map((d) => d.path).sort()).toEqual(['body.answers.authorized', 'body.answers.other', 'body.answers.shift', 'body.answers.years']);
  });
  test('a malformed knockout rule knocks nobody out', () => {
    expect(evaluateAnswers([q('x', 'YES_NO', { answer: 'no' })], { x: false }).knockoutFailures).toEqual([]);
  });
});
