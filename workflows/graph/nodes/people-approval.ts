// Ask several people to approve; continue once enough approve, or as soon as enough cannot.
import { z } from 'zod';
import { ZDuration, durationToMs } from '../schema';
import { defineNode, type NodeContext, type NodeEffect, type RunRef } from '../node-definition';
import { ZUserIds } from './config-parts';
import type { TCancelTaskInput } from './people-collect-feedback';

export const ZApprovalConfig = z
  .object({
    title: z.string().min(1).max(200).default('Approve'),
    approverUserIds: ZUserIds.min(1).max(20),
    /** Approvals needed to leave by "approved". */
    required: z.number().int().min(1).default(1),
    timeout: ZDuration.optional(),
  })
  .strict()
  .refine((c) => c.approverUserIds.length === 0 || c.required <= c.approverUserIds.length, { message: 'more approvals required than there are approvers', path: ['required'] });
export type TApprovalConfig = z.infer<typeof ZApprovalConfig>;

export interface TCreateApprovalTasksInput {
  run: RunRef;
  nodeId: string;
  idempotencyKey: string;
  title: string;
  approverUserIds: string[];
  dueInMs?: number;
  /** APPROVE (default) or FEEDBACK tasks, one per person. */
  kind?: 'APPROVE' | 'FEEDBACK';
}
/** One task id per approver, in approverUserIds order. */
export interface TCreateApprovalTasksResult {
  taskIds: string[];
}

/** The signal the API sends when an approver decides: { taskId, approved }. */
export const APPROVAL_DECIDED = 'approval.decided';

interface Memo {
  phase: 'creating' | 'waiting' | 'closing';
  /** Absent in a dry run, where scripted decisions carry no task ids: each decision then counts once. */
  taskIds?: string[];
  deadline?: number;
  /** taskId -> approved; the first decision per task counts. */
  decisions: Record<string, boolean>;
  port?: string;
  toCancel?: string[];
}

type Ctx = NodeContext<TApprovalConfig>;

function waitForDecisions(ctx: Ctx, memo: Memo): NodeEffect {
  const remainingMs = memo.deadline === undefined ? undefined : memo.deadline - ctx.now;
  if (remainingMs !== undefined && remainingMs <= 0) return close(ctx, memo, 'timeout');
  return { kind: 'wait', signals: [APPROVAL_DECIDED], timeoutMs: remainingMs, memo: { ...memo, phase: 'waiting' } };
}

/** Leaves by `port` once the tasks nobody decided are cancelled, one cancelTask call each. */
function close(ctx: Ctx, memo: Memo, port: string): NodeEffect {
  const toCancel = memo.toCancel ?? (memo.taskIds ?? []).filter((id) => !Object.hasOwn(memo.decisions, id));
  const [taskId, ...rest] = toCancel;
  if (taskId) {
    return {
      kind: 'activity',
      activity: 'cancelTask',
      input: { run: ctx.run, taskId, reason: port === 'timeout' ? 'timeout' : `approval ${port}` } satisfies TCancelTaskInput,
      memo: { ...memo, phase: 'closing', port, toCancel: rest },
    };
  }
  const votes = Object.values(memo.decisions);
  return { kind: 'next', port, vars: { approval: { approvals: votes.filter(Boolean).length, rejections: votes.filter((v) => !v).length } } };
}

function decide(ctx: Ctx, memo: Memo, payload: Record<string, unknown>): NodeEffect {
  const taskId = typeof payload.taskId === 'string' ? payload.taskId : undefined;
  const isOurs = memo.taskIds ? taskId !== undefined && memo.taskIds.includes(taskId) : true;
  const key = memo.taskIds ? taskId! : taskId ?? `decision-${Object.keys(memo.decisions).length + 1}`;
  if (!isOurs || Object.hasOwn(memo.decisions, key)) return waitForDecisions(ctx, memo);
  const decisions = { ...memo.decisions, [key]: payload.approved === true };
  const next = { ...memo, decisions };
  const votes = Object.values(decisions);
  const approvals = votes.filter(Boolean).length;
  // The tasks actually created count, should a migration have changed the approver list since.
  const undecided = (memo.taskIds?.length ?? ctx.config.approverUserIds.length) - votes.length;
  if (approvals >= ctx.config.required) return close(ctx, next, 'approved');
  if (approvals + undecided < ctx.config.required) return close(ctx, next, 'rejected');
  return waitForDecisions(ctx, next);
}

export default defineNode({
  type: 'people.approval',
  typeVersion: 1,
  category: 'people',
  label: 'Approval',
  docs:
    'Creates one approval task per approver and waits for their decisions. Leaves by "approved" as soon as the ' +
    'required number approve, or by "rejected" as soon as that can no longer happen; with a timeout, by "timeout" when ' +
    'time runs out first. Tasks still open at that point are cancelled. {{approval.approvals}} and ' +
    '{{approval.rejections}} are available afterwards.',
  config: ZApprovalConfig,
  ports: (c) => (c.timeout ? ['approved', 'rejected', 'timeout'] : ['approved', 'rejected']),
  isDurableWait: true,
  provides: () => ['approval.approvals', 'approval.rejections'],
  start: (ctx) => ({
    kind: 'activity',
    activity: 'createApprovalTasks',
    input: {
      run: ctx.run,
      nodeId: ctx.nodeId,
      idempotencyKey: ctx.idempotencyKey,
      title: ctx.config.title,
      approverUserIds: ctx.config.approverUserIds,
      dueInMs: ctx.config.timeout ? durationToMs(ctx.config.timeout) : undefined,
    } satisfies TCreateApprovalTasksInput,
    memo: { phase: 'creating', decisions: {} } satisfies Memo,
  }),
  resume: (ctx, event) => {
    const memo = ctx.memo as Memo;
    if (memo.phase === 'creating') {
      const { taskIds } = ((event.type === 'activity.completed' ? event.result : undefined) ?? {}) as Partial<TCreateApprovalTasksResult>;
      const deadline = ctx.config.timeout ? ctx.now + durationToMs(ctx.config.timeout) : undefined;
      return waitForDecisions(ctx, { ...memo, taskIds: Array.isArray(taskIds) ? taskIds : undefined, deadline });
    }
    if (memo.phase === 'closing') return close(ctx, memo, memo.port!);
    if (event.type === 'signal') return decide(ctx, memo, event.payload);
    return close(ctx, memo, 'timeout');
  },
});
