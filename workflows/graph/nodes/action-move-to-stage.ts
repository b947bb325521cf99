// Move the application to a stage of its job, recording the transition.
import { z } from 'zod';
import { defineNode, type RunRef } from '../node-definition';

export const ZMoveToStageConfig = z
  .object({
    /** Stage key in the job's pipeline, e.g. "interview", "rejected". */
    stage: z.string().min(1).max(100),
    reason: z.string().max(500).optional(),
  })
  .strict();
export type TMoveToStageConfig = z.infer<typeof ZMoveToStageConfig>;

export interface TMoveToStageInput extends TMoveToStageConfig {
  run: RunRef;
  nodeId: string;
  idempotencyKey: string;
}

export default defineNode({
  type: 'action.move_to_stage',
  typeVersion: 1,
  category: 'action',
  label: 'Move to stage',
  docs:
    'Moves the application to a stage of its job (by stage key) and records a timestamped stage transition. ' +
    'Moving to a stage of kind REJECTED or HIRED also sets the application status.',
  config: ZMoveToStageConfig,
  ports: () => ['out'],
  start: (ctx) => ({
    kind: 'activity',
    activity: 'moveToStage',
    input: { ...ctx.config, run: ctx.run, nodeId: ctx.nodeId, idempotencyKey: ctx.idempotencyKey } satisfies TMoveToStageInput,
  }),
  resume: () => ({ kind: 'next', port: 'out' }),
});
