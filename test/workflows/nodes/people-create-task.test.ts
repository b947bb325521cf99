import createTask from '../../../workflows/graph/nodes/people-create-task';
import { RUN } from '../graph/graph-builders';
import { after, completed, configIssues, contextFor, signal, timeout } from './node-context';

const DAY = 86_400_000;

test('creates the task through createTask with kind, assignee and due date', () => {
  const effect = createTask.start(contextFor(createTask, { title: 'Check references', kind: 'REVIEW', assignee: { userId: 'u1' }, dueIn: { days: 2 } }));
  expect(effect).toEqual({
    kind: 'activity',
    activity: 'createTask',
    input: { run: RUN, nodeId: 'n1', idempotencyKey: 'wf-1/n1/1', kind: 'REVIEW', title: 'Check references', assignee: { userId: 'u1' }, dueInMs: 2 * DAY },
  });
});

test('waits for that task to be completed, then leaves by "completed" with the outcome as task', () => {
  const ctx = contextFor(createTask, { title: 'Decide' });
  const waiting = createTask.resume!(ctx, completed({ taskId: 't1' }));
  expect(waiting).toEqual({ kind: 'wait', signals: ['task.completed'], match: { taskId: 't1' }, timeoutMs: undefined, memo: { taskId: 't1' } });
  expect(createTask.resume!(after(ctx, waiting), signal('task.completed', { taskId: 't1', outcome: { decision: 'advance' } }))).toEqual({
    kind: 'next', port: 'completed', vars: { task: { decision: 'advance' } },
  });
});

test('with dueIn and escalateAfter, stops waiting that long past the due date and leaves by "overdue"', () => {
  const ctx = contextFor(createTask, { title: 'Schedule', kind: 'SCHEDULE', dueIn: { days: 2 }, escalateAfter: { days: 1 } });
  expect(createTask.ports(ctx.config)).toEqual(['completed', 'overdue']);
  const waiting = createTask.resume!(ctx, completed({ taskId: 't1' }));
  expect(waiting).toMatchObject({ kind: 'wait', timeoutMs: 3 * DAY });
  expect(createTask.resume!(after(ctx, waiting), timeout)).toEqual({ kind: 'next', port: 'overdue' });
});

test('without escalation there is no "overdue" port', () => {
  expect(createTask.ports(createTask.config.parse({ title: 'x', dueIn: { days: 1 } }))).toEqual(['completed']);
});

test('in a dry run (no task id) it waits for any completion', () => {
  expect(createTask.resume!(contextFor(createTask, { title: 'x' }), completed({}))).toMatchObject({ kind: 'wait', match: undefined });
});

test('defaults to a to-do for a recruiter; refuses unknown kinds, empty assignees and escalation without a due date', () => {
  expect(createTask.config.parse({ title: 'x' })).toEqual({ title: 'x', kind: 'TODO', assignee: { role: 'RECRUITER' } });
  expect(configIssues(createTask, { title: 'x', kind: 'FEEDBACK' })).toEqual(['kind']);
  expect(configIssues(createTask, { title: 'x', assignee: {} })).toEqual(['assignee']);
  expect(configIssues(createTask, { title: 'x', escalateAfter: { days: 1 } })).toEqual(['escalateAfter']);
  expect(configIssues(createTask, {})).toEqual(['title']);
});
