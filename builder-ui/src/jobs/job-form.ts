// The job editor's form state (strings, as inputs hold them) and its translation to and from the
// jobs API: ZCreateJob / ZUpdateJob on the way out, the job view on the way in. The server is the
// validator: its 4xx details (paths like "body.salary.max") are mapped back onto the fields.
import { ApiError } from '../api';
import type { EditableStage, JobDetail, JobMemberInput, JobQuestionInput, KnockoutRule } from './job-types';

export type QuestionForm = {
  key: string;
  label: string;
  helpText: string;
  type: JobQuestionInput['type'];
  choices: string;
  isRequired: boolean;
  /** YES_NO: the answer that disqualifies ('' = none). */
  knockoutAnswer: '' | 'yes' | 'no';
  knockoutMin: string;
  knockoutMax: string;
  knockoutChoices: string[];
};

export type LocationForm = { city: string; region: string; countryCode: string };

export type JobForm = {
  title: string;
  department: string;
  requisitionId: string;
  locations: LocationForm[];
  /**
   * The display labels (job.locations) are derived from the structured locations and the remote
   * policy when those are sent; a saved job sends them only once edited, so labels set through the
   * API ("Remote (EU)") survive an unrelated edit.
   */
  isLocationEdited: boolean;
  remotePolicy: JobDetail['remotePolicy'];
  remoteCountries: string;
  employmentType: JobDetail['employmentType'];
  salaryMin: string;
  salaryMax: string;
  salaryCurrency: string;
  salaryUnit: 'YEAR' | 'MONTH' | 'HOUR';
  description: string;
  openings: string;
  pipelineId: string;
  members: JobMemberInput[];
  questions: QuestionForm[];
  requiredApprovals: string;
  validThrough: string;
  stages: EditableStage[];
  /** The template the stages were taken from, while they are unchanged (create only). */
  stageTemplateId: string | null;
};

export const EMPTY_QUESTION: QuestionForm = {
  key: '', label: '', helpText: '', type: 'YES_NO', choices: '', isRequired: true, knockoutAnswer: '', knockoutMin: '', knockoutMax: '', knockoutChoices: [],
};

export function emptyJobForm(stages: EditableStage[], stageTemplateId: string | null): JobForm {
  return {
    title: '', department: '', requisitionId: '', locations: [], isLocationEdited: true, remotePolicy: 'ONSITE', remoteCountries: '', employmentType: 'FULL_TIME',
    salaryMin: '', salaryMax: '', salaryCurrency: 'EUR', salaryUnit: 'YEAR', description: '', openings: '1', pipelineId: '', members: [], questions: [],
    requiredApprovals: '0', validThrough: '', stages, stageTemplateId,
  };
}

const text = (value: number | string | null | undefined) => (value === null || value === undefined ? '' : String(value));

function questionForm(q: JobDetail['questions'][number]): QuestionForm {
  const k = (q.knockout ?? {}) as Record<string, unknown>;
  return {
    key: q.key, label: q.label, helpText: q.helpText ?? '', type: q.type, choices: q.choices.join('\n'), isRequired: q.isRequired,
    knockoutAnswer: typeof k.answer === 'boolean' ? (k.answer ? 'yes' : 'no') : '',
    knockoutMin: text(k.min as number | undefined), knockoutMax: text(k.max as number | undefined),
    knockoutChoices: Array.isArray(k.choices) ? (k.choices as string[]) : [],
  };
}

export function jobFormFrom(job: JobDetail): JobForm {
  return {
    title: job.title, department: job.department ?? '', requisitionId: job.requisitionId ?? '',
    locations: job.jobLocations.map((l) => ({ city: l.city ?? '', region: l.region ?? '', countryCode: l.countryCode })), isLocationEdited: false,
    remotePolicy: job.remotePolicy, remoteCountries: job.remoteCountries.join(', '), employmentType: job.employmentType,
    salaryMin: text(job.salary?.min), salaryMax: text(job.salary?.max), salaryCurrency: job.salary?.currency ?? 'EUR', salaryUnit: job.salary?.unit ?? 'YEAR',
    description: job.description, openings: String(job.openings), pipelineId: job.pipelineId ?? '',
    members: job.members.map(({ userId, role }) => ({ userId, role })), questions: job.questions.map(questionForm),
    requiredApprovals: String(job.requiredApprovals), validThrough: job.validThrough ? job.validThrough.slice(0, 10) : '',
    stages: job.stages.map(({ key, name, kind }) => ({ key, name, kind })), stageTemplateId: null,
  };
}

