import addToPool from '../../../workflows/graph/nodes/action-add-to-pool';
import { RUN } from '../graph/graph-builders';
import { completed, configIssues, contextFor } from './node-context';

test('adds to the named pool through addToPool, then leaves by "out"', () => {
  const ctx = contextFor(addToPool, { poolName: ' Silver medalists ' });
  expect(addToPool.start(ctx)).toEqual({ kind: 'activity', activity: 'addToPool', input: { poolName: 'Silver medalists', run: RUN, nodeId: 'n1', idempotencyKey: 'wf-1/n1/1' } });
  expect(addToPool.resume!(ctx, completed({ poolId: 'p1' }))).toEqual({ kind: 'next', port: 'out' });
});

test('needs a pool name', () => {
  expect(configIssues(addToPool, {})).toEqual(['poolName']);
  expect(configIssues(addToPool, { poolName: '   ' })).toEqual(['poolName']);
});
