// Segments: saved dynamic queries over profiles (skills, location, interest, tags, engagement, last contacted,
// stages reached, applications, pools...), with live counts and member pages. The query language is
// ZSegmentQuery (api/services/segments/segment-query.ts); campaigns aim at segments.
import { z } from 'zod';
import { defineRoute } from '../route';
import { ORG_WIDE_ROLES } from '../sessions/access-scope';
import { ZSegmentQuery } from '../services/segments/segment-query';
import {
  countUnsavedSegment, createSegment, deleteSegment, getSegment, getSegmentWithMembers, listSegments, segmentMembersPage, updateSegment,
  ZMembersPage, ZSegmentInput, ZSegmentPatch, ZUnsavedMembersRequest,
} from '../services/segments/segments';
import { assertSegmentReferences } from '../services/segments/segment-references';

const WRITERS = ['ADMIN', 'RECRUITER'] as const;
const ZParams = z.object({ id: z.string().min(1).max(64) }).strict();

export const segmentRoutes = [
  defineRoute({
    method: 'get', path: '/api/segments', access: ORG_WIDE_ROLES,
    summary: 'Saved segments of the organization, by name (without counts: ask each segment, or POST /api/segments/count)',
    handler: async ({ services, auth }) => ({ body: await listSegments(services.pool, auth.orgId) }),
  }),
  defineRoute({
    method: 'post', path: '/api/segments/count', access: ORG_WIDE_ROLES, body: z.object({ query: ZSegmentQuery }).strict(),
    summary: 'Live count of an unsaved segment query (live profiles: not merged, not erased); records it names must be your organization\'s',
    handler: async ({ services, auth, body }) => ({ body: await countUnsavedSegment(services.pool, auth.orgId, body.query) }),
  }),
  defineRoute({
    method: 'post', path: '/api/segments/members', access: ORG_WIDE_ROLES, body: ZUnsavedMembersRequest,
    summary: 'A page of the members of an unsaved segment query, newest profile first (keyset cursor)',
    handler: async ({ services, auth, body }) => {
      await assertSegmentReferences(services.pool, auth.orgId, body.query, 'body.query');
      return { body: await segmentMembersPage(services.pool, auth.orgId, body.query, body, 'body.cursor') };
    },
  }),
  defineRoute({
    method: 'post', path: '/api/segments', access: WRITERS, body: ZSegmentInput,
    summary: 'Save a segment: a unique name and a query (ZSegmentQuery: an AND of conditions, with one level of any_of groups)',
    handler: async ({ services, auth, body }) => ({ status: 201, body: await createSegment(services.pool, auth, body) }),
  }),
  defineRoute({
    method: 'get', path: '/api/segments/:id', access: ORG_WIDE_ROLES, params: ZParams, query: ZMembersPage,
    summary: 'A saved segment with its live count and a page of members (newest profile first; cursor for the next page)',
    handler: async ({ services, auth, params, query }) => ({ body: await getSegmentWithMembers(services.pool, auth.orgId, params.id, query) }),
  }),
  defineRoute({
    method: 'get', path: '/api/segments/:id/members', access: ORG_WIDE_ROLES, params: ZParams, query: ZMembersPage,
    summary: 'The next pages of a saved segment\'s members (keyset cursor from the previous page)',
    handler: async ({ services, auth, params, query }) => {
      const segment = await getSegment(services.pool, auth.orgId, params.id);
      return { body: await segmentMembersPage(services.pool, auth.orgId, segment.query, query, 'query.cursor') };
    },
  }),
  defineRoute({
    method: 'patch', path: '/api/segments/:id', access: WRITERS, params: ZParams, body: ZSegmentPatch,
    summary: 'Rename a segment or replace its query (campaigns aiming at it enroll by the new query from then on)',
    handler: async ({ services, auth, params, body }) => ({ body: await updateSegment(services.pool, auth, params.id, body) }),
  }),
  defineRoute({
    method: 'delete', path: '/api/segments/:id', access: WRITERS, params: ZParams,
    summary: 'Delete a segment (409 while a campaign aims at it)',
    handler: async ({ services, auth, params }) => {
      await deleteSegment(services.pool, auth, params.id);
      return { status: 204 };
    },
  }),
];
