// Add the candidate to a talent pool (created on first use).
import { z } from 'zod';
import { defineNode, type RunRef } from '../node-definition';

export const ZAddToPoolConfig = z.object({ poolName: z.string().trim().min(1).max(200) }).strict();
export type TAddToPoolConfig = z.infer<typeof ZAddToPoolConfig>;

export interface TAddToPoolInput extends TAddToPoolConfig {
  run: RunRef;
  nodeId: string;
  idempotencyKey: string;
}
export interface TAddToPoolResult {
  poolId: string;
}

export default defineNode({
  type: 'action.add_to_pool',
  typeVersion: 1,
  category: 'action',
  label: 'Add to talent pool',
  docs:
    'Adds the candidate to the organization\'s talent pool of this name, creating the pool on first use. A candidate ' +
    'already in the pool stays there unchanged, so the step is safe to repeat.',
  config: ZAddToPoolConfig,
  ports: () => ['out'],
  start: (ctx) => ({
    kind: 'activity',
    activity: 'addToPool',
    input: { ...ctx.config, run: ctx.run, nodeId: ctx.nodeId, idempotencyKey: ctx.idempotencyKey } satisfies TAddToPoolInput,
  }),
  resume: () => ({ kind: 'next', port: 'out' }),
});
