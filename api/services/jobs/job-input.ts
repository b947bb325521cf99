// What a job create/update request may contain: the full requisition model,
// validated here so bad input is refused with a field path before anything is
// written. Shared by the jobs routes and their unit tests.
import { z } from 'zod';

export const STAGE_KINDS = ['APPLIED', 'SCREEN', 'INTERVIEW', 'OFFER', 'HIRED', 'REJECTED', 'OTHER'] as const;

export const ZStage = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]*$/, 'lower-case letters, digits and _, starting with a letter').max(60),
  name: z.string().trim().min(1).max(100),
  kind: z.enum(STAGE_KINDS),
}).strict();
export type TStage = z.infer<typeof ZStage>;

/** Stage keys must be unique: applications and pipeline nodes refer to stages by key. */
export const ZStages = z.array(ZStage).min(1).max(30).superRefine((stages, ctx) => {
  const seen = new Set<string>();
  stages.forEach((s, i) => {
    if (seen.has(s.key)) ctx.addIssue({ code: 'custom', path: [i, 'key'], message: `duplicate stage key "${s.key}"` });
    seen.add(s.key);
  });
});

const ZCountry = z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2 country code in capitals (e.g. "DE")');

export const ZJobLocation = z.object({
  streetAddress: z.string().trim().min(1).max(200).optional(),
  city: z.string().trim().min(1).max(100).optional(),
  region: z.string().trim().min(1).max(100).optional(),
  postalCode: z.string().trim().min(1).max(20).optional(),
  countryCode: ZCountry,
}).strict();
export type TJobLocation = z.infer<typeof ZJobLocation>;

const ZMoney = z.number().finite().nonnegative().max(999_999_999_999);

export const ZSalary = z.object({
  min: ZMoney.optional(),
  max: ZMoney.optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 currency code (e.g. "EUR")'),
  unit: z.enum(['YEAR', 'MONTH', 'HOUR']),
}).strict().superRefine((s, ctx) => {
  if (s.min === undefined && s.max === undefined) ctx.addIssue({ code: 'custom', path: ['min'], message: 'give min, max or both' });
  if (s.min !== undefined && s.max !== undefined && s.min > s.max) ctx.addIssue({ code: 'custom', path: ['max'], message: 'max must be at least min' });
});
export type TSalary = z.infer<typeof ZSalary>;

export const ZJobMember = z.object({
  userId: z.string().min(1).max(100),
  role: z.enum(['RECRUITER', 'HIRING_MANAGER', 'INTERVIEWER', 'COORDINATOR']),
}).strict();

const ZKnockout = z.union([
  z.object({ answer: z.boolean() }).strict(),
  z.object({ min: z.number().finite().optional(), max: z.number().finite().optional() }).strict(),
  z.object({ choices: z.array(z.string().min(1).max(200)).min(1).max(50) }).strict(),
]);

export const ZJobQuestion = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]*$/, 'lower-case letters, digits and _, starting with a letter').max(60),
  label: z.string().trim().min(1).max(500),
  helpText: z.string().trim().max(2000).optional(),
  type: z.enum(['YES_NO', 'NUMBER', 'CHOICE', 'TEXT']),
  choices: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
  isRequired: z.boolean().default(true),
  knockout: ZKnockout.optional(),
}).strict().superRefine((q, ctx) => {
  if (q.type === 'CHOICE' && q.choices.length < 2) ctx.addIssue({ code: 'custom', path: ['choices'], message: 'a CHOICE question needs at least 2 choices' });
  if (q.type !== 'CHOICE' && q.choices.length > 0) ctx.addIssue({ code: 'custom', path: ['choices'], message: `only CHOICE questions have choices, this one is ${q.type}` });
  if (!q.knockout) return;
  const k = q.knockout as Record<string, unknown>;
  if (q.type === 'TEXT') ctx.addIssue({ code: 'custom', path: ['knockout'], message: 'TEXT questions cannot knock out' });
  else if (q.type === 'YES_NO' && !('answer' in k)) ctx.addIssue({ code: 'custom', path: ['knockout'], message: 'YES_NO knockout is { "answer": true|false } (the answer that disqualifies)' });
  else if (q.type === 'NUMBER') {
    if (!('min' in k) && !('max' in k)) ctx.addIssue({ code: 'custom', path: ['knockout'], message: 'NUMBER knockout is { "min"?, "max"? } with at least one bound' });
    else if (typeof k.min === 'number' && typeof k.max === 'number' && k.min > k.max) ctx.addIssue({ code: 'custom', path: ['knockout', 'max'], message: 'max must be at least min' });
  } else if (q.type === 'CHOICE') {
    if (!Array.isArray(k.choices)) ctx.addIssue({ code: 'custom', path: ['knockout'], message: 'CHOICE knockout is { "choices": [...] } (the choices that disqualify)' });
    else (k.choices as string[]).forEach((c, i) => {
      if (!q.choices.includes(c)) ctx.addIssue({ code: 'custom', path: ['knockout', 'choices', i], message: `"${c}" is not one of the question's choices` });
    });
  }
});
export type TJobQuestion = z.infer<typeof ZJobQuestion>;

