// Outbound SMS. Activities talk to this interface; the embedded default is a dev
// sink that delivers nowhere: the Message row (channel SMS, status SENT,
// providerMessageId dev-sms-<message id>) is the record of what would have gone
// out, as the dev mailbox is for email. A real provider (Twilio, MessageBird...)
// implements `send` and is passed to the worker as ActivityDeps.sms.

export interface OutgoingSms {
  /** The Message row id: providers that deduplicate can key on it. */
  messageId: string;
  from: string;
  to: string;
  body: string;
}

export interface SmsProvider {
  /** Sender shown to the candidate: a number, short code or alphanumeric sender id. */
  readonly from: string;
  send(sms: OutgoingSms): Promise<{ providerMessageId: string }>;
}

export class DevSmsSink implements SmsProvider {
  readonly from = 'Trellis';

  async send(sms: OutgoingSms): Promise<{ providerMessageId: string }> {
    return { providerMessageId: `dev-sms-${sms.messageId}` };
  }
}
