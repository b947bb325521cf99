// Compliance: the audit log, for admins only.
import { defineRoute } from '../route';
import { listAuditEvents, ZAuditQuery } from '../services/audit-log';

export const auditRoutes = [
  defineRoute({
    method: 'get', path: '/api/audit', summary: 'Audit log: who changed what, when, before and after (newest first; filter by entity, actor, action, time)', access: ['ADMIN'],
    query: ZAuditQuery,
    handler: async ({ services, auth, query }) => ({ body: await listAuditEvents(services, auth.orgId, query) }),
  }),
];
