// Talent pools: hand-kept lists of people. CRUD, members added or removed by id, everyone a segment or a
// search finds added at once, members paged (most recently added first).
import { z } from 'zod';
import { defineRoute } from '../route';
import { ORG_WIDE_ROLES } from '../sessions/access-scope';
import {
  createTalentPool, deleteTalentPool, getTalentPool, listTalentPools, updateTalentPool, ZTalentPoolInput, ZTalentPoolListQuery, ZTalentPoolPatch,
} from '../services/crm/talent-pools';
import { addPoolMembers, addPoolMembersFrom, listPoolMembers, removePoolMembers, ZPoolMemberIds, ZPoolMembersFrom, ZPoolMembersPage } from '../services/crm/pool-members';

const WRITERS = ['ADMIN', 'RECRUITER'] as const;
const ZParams = z.object({ id: z.string().min(1).max(64) }).strict();

export const talentPoolRoutes = [
  defineRoute({
    method: 'get', path: '/api/talent-pools', access: ORG_WIDE_ROLES, query: ZTalentPoolListQuery,
    summary: 'Talent pools by name, each with its count of live members; q filters by name',
    handler: async ({ services, auth, query }) => ({ body: await listTalentPools(services.pool, auth.orgId, query) }),
  }),
  defineRoute({
    method: 'post', path: '/api/talent-pools', access: WRITERS, body: ZTalentPoolInput,
    summary: 'Create a talent pool (a unique name, an optional description)',
    handler: async ({ services, auth, body }) => ({ status: 201, body: await createTalentPool(services.pool, auth, body) }),
  }),
  defineRoute({
    method: 'get', path: '/api/talent-pools/:id', access: ORG_WIDE_ROLES, params: ZParams,
    summary: 'One talent pool with its member count',
    handler: async ({ services, auth, params }) => ({ body: await getTalentPool(services.pool, auth.orgId, params.id) }),
  }),
  defineRoute({
    method: 'patch', path: '/api/talent-pools/:id', access: WRITERS, params: ZParams, body: ZTalentPoolPatch,
    summary: 'Rename a talent pool or change its description',
    handler: async ({ services, auth, params, body }) => ({ body: await updateTalentPool(services.pool, auth, params.id, body) }),
  }),
  defineRoute({
    method: 'delete', path: '/api/talent-pools/:id', access: WRITERS, params: ZParams,
    summary: 'Delete a talent pool and its memberships (409 while a campaign, an event or a saved segment uses it)',
    handler: async ({ services, auth, params }) => {
      await deleteTalentPool(services.pool, auth, params.id);
      return { status: 204 };
    },
  }),
  defineRoute({
    method: 'get', path: '/api/talent-pools/:id/members', access: ORG_WIDE_ROLES, params: ZParams, query: ZPoolMembersPage,
    summary: 'Members of a pool, most recently added first (keyset cursor)',
    handler: async ({ services, auth, params, query }) => ({ body: await listPoolMembers(services.pool, auth.orgId, params.id, query) }),
  }),
  defineRoute({
    method: 'post', path: '/api/talent-pools/:id/members', access: WRITERS, params: ZParams, body: ZPoolMemberIds,
    summary: 'Add people to a pool by id (at most 1,000; all must be live candidates of your organization); people already in it are counted, not added twice',
    handler: async ({ services, auth, params, body }) => ({ body: await addPoolMembers(services.pool, auth, params.id, body.candidateIds) }),
  }),
  defineRoute({
    method: 'post', path: '/api/talent-pools/:id/members/remove', access: WRITERS, params: ZParams, body: ZPoolMemberIds,
    summary: 'Remove people from a pool by id (at most 1,000)',
    handler: async ({ services, auth, params, body }) => ({ body: await removePoolMembers(services.pool, auth, params.id, body.candidateIds) }),
  }),
  defineRoute({
    method: 'post', path: '/api/talent-pools/:id/members/bulk', access: WRITERS, params: ZParams, body: ZPoolMembersFrom,
    summary: 'Add everyone a saved segment ({segmentId}), an unsaved segment query ({query}) or a candidate search ({search}: its filters, every page) finds now, in one statement',
    handler: async ({ services, auth, params, body }) => ({ body: await addPoolMembersFrom(services.pool, auth, params.id, body) }),
  }),
];
