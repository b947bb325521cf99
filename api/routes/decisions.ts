// Decisions on applications (advance, or reject with a reason) and the
// organization's rejection reasons.
import { z } from 'zod';
import { defineRoute } from '../route';
import { decideApplication, ZApplicationDecision } from '../services/decisions/decide-application';
import { createRejectionReason, listRejectionReasons, updateRejectionReason, ZCreateRejectionReason, ZUpdateRejectionReason } from '../services/decisions/rejection-reasons';

const ZIdParams = z.object({ id: z.string().min(1).max(100) }).strict();
const DECIDERS = ['ADMIN', 'RECRUITER'] as const;

export const decisionRoutes = [
  defineRoute({
    method: 'post', path: '/api/applications/:id/decision', scope: { kind: 'application' }, summary: 'Advance an application (to a stage or the next one) or reject it with a reason and note; recorded with who and when', access: DECIDERS,
    params: ZIdParams, body: ZApplicationDecision, bodyLimit: '20kb',
    handler: async ({ services, auth, params, body }) => ({ body: await decideApplication(services, auth, params.id, body) }),
  }),
  defineRoute({
    method: 'get', path: '/api/rejection-reasons', summary: "The organization's rejection reasons (archived ones with ?includeArchived=true)", access: 'authenticated',
    query: z.object({ includeArchived: z.enum(['true', 'false']).default('false') }).strict(),
    handler: async ({ services, auth, query }) => ({ body: await listRejectionReasons(services, auth.orgId, query.includeArchived === 'true') }),
  }),
  defineRoute({
    method: 'post', path: '/api/rejection-reasons', summary: 'Add a rejection reason', access: DECIDERS, body: ZCreateRejectionReason, bodyLimit: '10kb',
    handler: async ({ services, auth, body }) => ({ status: 201, body: await createRejectionReason(services, auth, body) }),
  }),
  defineRoute({
    method: 'patch', path: '/api/rejection-reasons/:id', summary: 'Rename, reorder or archive a rejection reason', access: DECIDERS, params: ZIdParams, body: ZUpdateRejectionReason, bodyLimit: '10kb',
    handler: async ({ services, auth, params, body }) => ({ body: await updateRejectionReason(services, auth, params.id, body) }),
  }),
];
