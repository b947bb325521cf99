// Creating and editing jobs: every reference is checked inside the transaction
// that writes, so bad input is refused with a field path and nothing is half
// written, and each change leaves an audit event with the fields before/after.
import { Prisma } from '../../../generated/prisma/client';
import { AppError, notFound } from '../../errors';
import type { AuthContext } from '../../auth';
import type { Services } from '../services';
import { ZStages, locationLabels, type TCreateJob, type TJobQuestion, type TStage, type TUpdateJob } from './job-input';
import { diffSnapshots, jobSnapshot, jobView, loadJob } from './job-record';
import { slugify, uniqueSlug } from './job-slug';
import { DEFAULT_STAGES } from './default-stages';

type Tx = Prisma.TransactionClient;

export { DEFAULT_STAGES };

const invalid = (path: string, message: string) => new AppError('VALIDATION_FAILED', `invalid body: ${path}: ${message}`, [{ path, message }]);

async function checkPipeline(tx: Tx, orgId: string, pipelineId: string | null | undefined) {
  if (pipelineId && !(await tx.pipeline.findFirst({ where: { id: pipelineId, orgId }, select: { id: true } }))) throw notFound('Pipeline', pipelineId);
}

async function checkMembers(tx: Tx, orgId: string, members: readonly { userId: string }[]) {
  if (members.length === 0) return;
  const users = await tx.user.findMany({ where: { orgId, id: { in: members.map((m) => m.userId) }, deactivated: false }, select: { id: true } });
  const known = new Set(users.map((u) => u.id));
  members.forEach((m, i) => {
    if (!known.has(m.userId)) throw invalid(`body.members.${i}.userId`, `no active user ${m.userId} in this organization`);
  });
}

async function checkUnique(tx: Tx, orgId: string, field: 'requisitionId' | 'slug', value: string | null | undefined, exceptJobId?: string) {
  if (!value) return;
  const other = await tx.job.findFirst({ where: { orgId, [field]: value, ...(exceptJobId ? { id: { not: exceptJobId } } : {}) }, select: { id: true } });
  if (other) throw new AppError('CONFLICT', `another job already has ${field} "${value}"`, [{ path: `body.${field}`, message: 'must be unique in the organization' }]);
}

/** Stages from the request, the named template, the org's default template, or the built-in list. */
async function resolveStages(tx: Tx, orgId: string, body: TCreateJob): Promise<{ stages: TStage[]; templateId: string | null }> {
  if (body.stages) return { stages: body.stages, templateId: null };
  const template = body.stageTemplateId
    ? await tx.stageTemplate.findFirst({ where: { id: body.stageTemplateId, orgId } })
    : await tx.stageTemplate.findFirst({ where: { orgId, isDefault: true }, orderBy: { createdAt: 'asc' } });
  if (body.stageTemplateId && !template) throw notFound('StageTemplate', body.stageTemplateId);
  if (!template) return { stages: DEFAULT_STAGES, templateId: null };
  const parsed = ZStages.safeParse(template.stages);
  if (!parsed.success) throw new AppError('CONFLICT', `stage template ${template.id} holds invalid stages; fix the template first`, [{ path: 'body.stageTemplateId', message: 'template stages are invalid' }]);
  return { stages: parsed.data, templateId: template.id };
}

const questionRows = (questions: readonly TJobQuestion[]) =>
  questions.map((q, position) => ({ key: q.key, label: q.label, helpText: q.helpText ?? null, type: q.type, choices: q.choices, isRequired: q.isRequired, knockout: q.knockout ?? Prisma.DbNull, position }));

function salaryColumns(salary: TCreateJob['salary']) {
  return salary
    ? { salaryMin: salary.min ?? null, salaryMax: salary.max ?? null, salaryCurrency: salary.currency, salaryUnit: salary.unit }
    : { salaryMin: null, salaryMax: null, salaryCurrency: null, salaryUnit: null };
}

