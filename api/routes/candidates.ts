// Candidates: the small look-up behind candidate pickers.
import { defineRoute } from '../route';
import { ORG_WIDE_ROLES } from '../sessions/access-scope';
import { findCandidates, ZFindCandidatesQuery } from '../services/find-candidates';

export const candidateRoutes = [
  defineRoute({
    method: 'get', path: '/api/candidates', summary: 'Candidates of the organization whose name or email contains q (at most 50); org-wide roles only (hiring managers and interviewers reach candidates through their jobs and interviews)', access: ORG_WIDE_ROLES,
    query: ZFindCandidatesQuery,
    handler: async ({ services, auth, query }) => ({ body: await findCandidates(services, auth.orgId, query) }),
  }),
];
