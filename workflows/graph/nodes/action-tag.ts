// Add and remove candidate tags.
import { z } from 'zod';
import { defineNode, type RunRef } from '../node-definition';

const ZTagList = z.array(z.string().trim().min(1).max(50)).max(20).default([]);

export const ZTagConfig = z
  .object({ add: ZTagList, remove: ZTagList })
  .strict()
  .refine((c) => c.add.length + c.remove.length > 0, { message: 'add or remove at least one tag', path: ['add'] })
  .refine((c) => !c.add.some((t) => c.remove.includes(t)), { message: 'a tag is both added and removed', path: ['remove'] });
export type TTagConfig = z.infer<typeof ZTagConfig>;

export interface TUpdateTagsInput extends TTagConfig {
  run: RunRef;
  nodeId: string;
  idempotencyKey: string;
}
export interface TUpdateTagsResult {
  /** The candidate's tags afterwards. */
  tags: string[];
}

export default defineNode({
  type: 'action.tag',
  typeVersion: 1,
  category: 'action',
  label: 'Tag candidate',
  docs:
    'Adds and removes tags on the candidate profile (adding a tag already there, or removing one that is not, changes ' +
    'nothing), and records the change in the audit log, once per visit. Later conditions on candidate.tags see the new tags.',
  config: ZTagConfig,
  ports: () => ['out'],
  start: (ctx) => ({
    kind: 'activity',
    activity: 'updateTags',
    input: { ...ctx.config, run: ctx.run, nodeId: ctx.nodeId, idempotencyKey: ctx.idempotencyKey } satisfies TUpdateTagsInput,
  }),
  resume: (ctx, event) => {
    const { tags } = ((event.type === 'activity.completed' ? event.result : undefined) ?? {}) as Partial<TUpdateTagsResult>;
    if (!Array.isArray(tags)) return { kind: 'next', port: 'out' };
    const candidate = typeof ctx.vars.candidate === 'object' && ctx.vars.candidate ? ctx.vars.candidate : {};
    return { kind: 'next', port: 'out', vars: { candidate: { ...candidate, tags } } };
  },
});
