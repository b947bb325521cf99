// Panel feedback semantics, driven by hand: quorum, reminders to those still
// pending, the summary, and the timeout.
import panel from '../../../workflows/graph/nodes/people-collect-feedback-v2';
import { completed, contextFor, NOW } from './node-context';
import type { NodeEffect, NodeEvent } from '../../../workflows/graph/node-definition';

const config = { interviewerUserIds: ['u1', 'u2', 'u3'], quorum: 2, timeout: { hours: 48 }, remindEvery: { hours: 24 } };
const card = (taskId: string, score: number, recommendation = 'yes'): NodeEvent => ({ type: 'signal', name: 'feedback.submitted', payload: { taskId, score, recommendation } });
const HOUR = 3_600_000;

function step(effect: NodeEffect, event: NodeEvent, now = NOW) {
  const memo = effect.kind === 'activity' || effect.kind === 'wait' ? effect.memo : undefined;
  return panel.resume!(contextFor(panel, config, { memo, now }), event);
}

test('creates one FEEDBACK task per interviewer, then waits until the first reminder', () => {
  const start = panel.start(contextFor(panel, config));
  expect(start).toMatchObject({ kind: 'activity', activity: 'createApprovalTasks', input: { approverUserIds: ['u1', 'u2', 'u3'], kind: 'FEEDBACK', dueInMs: 48 * HOUR } });
  expect(step(start, completed({ taskIds: ['t1', 't2', 't3'] }))).toMatchObject({ kind: 'wait', signals: ['feedback.submitted'], timeoutMs: 24 * HOUR });
});

test('at the reminder time, reminds only those who have not submitted, then waits again', () => {
  const waiting = step(panel.start(contextFor(panel, config)), completed({ taskIds: ['t1', 't2', 't3'] }));
  const afterOne = step(waiting, card('t2', 4));
  const remind = step(afterOne, { type: 'timeout' }, NOW + 24 * HOUR);
  expect(remind).toMatchObject({ kind: 'activity', activity: 'remindAssignees', input: { taskIds: ['t1', 't3'], reminder: 1, idempotencyKey: 'wf-1/n1/1/reminder/1' } });
  expect(step(remind, completed({ reminded: 2 }), NOW + 24 * HOUR)).toMatchObject({ kind: 'wait', timeoutMs: 24 * HOUR });
});

test('at quorum, cancels the open task and leaves by "submitted" with the average score', () => {
  const waiting = step(panel.start(contextFor(panel, config)), completed({ taskIds: ['t1', 't2', 't3'] }));
  const closing = step(step(waiting, card('t1', 4, 'strong_yes')), card('t3', 3, 'strong_yes'));
  expect(closing).toMatchObject({ kind: 'activity', activity: 'cancelTask', input: { taskId: 't2', reason: 'quorum reached' } });
  expect(step(closing, completed({ status: 'CANCELLED' }))).toEqual({
    kind: 'next', port: 'submitted', vars: { feedback: { score: 3.5, scores: [4, 3], count: 2, recommendation: 'strong_yes' } },
  });
});

test('ignores a second scorecard for the same task and scorecards for other tasks', () => {
  const waiting = step(panel.start(contextFor(panel, config)), completed({ taskIds: ['t1', 't2', 't3'] }));
  const afterOne = step(waiting, card('t1', 4));
  expect(step(afterOne, card('t1', 1))).toMatchObject({ kind: 'wait' });
  expect(step(afterOne, card('someone-else', 1))).toMatchObject({ kind: 'wait' });
});

test('without a quorum by the deadline: cancels the open tasks and leaves by "timeout"', () => {
  const noReminders = { ...config, remindEvery: undefined };
  const start = panel.start(contextFor(panel, noReminders));
  const memoOf = (e: NodeEffect) => (e.kind === 'activity' || e.kind === 'wait' ? e.memo : undefined);
  const waiting = panel.resume!(contextFor(panel, noReminders, { memo: memoOf(start) }), completed({ taskIds: ['t1', 't2'] }));
  const late = panel.resume!(contextFor(panel, noReminders, { memo: memoOf(waiting), now: NOW + 48 * HOUR }), { type: 'timeout' });
  expect(late).toMatchObject({ kind: 'activity', activity: 'cancelTask', input: { taskId: 't1', reason: 'timeout' } });
});

test('a quorum larger than the panel is refused', () => {
  expect(panel.config.safeParse({ ...config, quorum: 4 }).success).toBe(false);
});
