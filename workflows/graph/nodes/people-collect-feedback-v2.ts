// Collect feedback, version 2: a scorecard from each of several interviewers,
// done when a quorum has submitted, with reminders to those who have not.
import { z } from 'zod';
import { ZDuration, durationToMs } from '../schema';
import { defineNode, type NodeContext, type NodeEffect, type RunRef } from '../node-definition';
import { ZUserIds } from './config-parts';
import { FEEDBACK_SUBMITTED, type TCancelTaskInput } from './people-collect-feedback';
import type { TCreateApprovalTasksInput, TCreateApprovalTasksResult } from './people-approval';

export const ZPanelFeedbackConfig = z
  .object({
    title: z.string().min(1).max(200).default('Submit your scorecard'),
    interviewerUserIds: ZUserIds.min(1).max(20),
    /** Scorecards needed to leave by "submitted" (default: everyone). */
    quorum: z.number().int().min(1).optional(),
    timeout: ZDuration,
    /** Email the interviewers who have not submitted, every this long. */
    remindEvery: ZDuration.optional(),
  })
  .strict()
  .refine((c) => !c.quorum || c.quorum <= c.interviewerUserIds.length, { message: 'quorum is larger than the panel', path: ['quorum'] });
export type TPanelFeedbackConfig = z.infer<typeof ZPanelFeedbackConfig>;

export interface TRemindAssigneesInput {
  run: RunRef;
  taskIds: string[];
  /** 1 for the first reminder of this node visit, 2 for the second... */
  reminder: number;
  idempotencyKey: string;
}

interface Scorecard {
  score: number;
  recommendation?: string;
}

interface Memo {
  phase: 'creating' | 'waiting' | 'reminding' | 'closing';
  taskIds?: string[];
  deadline: number;
  nextReminderAt?: number;
  reminders: number;
  /** taskId (or a running number in a dry run) -> the scorecard. */
  scorecards: Record<string, Scorecard>;
  port?: string;
  toCancel?: string[];
}

type Ctx = NodeContext<TPanelFeedbackConfig>;

const quorumOf = (ctx: Ctx) => ctx.config.quorum ?? ctx.config.interviewerUserIds.length;

function wait(ctx: Ctx, memo: Memo): NodeEffect {
  if (memo.deadline <= ctx.now) return close(ctx, memo, Object.keys(memo.scorecards).length >= quorumOf(ctx) ? 'submitted' : 'timeout');
  const until = Math.min(memo.deadline, memo.nextReminderAt ?? Infinity);
  return { kind: 'wait', signals: [FEEDBACK_SUBMITTED], timeoutMs: until - ctx.now, memo: { ...memo, phase: 'waiting' } };
}

/** The panel's result: average score, the most common recommendation, and every score. */
function summary(memo: Memo) {
  const cards = Object.values(memo.scorecards);
  const scores = cards.map((c) => c.score);
  const counts = new Map<string, number>();
  for (const c of cards) if (c.recommendation) counts.set(c.recommendation, (counts.get(c.recommendation) ?? 0) + 1);
  const recommendation = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  return { score: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null, scores, count: scores.length, recommendation };
}

function close(ctx: Ctx, memo: Memo, port: string): NodeEffect {
  const toCancel = memo.toCancel ?? (memo.taskIds ?? []).filter((id) => !Object.hasOwn(memo.scorecards, id));
  const [taskId, ...rest] = toCancel;
  if (taskId) {
    return {
      kind: 'activity', activity: 'cancelTask',
      input: { run: ctx.run, taskId, reason: port === 'timeout' ? 'timeout' : 'quorum reached' } satisfies TCancelTaskInput,
      memo: { ...memo, phase: 'closing', port, toCancel: rest },
    };
  }
  return { kind: 'next', port, vars: { feedback: summary(memo) } };
}

export default defineNode({
  type: 'people.collect_feedback',
  typeVersion: 2,
  category: 'people',
  label: 'Collect panel feedback',
  docs:
    'Creates a FEEDBACK task for each interviewer and waits for their scorecards. Leaves by "submitted" once the quorum ' +
    '(default: everyone) has submitted, or by "timeout" when time runs out first; tasks still open are then cancelled. ' +
    'With remindEvery, interviewers who have not submitted get a reminder email at that interval. Afterwards ' +
    '{{feedback.score}} is the average score, {{feedback.count}} the number of scorecards and {{feedback.recommendation}} ' +
    'the most common recommendation.',
  config: ZPanelFeedbackConfig,
  ports: () => ['submitted', 'timeout'],
  isDurableWait: true,
  provides: (port) => (port === 'submitted' ? ['feedback.score', 'feedback.count', 'feedback.scores', 'feedback.recommendation'] : []),
  start: (ctx) => ({
    kind: 'activity',
    activity: 'createApprovalTasks',
    input: {
      run: ctx.run, nodeId: ctx.nodeId, idempotencyKey: ctx.idempotencyKey, title: ctx.config.title,
      approverUserIds: ctx.config.interviewerUserIds, dueInMs: durationToMs(ctx.config.timeout), kind: 'FEEDBACK',
    } satisfies TCreateApprovalTasksInput,
    memo: { phase: 'creating', deadline: 0, reminders: 0, scorecards: {} } satisfies Memo,
  }),
  resume: (ctx, event) => {
    const memo = ctx.memo as Memo;
    const remindMs = ctx.config.remindEvery ? durationToMs(ctx.config.remindEvery) : undefined;
    if (memo.phase === 'creating') {
      const { taskIds } = ((event.type === 'activity.completed' ? event.result : undefined) ?? {}) as Partial<TCreateApprovalTasksResult>;
      return wait(ctx, {
        ...memo, taskIds: Array.isArray(taskIds) ? taskIds : undefined,
        deadline: ctx.now + durationToMs(ctx.config.timeout), nextReminderAt: remindMs ? ctx.now + remindMs : undefined,
      });
    }
    if (memo.phase === 'closing') return close(ctx, memo, memo.port!);
    if (memo.phase === 'reminding') return wait(ctx, { ...memo, nextReminderAt: ctx.now + remindMs! });
    if (event.type === 'signal') {
      const taskId = typeof event.payload.taskId === 'string' ? event.payload.taskId : undefined;
      const key = memo.taskIds ? taskId : `scorecard-${Object.keys(memo.scorecards).length + 1}`;
      if (!key || (memo.taskIds && !memo.taskIds.includes(key)) || Object.hasOwn(memo.scorecards, key)) return wait(ctx, memo);
      const score = Number(event.payload.score);
      const next = { ...memo, scorecards: { ...memo.scorecards, [key]: { score, recommendation: event.payload.recommendation as string | undefined } } };
      return Object.keys(next.scorecards).length >= quorumOf(ctx) ? close(ctx, next, 'submitted') : wait(ctx, next);
    }
    // A timer fired: the deadline, or a reminder.
    if (ctx.now >= memo.deadline) return wait(ctx, memo);
    const pending = (memo.taskIds ?? []).filter((id) => !Object.hasOwn(memo.scorecards, id));
    const reminder = memo.reminders + 1;
    return {
      kind: 'activity', activity: 'remindAssignees',
      input: { run: ctx.run, taskIds: pending, reminder, idempotencyKey: `${ctx.idempotencyKey}/reminder/${reminder}` } satisfies TRemindAssigneesInput,
      memo: { ...memo, phase: 'reminding', reminders: reminder },
    };
  },
});
