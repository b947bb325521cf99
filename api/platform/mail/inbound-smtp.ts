// The inbound SMTP listener: where candidates' replies and bounces arrive (the
// MX of REPLY_DOMAIN points here in production; INBOUND_SMTP_PORT). It accepts a
// recipient only if the caller says so (signed reply, bounce and unsubscribe
// addresses), so mail to anything else is refused at RCPT TO and never read.
// Each message is parsed and handed over; a handler failure answers 451 so the
// sending server tries again later.
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import type { TInboundEmail } from '../../services/messaging/inbound-classify';

export interface InboundSmtp {
  port: number;
  url: string;
  stop(): Promise<void>;
}

export interface InboundSmtpOptions {
  host: string;
  port: number;
  accepts(address: string): boolean;
  onMessage(mail: TInboundEmail): Promise<unknown>;
}

/** Replies with quoted history and a signature fit easily; a resume attached to a reply is not kept (only the text is). */
const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

export async function startInboundSmtp(opts: InboundSmtpOptions): Promise<InboundSmtp> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    size: MAX_MESSAGE_BYTES,
    onRcptTo(address, _session, callback) {
      if (opts.accepts(address.address)) return callback();
      const refusal = new Error('5.1.1 no such mailbox') as Error & { responseCode: number };
      refusal.responseCode = 550;
      callback(refusal);
    },
    onData(stream, session, callback) {
      simpleParser(stream, { skipImageLinks: true, skipTextToHtml: true })
        .then(async (parsed) => {
          const headers: Record<string, string> = {};
          for (const line of parsed.headerLines) headers[line.key] = line.line.slice(line.key.length + 1).trim();
          const part = (type: string) => parsed.attachments.find((a) => a.contentType === type);
          const sender = (parsed.from?.value ?? [])[0];
          const references = parsed.references;
          const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
          await opts.onMessage({
            from: (sender?.address ?? envelopeFrom).toLowerCase(),
            fromName: sender?.name || null,
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            messageId: parsed.messageId ?? null,
            inReplyTo: parsed.inReplyTo ?? null,
            references: Array.isArray(references) ? references : references ? [references] : [],
            headers,
            deliveryStatus: part('message/delivery-status')?.content.toString('utf8') ?? null,
            isFeedbackReport: !!part('message/feedback-report'),
          });
        })
        .then(() => callback(), (err: Error) => {
          const retry = new Error(`4.3.0 could not process the message: ${err.message}`) as Error & { responseCode: number };
          retry.responseCode = 451;
          callback(retry);
        });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const port = (server.server.address() as { port: number }).port;
  return { port, url: `smtp://${opts.host}:${port}`, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
