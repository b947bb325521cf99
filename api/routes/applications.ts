// Applications: submit (recruiter-added or public apply) and read.
import { z } from 'zod';
import { defineRoute } from '../route';
import { AppError, notFound } from '../errors';
import { submitApplication, ZApplyRequest } from '../services/applications';
import { moveApplicationStage, ZMoveStage } from '../services/stage-moves';

const ZIdempotencyKey = z.string().min(1).max(200).optional();

function idempotencyKeyOf(header: string | string[] | undefined): string | undefined {
  const parsed = ZIdempotencyKey.safeParse(Array.isArray(header) ? header[0] : header);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', 'Idempotency-Key header must be 1-200 characters', [{ path: 'headers.idempotency-key', message: 'invalid' }]);
  return parsed.data;
}

export const applicationRoutes = [
  defineRoute({
    method: 'post', path: '/api/applications', summary: 'Submit an application for a job (starts its pipeline run)', access: ['ADMIN', 'RECRUITER', 'COORDINATOR'],
    body: ZApplyRequest, bodyLimit: '100kb',
    handler: async ({ services, auth, body, req }) => {
      const { application, run, isReplay } = await submitApplication(services, auth.orgId, body, idempotencyKeyOf(req.headers['idempotency-key']));
      return { status: isReplay ? 200 : 201, body: { ...application, run: run && { id: run.id, workflowId: run.workflowId, status: run.status } } };
    },
  }),
  defineRoute({
    method: 'post', path: '/api/public/orgs/:orgSlug/applications', summary: 'Public apply endpoint (no login)', access: 'public',
    params: z.object({ orgSlug: z.string().min(1).max(100) }).strict(), body: ZApplyRequest, bodyLimit: '100kb',
    handler: async ({ services, params, body, req }) => {
      const org = await services.prisma.organization.findUnique({ where: { slug: params.orgSlug } });
      if (!org) throw notFound('Organization', params.orgSlug);
      const job = await services.prisma.job.findFirst({ where: { id: body.jobId, orgId: org.id, status: 'OPEN' } });
      if (!job) throw notFound('Open job', body.jobId);
      const { application, isReplay } = await submitApplication(services, org.id, { ...body, source: body.source ?? 'careers_page' }, idempotencyKeyOf(req.headers['idempotency-key']));
      return { status: isReplay ? 200 : 201, body: { id: application.id, status: 'received' } };
    },
  }),
  defineRoute({
    method: 'get', path: '/api/applications/:id', summary: 'An application with its stage history and runs', access: 'authenticated',
    params: z.object({ id: z.string().min(1) }).strict(),
    handler: async ({ services, auth, params }) => {
      const application = await services.prisma.application.findFirst({
        where: { id: params.id, orgId: auth.orgId },
        include: {
          stage: true, job: { select: { id: true, title: true } },
          candidate: { select: { id: true, firstName: true, lastName: true, email: true } },
          transitions: { orderBy: { at: 'asc' } }, runs: { select: { id: true, workflowId: true, status: true, currentNodeId: true } },
          scorecards: auth.role === 'INTERVIEWER' ? { where: { interviewerId: auth.userId } } : true,
        },
      });
      if (!application) throw notFound('Application', params.id);
      return { body: application };
    },
  }),
  defineRoute({
    method: 'post', path: '/api/applications/:id/stage', summary: 'Move an application to another stage of its job (starts stage-entered pipelines)', access: ['ADMIN', 'RECRUITER', 'COORDINATOR'],
    params: z.object({ id: z.string().min(1) }).strict(), body: ZMoveStage, bodyLimit: '10kb',
    handler: async ({ services, auth, params, body }) => ({ body: await moveApplicationStage(services, auth, params.id, body) }),
  }),
];
