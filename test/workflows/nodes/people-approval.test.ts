import approval from '../../../workflows/graph/nodes/people-approval';
import type { NodeContext, NodeEffect } from '../../../workflows/graph/node-definition';
import { RUN } from '../graph/graph-builders';
import { after, completed, configIssues, contextFor, NOW, signal, timeout } from './node-context';

const HOUR = 3_600_000;
const THREE = { title: 'Approve offer', approverUserIds: ['u1', 'u2', 'u3'], required: 2, timeout: { days: 2 } };
const decided = (taskId: string, approved: boolean) => signal('approval.decided', { taskId, approved });

/** Started, tasks t1..t3 created: parked on the decision wait. */
function waiting(config: Record<string, unknown> = THREE, taskIds: string[] | null = ['t1', 't2', 't3']) {
  const ctx = contextFor(approval, config);
  const created = approval.start(ctx);
  const ctx2 = after(ctx, created);
  const wait = approval.resume!(ctx2, completed(taskIds === null ? {} : { taskIds }));
  return { ctx: after(ctx2, wait), wait };
}

function feed(ctx: NodeContext<any>, event: Parameters<NonNullable<typeof approval.resume>>[1], now = ctx.now): { ctx: NodeContext<any>; effect: NodeEffect } {
  const effect = approval.resume!({ ...ctx, now }, event);
  return { ctx: after({ ...ctx, now }, effect), effect };
}

test('creates one task per approver in a single activity call, due when the approval times out', () => {
  expect(approval.start(contextFor(approval, THREE))).toMatchObject({
    kind: 'activity',
    activity: 'createApprovalTasks',
    input: { run: RUN, nodeId: 'n1', idempotencyKey: 'wf-1/n1/1', title: 'Approve offer', approverUserIds: ['u1', 'u2', 'u3'], dueInMs: 48 * HOUR },
  });
});

test('waits for decisions until the timeout', () => {
  expect(waiting().wait).toMatchObject({ kind: 'wait', signals: ['approval.decided'], timeoutMs: 48 * HOUR });
});

test('leaves by "approved" at the required count and cancels the task nobody decided', () => {
  let { ctx } = waiting();
  ({ ctx } = feed(ctx, decided('t2', true)));
  const second = feed(ctx, decided('t1', true));
  expect(second.effect).toMatchObject({ kind: 'activity', activity: 'cancelTask', input: { run: RUN, taskId: 't3', reason: 'approval approved' } });
  expect(feed(second.ctx, completed({ status: 'CANCELLED' })).effect).toEqual({ kind: 'next', port: 'approved', vars: { approval: { approvals: 2, rejections: 0 } } });
});

test('leaves by "rejected" as soon as the required approvals became impossible', () => {
  let { ctx } = waiting();
  const first = feed(ctx, decided('t1', false));
  expect(first.effect).toMatchObject({ kind: 'wait' });
  const second = feed(first.ctx, decided('t3', false));
  expect(second.effect).toMatchObject({ kind: 'activity', activity: 'cancelTask', input: { taskId: 't2' } });
  expect(feed(second.ctx, completed({ status: 'CANCELLED' })).effect).toEqual({ kind: 'next', port: 'rejected', vars: { approval: { approvals: 0, rejections: 2 } } });
});

test('a single approver out of one: the first decision settles it, nothing left to cancel', () => {
  const { ctx } = waiting({ approverUserIds: ['u1'] }, ['t1']);
  expect(feed(ctx, decided('t1', false)).effect).toEqual({ kind: 'next', port: 'rejected', vars: { approval: { approvals: 0, rejections: 1 } } });
});

test('ignores decisions for other tasks and repeated decisions, keeping the original deadline', () => {
  let { ctx } = waiting();
  const foreign = feed(ctx, decided('t9', true), NOW + 10 * HOUR);
  expect(foreign.effect).toMatchObject({ kind: 'wait', timeoutMs: 38 * HOUR });
  const first = feed(foreign.ctx, decided('t1', true), NOW + 20 * HOUR);
  const repeat = feed(first.ctx, decided('t1', true), NOW + 30 * HOUR);
  expect(repeat.effect).toMatchObject({ kind: 'wait', timeoutMs: 18 * HOUR });
  expect(feed(repeat.ctx, signal('approval.decided', { approved: true })).effect).toMatchObject({ kind: 'wait' });
});

