import tag from '../../../workflows/graph/nodes/action-tag';
import { RUN } from '../graph/graph-builders';
import { completed, configIssues, contextFor } from './node-context';

test('changes tags through updateTags, names trimmed', () => {
  expect(tag.start(contextFor(tag, { add: [' vip ', 'backend'], remove: ['cold'] }))).toEqual({
    kind: 'activity',
    activity: 'updateTags',
    input: { add: ['vip', 'backend'], remove: ['cold'], run: RUN, nodeId: 'n1', idempotencyKey: 'wf-1/n1/1' },
  });
});

test('later conditions see the new tags, the rest of the candidate snapshot kept', () => {
  const ctx = contextFor(tag, { add: ['vip'] }, { vars: { candidate: { tags: ['cold'], source: 'referral' } } });
  expect(tag.resume!(ctx, completed({ tags: ['cold', 'vip'] }))).toEqual({ kind: 'next', port: 'out', vars: { candidate: { tags: ['cold', 'vip'], source: 'referral' } } });
  expect(tag.resume!(ctx, completed({}))).toEqual({ kind: 'next', port: 'out' });
});

test('needs at least one change, and never the same tag both ways', () => {
  expect(configIssues(tag, {})).toEqual(['add']);
  expect(configIssues(tag, { add: ['vip'], remove: ['vip'] })).toEqual(['remove']);
  expect(configIssues(tag, { add: ['  '] })).toEqual(['add.0']);
  expect(configIssues(tag, { add: ['x'.repeat(51)] })).toEqual(['add.0']);
});
