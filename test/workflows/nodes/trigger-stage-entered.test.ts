import stageEntered from '../../../workflows/graph/nodes/trigger-stage-entered';
import { configIssues, contextFor } from './node-context';

test('starts the run and leaves by "out" at once', () => {
  expect(stageEntered.isTrigger).toBe(true);
  expect(stageEntered.start(contextFor(stageEntered, { stage: 'interview' }))).toEqual({ kind: 'next', port: 'out' });
});

test('needs the stage key', () => {
  expect(configIssues(stageEntered, {})).toEqual(['stage']);
  expect(configIssues(stageEntered, { stage: '' })).toEqual(['stage']);
  expect(configIssues(stageEntered, { stage: 'interview', extra: 1 })).toEqual(['(root)']);
});
