// Create task, version 2: an SLA with reminders and an escalation chain. The
// assignee is reminded while the task is open; past the due date the task moves
// up the chain (e.g. to the hiring manager, then an admin), each new assignee
// reminded at once; optionally the run stops waiting at the end of the chain.
import { z } from 'zod';
import { ZDuration, durationToMs } from '../schema';
import { defineNode, type NodeContext, type NodeEffect, type RunRef } from '../node-definition';
import { ZAssignee } from './config-parts';
import { TASK_COMPLETED, type TCreateInboxTaskInput } from './people-create-task';
import type { TRemindAssigneesInput } from './people-collect-feedback-v2';

const TASK_KINDS = ['REVIEW', 'SCHEDULE', 'DECIDE', 'TODO'] as const;

export const ZTaskWithSlaConfig = z
  .object({
    title: z.string().min(1).max(200),
    kind: z.enum(TASK_KINDS).default('TODO'),
    assignee: ZAssignee.default({ role: 'RECRUITER' }),
    /** The SLA: the task is due this long after it is created. */
    dueIn: ZDuration,
    /** Remind the current assignee at this interval while the task is open. */
    remindEvery: ZDuration.optional(),
    /** Past the due date, hand the task to each of these in turn, `after` counted from the due date. */
    escalations: z.array(z.object({ after: ZDuration, assignee: ZAssignee }).strict()).max(5).default([]),
    /** Stop waiting this long after the due date and leave by "overdue" (the task stays open). */
    giveUpAfter: ZDuration.optional(),
  })
  .strict();
export type TTaskWithSlaConfig = z.infer<typeof ZTaskWithSlaConfig>;

export interface TReassignTaskInput {
  run: RunRef;
  taskId: string;
  assignee: z.infer<typeof ZAssignee>;
  /** Which step of the chain: makes a retried activity a no-op. */
  step: number;
}

interface Memo {
  phase: 'creating' | 'waiting' | 'reminding' | 'escalating';
  taskId?: string;
  dueAt: number;
  escalated: number;
  reminders: number;
  nextReminderAt?: number;
}

type Ctx = NodeContext<TTaskWithSlaConfig>;

const escalationAt = (ctx: Ctx, memo: Memo, i: number) => {
  const e = ctx.config.escalations[i];
  return e ? memo.dueAt + durationToMs(e.after) : undefined;
};
const giveUpAt = (ctx: Ctx, memo: Memo) => (ctx.config.giveUpAfter ? memo.dueAt + durationToMs(ctx.config.giveUpAfter) : undefined);

function wait(ctx: Ctx, memo: Memo): NodeEffect {
  const next = Math.min(memo.nextReminderAt ?? Infinity, escalationAt(ctx, memo, memo.escalated) ?? Infinity, giveUpAt(ctx, memo) ?? Infinity);
  return {
    kind: 'wait', signals: [TASK_COMPLETED], match: memo.taskId ? { taskId: memo.taskId } : undefined,
    timeoutMs: Number.isFinite(next) ? Math.max(0, next - ctx.now) : undefined, memo: { ...memo, phase: 'waiting' },
  };
}

function remind(ctx: Ctx, memo: Memo, phase: Memo['phase']): NodeEffect {
  const reminder = memo.reminders + 1;
  return {
    kind: 'activity', activity: 'remindAssignees',
    input: { run: ctx.run, taskIds: memo.taskId ? [memo.taskId] : [], reminder, idempotencyKey: `${ctx.idempotencyKey}/reminder/${reminder}` } satisfies TRemindAssigneesInput,
    memo: { ...memo, phase, reminders: reminder },
  };
}

export default defineNode({
  type: 'people.create_task',
  typeVersion: 2,
  category: 'people',
  label: 'Create task with SLA',
  docs:
    'Creates a task (review, schedule, decide or to-do) due after dueIn and waits until it is marked done; leaves by ' +
    '"completed" with the outcome as {{task}}. While it is open, the assignee is reminded every remindEvery. Past the due ' +
    'date the task is handed up the escalation chain (each step `after` the due date, to a user or the least-busy user ' +
    'with a role), and the new assignee is reminded at once. With giveUpAfter, the run stops waiting and leaves by ' +
    '"overdue" (the task stays open).',
  config: ZTaskWithSlaConfig,
  ports: (c) => (c.giveUpAfter ? ['completed', 'overdue'] : ['completed']),
  isDurableWait: true,
  provides: (port) => (port === 'completed' ? ['task'] : []),
  start: (ctx) => ({
    kind: 'activity', activity: 'createTask',
    input: {
      run: ctx.run, nodeId: ctx.nodeId, idempotencyKey: ctx.idempotencyKey, kind: ctx.config.kind,
      title: ctx.config.title, assignee: ctx.config.assignee, dueInMs: durationToMs(ctx.config.dueIn),
    } satisfies TCreateInboxTaskInput,
    memo: { phase: 'creating', dueAt: 0, escalated: 0, reminders: 0 } satisfies Memo,
  }),
  resume: (ctx, event) => {
    const memo = ctx.memo as Memo;
    const remindMs = ctx.config.remindEvery ? durationToMs(ctx.config.remindEvery) : undefined;
    if (memo.phase === 'creating') {
      const { taskId } = ((event.type === 'activity.completed' ? event.result : undefined) ?? {}) as { taskId?: string };
      return wait(ctx, { ...memo, taskId, dueAt: ctx.now + durationToMs(ctx.config.dueIn), nextReminderAt: remindMs ? ctx.now + remindMs : undefined });
    }
    if (memo.phase === 'escalating') return remind(ctx, memo, 'reminding');
    if (memo.phase === 'reminding') return wait(ctx, { ...memo, nextReminderAt: remindMs ? ctx.now + remindMs : undefined });
    if (event.type === 'signal') return { kind: 'next', port: 'completed', vars: { task: event.payload.outcome ?? {} } };
    // A timer fired: give up, escalate, or remind, whichever is due first.
    const giveUp = giveUpAt(ctx, memo);
    if (giveUp !== undefined && ctx.now >= giveUp) return { kind: 'next', port: 'overdue' };
    const escalateAt = escalationAt(ctx, memo, memo.escalated);
    if (escalateAt !== undefined && ctx.now >= escalateAt) {
      const step = memo.escalated + 1;
      return {
        kind: 'activity', activity: 'reassignTask',
        input: { run: ctx.run, taskId: memo.taskId ?? '', assignee: ctx.config.escalations[memo.escalated]!.assignee, step } satisfies TReassignTaskInput,
        memo: { ...memo, phase: 'escalating', escalated: step },
      };
    }
    return remind(ctx, memo, 'reminding');
  },
});
