// Put a task in someone's inbox and wait until it is done (or escalate when overdue).
import { z } from 'zod';
import { ZDuration, durationToMs } from '../schema';
import { defineNode } from '../node-definition';
import { ZAssignee } from './config-parts';
import type { TCreateTaskInput } from './people-collect-feedback';

export const TASK_KINDS = ['REVIEW', 'SCHEDULE', 'DECIDE', 'TODO'] as const;

export const ZCreateTaskConfig = z
  .object({
    title: z.string().min(1).max(200),
    kind: z.enum(TASK_KINDS).default('TODO'),
    assignee: ZAssignee.default({ role: 'RECRUITER' }),
    /** Sets the task's due date. */
    dueIn: ZDuration.optional(),
    /** How long after the due date the run stops waiting and leaves by "overdue". */
    escalateAfter: ZDuration.optional(),
  })
  .strict()
  .refine((c) => !c.escalateAfter || c.dueIn, { message: 'escalateAfter counts from the due date: set dueIn too', path: ['escalateAfter'] });
export type TCreateTaskConfig = z.infer<typeof ZCreateTaskConfig>;

/** The createTask activity's input with the kinds this node creates. */
export type TCreateInboxTaskInput = Omit<TCreateTaskInput, 'kind'> & { kind: (typeof TASK_KINDS)[number] };

/** The signal the API sends when a task is marked done: { taskId, outcome }. */
export const TASK_COMPLETED = 'task.completed';

const overdueAfterMs = (c: TCreateTaskConfig) => (c.dueIn && c.escalateAfter ? durationToMs(c.dueIn) + durationToMs(c.escalateAfter) : undefined);

export default defineNode({
  type: 'people.create_task',
  typeVersion: 1,
  category: 'people',
  label: 'Create task',
  docs:
    'Creates a task (review, schedule, decide or to-do) in the inbox of a user or the least-busy user with a role, ' +
    'optionally due after dueIn, and waits until it is marked done; leaves by "completed" with the outcome as {{task}}. ' +
    'With dueIn and escalateAfter set, the run stops waiting escalateAfter past the due date and leaves by "overdue" ' +
    '(the task stays open), e.g. to notify a manager.',
  config: ZCreateTaskConfig,
  ports: (c) => (overdueAfterMs(c) ? ['completed', 'overdue'] : ['completed']),
  isDurableWait: true,
  provides: (port) => (port === 'completed' ? ['task'] : []),
  start: (ctx) => ({
    kind: 'activity',
    activity: 'createTask',
    input: {
      run: ctx.run,
      nodeId: ctx.nodeId,
      idempotencyKey: ctx.idempotencyKey,
      kind: ctx.config.kind,
      title: ctx.config.title,
      assignee: ctx.config.assignee,
      dueInMs: ctx.config.dueIn ? durationToMs(ctx.config.dueIn) : undefined,
    } satisfies TCreateInboxTaskInput,
  }),
  resume: (ctx, event) => {
    if (event.type === 'activity.completed') {
      const { taskId } = (event.result ?? {}) as { taskId?: string };
      return {
        kind: 'wait',
        signals: [TASK_COMPLETED],
        match: taskId ? { taskId } : undefined,
        timeoutMs: overdueAfterMs(ctx.config),
        memo: { taskId },
      };
    }
    if (event.type === 'signal') return { kind: 'next', port: 'completed', vars: { task: event.payload.outcome ?? {} } };
    return { kind: 'next', port: 'overdue' };
  },
});
