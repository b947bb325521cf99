// Jobs and requisitions: the full job model (locations, salary, hiring team,
// stages from a template, questions, pipeline), its approval to open, and the
// organization's stage templates. Logic lives in api/services/jobs/.
import { z } from 'zod';
import { defineRoute } from '../route';
import { AppError } from '../errors';
import { ZCloseJob, ZCreateJob, ZJobApprovalDecision, ZStages, ZSubmitJob, ZUpdateJob } from '../services/jobs/job-input';
import { jobView, loadJob } from '../services/jobs/job-record';
import { createJob, updateJob } from '../services/jobs/save-job';
import { closeJob, decideJobApproval, submitJob } from '../services/jobs/job-status';

export { DEFAULT_STAGES } from '../services/jobs/save-job';

const ZJobParams = z.object({ id: z.string().min(1).max(100) }).strict();
const EDITORS = ['ADMIN', 'RECRUITER'] as const;

export const jobRoutes = [
  defineRoute({
    method: 'get', path: '/api/jobs', summary: 'Jobs with stages, application counts (per stage too) and hiring team (hiring managers: their jobs only)', access: 'authenticated',
    query: z.object({ status: z.enum(['DRAFT', 'PENDING_APPROVAL', 'OPEN', 'CLOSED']).optional() }).strict(),
    handler: async ({ services, auth, query }) => {
      const jobs = await services.prisma.job.findMany({
        where: {
          orgId: auth.orgId,
          ...(query.status ? { status: query.status } : {}),
          ...(auth.role === 'HIRING_MANAGER' ? { members: { some: { userId: auth.userId } } } : {}),
        },
        orderBy: { createdAt: 'desc' },
        include: {
          stages: { orderBy: { position: 'asc' }, include: { _count: { select: { applications: true } } } },
          members: { orderBy: { addedAt: 'asc' }, select: { userId: true, role: true, user: { select: { name: true } } } },
          _count: { select: { applications: true } },
        },
      });
      return {
        body: jobs.map(({ _count, stages, members, ...j }) => ({
          ...j,
          applicationCount: _count.applications,
          stages: stages.map(({ _count: stageCount, ...s }) => ({ ...s, applicationCount: stageCount.applications })),
          members: members.map((m) => ({ userId: m.userId, role: m.role, name: m.user.name })),
        })),
      };
    },
  }),
  defineRoute({
    method: 'post', path: '/api/jobs', summary: 'Create a job (opens at once when it needs no approval and no status is given)', access: EDITORS, body: ZCreateJob, bodyLimit: '300kb',
    handler: async ({ services, auth, body }) => ({ status: 201, body: await createJob(services, auth, body) }),
  }),
  defineRoute({
    method: 'get', path: '/api/jobs/:id', scope: { kind: 'job' }, summary: 'One job whole: locations, salary, hiring team, questions, stages, approvals', access: 'authenticated', params: ZJobParams,
    handler: async ({ services, auth, params }) => {
      const job = await loadJob(services.prisma, auth.orgId, params.id);
      if (auth.role === 'HIRING_MANAGER' && !job.members.some((m) => m.userId === auth.userId)) throw new AppError('NOT_FOUND', `Job ${params.id} not found`);
      return { body: jobView(job) };
    },
  }),
  defineRoute({
    method: 'patch', path: '/api/jobs/:id', scope: { kind: 'job' }, summary: 'Change a job; lists (locations, team, questions) are replaced, stages matched by key', access: EDITORS, params: ZJobParams, body: ZUpdateJob, bodyLimit: '300kb',
    handler: async ({ services, auth, params, body }) => ({ body: await updateJob(services, auth, params.id, body) }),
  }),
  defineRoute({
    method: 'post', path: '/api/jobs/:id/submit', scope: { kind: 'job' }, summary: 'Ask approvers to open the job (opens at once when it needs no approval)', access: EDITORS, params: ZJobParams, body: ZSubmitJob, bodyLimit: '20kb',
    handler: async ({ services, auth, params, body }) => ({ body: await submitJob(services, auth, params.id, body) }),
  }),
  defineRoute({
    method: 'post', path: '/api/jobs/:id/approval', scope: { kind: 'job' }, summary: "Approve or reject opening the job (the caller's own approval in the current round)", access: 'authenticated', params: ZJobParams, body: ZJobApprovalDecision, bodyLimit: '20kb',
    handler: async ({ services, auth, params, body }) => ({ body: await decideJobApproval(services, auth, params.id, body) }),
  }),
  defineRoute({
    method: 'post', path: '/api/jobs/:id/close', scope: { kind: 'job' }, summary: 'Close the job: it leaves the careers page and the feeds', access: EDITORS, params: ZJobParams, body: ZCloseJob, bodyLimit: '20kb',
    handler: async ({ services, auth, params, body }) => ({ body: await closeJob(services, auth, params.id, body) }),
  }),
  defineRoute({
    method: 'get', path: '/api/jobs/:id/audit', scope: { kind: 'job' }, summary: "The job's change history with before/after", access: EDITORS, params: ZJobParams,
    handler: async ({ services, auth, params }) => {
      await loadJob(services.prisma, auth.orgId, params.id);
      const events = await services.prisma.auditEvent.findMany({ where: { orgId: auth.orgId, entityType: 'Job', entityId: params.id }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
      return { body: events };
    },
  }),
  defineRoute({
    method: 'get', path: '/api/stage-templates', summary: "The organization's stage templates", access: 'authenticated',
    handler: async ({ services, auth }) => ({ body: await services.prisma.stageTemplate.findMany({ where: { orgId: auth.orgId }, orderBy: { name: 'asc' } }) }),
  }),
  defineRoute({
    method: 'post', path: '/api/stage-templates', summary: 'Create a stage template (isDefault: new jobs without stages use it)', access: EDITORS, bodyLimit: '50kb',
    body: z.object({ name: z.string().trim().min(1).max(100), stages: ZStages, isDefault: z.boolean().default(false) }).strict(),
    handler: async ({ services, auth, body }) => {
      const template = await services.prisma.$transaction(async (tx) => {
        if (await tx.stageTemplate.findFirst({ where: { orgId: auth.orgId, name: body.name }, select: { id: true } })) {
          throw new AppError('CONFLICT', `a stage template named "${body.name}" exists`, [{ path: 'body.name', message: 'must be unique in the organization' }]);
        }
        // One default per organization: the new default replaces the old one.
        if (body.isDefault) await tx.stageTemplate.updateMany({ where: { orgId: auth.orgId, isDefault: true }, data: { isDefault: false } });
        const created = await tx.stageTemplate.create({ data: { orgId: auth.orgId, name: body.name, stages: body.stages, isDefault: body.isDefault } });
        await tx.auditEvent.create({ data: { orgId: auth.orgId, actorType: 'USER', actorId: auth.userId, action: 'stage_template.created', entityType: 'StageTemplate', entityId: created.id, after: { name: body.name, stages: body.stages, isDefault: body.isDefault } } });
        return created;
      });
      return { status: 201, body: template };
    },
  }),
];
