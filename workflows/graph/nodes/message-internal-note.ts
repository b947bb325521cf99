// Add a note to the candidate's activity history, visible to the hiring team only.
import { z } from 'zod';
import { defineNode, type RunRef } from '../node-definition';

export const ZInternalNoteConfig = z
  .object({
    body: z.string().min(1).max(20_000),
  })
  .strict();
export type TInternalNoteConfig = z.infer<typeof ZInternalNoteConfig>;

export interface TAddNoteInput extends TInternalNoteConfig {
  /** Run variables (feedback, task outcome...) for the template, beside the data loaded at send time. */
  vars?: Record<string, unknown>;
  run: RunRef;
  nodeId: string;
  idempotencyKey: string;
}

export interface TAddNoteResult {
  noteId: string;
}

export default defineNode({
  type: 'message.internal_note',
  typeVersion: 1,
  category: 'message',
  label: 'Internal note',
  docs:
    'Renders the body (Handlebars, e.g. "{{candidate.fullName}} passed the screen") and adds it as a note to the ' +
    'candidate\'s history, visible to the hiring team and never sent to the candidate. Added once per visit, even if ' +
    'the step is retried.',
  config: ZInternalNoteConfig,
  ports: () => ['out'],
  templateFields: ['body'],
  start: (ctx) => ({
    kind: 'activity',
    activity: 'addNote',
    input: { ...ctx.config, run: ctx.run, nodeId: ctx.nodeId, idempotencyKey: ctx.idempotencyKey, vars: ctx.vars } satisfies TAddNoteInput,
  }),
  resume: () => ({ kind: 'next', port: 'out' }),
});
