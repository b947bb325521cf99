// Runs: one candidate's journey through one pipeline version.
import { z } from 'zod';
import { defineRoute } from '../route';
import { ORG_WIDE_ROLES } from '../sessions/access-scope';
import { getRun } from '../services/runs';
import { sendRunEvent, ZRunEventRequest } from '../services/run-signals';

export const runRoutes = [
  defineRoute({
    method: 'get', path: '/api/runs', summary: 'Recent runs of the organization (org-wide roles; a run of one application is reachable by its id within scope)', access: ORG_WIDE_ROLES,
    query: z.object({ status: z.enum(['PENDING', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED']).optional() }).strict(),
    handler: async ({ services, auth, query }) => ({
      body: await services.prisma.run.findMany({
        where: { orgId: auth.orgId, ...(query.status ? { status: query.status } : {}) },
        orderBy: { startedAt: 'desc' }, take: 200,
        select: {
          id: true, workflowId: true, status: true, currentNodeId: true, startedAt: true, endedAt: true,
          candidate: { select: { firstName: true, lastName: true, email: true } },
          version: { select: { version: true, pipeline: { select: { id: true, name: true } } } },
        },
      }),
    }),
  }),
  defineRoute({
    method: 'get', path: '/api/runs/:id', scope: { kind: 'run' }, summary: 'A run: current node, steps taken, link to Temporal', access: 'authenticated',
    params: z.object({ id: z.string().min(1) }).strict(),
    handler: async ({ services, auth, params }) => ({ body: await getRun(services, auth.orgId, params.id) }),
  }),
  defineRoute({
    method: 'post', path: '/api/runs/:id/events', scope: { kind: 'run' }, summary: 'Send an event to a run (a reply, a form, a withdrawal...): resumes waits and exit conditions', access: ['ADMIN', 'RECRUITER', 'COORDINATOR'],
    params: z.object({ id: z.string().min(1) }).strict(), body: ZRunEventRequest, bodyLimit: '100kb',
    handler: async ({ services, auth, params, body }) => ({ status: 202, body: await sendRunEvent(services, auth.orgId, params.id, body) }),
  }),
];
