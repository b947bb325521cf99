// The organization's people, for pickers (hiring team, approvers): minimal
// fields only, and only for the roles that staff jobs.
import { z } from 'zod';
import { defineRoute } from '../route';

export const userRoutes = [
  defineRoute({
    method: 'get', path: '/api/users', summary: "The organization's active users (id, name, email, role) for hiring-team and approver pickers", access: ['ADMIN', 'RECRUITER', 'COORDINATOR'],
    query: z.object({ includeDeactivated: z.enum(['true', 'false']).default('false') }).strict(),
    handler: async ({ services, auth, query }) => ({
      body: await services.prisma.user.findMany({
        where: { orgId: auth.orgId, ...(query.includeDeactivated === 'true' ? {} : { deactivated: false }) },
        select: { id: true, name: true, email: true, role: true, deactivated: true },
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
      }),
    }),
  }),
];
