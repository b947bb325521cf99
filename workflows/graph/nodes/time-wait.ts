// Wait a fixed time (a durable timer), then continue.
import { z } from 'zod';
import { ZDuration, durationToMs } from '../schema';
import { defineNode } from '../node-definition';

export const ZWaitConfig = z.object({ duration: ZDuration }).strict();
export type TWaitConfig = z.infer<typeof ZWaitConfig>;

export default defineNode({
  type: 'time.wait',
  typeVersion: 1,
  category: 'time',
  label: 'Wait',
  docs:
    'Pauses the run for a fixed duration (days, hours, minutes, seconds), then leaves by "out". The timer is durable: ' +
    'it survives worker restarts and deploys, and a run can wait for weeks.',
  config: ZWaitConfig,
  ports: () => ['out'],
  isDurableWait: true,
  start: (ctx) => ({ kind: 'wait', signals: [], timeoutMs: durationToMs(ctx.config.duration) }),
  resume: () => ({ kind: 'next', port: 'out' }),
});
