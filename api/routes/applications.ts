// Applications: submit (recruiter-added; public apply is routes/public-apply.ts) and read.
import { z } from 'zod';
import { defineRoute } from '../route';
import { notFound } from '../errors';
import { submitApplication, ZApplyRequest } from '../services/applications';
import { moveApplicationStage, ZMoveStage } from '../services/stage-moves';
import { idempotencyKeyOf } from './public-apply';
import { scorecardVisibility } from '../services/interviews/scorecards';

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
    method: 'get', path: '/api/applications/:id', scope: { kind: 'application' }, summary: 'An application with its stage history and runs', access: 'authenticated',
    params: z.object({ id: z.string().min(1) }).strict(),
    handler: async ({ services, auth, params }) => {
      const application = await services.prisma.application.findFirst({
        where: { id: params.id, orgId: auth.orgId },
        include: {
          stage: true, job: { select: { id: true, title: true } },
          candidate: { select: { id: true, firstName: true, lastName: true, email: true } },
          transitions: { orderBy: { at: 'asc' } }, runs: { select: { id: true, workflowId: true, status: true, currentNodeId: true } },
        },
      });
      if (!application) throw notFound('Application', params.id);
      // The panel's independence rule, as on GET /api/applications/:id/scorecards: a panelist (an interviewer, or
      // a hiring manager on the panel) reads others' scorecards only after submitting their own.
      const visibility = await scorecardVisibility(services, auth, params.id);
      const scorecards = await services.prisma.scorecard.findMany({
        where: { applicationId: params.id, orgId: auth.orgId, ...(!visibility || visibility.isOwnOnly ? { interviewerId: auth.userId } : {}) },
        orderBy: { submittedAt: 'asc' },
      });
      return { body: { ...application, scorecards } };
    },
  }),
  defineRoute({
    method: 'post', path: '/api/applications/:id/stage', scope: { kind: 'application' }, summary: 'Move an application to another stage of its job (starts stage-entered pipelines)', access: ['ADMIN', 'RECRUITER', 'COORDINATOR'],
    params: z.object({ id: z.string().min(1) }).strict(), body: ZMoveStage, bodyLimit: '10kb',
    handler: async ({ services, auth, params, body }) => ({ body: await moveApplicationStage(services, auth, params.id, body) }),
  }),
];
