import manual from '../../../workflows/graph/nodes/trigger-manual';
import { configIssues, contextFor } from './node-context';

test('starts the run and leaves by "out" at once', () => {
  expect(manual.isTrigger).toBe(true);
  expect(manual.ports({})).toEqual(['out']);
  expect(manual.start(contextFor(manual, {}))).toEqual({ kind: 'next', port: 'out' });
});

test('takes no settings', () => {
  expect(configIssues(manual, { jobId: 'j1' })).toEqual(['(root)']);
});
