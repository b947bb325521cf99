// Task SLA semantics by hand: reminder timer, then the escalation chain in order,
// each escalation followed by a reminder to the new assignee, then give up.
import task from '../../../workflows/graph/nodes/people-create-task-v2';
import { completed, contextFor, NOW } from './node-context';
import type { NodeEffect, NodeEvent } from '../../../workflows/graph/node-definition';

const HOUR = 3_600_000;
const config = {
  title: 'Decide', kind: 'DECIDE', assignee: { role: 'RECRUITER' }, dueIn: { hours: 24 }, remindEvery: { hours: 12 },
  escalations: [{ after: { hours: 2 }, assignee: { role: 'HIRING_MANAGER' } }, { after: { hours: 4 }, assignee: { userId: 'boss' } }],
  giveUpAfter: { hours: 48 },
};
const memoOf = (e: NodeEffect) => (e.kind === 'activity' || e.kind === 'wait' ? e.memo : undefined);
const step = (e: NodeEffect, event: NodeEvent, at: number) => task.resume!(contextFor(task, config, { memo: memoOf(e), now: NOW + at }), event);
const timeout: NodeEvent = { type: 'timeout' };

test('reminds every 12 h before the SLA, escalates in chain order after it, then gives up', () => {
  const created = task.start(contextFor(task, config));
  expect(created).toMatchObject({ kind: 'activity', activity: 'createTask', input: { kind: 'DECIDE', dueInMs: 24 * HOUR } });
  const waiting = step(created, completed({ taskId: 't1' }), 0);
  expect(waiting).toMatchObject({ kind: 'wait', signals: ['task.completed'], match: { taskId: 't1' }, timeoutMs: 12 * HOUR });

  const reminder = step(waiting, timeout, 12 * HOUR);
  expect(reminder).toMatchObject({ activity: 'remindAssignees', input: { taskIds: ['t1'], reminder: 1 } });
  const afterReminder = step(reminder, completed({ reminded: 1 }), 12 * HOUR);
  expect(afterReminder).toMatchObject({ kind: 'wait', timeoutMs: 12 * HOUR });

  // At 24 h the next reminder is due; the first escalation comes at 26 h.
  const second = step(step(afterReminder, timeout, 24 * HOUR), completed({}), 24 * HOUR);
  expect(second).toMatchObject({ kind: 'wait', timeoutMs: 2 * HOUR });
  const escalate = step(second, timeout, 26 * HOUR);
  expect(escalate).toMatchObject({ activity: 'reassignTask', input: { taskId: 't1', assignee: { role: 'HIRING_MANAGER' }, step: 1 } });
  const remindNew = step(escalate, completed({ assigneeId: 'hm' }), 26 * HOUR);
  expect(remindNew).toMatchObject({ activity: 'remindAssignees', input: { reminder: 3 } });
  const next = step(step(remindNew, completed({}), 26 * HOUR), timeout, 28 * HOUR);
  expect(next).toMatchObject({ activity: 'reassignTask', input: { assignee: { userId: 'boss' }, step: 2 } });
  const finalWait = step(step(next, completed({}), 28 * HOUR), completed({}), 28 * HOUR);
  expect(step(finalWait, timeout, 72 * HOUR)).toEqual({ kind: 'next', port: 'overdue' });
});

test('completing the task leaves by "completed" with its outcome', () => {
  const waiting = step(task.start(contextFor(task, config)), completed({ taskId: 't1' }), 0);
  expect(step(waiting, { type: 'signal', name: 'task.completed', payload: { taskId: 't1', outcome: { ok: true } } }, HOUR)).toEqual({ kind: 'next', port: 'completed', vars: { task: { ok: true } } });
});

test('the "overdue" port exists only with giveUpAfter', () => {
  expect(task.ports(task.config.parse({ ...config, giveUpAfter: undefined }))).toEqual(['completed']);
  expect(task.ports(task.config.parse(config))).toEqual(['completed', 'overdue']);
});
