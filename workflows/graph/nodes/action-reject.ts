// Reject the application: rejected stage, status and reason; optionally tell the candidate.
import { z } from 'zod';
import { defineNode, type RunRef } from '../node-definition';
import { ZStageKey } from './config-parts';
import type { TSendEmailInput } from './message-send-email';

export const ZRejectConfig = z
  .object({
    /** Recorded on the application and its stage transition; never shown to the candidate. */
    reason: z.string().min(1).max(500),
    /** A stage of kind REJECTED in the job's pipeline. */
    stage: ZStageKey.default('rejected'),
    // The email fields sit at the top level so publish can check them as templates.
    emailSubject: z.string().min(1).max(500).optional(),
    emailBody: z.string().min(1).max(50_000).optional(),
    emailFromName: z.string().max(200).optional(),
  })
  .strict()
  .refine((c) => !!c.emailSubject === !!c.emailBody, { message: 'set both emailSubject and emailBody, or neither', path: ['emailBody'] });
export type TRejectConfig = z.infer<typeof ZRejectConfig>;

export interface TCloseApplicationInput {
  run: RunRef;
  nodeId: string;
  idempotencyKey: string;
  stage: string;
  reason?: string;
}
export interface TCloseApplicationResult {
  stageId: string;
  transitionId: string;
}

export default defineNode({
  type: 'action.reject',
  typeVersion: 1,
  category: 'action',
  label: 'Reject',
  docs:
    'Rejects the application: moves it to a stage of kind REJECTED (default key "rejected"), sets its status to ' +
    'REJECTED with the reason, and records the stage transition and an audit entry, once per visit. With emailSubject ' +
    'and emailBody (Handlebars) it then sends the candidate that email, also once.',
  config: ZRejectConfig,
  ports: () => ['out'],
  templateFields: ['emailSubject', 'emailBody'],
  start: (ctx) => ({
    kind: 'activity',
    activity: 'rejectApplication',
    input: { run: ctx.run, nodeId: ctx.nodeId, idempotencyKey: ctx.idempotencyKey, stage: ctx.config.stage, reason: ctx.config.reason } satisfies TCloseApplicationInput,
    memo: { step: 'rejecting' },
  }),
  resume: (ctx, event) => {
    const { step } = ctx.memo as { step: 'rejecting' | 'emailing' };
    const { emailSubject, emailBody, emailFromName } = ctx.config;
    if (step === 'rejecting' && emailSubject && emailBody) {
      return {
        kind: 'activity',
        activity: 'sendEmail',
        input: {
          subject: emailSubject, body: emailBody, fromName: emailFromName, category: 'TRANSACTIONAL',
          run: ctx.run, nodeId: ctx.nodeId, idempotencyKey: `${ctx.idempotencyKey}/email`, vars: ctx.vars,
        } satisfies TSendEmailInput,
        memo: { step: 'emailing' },
      };
    }
    return { kind: 'next', port: 'out', vars: step === 'emailing' && event.type === 'activity.completed' ? { lastEmail: event.result } : undefined };
  },
});