const ZQuestions = z.array(ZJobQuestion).max(50).superRefine((qs, ctx) => {
  const seen = new Set<string>();
  qs.forEach((q, i) => {
    if (seen.has(q.key)) ctx.addIssue({ code: 'custom', path: [i, 'key'], message: `duplicate question key "${q.key}"` });
    seen.add(q.key);
  });
});

const ZMembers = z.array(ZJobMember).max(100).superRefine((ms, ctx) => {
  const seen = new Set<string>();
  ms.forEach((m, i) => {
    const id = `${m.userId}/${m.role}`;
    if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [i], message: `user ${m.userId} is listed twice as ${m.role}` });
    seen.add(id);
  });
});

/** The fields create and update share; every one optional on update. */
const jobFields = {
  title: z.string().trim().min(1).max(200),
  department: z.string().trim().min(1).max(200).nullable(),
  requisitionId: z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9._\-/]*$/, 'letters, digits and . _ - /').max(64).nullable(),
  /** Display labels; derived from jobLocations when omitted. */
  locations: z.array(z.string().trim().min(1).max(200)).max(50),
  jobLocations: z.array(ZJobLocation).max(50),
  remotePolicy: z.enum(['ONSITE', 'HYBRID', 'REMOTE']),
  remoteCountries: z.array(ZCountry).max(250),
  employmentType: z.enum(['FULL_TIME', 'PART_TIME', 'CONTRACTOR', 'TEMPORARY', 'INTERN']),
  salary: ZSalary.nullable(),
  description: z.string().max(50_000),
  openings: z.number().int().min(1).max(10_000),
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case words joined by -').max(100),
  pipelineId: z.string().min(1).max(100).nullable(),
  members: ZMembers,
  questions: ZQuestions,
  requiredApprovals: z.number().int().min(0).max(20),
  validThrough: z.iso.datetime({ offset: true }).nullable(),
};

export const ZCreateJob = z.object({
  ...jobFields,
  department: jobFields.department.optional(),
  requisitionId: jobFields.requisitionId.optional(),
  locations: jobFields.locations.optional(),
  jobLocations: jobFields.jobLocations.default([]),
  remotePolicy: jobFields.remotePolicy.default('ONSITE'),
  remoteCountries: jobFields.remoteCountries.default([]),
  employmentType: jobFields.employmentType.default('FULL_TIME'),
  salary: jobFields.salary.optional(),
  description: jobFields.description.default(''),
  openings: jobFields.openings.default(1),
  slug: jobFields.slug.optional(),
  pipelineId: jobFields.pipelineId.optional(),
  members: jobFields.members.default([]),
  questions: jobFields.questions.default([]),
  /** 0 = the job may open without approval (and, without a status, opens at once, as jobs always did). */
  requiredApprovals: jobFields.requiredApprovals.default(0),
  validThrough: jobFields.validThrough.optional(),
  status: z.enum(['DRAFT', 'OPEN']).optional(),
  stageTemplateId: z.string().min(1).max(100).optional(),
  stages: ZStages.optional(),
}).strict().superRefine((job, ctx) => {
  if (job.stageTemplateId && job.stages) ctx.addIssue({ code: 'custom', path: ['stages'], message: 'give stages or stageTemplateId, not both' });
  if (job.status === 'OPEN' && job.requiredApprovals > 0) {
    ctx.addIssue({ code: 'custom', path: ['status'], message: `this job needs ${job.requiredApprovals} approval(s): create it as DRAFT and submit it for approval` });
  }
  if (job.remotePolicy === 'ONSITE' && job.remoteCountries.length > 0) ctx.addIssue({ code: 'custom', path: ['remoteCountries'], message: 'an ONSITE job has no remote countries' });
});
export type TCreateJob = z.infer<typeof ZCreateJob>;

export const ZUpdateJob = z.object({
  ...Object.fromEntries(Object.entries(jobFields).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof jobFields]: z.ZodOptional<(typeof jobFields)[K]> },
  /** Stages by key: existing keys are renamed/reordered, new keys added; a key with applications cannot be removed. */
  stages: ZStages.optional(),
}).strict().refine((b) => Object.keys(b).length > 0, { message: 'nothing to update' });
export type TUpdateJob = z.infer<typeof ZUpdateJob>;

export const ZSubmitJob = z.object({
  /** Users asked to approve opening the job; at least the job's requiredApprovals of them. */
  approverIds: z.array(z.string().min(1).max(100)).max(20).default([]),
}).strict().superRefine((b, ctx) => {
  const seen = new Set<string>();
  b.approverIds.forEach((id, i) => {
    if (seen.has(id)) ctx.addIssue({ code: 'custom', path: ['approverIds', i], message: `approver ${id} is listed twice` });
    seen.add(id);
  });
});

export const ZJobApprovalDecision = z.object({ approved: z.boolean(), comment: z.string().trim().max(5000).optional() }).strict();
export const ZCloseJob = z.object({ reason: z.string().trim().max(1000).optional() }).strict();

/** Display labels for the workflow variable `job.locations` when the request only gave structured locations. */
export function locationLabels(locations: readonly TJobLocation[], remotePolicy: string): string[] {
  const labels = locations.map((l) => [l.city, l.region, l.countryCode].filter(Boolean).join(', '));
  if (remotePolicy === 'REMOTE') labels.push('Remote');
  return labels;
}
