// Trigger: a candidate applied to a job whose pipeline is this graph.
import { z } from 'zod';
import { defineNode } from '../node-definition';

export const ZApplicationReceivedConfig = z.object({ jobId: z.string().optional() }).strict();

export default defineNode({
  type: 'trigger.application_received',
  typeVersion: 1,
  category: 'trigger',
  label: 'Application received',
  docs: 'Starts one run per application submitted to a job that uses this pipeline. Optionally limited to one job.',
  config: ZApplicationReceivedConfig,
  ports: () => ['out'],
  isTrigger: true,
  start: () => ({ kind: 'next', port: 'out' }),
});
