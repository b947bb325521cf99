// Outbound mail over SMTP with nodemailer. The Message-ID is derived from the
// outbox row, so a provider that deduplicates on it drops a repeated send.
import nodemailer from 'nodemailer';

export interface OutgoingEmail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  messageId: string;
  replyTo?: string;
  /** The envelope sender (MAIL FROM, the Return-Path): a signed bounce address receives this message's bounces. Default: the From address. */
  envelopeFrom?: string;
  headers?: Record<string, string>;
  /** An iCalendar invite sent as a text/calendar alternative part (its METHOD must match the text's). */
  calendar?: { method: 'REQUEST' | 'CANCEL'; content: string };
}

export interface Mailer {
  send(email: OutgoingEmail): Promise<{ providerMessageId: string }>;
  close(): void;
}

export function createSmtpMailer(smtpUrl: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl, {
    pool: true, maxConnections: 5,
    // One SMTP conversation stays well inside the send lease (record-send-decision.ts SEND_LEASE_SECONDS).
    connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000,
  } as never);
  return {
    async send(email) {
      const info = await transport.sendMail({
        from: email.from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        replyTo: email.replyTo,
        messageId: email.messageId,
        headers: email.headers,
        ...(email.envelopeFrom ? { envelope: { from: email.envelopeFrom, to: email.to } } : {}),
        ...(email.calendar ? { icalEvent: { method: email.calendar.method, filename: 'invite.ics', content: email.calendar.content } } : {}),
      });
      return { providerMessageId: info.messageId };
    },
    close: () => transport.close(),
  };
}
