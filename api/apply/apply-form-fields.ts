// The HTML apply form's flat fields (firstName, q.<key>, utm_source...) to the
// apply API's request, and the API's error paths back to form field names so
// the form can show each error next to its field. Pure.
import { AppError, type ErrorDetail } from '../errors';
import { TRACKING_KEYS } from '../careers/public-job';
import type { TJobQuestion } from './evaluate-answers';
import { EEO_CODES } from '../services/compliance/eeo';

/** The form's voluntary self-identification selects: `eeo.gender`, `eeo.raceEthnicity`... */
export const EEO_FIELDS = Object.keys(EEO_CODES).map((k) => `eeo.${k}`);

export const CANDIDATE_FIELDS = ['firstName', 'lastName', 'email', 'phone', 'location'] as const;
/** Fields the form carries besides the candidate's and the questions'. */
const FORM_FIELDS = new Set<string>([...CANDIDATE_FIELDS, ...TRACKING_KEYS, ...EEO_FIELDS, 'consent', 'formKey', 'resume']);

export type TFormValues = Record<string, string>;

function answerOf(q: TJobQuestion, raw: string): boolean | number | string {
  if (q.type === 'YES_NO') return raw === 'yes' ? true : raw === 'no' ? false : raw;
  if (q.type === 'NUMBER' && raw.trim() !== '' && Number.isFinite(Number(raw))) return Number(raw);
  return raw;
}

/** Throws VALIDATION_FAILED for fields the form never has; else the request (still to be validated by its schema). */
export function requestFromForm(jobId: string, questions: readonly TJobQuestion[], values: TFormValues): Record<string, unknown> {
  const byKey = new Map(questions.map((q) => [`q.${q.key}`, q]));
  const unknown = Object.keys(values).filter((k) => !FORM_FIELDS.has(k) && !byKey.has(k));
  if (unknown.length) throw new AppError('VALIDATION_FAILED', `unknown form fields: ${unknown.join(', ')}`, unknown.map((k) => ({ path: `body.${k}`, message: 'unknown field', code: 'unrecognized_keys' })));
  const candidate: Record<string, string> = {};
  for (const f of CANDIDATE_FIELDS) {
    const v = values[f]?.trim();
    if (v || f === 'firstName' || f === 'lastName' || f === 'email') candidate[f] = v ?? '';
  }
  const answers: Record<string, boolean | number | string> = {};
  for (const [field, q] of byKey) if (values[field] !== undefined && values[field] !== '') answers[q.key] = answerOf(q, values[field]!);
  const utm = Object.fromEntries(TRACKING_KEYS.filter((k) => k.startsWith('utm_') && values[k]).map((k) => [k, values[k]!]));
  const request: Record<string, unknown> = { jobId, candidate, answers };
  if (values.source) request.source = values.source;
  if (Object.keys(utm).length) request.utm = utm;
  if (values.consent) request.consent = { textVersion: values.consent, isGiven: true };
  const eeo = Object.fromEntries(EEO_FIELDS.filter((f) => values[f]).map((f) => [f.slice('eeo.'.length), values[f]!]));
  if (Object.keys(eeo).length) request.eeo = eeo;
  return request;
}

/** `body.candidate.email` -> `email`, `body.answers.x` -> `q.x`; anything else is shown above the form. */
export function formFieldOf(detail: ErrorDetail): string | null {
  const p = detail.path;
  const candidate = /^body\.candidate\.(\w+)/.exec(p);
  if (candidate) return candidate[1]!;
  const answer = /^body\.answers\.(.+)$/.exec(p);
  if (answer) return `q.${answer[1]}`;
  if (p === 'body.resume' || (p === 'body' && detail.code === 'too_large')) return 'resume';
  if (p.startsWith('body.consent')) return 'consent';
  const eeo = /^body\.eeo\.(\w+)/.exec(p);
  if (eeo) return `eeo.${eeo[1]}`;
  return null;
}
