// Explainable fit ranking of candidates for a job (docs/metrics.md#fit-ranking): applicants, prospects or
// both, each with a score and the reasons behind it. Org-wide roles for any job; a hiring manager for their
// own jobs' applicants (prospects are the organization's people, outside a hiring manager's scope).
import { z } from 'zod';
import { defineRoute } from '../route';
import { AppError } from '../errors';
import { ORG_WIDE_ROLES } from '../sessions/access-scope';
import { rankCandidatesForJob } from '../services/fit/rank-candidates';

const ZFitParams = z.object({ id: z.string().min(1).max(100) }).strict();
export const ZFitQuery = z.object({
  kind: z.enum(['applicants', 'prospects', 'all']).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
}).strict();

export const fitRoutes = [
  defineRoute({
    method: 'get', path: '/api/jobs/:id/fit', scope: { kind: 'job' }, access: ['ADMIN', 'RECRUITER', 'COORDINATOR', 'HIRING_MANAGER'], params: ZFitParams, query: ZFitQuery,
    summary: 'Candidates ranked by explainable fit for a job (skills, experience, location; each with points and reason): applicants (default), prospects or all',
    handler: async ({ services, auth, params, query }) => {
      const kind = query.kind ?? 'applicants';
      if (!ORG_WIDE_ROLES.includes(auth.role) && kind !== 'applicants') {
        throw new AppError('FORBIDDEN', 'hiring managers rank their jobs\' applicants only', [{ path: 'query.kind', message: 'prospects are the organization\'s people: ask a recruiter' }]);
      }
      return { body: await rankCandidatesForJob(services.pool, auth.orgId, params.id, { kind, limit: query.limit ?? 50, offset: query.offset ?? 0 }) };
    },
  }),
];
