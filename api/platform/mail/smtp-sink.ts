// The embedded mail server: a real SMTP server in-process that accepts every
// message and keeps it for the dev mailbox (GET /api/dev/mailbox). Messages
// reach it over a real SMTP conversation from nodemailer, exactly as they
// would reach a production relay.
import fs from 'node:fs';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

export interface SinkMessage {
  id: string;
  messageId: string | null;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  headers: Record<string, string>;
  /** text/calendar parts (interview invites), as sent. */
  calendarParts?: { contentType: string; text: string }[];
  receivedAt: string;
}

export interface SmtpSink {
  url: string;
  port: number;
  messages(): SinkMessage[];
  /** Resolves once `count` messages matching `predicate` have arrived. */
  waitFor(predicate: (m: SinkMessage) => boolean, opts?: { count?: number; timeoutMs?: number }): Promise<SinkMessage[]>;
  clear(): void;
  stop(): Promise<void>;
}

const MAX_KEPT = 1000;

export async function startSmtpSink(opts: { port?: number; dataDir?: string } = {}): Promise<SmtpSink> {
  const file = opts.dataDir ? path.join(opts.dataDir, 'mailbox.jsonl') : undefined;
  const kept: SinkMessage[] = file && fs.existsSync(file)
    ? fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).slice(-MAX_KEPT).map((l) => JSON.parse(l) as SinkMessage)
    : [];
  const listeners = new Set<() => void>();
  let seq = kept.length;

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const headers: Record<string, string> = {};
          for (const line of parsed.headerLines) headers[line.key] = line.line.slice(line.key.length + 1).trim();
          const msg: SinkMessage = {
            id: String(++seq),
            messageId: parsed.messageId ?? null,
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : null,
            headers,
            calendarParts: parsed.attachments.filter((a) => a.contentType === 'text/calendar').map((a) => {
              const type = a.headers.get('content-type') as { value: string; params?: Record<string, string> } | undefined;
              const method = type?.params?.method;
              return { contentType: method ? `text/calendar; method=${method}` : 'text/calendar', text: a.content.toString('utf8') };
            }),
            receivedAt: new Date().toISOString(),
          };
          kept.push(msg);
          if (kept.length > MAX_KEPT) kept.shift();
          if (file) fs.appendFileSync(file, JSON.stringify(msg) + '\n');
          for (const l of listeners) l();
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as { port: number }).port;

  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages: () => [...kept],
    clear: () => void kept.splice(0),
    waitFor(predicate, { count = 1, timeoutMs = 30_000 } = {}) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = kept.filter(predicate);
          if (found.length < count) return false;
          listeners.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`SMTP sink: expected ${count} matching message(s) within ${timeoutMs} ms, got ${kept.filter(predicate).length}`));
        }, timeoutMs);
        if (!check()) listeners.add(check);
      });
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
