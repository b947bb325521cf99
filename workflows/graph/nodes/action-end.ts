// End: the run completes here.
import { z } from 'zod';
import { defineNode } from '../node-definition';

export default defineNode({
  type: 'action.end',
  typeVersion: 1,
  category: 'action',
  label: 'End',
  docs: 'Completes the run. Every path through a graph finishes at an End node.',
  config: z.object({}).strict(),
  ports: () => [],
  start: () => ({ kind: 'end' }),
});
