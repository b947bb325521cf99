import internalNote from '../../../workflows/graph/nodes/message-internal-note';
import { validateGraph } from '../../../workflows/graph/validate';
import { linearGraph, node, RUN } from '../graph/graph-builders';
import { completed, configIssues, contextFor } from './node-context';

test('adds the note through the addNote activity, then leaves by "out"', () => {
  const ctx = contextFor(internalNote, { body: '{{candidate.fullName}} passed the screen' });
  expect(internalNote.start(ctx)).toEqual({
    kind: 'activity',
    activity: 'addNote',
    input: { body: '{{candidate.fullName}} passed the screen', run: RUN, nodeId: 'n1', idempotencyKey: 'wf-1/n1/1', vars: {} },
  });
  expect(internalNote.resume!(ctx, completed({}))).toEqual({ kind: 'next', port: 'out' });
});

test('needs a body, checked as a template at publish', () => {
  expect(configIssues(internalNote, {})).toEqual(['body']);
  const { issues } = validateGraph(linearGraph(node('note', 'message.internal_note', { body: '{{#if}}' })));
  expect(issues).toEqual([expect.objectContaining({ code: 'template_syntax', nodeId: 'note' })]);
});
