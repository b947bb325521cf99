// Candidate search and saved searches. Recruiting roles only: a hiring manager
// or interviewer sees candidates through their jobs and interviews, not the
// whole organization's talent database.
import { z } from 'zod';
import { defineRoute } from '../route';
import { ZCandidateSearchPage, ZCandidateSearchRequest } from '../search/candidate-search-request';
import { searchCandidates } from '../services/search-candidates';
import { createSavedSearch, deleteSavedSearch, listSavedSearches, runSavedSearch, ZCreateSavedSearch } from '../services/saved-searches';

const SEARCHERS = ['ADMIN', 'RECRUITER', 'COORDINATOR'] as const;
const ZIdParams = z.object({ id: z.string().min(1).max(64) }).strict();

export const searchRoutes = [
  defineRoute({
    method: 'post', path: '/api/search/candidates', summary: 'Search candidates: keywords over profiles and resumes, filters, relevance or recency, keyset pages', access: SEARCHERS,
    body: ZCandidateSearchRequest, bodyLimit: '20kb',
    handler: async ({ services, auth, body }) => {
      const { cursor, limit, ...query } = body;
      return { body: await searchCandidates(services.pool, auth.orgId, query, { cursor, limit }) };
    },
  }),
  defineRoute({
    method: 'get', path: '/api/saved-searches', summary: 'My saved searches and those shared in the organization', access: SEARCHERS,
    query: z.object({}).strict(),
    handler: async ({ services, auth }) => ({ body: await listSavedSearches(services.prisma, auth) }),
  }),
  defineRoute({
    method: 'post', path: '/api/saved-searches', summary: 'Save a search (name unique per owner; optionally shared)', access: SEARCHERS,
    body: ZCreateSavedSearch, bodyLimit: '20kb',
    handler: async ({ services, auth, body }) => ({ status: 201, body: await createSavedSearch(services.prisma, auth, body) }),
  }),
  defineRoute({
    method: 'post', path: '/api/saved-searches/:id/run', summary: 'Run a saved search (one page; pass the returned cursor for the next)', access: SEARCHERS,
    params: ZIdParams, body: ZCandidateSearchPage.default({}), bodyLimit: '5kb',
    handler: async ({ services, auth, params, body }) => ({ body: await runSavedSearch(services.pool, services.prisma, auth, params.id, body) }),
  }),
  defineRoute({
    method: 'delete', path: '/api/saved-searches/:id', summary: 'Delete a saved search (its owner or an admin)', access: SEARCHERS,
    params: ZIdParams,
    handler: async ({ services, auth, params }) => {
      await deleteSavedSearch(services.prisma, auth, params.id);
      return { status: 204 };
    },
  }),
];
