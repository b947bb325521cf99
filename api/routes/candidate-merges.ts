// Duplicates on demand, merge and undo (docs/ats-data-model.md, Duplicates and merge).
import { z } from 'zod';
import { defineRoute } from '../route';
import { notFound } from '../errors';
import { ORG_WIDE_ROLES } from '../sessions/access-scope';
import { findDuplicates } from '../apply/find-duplicates';
import { mergeCandidates, undoCandidateMerge } from '../merge/merge-candidates';

const ZId = z.object({ id: z.string().min(1).max(100) }).strict();

export const candidateMergeRoutes = [
  defineRoute({
    method: 'get', path: '/api/candidates/:id/duplicates', summary: 'Likely duplicates of a candidate: same email, same phone (E.164), or same name with a shared LinkedIn/GitHub/site', access: ORG_WIDE_ROLES,
    params: ZId, scope: { kind: 'candidate' },
    handler: async ({ services, auth, params }) => {
      const me = await services.prisma.candidate.findFirst({ where: { id: params.id, orgId: auth.orgId }, select: { id: true, email: true, phoneE164: true, linkKeys: true, firstName: true, lastName: true } });
      if (!me) throw notFound('Candidate', params.id);
      return { body: { items: await findDuplicates(services.prisma, auth.orgId, me) } };
    },
  }),
  defineRoute({
    method: 'post', path: '/api/candidates/:id/merge', summary: 'Merge the duplicate (body.duplicateId) into this candidate, keeping all history; undo with POST /api/candidate-merges/:id/undo', access: ORG_WIDE_ROLES,
    params: ZId, scope: { kind: 'candidate' }, body: z.object({ duplicateId: z.string().min(1).max(100) }).strict(), bodyLimit: '4kb',
    handler: async ({ services, auth, params, body }) => ({ status: 201, body: await mergeCandidates(services.pool, auth.orgId, params.id, body.duplicateId, auth.userId) }),
  }),
  defineRoute({
    method: 'post', path: '/api/candidate-merges/:id/undo', summary: 'Undo a merge: the duplicate and exactly the rows that moved come back, the survivor gets its previous values', access: ORG_WIDE_ROLES,
    params: ZId,
    handler: async ({ services, auth, params }) => ({ body: await undoCandidateMerge(services.pool, auth.orgId, params.id, auth.userId) }),
  }),
];
