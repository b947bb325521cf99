// Send a text message rendered from a Handlebars template to the candidate's phone.
import { z } from 'zod';
import { defineNode, type RunRef } from '../node-definition';

/** Providers concatenate long texts up to 1600 characters (10 segments). */
export const SMS_MAX_CHARS = 1600;

export const ZSendSmsConfig = z
  .object({
    body: z.string().min(1).max(SMS_MAX_CHARS),
    category: z.enum(['TRANSACTIONAL', 'MARKETING']).default('TRANSACTIONAL'),
  })
  .strict();
export type TSendSmsConfig = z.infer<typeof ZSendSmsConfig>;

export interface TSendSmsInput extends TSendSmsConfig {
  /** Run variables (feedback, task outcome...) for the template, beside the data loaded at send time. */
  vars?: Record<string, unknown>;
  run: RunRef;
  nodeId: string;
  idempotencyKey: string;
}

export interface TSendSmsResult {
  messageId: string;
  status: 'SENT' | 'SUPPRESSED';
}

export default defineNode({
  type: 'message.send_sms',
  typeVersion: 1,
  category: 'message',
  label: 'Send SMS',
  docs:
    'Renders the body (Handlebars, e.g. {{candidate.firstName}}; at most 1600 characters after rendering) and texts it ' +
    'to the candidate\'s phone number once, recorded in the message outbox under an idempotency key. A suppressed ' +
    'number is recorded but not texted; a candidate without a phone number fails the step.',
  config: ZSendSmsConfig,
  ports: () => ['out'],
  templateFields: ['body'],
  start: (ctx) => ({
    kind: 'activity',
    activity: 'sendSms',
    input: { ...ctx.config, run: ctx.run, nodeId: ctx.nodeId, idempotencyKey: ctx.idempotencyKey, vars: ctx.vars } satisfies TSendSmsInput,
  }),
  resume: (_ctx, event) => ({ kind: 'next', port: 'out', vars: event.type === 'activity.completed' ? { lastSms: event.result } : undefined }),
});