/** A number field: empty is "not given"; anything else goes to the server as typed (NaN becomes null, which it refuses with a path). */
const numberOrUndefined = (value: string) => (value.trim() === '' ? undefined : Number(value));
const list = (value: string, separator: RegExp) => value.split(separator).map((s) => s.trim()).filter(Boolean);

function knockoutOf(q: QuestionForm): KnockoutRule | undefined {
  if (q.type === 'YES_NO' && q.knockoutAnswer) return { answer: q.knockoutAnswer === 'yes' };
  if (q.type === 'NUMBER' && (q.knockoutMin.trim() || q.knockoutMax.trim())) return { min: numberOrUndefined(q.knockoutMin), max: numberOrUndefined(q.knockoutMax) };
  if (q.type === 'CHOICE' && q.knockoutChoices.length) return { choices: q.knockoutChoices };
  return undefined;
}

export function questionChoices(q: QuestionForm): string[] {
  return list(q.choices, /\n/);
}

/** The request body: every field of ZUpdateJob; on create also the status DRAFT and the stages or their template. */
export function jobRequest(form: JobForm, isNew: boolean): Record<string, unknown> {
  const hasSalary = [form.salaryMin, form.salaryMax].some((v) => v.trim() !== '');
  const body: Record<string, unknown> = {
    title: form.title,
    department: form.department.trim() || null,
    requisitionId: form.requisitionId.trim() || null,
    ...(form.isLocationEdited ? {
      jobLocations: form.locations
        .filter((l) => l.city.trim() || l.region.trim() || l.countryCode.trim())
        .map((l) => ({ countryCode: l.countryCode.trim().toUpperCase(), ...(l.city.trim() ? { city: l.city.trim() } : {}), ...(l.region.trim() ? { region: l.region.trim() } : {}) })),
      remotePolicy: form.remotePolicy,
    } : {}),
    remoteCountries: list(form.remoteCountries, /[,\s]+/).map((c) => c.toUpperCase()),
    employmentType: form.employmentType,
    salary: hasSalary ? { min: numberOrUndefined(form.salaryMin), max: numberOrUndefined(form.salaryMax), currency: form.salaryCurrency.trim().toUpperCase(), unit: form.salaryUnit } : null,
    description: form.description,
    openings: numberOrUndefined(form.openings) ?? 1,
    pipelineId: form.pipelineId || null,
    members: form.members.filter((m) => m.userId),
    questions: form.questions.map((q) => ({
      key: q.key, label: q.label, ...(q.helpText.trim() ? { helpText: q.helpText.trim() } : {}), type: q.type,
      choices: q.type === 'CHOICE' ? questionChoices(q) : [], isRequired: q.isRequired, ...(knockoutOf(q) ? { knockout: knockoutOf(q) } : {}),
    })),
    requiredApprovals: numberOrUndefined(form.requiredApprovals) ?? 0,
    validThrough: form.validThrough ? `${form.validThrough}T23:59:59Z` : null,
  };
  if (!isNew) return { ...body, stages: form.stages };
  return { ...body, status: 'DRAFT', ...(form.stageTemplateId ? { stageTemplateId: form.stageTemplateId } : { stages: form.stages }) };
}

export type FieldErrors = Record<string, string[]>;

/** The API's details by field path, without the "body." prefix. */
export function fieldErrorsOf(error: unknown): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  const errors: FieldErrors = {};
  for (const detail of error.details) {
    const path = detail.path.replace(/^body\.?/, '');
    (errors[path] ??= []).push(detail.message);
  }
  return errors;
}

/** Messages at a path and below it ("salary" also shows "salary.max"). */
export function errorsAt(errors: FieldErrors, path: string): string[] {
  return Object.entries(errors).filter(([p]) => p === path || p.startsWith(`${path}.`)).flatMap(([, messages]) => messages);
}
