import hire from '../../../workflows/graph/nodes/action-hire';
import { RUN } from '../graph/graph-builders';
import { completed, configIssues, contextFor } from './node-context';

test('hires through hireApplication into the "hired" stage, then leaves by "out"', () => {
  const ctx = contextFor(hire, {});
  expect(hire.start(ctx)).toEqual({ kind: 'activity', activity: 'hireApplication', input: { run: RUN, nodeId: 'n1', idempotencyKey: 'wf-1/n1/1', stage: 'hired' } });
  expect(hire.resume!(ctx, completed({}))).toEqual({ kind: 'next', port: 'out' });
});

test('takes another stage key, never an empty one', () => {
  expect(hire.start(contextFor(hire, { stage: 'onboarding' }))).toMatchObject({ input: { stage: 'onboarding' } });
  expect(configIssues(hire, { stage: '' })).toEqual(['stage']);
});
