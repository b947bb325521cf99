// Analytics: hiring, CRM and forecast reports computed from recorded facts (docs/metrics.md), each as JSON
// or CSV, with a drill-down from every number to the people behind it. Hiring managers read hiring and
// forecast reports for their own jobs; CRM reports are for org-wide roles.
import { z } from 'zod';
import { defineRoute } from '../route';
import { drillReport, listReports, runReport, writeDrillCsv, writeReportCsv, ZDrillRequest, ZReportRequest } from '../services/analytics/run-report';

const READERS = ['ADMIN', 'RECRUITER', 'COORDINATOR', 'HIRING_MANAGER'] as const;
const ZParams = z.object({ id: z.string().min(1).max(64) }).strict();

export const analyticsRoutes = [
  defineRoute({
    method: 'get', path: '/api/analytics/reports', access: READERS,
    summary: 'The reports you may read: id, area (hiring, crm, forecast), title, definition (docs/metrics.md anchor) and the filters each takes',
    handler: async ({ auth }) => ({ body: listReports(auth) }),
  }),
  defineRoute({
    method: 'get', path: '/api/analytics/reports/:id', access: READERS, params: ZParams, query: ZReportRequest,
    summary: 'A report computed now or as of a past date (asOf), over a period (from, to) and filters; format=csv downloads its table',
    handler: async ({ services, auth, params, query, res }) => {
      const { format, ...filters } = query;
      const result = await runReport(services, auth, params.id, filters);
      if (format !== 'csv') return { body: result };
      await writeReportCsv(res, result);
      return { isRaw: true };
    },
  }),
  defineRoute({
    method: 'get', path: '/api/analytics/reports/:id/drill', access: READERS, params: ZParams, query: ZDrillRequest,
    summary: 'The people behind one number of a report (row and column keys, same filters): pages of 100 (limit, offset), or every row with format=csv',
    handler: async ({ services, auth, params, query, res }) => {
      if (query.format !== 'csv') return { body: await drillReport(services, auth, params.id, query) };
      await writeDrillCsv(services, auth, params.id, query, res);
      return { isRaw: true };
    },
  }),
];
