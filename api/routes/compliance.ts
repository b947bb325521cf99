// Compliance reads for admins: EEO answers (one application's, or counts per
// job) and the hiring records export. Nothing here is open to other roles.
import { z } from 'zod';
import { defineRoute } from '../route';
import { eeoForApplication, eeoReport } from '../services/compliance/eeo';
import { streamHiringRecords, ZHiringRecordsQuery } from '../services/compliance/hiring-records';

export const complianceRoutes = [
  defineRoute({
    method: 'get', path: '/api/reports/eeo', summary: 'EEO self-identification counts per answer, for the organization or one job (admins only)', access: ['ADMIN'],
    query: z.object({ jobId: z.string().min(1).max(100).optional() }).strict(),
    handler: async ({ services, auth, query }) => ({ body: await eeoReport(services, auth.orgId, query.jobId) }),
  }),
  defineRoute({
    method: 'get', path: '/api/applications/:id/eeo', scope: { kind: 'application' }, summary: "One application's EEO answers (admins only; never shown to reviewers or hiring managers)", access: ['ADMIN'],
    params: z.object({ id: z.string().min(1).max(100) }).strict(),
    handler: async ({ services, auth, params }) => ({ body: await eeoForApplication(services, auth.orgId, params.id) }),
  }),
  defineRoute({
    method: 'get', path: '/api/exports/hiring-records.csv', summary: 'Hiring records as CSV (applications with stages, decisions, offers, sources), streamed without a row cap (admins only)', access: ['ADMIN'],
    query: ZHiringRecordsQuery,
    handler: async ({ services, auth, query, res }) => {
      await streamHiringRecords(services, auth.orgId, query, res);
      return { isRaw: true };
    },
  }),
];
