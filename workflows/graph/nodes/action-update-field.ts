// Set one candidate field (an allowlisted column or a custom profile field).
import { z } from 'zod';
import { defineNode, type RunRef } from '../node-definition';
import { isValidTimeZone } from '../time-windows';

/** Candidate columns a pipeline may set; everything else is under profile.<key>. */
export const CANDIDATE_FIELDS = ['interestLevel', 'location', 'timeZone', 'source'] as const;
const PROFILE_FIELD = /^profile\.[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export const ZUpdateFieldConfig = z
  .object({
    field: z
      .string()
      .refine((f) => (CANDIDATE_FIELDS as readonly string[]).includes(f) || PROFILE_FIELD.test(f), `one of ${CANDIDATE_FIELDS.join(', ')}, or profile.<key>`),
    value: z.union([z.string().max(2000), z.number().finite(), z.boolean()]),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.field.startsWith('profile.')) return;
    if (typeof c.value !== 'string') ctx.addIssue({ code: 'custom', message: `${c.field} takes text`, path: ['value'] });
    else if (c.field === 'timeZone' && !isValidTimeZone(c.value)) ctx.addIssue({ code: 'custom', message: 'not a known IANA time zone', path: ['value'] });
  });
export type TUpdateFieldConfig = z.infer<typeof ZUpdateFieldConfig>;

export interface TUpdateCandidateFieldInput extends TUpdateFieldConfig {
  run: RunRef;
  nodeId: string;
  idempotencyKey: string;
}
export interface TUpdateCandidateFieldResult {
  before: unknown;
  after: unknown;
}

export default defineNode({
  type: 'action.update_field',
  typeVersion: 1,
  category: 'action',
  label: 'Update candidate field',
  docs:
    'Sets one field of the candidate profile to a fixed value: interestLevel, location, timeZone (an IANA zone) or ' +
    'source (text), or a custom field profile.<key> (text, number or true/false). The old and new values go to the ' +
    'audit log, once per visit. Later conditions on candidate.<field> see the new value.',
  config: ZUpdateFieldConfig,
  ports: () => ['out'],
  start: (ctx) => ({
    kind: 'activity',
    activity: 'updateCandidateField',
    input: { ...ctx.config, run: ctx.run, nodeId: ctx.nodeId, idempotencyKey: ctx.idempotencyKey } satisfies TUpdateCandidateFieldInput,
  }),
  resume: (ctx) => {
    const candidate = typeof ctx.vars.candidate === 'object' && ctx.vars.candidate ? (ctx.vars.candidate as Record<string, unknown>) : {};
    const [head, key] = ctx.config.field.split('.') as [string, string | undefined];
    const updated = key
      ? { ...candidate, profile: { ...(typeof candidate.profile === 'object' && candidate.profile ? candidate.profile : {}), [key]: ctx.config.value } }
      : { ...candidate, [head]: ctx.config.value };
    return { kind: 'next', port: 'out', vars: { candidate: updated } };
  },
});
