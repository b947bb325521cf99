// Candidates: the small look-up behind candidate pickers, adding a person found by sourcing (a prospect, or
// their existing profile filled in), editing a profile's CRM fields, and tags across many people.
import { z } from 'zod';
import { defineRoute } from '../route';
import { ORG_WIDE_ROLES } from '../sessions/access-scope';
import { findCandidates, ZFindCandidatesQuery } from '../services/find-candidates';
import { createProspect, ZCreateProspectRequest } from '../services/crm/create-prospect';
import { bulkTagCandidates, listTags, ZBulkTagRequest, ZTagListQuery } from '../services/crm/candidate-tags';
import { updateCandidateProfile, ZCandidateProfilePatch } from '../services/candidates/update-candidate-profile';
import { getCandidateProfile } from '../services/candidates/get-candidate-profile';

const WRITERS = ['ADMIN', 'RECRUITER'] as const;

export const candidateRoutes = [
  defineRoute({
    method: 'get', path: '/api/candidates', summary: 'Candidates of the organization whose name or email contains q (at most 50); org-wide roles only (hiring managers and interviewers reach candidates through their jobs and interviews)', access: ORG_WIDE_ROLES,
    query: ZFindCandidatesQuery,
    handler: async ({ services, auth, query }) => ({ body: await findCandidates(services, auth.orgId, query) }),
  }),
  defineRoute({
    method: 'post', path: '/api/candidates', access: WRITERS, body: ZCreateProspectRequest,
    summary: 'Add a person as a prospect (name, and an email, a phone with its country or a profile link; source, referrer, links, interest level, tags, skills; optionally into a pool). A person already known by email, phone, or a profile link and the same name is not duplicated: their empty fields are filled and tags added (200 with outcome merged or unchanged); a new profile is 201',
    handler: async ({ services, auth, body }) => {
      const result = await createProspect(services, auth, body);
      return { status: result.outcome === 'created' ? 201 : 200, body: result };
    },
  }),
  defineRoute({
    method: 'patch', path: '/api/candidates/:id', scope: { kind: 'candidate' }, access: WRITERS,
    params: z.object({ id: z.string().min(1).max(64) }).strict(), body: ZCandidateProfilePatch,
    summary: 'Edit a profile: name, email, phone, time zone, place, headline, source, referrer (a user), links (LinkedIn, GitHub, website, others), interest level (COLD, WARM, HOT, NOT_INTERESTED), tags, skills. Answers the profile',
    handler: async ({ services, auth, params, body }) => {
      await updateCandidateProfile(services.pool, auth, params.id, body);
      return { body: await getCandidateProfile(services.pool, auth, params.id) };
    },
  }),
  defineRoute({
    method: 'get', path: '/api/tags', access: ORG_WIDE_ROLES, query: ZTagListQuery,
    summary: 'Tags in use on live profiles, most used first, with counts; q filters by prefix',
    handler: async ({ services, auth, query }) => ({ body: await listTags(services.pool, auth.orgId, query) }),
  }),
  defineRoute({
    method: 'post', path: '/api/tags/bulk', access: WRITERS, body: ZBulkTagRequest,
    summary: 'Add and/or remove tags on up to 10,000 people at once (all must be live candidates of your organization)',
    handler: async ({ services, auth, body }) => ({ body: await bulkTagCandidates(services.pool, auth, body) }),
  }),
];
