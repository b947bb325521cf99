import wait from '../../../workflows/graph/nodes/time-wait';
import { configIssues, contextFor, timeout } from './node-context';

test('is a pure durable timer of the configured length', () => {
  const ctx = contextFor(wait, { duration: { days: 2, hours: 3 } });
  expect(wait.isDurableWait).toBe(true);
  expect(wait.start(ctx)).toEqual({ kind: 'wait', signals: [], timeoutMs: (2 * 24 + 3) * 3_600_000 });
  expect(wait.resume!(ctx, timeout)).toEqual({ kind: 'next', port: 'out' });
});

test('refuses a zero, negative or missing duration', () => {
  expect(configIssues(wait, { duration: {} })).toEqual(['duration']);
  expect(configIssues(wait, { duration: { minutes: -5 } })).toContain('duration.minutes');
  expect(configIssues(wait, {})).toEqual(['duration']);
});
