// Answers to a job's questions: checked against the questions (unknown keys,
// missing required answers and wrong types are 400s with the field path) and
// scored against their knockout rules (docs/ats-data-model.md, JobQuestion).
// Pure, so the JSON API, the HTML form and the tests share one rule set.
import { z } from 'zod';
import { AppError, type ErrorDetail } from '../errors';

export interface TJobQuestion {
  key: string;
  label: string;
  helpText?: string | null;
  type: 'YES_NO' | 'NUMBER' | 'CHOICE' | 'TEXT';
  choices: string[];
  isRequired: boolean;
  knockout: unknown;
}

export type TAnswer = boolean | number | string;

export const ZAnswers = z.record(z.string().min(1).max(100), z.union([z.boolean(), z.number().finite(), z.string().max(5000)]));

const ZKnockout = z.union([
  z.object({ answer: z.boolean() }).strict(),
  z.object({ min: z.number().optional(), max: z.number().optional() }).strict(),
  z.object({ choices: z.array(z.string()) }).strict(),
]);

export interface TAnswerEvaluation {
  answers: Record<string, TAnswer>;
  /** Keys of knockout questions the answers fail, in question order. */
  knockoutFailures: string[];
}

function isDisqualified(q: TJobQuestion, answer: TAnswer): boolean {
  const rule = ZKnockout.safeParse(q.knockout);
  if (!rule.success) return false; // no rule (or TEXT): nothing to fail
  const r = rule.data;
  if (q.type === 'YES_NO' && 'answer' in r) return answer === r.answer;
  if (q.type === 'NUMBER' && ('min' in r || 'max' in r) && typeof answer === 'number') {
    return (r.min !== undefined && answer < r.min) || (r.max !== undefined && answer > r.max);
  }
  if (q.type === 'CHOICE' && 'choices' in r) return r.choices.includes(answer as string);
  return false;
}

function typeProblem(q: TJobQuestion, answer: TAnswer): string | null {
  if (q.type === 'YES_NO') return typeof answer === 'boolean' ? null : 'must be true or false';
  if (q.type === 'NUMBER') return typeof answer === 'number' ? null : 'must be a number';
  if (q.type === 'CHOICE') return typeof answer === 'string' && q.choices.includes(answer) ? null : `must be one of: ${q.choices.join(', ')}`;
  return typeof answer === 'string' ? null : 'must be text';
}

/** Throws VALIDATION_FAILED listing every problem (paths `body.answers.<key>`); else the answers and knockout result. */
export function evaluateAnswers(questions: readonly TJobQuestion[], raw: Record<string, TAnswer> = {}): TAnswerEvaluation {
  const byKey = new Map(questions.map((q) => [q.key, q]));
  const details: ErrorDetail[] = [];
  for (const key of Object.keys(raw)) {
    if (!byKey.has(key)) details.push({ path: `body.answers.${key}`, message: 'not a question of this job', code: 'unrecognized_keys' });
  }
  const answers: Record<string, TAnswer> = {};
  const knockoutFailures: string[] = [];
  for (const q of questions) {
    const value = raw[q.key];
    const isBlank = value === undefined || (typeof value === 'string' && value.trim() === '');
    if (isBlank) {
      if (q.isRequired) details.push({ path: `body.answers.${q.key}`, message: 'an answer is required', code: 'required' });
      continue;
    }
    const problem = typeProblem(q, value);
    if (problem) {
      details.push({ path: `body.answers.${q.key}`, message: problem, code: 'invalid_type' });
      continue;
    }
    answers[q.key] = typeof value === 'string' ? value.trim() : value;
    if (isDisqualified(q, value)) knockoutFailures.push(q.key);
  }
  if (details.length) throw new AppError('VALIDATION_FAILED', `invalid answers: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`, details);
  return { answers, knockoutFailures };
}