async function audit(tx: Tx, auth: AuthContext, jobId: string, action: string, before: unknown, after: unknown) {
  await tx.auditEvent.create({
    data: { orgId: auth.orgId, actorType: 'USER', actorId: auth.userId, action, entityType: 'Job', entityId: jobId, before: before === null ? Prisma.DbNull : (before as Prisma.InputJsonValue), after: after as Prisma.InputJsonValue },
  });
}
export { audit as auditJob };

export async function createJob(services: Services, auth: AuthContext, body: TCreateJob) {
  return services.prisma.$transaction(async (tx) => {
    await checkPipeline(tx, auth.orgId, body.pipelineId);
    await checkMembers(tx, auth.orgId, body.members);
    await checkUnique(tx, auth.orgId, 'requisitionId', body.requisitionId);
    await checkUnique(tx, auth.orgId, 'slug', body.slug);
    const { stages, templateId } = await resolveStages(tx, auth.orgId, body);
    const base = slugify(body.title);
    const taken = new Set((await tx.job.findMany({ where: { orgId: auth.orgId, slug: { startsWith: base } }, select: { slug: true } })).map((j) => j.slug ?? ''));
    // Without an explicit status, a job that needs no approval opens at once (what POST /api/jobs always did).
    const status = body.status ?? (body.requiredApprovals === 0 ? 'OPEN' : 'DRAFT');
    const now = new Date();
    const created = await tx.job.create({
      data: {
        orgId: auth.orgId, title: body.title, department: body.department ?? null, requisitionId: body.requisitionId ?? null,
        locations: body.locations ?? locationLabels(body.jobLocations, body.remotePolicy),
        remotePolicy: body.remotePolicy, remoteCountries: body.remoteCountries, employmentType: body.employmentType,
        ...salaryColumns(body.salary), description: body.description, openings: body.openings,
        slug: body.slug ?? uniqueSlug(base, taken), pipelineId: body.pipelineId ?? null, stageTemplateId: templateId,
        requiredApprovals: body.requiredApprovals, validThrough: body.validThrough ? new Date(body.validThrough) : null,
        status, openedAt: status === 'OPEN' ? now : null, postedAt: status === 'OPEN' ? now : null, createdById: auth.userId,
        stages: { create: stages.map((s, position) => ({ ...s, position })) },
        jobLocations: { create: body.jobLocations.map((l, position) => ({ ...l, position })) },
        members: { create: body.members.map((m) => ({ userId: m.userId, role: m.role })) },
        questions: { create: questionRows(body.questions) },
      },
      select: { id: true },
    });
    const job = await loadJob(tx, auth.orgId, created.id);
    await audit(tx, auth, job.id, 'job.created', null, jobSnapshot(job));
    return jobView(job);
  });
}

/** Stages are matched by key so applications keep their stage; a removed key must have no applications. */
async function updateStages(tx: Tx, jobId: string, current: { id: string; key: string }[], next: TStage[]) {
  const nextKeys = new Set(next.map((s) => s.key));
  const removed = current.filter((s) => !nextKeys.has(s.key));
  if (removed.length > 0) {
    const used = await tx.application.groupBy({ by: ['stageId'], where: { stageId: { in: removed.map((s) => s.id) } }, _count: true });
    if (used.length > 0) {
      const keys = removed.filter((s) => used.some((u) => u.stageId === s.id)).map((s) => s.key);
      throw new AppError('CONFLICT', `stages ${keys.join(', ')} still hold applications; move them before removing the stage`, [{ path: 'body.stages', message: `missing stage keys with applications: ${keys.join(', ')}` }]);
    }
    await tx.stage.deleteMany({ where: { id: { in: removed.map((s) => s.id) } } });
  }
  const byKey = new Map(current.map((s) => [s.key, s.id]));
  for (const [position, s] of next.entries()) {
    const id = byKey.get(s.key);
    if (id) await tx.stage.update({ where: { id }, data: { name: s.name, kind: s.kind, position } });
    else await tx.stage.create({ data: { jobId, key: s.key, name: s.name, kind: s.kind, position } });
  }
}

