// Send an email rendered from Handlebars templates over the candidate's data.
import { z } from 'zod';
import { defineNode, type RunRef } from '../node-definition';
import { resumeMessageSend, sendMessage, type TMessageSendResult } from '../message-deferral';

export const ZSendEmailConfig = z
  .object({
    subject: z.string().min(1).max(500),
    body: z.string().min(1).max(50_000),
    /** Sent as a named person or team, e.g. "Dana from Acme Talent". */
    fromName: z.string().max(200).optional(),
    fromEmail: z.string().email().optional(),
    replyTo: z.string().email().optional(),
    category: z.enum(['TRANSACTIONAL', 'MARKETING']).default('TRANSACTIONAL'),
  })
  .strict();
export type TSendEmailConfig = z.infer<typeof ZSendEmailConfig>;

export interface TSendEmailInput extends TSendEmailConfig {
  /** Run variables (feedback, task outcome...) for the template, beside the data loaded at send time. */
  vars?: Record<string, unknown>;
  run: RunRef;
  nodeId: string;
  idempotencyKey: string;
}

export type TSendEmailResult = TMessageSendResult;

export default defineNode({
  type: 'message.send_email',
  typeVersion: 1,
  category: 'message',
  label: 'Send email',
  docs:
    'Renders the subject and body (Handlebars, e.g. {{candidate.firstName}}, {{job.title}}) and sends the email once, ' +
    'recorded in the message outbox under an idempotency key: a retried or replayed step never sends twice. The contact ' +
    'policy is checked at send time: a suppressed, unsubscribed or (for MARKETING) unconsented candidate gets nothing and ' +
    'the run goes on by "out"; a MARKETING email held by quiet hours or the frequency cap waits until the policy allows it, ' +
    'then is sent and the run goes on. MARKETING emails carry click tracking, an open pixel and one-click unsubscribe.',
  config: ZSendEmailConfig,
  ports: () => ['out'],
  templateFields: ['subject', 'body'],
  start: (ctx) => sendMessage('sendEmail', ctx),
  resume: (ctx, event) => resumeMessageSend(ctx, event, sendMessage('sendEmail', ctx), 'lastEmail'),
});
