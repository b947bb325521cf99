// Ask for interview feedback through an inbox task and wait for it, or time out.
import { z } from 'zod';
import { ZDuration, durationToMs } from '../schema';
import { defineNode, type RunRef } from '../node-definition';

export const ROLES = ['ADMIN', 'RECRUITER', 'COORDINATOR', 'HIRING_MANAGER', 'INTERVIEWER'] as const;

export const ZCollectFeedbackConfig = z
  .object({
    title: z.string().min(1).max(200).default('Submit feedback'),
    assignee: z
      .object({ role: z.enum(ROLES).optional(), userId: z.string().optional() })
      .strict()
      .default({ role: 'RECRUITER' }),
    timeout: ZDuration,
  })
  .strict();
export type TCollectFeedbackConfig = z.infer<typeof ZCollectFeedbackConfig>;

export interface TCreateTaskInput {
  run: RunRef;
  nodeId: string;
  idempotencyKey: string;
  kind: 'FEEDBACK' | 'REVIEW' | 'TODO';
  title: string;
  assignee: TCollectFeedbackConfig['assignee'];
  dueInMs?: number;
}
export interface TCancelTaskInput {
  run: RunRef;
  taskId: string;
  reason: string;
}

export interface TCancelTaskResult {
  status: 'CANCELLED' | 'COMPLETED';
  outcome?: Record<string, unknown>;
}

/** The signal the API sends when feedback is submitted for a task. */
export const FEEDBACK_SUBMITTED = 'feedback.submitted';

interface Memo {
  taskId?: string;
  isTimedOut?: boolean;
}

export default defineNode({
  type: 'people.collect_feedback',
  typeVersion: 1,
  category: 'people',
  label: 'Collect feedback',
  docs:
    'Creates a FEEDBACK task in the recruiter inbox and waits for the scorecard. Leaves by "submitted" with ' +
    '{{feedback.score}} (1-4) and {{feedback.recommendation}} available to later nodes, or by "timeout" when nobody ' +
    'answers in time (the task is then cancelled).',
  config: ZCollectFeedbackConfig,
  ports: () => ['submitted', 'timeout'],
  isDurableWait: true,
  provides: (port) => (port === 'submitted' ? ['feedback.score', 'feedback.recommendation', 'feedback.notes'] : []),
  start: (ctx) => ({
    kind: 'activity',
    activity: 'createTask',
    input: {
      run: ctx.run,
      nodeId: ctx.nodeId,
      idempotencyKey: ctx.idempotencyKey,
      kind: 'FEEDBACK',
      title: ctx.config.title,
      assignee: ctx.config.assignee,
      dueInMs: durationToMs(ctx.config.timeout),
    } satisfies TCreateTaskInput,
  }),
  resume: (ctx, event) => {
    const memo = (ctx.memo ?? {}) as Memo;
    if (event.type === 'activity.completed' && !memo.taskId) {
      const { taskId } = event.result as { taskId: string };
      return { kind: 'wait', signals: [FEEDBACK_SUBMITTED], match: { taskId }, timeoutMs: durationToMs(ctx.config.timeout), memo: { taskId } };
    }
    if (event.type === 'signal') return { kind: 'next', port: 'submitted', vars: { feedback: event.payload } };
    if (event.type === 'timeout') {
      return {
        kind: 'activity',
        activity: 'cancelTask',
        input: { run: ctx.run, taskId: memo.taskId!, reason: 'timeout' } satisfies TCancelTaskInput,
        memo: { ...memo, isTimedOut: true },
      };
    }
    // cancelTask lost the race to a submission: the feedback counts.
    const cancelled = (event.type === 'activity.completed' ? event.result : {}) as TCancelTaskResult;
    if (cancelled.status === 'COMPLETED') return { kind: 'next', port: 'submitted', vars: { feedback: cancelled.outcome } };
    return { kind: 'next', port: 'timeout' };
  },
});
