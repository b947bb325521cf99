// Send a text message rendered from a Handlebars template to the candidate's phone.
import { z } from 'zod';
import { defineNode, type RunRef } from '../node-definition';
import { resumeMessageSend, sendMessage, type TMessageSendResult } from '../message-deferral';

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

export type TSendSmsResult = TMessageSendResult;

export default defineNode({
  type: 'message.send_sms',
  typeVersion: 1,
  category: 'message',
  label: 'Send SMS',
  docs:
    'Renders the body (Handlebars, e.g. {{candidate.firstName}}; at most 1600 characters after rendering) and texts it ' +
    'to the candidate\'s phone number once, recorded in the message outbox under an idempotency key. The contact policy ' +
    'is checked at send time as for email: a suppressed number, or for MARKETING an unsubscribed or unconsented candidate, ' +
    'is recorded but not texted and the run goes on; a MARKETING text held by quiet hours or the frequency cap waits until ' +
    'the policy allows it. A candidate without a phone number fails the step.',
  config: ZSendSmsConfig,
  ports: () => ['out'],
  templateFields: ['body'],
  start: (ctx) => sendMessage('sendSms', ctx),
  resume: (ctx, event) => resumeMessageSend(ctx, event, sendMessage('sendSms', ctx), 'lastSms'),
});
