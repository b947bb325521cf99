// The recruiter inbox: tasks created by runs, and completing them.
import { z } from 'zod';
import { defineRoute } from '../route';
import { submitFeedback, ZFeedbackRequest } from '../services/tasks';
import { completeTask, decideApproval, ZCompleteTask, ZDecideApproval } from '../services/task-actions';

export const inboxRoutes = [
  defineRoute({
    method: 'get', path: '/api/inbox', summary: 'Tasks, open by default; filter by assignee, job, due date', access: 'authenticated',
    query: z.object({
      status: z.enum(['OPEN', 'COMPLETED', 'CANCELLED']).default('OPEN'),
      assignee: z.enum(['me', 'anyone']).default('anyone'),
      jobId: z.string().optional(),
      dueBefore: z.coerce.date().optional(),
    }).strict(),
    handler: async ({ services, auth, query }) => {
      const tasks = await services.prisma.task.findMany({
        where: {
          orgId: auth.orgId, status: query.status,
          ...(query.assignee === 'me' ? { assigneeId: auth.userId } : {}),
          ...(query.dueBefore ? { dueAt: { lte: query.dueBefore } } : {}),
          ...(query.jobId ? { applicationId: { in: (await services.prisma.application.findMany({ where: { orgId: auth.orgId, jobId: query.jobId }, select: { id: true } })).map((a) => a.id) } } : {}),
        },
        orderBy: [{ dueAt: 'asc' }, { createdAt: 'asc' }],
        take: 500,
        include: { candidate: { select: { id: true, firstName: true, lastName: true, email: true } }, assignee: { select: { id: true, name: true } } },
      });
      const applications = await services.prisma.application.findMany({
        where: { id: { in: tasks.map((t) => t.applicationId).filter((x): x is string => !!x) } },
        select: { id: true, job: { select: { id: true, title: true } }, stage: { select: { key: true, name: true } } },
      });
      const byId = new Map(applications.map((a) => [a.id, a]));
      const now = Date.now();
      return { body: tasks.map((t) => ({ ...t, application: t.applicationId ? byId.get(t.applicationId) ?? null : null, isOverdue: t.status === 'OPEN' && !!t.dueAt && t.dueAt.getTime() < now })) };
    },
  }),
  defineRoute({
    method: 'post', path: '/api/tasks/:id/feedback', summary: 'Submit a scorecard for a feedback task; resumes the waiting run', access: 'authenticated',
    params: z.object({ id: z.string().min(1) }).strict(), body: ZFeedbackRequest, bodyLimit: '100kb',
    handler: async ({ services, auth, params, body }) => ({ status: 202, body: await submitFeedback(services, auth.orgId, auth.userId, params.id, body) }),
  }),
  defineRoute({
    method: 'post', path: '/api/tasks/:id/complete', summary: 'Complete a review, scheduling, decision or to-do task with an outcome; resumes the waiting run', access: 'authenticated',
    params: z.object({ id: z.string().min(1) }).strict(), body: ZCompleteTask, bodyLimit: '100kb',
    handler: async ({ services, auth, params, body }) => ({ status: 202, body: await completeTask(services, auth, params.id, body) }),
  }),
  defineRoute({
    method: 'post', path: '/api/tasks/:id/decision', summary: 'Approve or reject an approval task (its approver or an admin)', access: 'authenticated',
    params: z.object({ id: z.string().min(1) }).strict(), body: ZDecideApproval, bodyLimit: '20kb',
    handler: async ({ services, auth, params, body }) => ({ status: 202, body: await decideApproval(services, auth, params.id, body) }),
  }),
];
