// Trigger: an application entered a given stage of its job.
import { z } from 'zod';
import { defineNode } from '../node-definition';
import { ZStageKey } from './config-parts';

export const ZStageEnteredConfig = z
  .object({
    /** Stage key in the job's pipeline, e.g. "interview". */
    stage: ZStageKey,
    /** Only for applications to this job (default: any job of the organization with that stage). */
    jobId: z.string().min(1).optional(),
  })
  .strict();
export type TStageEnteredConfig = z.infer<typeof ZStageEnteredConfig>;

export default defineNode({
  type: 'trigger.stage_entered',
  typeVersion: 1,
  category: 'trigger',
  label: 'Stage entered',
  docs:
    'Starts one run each time an application moves into the configured stage (by stage key, e.g. "interview"; in any job, ' +
    'or only in jobId), ' +
    'whether a recruiter or another run moved it. Leaves immediately by "out".',
  config: ZStageEnteredConfig,
  ports: () => ['out'],
  isTrigger: true,
  start: () => ({ kind: 'next', port: 'out' }),
});
