// The part every outbound message shares, email or text: decide under the
// contact policy and record the Message in one transaction (SENDING, or held
// back as SUPPRESSED / DEFERRED with the reason), then, once the provider took
// it, mark it SENT with the send on the profile. The body is built inside the
// transaction because tracked links name the message's id.
import type { Pool } from 'pg';
import { AppError } from '../../errors';
import { withTransaction } from '../../platform/db/transaction';
import { addressHash } from './address-hash';
import { decideContact, longestCapWindowMs, type TEffectivePolicy, type TMessageCategory, type TPolicyDecision } from './contact-policy';
import { readContactFacts } from './contact-facts';
import { newMessageId } from './message-id';

export interface TSendDecisionInput {
  orgId: string;
  candidateId: string;
  runId: string | null;
  campaignId: string | null;
  channel: 'EMAIL' | 'SMS';
  category: TMessageCategory;
  topic: string | null;
  idempotencyKey: string;
  /** The email address or phone number (null when the person was erased). */
  to: string | null;
  fromAddress: string;
  policy: TEffectivePolicy;
  now: number;
  /** The run's start: stop-on-reply compares replies with it. */
  conversationStartedAt: number | null;
}

export interface TMessageContent {
  subject: string | null;
  text: string;
  html: string | null;
  links: string[];
}

export interface TSendDecision {
  id: string;
  decision: TPolicyDecision;
  /** The content recorded (and, when SEND, to be sent). */
  content: TMessageContent;
}

/** `build(id, isSending)` makes the content; an erased person's message keeps none. */
export async function decideAndRecord(pool: Pool, m: TSendDecisionInput, build: (id: string, isSending: boolean) => TMessageContent): Promise<TSendDecision> {
  return withTransaction(pool, async (client) => {
    const locked = await readContactFacts(client, {
      orgId: m.orgId, candidateId: m.candidateId, addressHash: m.to ? addressHash(m.orgId, m.to) : null, category: m.category, topic: m.topic,
      idempotencyKey: m.idempotencyKey, consentPurposes: m.policy.consentPurposes, windowMs: longestCapWindowMs(m.policy), now: m.now,
      conversationStartedAt: m.conversationStartedAt,
    });
    if (!locked) throw new AppError('NOT_FOUND', `candidate ${m.candidateId} not found`);
    const decision = decideContact(m.policy, locked.facts);
    const id = locked.existingMessageId ?? newMessageId();
    const isErased = locked.facts.isErased;
    const content = isErased ? { subject: null, text: '', html: null, links: [] } : build(id, decision.outcome === 'SEND');
    await client.query({
      name: 'send-record',
      text: `INSERT INTO "Message" (id, "orgId", "candidateId", "runId", "campaignId", channel, category, topic, "idempotencyKey", status, "fromAddress", "toAddress",
                              subject, "bodyText", "bodyHtml", links, "policyReason", "deferredUntil", "sentAt", attempts)
       VALUES ($1, $2, $3, $4, $5, $6::"Channel", $7, $8, $9, $10::"MessageStatus", $11, $12, $13, $14, $15, $16, $17, $18, $19, 1)
       ON CONFLICT ("idempotencyKey") DO UPDATE SET status = EXCLUDED.status, "fromAddress" = EXCLUDED."fromAddress", "toAddress" = EXCLUDED."toAddress",
         subject = EXCLUDED.subject, "bodyText" = EXCLUDED."bodyText", "bodyHtml" = EXCLUDED."bodyHtml", links = EXCLUDED.links,
         "policyReason" = EXCLUDED."policyReason", "deferredUntil" = EXCLUDED."deferredUntil", "sentAt" = EXCLUDED."sentAt", attempts = "Message".attempts + 1`,
      values: [
        id, m.orgId, m.candidateId, m.runId, m.campaignId, m.channel, m.category, m.topic, m.idempotencyKey,
        decision.outcome === 'SEND' ? 'SENDING' : decision.outcome, m.fromAddress, isErased ? '' : m.to,
        content.subject, content.text, content.html, content.links,
        decision.outcome === 'SEND' ? null : decision.reason, decision.outcome === 'DEFERRED' ? new Date(decision.until) : null,
        // A SENDING row counts against frequency caps from the moment it is allowed.
        decision.outcome === 'SEND' ? new Date(m.now) : null,
      ],
    });
    return { id, decision, content };
  });
}

/** The provider took it: SENT, the candidate's lastContactedAt, and SENT on the profile, in one statement. */
export async function markSent(pool: Pool, s: { id: string; orgId: string; candidateId: string; campaignId: string | null; providerMessageId: string; sentAt: Date }): Promise<void> {
  await pool.query({
    name: 'send-mark-sent',
    text: `WITH m AS (UPDATE "Message" SET status = 'SENT', "providerMessageId" = $2, "sentAt" = $3, error = NULL WHERE id = $1),
          c AS (UPDATE "Candidate" SET "lastContactedAt" = GREATEST("lastContactedAt", $3) WHERE id = $4)
     INSERT INTO "EngagementEvent" (id, "orgId", "candidateId", kind, "messageId", "campaignId", "dedupeKey", at)
     VALUES (gen_random_uuid()::text, $5, $4, 'SENT', $1, $6, 'sent:' || $1, $3) ON CONFLICT ("dedupeKey") DO NOTHING`,
    values: [s.id, s.providerMessageId, s.sentAt, s.candidateId, s.orgId, s.campaignId],
  });
}

/** A relay's error text without the addresses it may quote (they stay out of logs and error columns). */
export const withoutAddresses = (text: string) => text.replace(/[^\s<>"'@]+@[^\s<>"']+/g, '<address>').slice(0, 500);

/** The provider refused it (a retry follows): the error on the message, which stays SENDING. */
export async function markFailedAttempt(pool: Pool, id: string, err: unknown): Promise<void> {
  await pool.query(`UPDATE "Message" SET error = $2 WHERE id = $1`, [id, withoutAddresses(String((err as Error)?.message ?? err))]);
}

export type TRecordedResult = { messageId: string; status: 'SENT' | 'SUPPRESSED'; policyReason?: string };

/** A recorded message's result when it is final (SENT or SUPPRESSED); null when the send must be decided (again). */
export function finalResultOf(r: { id: string; status: string; policyReason: string | null } | null | undefined): TRecordedResult | null {
  if (!r || (r.status !== 'SENT' && r.status !== 'SUPPRESSED')) return null;
  return { messageId: r.id, status: r.status, ...(r.policyReason ? { policyReason: r.policyReason } : {}) };
}

/** The final result recorded under this key (for a send whose candidate is gone). */
export async function recordedResult(pool: Pool, idempotencyKey: string): Promise<TRecordedResult | null> {
  const { rows } = await pool.query<{ id: string; status: string; policyReason: string | null }>(`SELECT id, status, "policyReason" FROM "Message" WHERE "idempotencyKey" = $1`, [idempotencyKey]);
  return finalResultOf(rows[0]);
}

export function heldBackResult(decision: Exclude<TPolicyDecision, { outcome: 'SEND' }>) {
  return decision.outcome === 'DEFERRED'
    ? { status: 'DEFERRED' as const, policyReason: decision.reason, deferredUntil: new Date(decision.until).toISOString() }
    : { status: 'SUPPRESSED' as const, policyReason: decision.reason };
}
