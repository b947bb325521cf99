// The recruiter inbox: tasks created by runs (and offers), listing them by SLA,
// moving them between people and over time, and completing them.
import { z } from 'zod';
import { defineRoute } from '../route';
import { submitFeedback, ZFeedbackRequest } from '../services/tasks';
import { completeTask, decideApproval, ZCompleteTask, ZDecideApproval } from '../services/task-actions';
import { listInbox, ZInboxQuery } from '../services/inbox';
import { claimTask, reassignTask, snoozeTask, ZReassignTask, ZSnoozeTask } from '../services/task-moves';

const ZTaskParams = z.object({ id: z.string().min(1).max(100) }).strict();

export const inboxRoutes = [
  defineRoute({
    method: 'get', path: '/api/tasks',
    summary: 'Inbox tasks by SLA due time (keyset): state open/snoozed/completed/cancelled; filter by assignee (me, unassigned, a user), job, due (overdue, today, week), kind; counts per state',
    access: 'authenticated', query: ZInboxQuery,
    handler: async ({ services, auth, query }) => ({ body: await listInbox(services, auth, query) }),
  }),
  defineRoute({
    method: 'post', path: '/api/tasks/:id/claim', scope: { kind: 'task' }, summary: 'Take an unassigned role task (it becomes yours)', access: 'authenticated',
    params: ZTaskParams,
    handler: async ({ services, auth, params }) => ({ body: await claimTask(services, auth, params.id) }),
  }),
  defineRoute({
    method: 'post', path: '/api/tasks/:id/snooze', scope: { kind: 'task' }, summary: 'Hide an open task from the inbox until a time (null wakes it)', access: 'authenticated',
    params: ZTaskParams, body: ZSnoozeTask, bodyLimit: '10kb',
    handler: async ({ services, auth, params, body }) => ({ body: await snoozeTask(services, auth, params.id, body) }),
  }),
  defineRoute({
    method: 'post', path: '/api/tasks/:id/reassign', scope: { kind: 'task' }, summary: 'Hand an open task to another user of the organization', access: 'authenticated',
    params: ZTaskParams, body: ZReassignTask, bodyLimit: '10kb',
    handler: async ({ services, auth, params, body }) => ({ body: await reassignTask(services, auth, params.id, body) }),
  }),
  defineRoute({
    method: 'post', path: '/api/tasks/:id/feedback', scope: { kind: 'task' }, summary: 'Submit a scorecard for a feedback task; resumes the waiting run', access: 'authenticated',
    params: z.object({ id: z.string().min(1) }).strict(), body: ZFeedbackRequest, bodyLimit: '100kb',
    handler: async ({ services, auth, params, body }) => ({ status: 202, body: await submitFeedback(services, auth.orgId, auth.userId, params.id, body) }),
  }),
  defineRoute({
    method: 'post', path: '/api/tasks/:id/complete', scope: { kind: 'task' }, summary: 'Complete a task with an outcome; resumes the waiting run. `accepted` sets {{task.accepted}}; an APPROVE task takes outcome { approved, comment? }', access: 'authenticated',
    params: z.object({ id: z.string().min(1) }).strict(), body: ZCompleteTask, bodyLimit: '100kb',
    handler: async ({ services, auth, params, body }) => ({ status: 202, body: await completeTask(services, auth, params.id, body) }),
  }),
  defineRoute({
    method: 'post', path: '/api/tasks/:id/decision', scope: { kind: 'task' }, summary: 'Approve or reject an approval task (its approver or an admin)', access: 'authenticated',
    params: z.object({ id: z.string().min(1) }).strict(), body: ZDecideApproval, bodyLimit: '20kb',
    handler: async ({ services, auth, params, body }) => ({ status: 202, body: await decideApproval(services, auth, params.id, body) }),
  }),
];
