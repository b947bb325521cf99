// Progress of long work (imports, enrollments, sweeps) for the progress bars of the UI.
import { z } from 'zod';
import { defineRoute } from '../route';
import { getBulkJob, listBulkJobs } from '../services/bulk-jobs';

const ORG_WIDE = ['ADMIN', 'RECRUITER', 'COORDINATOR'] as const;
const ZParams = z.object({ id: z.string().min(1).max(100) }).strict();
const ZListQuery = z
  .object({
    kind: z.enum(['import_csv', 'import_json_resume', 'campaign_enroll', 'retention']).optional(),
    subjectId: z.string().min(1).max(100).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

export const bulkJobRoutes = [
  defineRoute({
    method: 'get', path: '/api/bulk-jobs', summary: 'Recent imports, enrollments and sweeps, newest first, with progress', access: ORG_WIDE, query: ZListQuery,
    handler: async ({ services, auth, query }) => ({ body: await listBulkJobs(services, auth.orgId, query) }),
  }),
  defineRoute({
    method: 'get', path: '/api/bulk-jobs/:id', summary: 'One import, enrollment or sweep: status, processed/total, the report when finished', access: ORG_WIDE, params: ZParams,
    handler: async ({ services, auth, params }) => ({ body: await getBulkJob(services, auth.orgId, params.id) }),
  }),
];
