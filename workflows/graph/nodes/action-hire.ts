// Mark the application hired: hired stage and status, transition and audit.
import { z } from 'zod';
import { defineNode } from '../node-definition';
import { ZStageKey } from './config-parts';
import type { TCloseApplicationInput } from './action-reject';

export const ZHireConfig = z
  .object({
    /** A stage of kind HIRED in the job's pipeline. */
    stage: ZStageKey.default('hired'),
  })
  .strict();
export type THireConfig = z.infer<typeof ZHireConfig>;

export default defineNode({
  type: 'action.hire',
  typeVersion: 1,
  category: 'action',
  label: 'Hire',
  docs:
    'Marks the application hired: moves it to a stage of kind HIRED (default key "hired"), sets its status to HIRED, ' +
    'and records the stage transition and an audit entry, once per visit.',
  config: ZHireConfig,
  ports: () => ['out'],
  start: (ctx) => ({
    kind: 'activity',
    activity: 'hireApplication',
    input: { run: ctx.run, nodeId: ctx.nodeId, idempotencyKey: ctx.idempotencyKey, stage: ctx.config.stage } satisfies TCloseApplicationInput,
  }),
  resume: () => ({ kind: 'next', port: 'out' }),
});
