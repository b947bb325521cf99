// What an inbound email is, read from its headers and parts: an automatic reply
// (out of office: kept on the profile, but not a reply that stops campaigns), a
// delivery status notification (RFC 3464: a permanent failure suppresses the
// address, a delay does not), or a spam complaint (RFC 5965 feedback report).
// Pure, so each rule has a unit test.

export interface TInboundEmail {
  /** The sender's address (From), lower-cased. */
  from: string;
  fromName?: string | null;
  /** Recipient addresses: the envelope's RCPT TO for SMTP, To/Cc for webhooks. */
  to: string[];
  subject: string;
  text: string;
  /** Message-ID, In-Reply-To and References, with their angle brackets. */
  messageId?: string | null;
  inReplyTo?: string | null;
  references?: string[];
  /** Header name (lower-case) -> value. */
  headers: Record<string, string>;
  /** The message/delivery-status part of a DSN. */
  deliveryStatus?: string | null;
  /** Has a message/feedback-report part (ARF). */
  isFeedbackReport?: boolean;
}

const AUTO_SUBJECT = /^\s*(auto(matic)?[ -]?(reply|response|antwort)|out of (the )?office|abwesenheit|absence|r[ée]ponse automatique|away from)/i;

/** RFC 3834 Auto-Submitted, the vendors' X- headers, Precedence, and the usual subjects. */
export function isAutomaticReply(mail: Pick<TInboundEmail, 'headers' | 'subject'>): boolean {
  const h = mail.headers;
  const autoSubmitted = (h['auto-submitted'] ?? 'no').trim().toLowerCase();
  if (autoSubmitted !== 'no') return true;
  if (h['x-autoreply'] || h['x-autorespond'] || h['x-autoresponder'] || h['x-auto-response-suppress']?.toLowerCase() === 'all') return true;
  if (['auto_reply', 'bulk', 'junk', 'list'].includes((h.precedence ?? '').trim().toLowerCase())) return true;
  return AUTO_SUBJECT.test(mail.subject);
}

export type TBounceKind = 'hard' | 'soft' | 'complaint';

/**
 * A DSN's verdict: `Action: failed` or a 5.x.x status is permanent (hard), `delayed` or 4.x.x is soft.
 * Without a delivery-status part, a bounce-looking subject counts as hard; anything else is not a bounce.
 */
export function bounceKindOf(mail: Pick<TInboundEmail, 'deliveryStatus' | 'isFeedbackReport' | 'subject'>): TBounceKind | null {
  if (mail.isFeedbackReport) return 'complaint';
  if (mail.deliveryStatus) {
    const action = /^\s*Action:\s*(\S+)/im.exec(mail.deliveryStatus)?.[1]?.toLowerCase();
    const status = /^\s*Status:\s*(\d)\.\d{1,3}\.\d{1,3}/im.exec(mail.deliveryStatus)?.[1];
    if (action === 'failed' || status === '5') return 'hard';
    if (action === 'delayed' || status === '4') return 'soft';
    if (action === 'delivered' || action === 'relayed' || action === 'expanded' || status === '2') return null;
    return 'hard';
  }
  return /undeliver|delivery (status notification|has failed|failure)|returned mail|mail delivery failed|failure notice/i.test(mail.subject) ? 'hard' : null;
}

/** Ids of our own messages named in In-Reply-To / References (`<id@trellis>`). */
export function referencedMessageIds(mail: Pick<TInboundEmail, 'inReplyTo' | 'references'>): string[] {
  const ids = [mail.inReplyTo ?? '', ...(mail.references ?? [])].flatMap((v) => [...v.matchAll(/<([a-z0-9]{8,40})@trellis>/g)].map((m) => m[1]!));
  return [...new Set(ids)];
}