test('on timeout cancels every open task, then leaves by "timeout"', () => {
  let { ctx } = waiting();
  ({ ctx } = feed(ctx, decided('t2', true)));
  const first = feed(ctx, timeout);
  expect(first.effect).toMatchObject({ activity: 'cancelTask', input: { taskId: 't1', reason: 'timeout' } });
  const second = feed(first.ctx, completed({ status: 'CANCELLED' }));
  expect(second.effect).toMatchObject({ activity: 'cancelTask', input: { taskId: 't3', reason: 'timeout' } });
  expect(feed(second.ctx, completed({ status: 'CANCELLED' })).effect).toEqual({ kind: 'next', port: 'timeout', vars: { approval: { approvals: 1, rejections: 0 } } });
});

test('in a dry run (no task ids) each scripted decision counts once', () => {
  let { ctx } = waiting(THREE, null);
  ({ ctx } = feed(ctx, signal('approval.decided', { approved: true })));
  expect(feed(ctx, signal('approval.decided', { approved: true })).effect).toEqual({ kind: 'next', port: 'approved', vars: { approval: { approvals: 2, rejections: 0 } } });
});

test('ports follow the timeout setting', () => {
  expect(approval.ports(approval.config.parse(THREE))).toEqual(['approved', 'rejected', 'timeout']);
  expect(approval.ports(approval.config.parse({ approverUserIds: ['u1'] }))).toEqual(['approved', 'rejected']);
});

test('refuses no approvers, a repeated approver, and more required approvals than approvers', () => {
  expect(configIssues(approval, { approverUserIds: [] })).toEqual(['approverUserIds']);
  expect(configIssues(approval, { approverUserIds: ['u1', 'u1'] })).toEqual(['approverUserIds']);
  expect(configIssues(approval, { approverUserIds: ['u1', 'u2'], required: 3 })).toEqual(['required']);
  expect(configIssues(approval, { approverUserIds: ['u1'], required: 0 })).toEqual(['required']);
});

test('through the interpreter: the memo carries decisions from wait to wait until the run leaves by "approved"', async () => {
  const { compileGraph } = await import('../../../workflows/graph/compile');
  const { advanceRun, startRun } = await import('../../../workflows/graph/interpreter');
  const compiled = compileGraph({
    nodes: [
      { id: 'start', type: 'trigger.manual', typeVersion: 1, config: {} },
      { id: 'approve', type: 'people.approval', typeVersion: 1, config: { approverUserIds: ['u1', 'u2'], required: 2 } },
      { id: 'yes', type: 'action.end', typeVersion: 1, config: {} },
      { id: 'no', type: 'action.end', typeVersion: 1, config: {} },
    ],
    edges: [
      { source: 'start', sourcePort: 'out', target: 'approve' },
      { source: 'approve', sourcePort: 'approved', target: 'yes' },
      { source: 'approve', sourcePort: 'rejected', target: 'no' },
    ],
  });
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.issues));
  const plan = compiled.plan;
  let state = startRun(plan, RUN, NOW);
  expect(state.pending).toMatchObject({ activity: 'createApprovalTasks', input: { idempotencyKey: 'wf-1/approve/1' } });
  state = advanceRun(plan, state, completed({ taskIds: ['t1', 't2'] }), NOW + 1);
  state = advanceRun(plan, state, decided('t1', true), NOW + 2);
  expect(state.pending).toMatchObject({ kind: 'wait', signals: ['approval.decided'] });
  state = advanceRun(plan, state, decided('t2', true), NOW + 3);
  expect(state.status).toBe('completed');
  expect(state.steps.map((s) => `${s.nodeId}:${s.port ?? ''}`)).toEqual(['start:out', 'approve:approved', 'yes:']);
  expect(state.vars.approval).toEqual({ approvals: 2, rejections: 0 });
});