export async function updateJob(services: Services, auth: AuthContext, jobId: string, body: TUpdateJob) {
  return services.prisma.$transaction(async (tx) => {
    const job = await loadJob(tx, auth.orgId, jobId);
    if (job.status === 'PENDING_APPROVAL') {
      throw new AppError('CONFLICT', 'a job waiting for approval cannot be edited: approvers decide on what they were shown; reject or withdraw it first', [{ path: 'params.id', message: 'job is PENDING_APPROVAL' }]);
    }
    const remotePolicy = body.remotePolicy ?? job.remotePolicy;
    const remoteCountries = body.remoteCountries ?? job.remoteCountries;
    if (remotePolicy === 'ONSITE' && remoteCountries.length > 0) throw invalid('body.remoteCountries', 'an ONSITE job has no remote countries');
    if (body.pipelineId !== undefined) await checkPipeline(tx, auth.orgId, body.pipelineId);
    if (body.members) await checkMembers(tx, auth.orgId, body.members);
    await checkUnique(tx, auth.orgId, 'requisitionId', body.requisitionId, jobId);
    await checkUnique(tx, auth.orgId, 'slug', body.slug, jobId);
    const before = jobSnapshot(job);

    await tx.job.update({
      where: { id: jobId },
      data: {
        ...(body.title !== undefined ? { title: body.title } : {}),
        ...(body.department !== undefined ? { department: body.department } : {}),
        ...(body.requisitionId !== undefined ? { requisitionId: body.requisitionId } : {}),
        ...(body.locations !== undefined ? { locations: body.locations } : body.jobLocations ? { locations: locationLabels(body.jobLocations, remotePolicy) } : {}),
        ...(body.remotePolicy !== undefined ? { remotePolicy: body.remotePolicy } : {}),
        ...(body.remoteCountries !== undefined ? { remoteCountries: body.remoteCountries } : {}),
        ...(body.employmentType !== undefined ? { employmentType: body.employmentType } : {}),
        ...(body.salary !== undefined ? salaryColumns(body.salary) : {}),
        ...(body.description !== undefined ? { description: body.description } : {}),
        ...(body.openings !== undefined ? { openings: body.openings } : {}),
        ...(body.slug !== undefined ? { slug: body.slug } : {}),
        ...(body.pipelineId !== undefined ? { pipelineId: body.pipelineId } : {}),
        ...(body.requiredApprovals !== undefined ? { requiredApprovals: body.requiredApprovals } : {}),
        ...(body.validThrough !== undefined ? { validThrough: body.validThrough ? new Date(body.validThrough) : null } : {}),
      },
    });
    if (body.jobLocations) {
      await tx.jobLocation.deleteMany({ where: { jobId } });
      await tx.jobLocation.createMany({ data: body.jobLocations.map((l, position) => ({ ...l, jobId, position })) });
    }
    if (body.members) {
      await tx.jobMember.deleteMany({ where: { jobId } });
      await tx.jobMember.createMany({ data: body.members.map((m) => ({ jobId, userId: m.userId, role: m.role })) });
    }
    if (body.questions) {
      await tx.jobQuestion.deleteMany({ where: { jobId } });
      await tx.jobQuestion.createMany({ data: questionRows(body.questions).map((q) => ({ ...q, jobId })) });
    }
    if (body.stages) await updateStages(tx, jobId, job.stages, body.stages);

    const updated = await loadJob(tx, auth.orgId, jobId);
    const diff = diffSnapshots(before, jobSnapshot(updated));
    if (diff.changed.length > 0) await audit(tx, auth, jobId, 'job.updated', diff.before, diff.after);
    return jobView(updated);
  });
}
