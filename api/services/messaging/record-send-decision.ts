// The part every outbound message shares, email or text: decide under the
// contact policy and record the Message in one transaction (SENDING, or held
// back as SUPPRESSED / DEFERRED with the reason), then, once the provider took
// it, mark it SENT with the send on the profile. The body is built inside the
// transaction because tracked links name the message's id. Sends that happen at
// the same moment share the transaction and the SENT statement (group commit):
// a worker sending thousands of campaign emails pays per batch, not per email.
import type { Pool } from 'pg';
import { AppError } from '../../errors';
import { withTransaction } from '../../platform/db/transaction';
import { addressHash } from './address-hash';
import { decideContact, longestCapWindowMs, type TEffectivePolicy, type TMessageCategory, type TPolicyDecision } from './contact-policy';
import { lockCandidates, readContactFactsBatch } from './contact-facts';
import { newMessageId } from './message-id';
import { createBatcher } from './send-batcher';

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

interface TDecisionItem {
  m: TSendDecisionInput;
  build: (id: string, isSending: boolean) => TMessageContent;
}

interface TSentItem {
  id: string;
  orgId: string;
  candidateId: string;
  campaignId: string | null;
  providerMessageId: string;
  sentAt: Date;
}

/**
 * A SENDING message younger than this is another attempt's send in progress (an activity retried after a
 * timeout while the first attempt still talks to the relay): a second attempt under the same key waits
 * instead of sending it again. Longer than one SMTP conversation can take (mailer.ts bounds it).
 */
export const SEND_LEASE_SECONDS = 120;
/** A decision the batch could not take: another attempt holds the message, or it was just finalized. */
const IN_FLIGHT = Symbol('in flight');

/** Sends deciding at the same moment share a transaction (see send-batcher.ts): at most this many. */
const MAX_BATCH = 100;
const batchers = new WeakMap<Pool, { decide: (item: TDecisionItem) => Promise<TSendDecision | typeof IN_FLIGHT>; sent: (item: TSentItem) => Promise<void> }>();

function batchersOf(pool: Pool) {
  let b = batchers.get(pool);
  if (!b) {
    b = {
      decide: createBatcher((items: TDecisionItem[]) => decideBatch(pool, items), { maxBatch: MAX_BATCH, keyOf: (i) => i.m.idempotencyKey }),
      sent: createBatcher((items: TSentItem[]) => markSentBatch(pool, items), { maxBatch: MAX_BATCH }),
    };
    batchers.set(pool, b);
  }
  return b;
}

/**
 * Decides under the contact policy and records the message. `build(id, isSending)` makes the content; an
 * erased person's message keeps none. Concurrent calls share one transaction.
 */
export async function decideAndRecord(pool: Pool, m: TSendDecisionInput, build: (id: string, isSending: boolean) => TMessageContent): Promise<TSendDecision> {
  const decided = await batchersOf(pool).decide({ m, build });
  if (decided === IN_FLIGHT) {
    // Retryable: by the next attempt the other one has finished, and its recorded result is answered.
    throw new AppError('UNAVAILABLE', 'another attempt is sending the message under this idempotency key; retry later', [{ path: 'idempotencyKey', message: 'send in progress' }]);
  }
  return decided;
}

async function decideBatch(pool: Pool, items: TDecisionItem[]): Promise<(TSendDecision | typeof IN_FLIGHT)[]> {
  return withTransaction(pool, async (client) => {
    await lockCandidates(client, items.filter((i) => i.m.category === 'MARKETING').map((i) => i.m.candidateId));
    const facts = await readContactFactsBatch(client, items.map(({ m }) => ({
      orgId: m.orgId, candidateId: m.candidateId, addressHash: m.to ? addressHash(m.orgId, m.to) : null, category: m.category, topic: m.topic,
      idempotencyKey: m.idempotencyKey, consentPurposes: m.policy.consentPurposes, windowMs: longestCapWindowMs(m.policy), now: m.now,
      conversationStartedAt: m.conversationStartedAt,
    })));
    // Two sends to one person in this batch: the first one allowed counts against the second's cap.
    const allowedNow = new Map<string, number[]>();
    const decided = items.map(({ m, build }, i) => {
      const locked = facts[i];
      if (!locked) throw new AppError('NOT_FOUND', `candidate ${m.candidateId} not found`);
      const earlier = allowedNow.get(m.candidateId) ?? [];
      const decision = decideContact(m.policy, { ...locked.facts, recentMarketingAt: [...locked.facts.recentMarketingAt, ...earlier] });
      if (decision.outcome === 'SEND' && m.category === 'MARKETING') allowedNow.set(m.candidateId, [...earlier, m.now]);
      const id = locked.existingMessageId ?? newMessageId();
      const isErased = locked.facts.isErased;
      const content = isErased ? { subject: null, text: '', html: null, links: [] } : build(id, decision.outcome === 'SEND');
      return { m, id, decision, content, to: isErased ? '' : m.to };
    });
    const col = <T>(f: (d: (typeof decided)[number]) => T) => decided.map(f);
    const { rows: recorded } = await client.query<{ key: string }>({
      name: 'send-record',
      text: `INSERT INTO "Message" (id, "orgId", "candidateId", "runId", "campaignId", channel, category, topic, "idempotencyKey", status, "fromAddress", "toAddress",
                              subject, "bodyText", "bodyHtml", links, "policyReason", "deferredUntil", "sentAt", attempts)
       SELECT r.id, r.org, r.cid, r.run, r.campaign, r.channel::"Channel", r.category, r.topic, r.key, r.status::"MessageStatus", r.sender, r.recipient,
              r.subject, r.text, r.html, ARRAY(SELECT jsonb_array_elements_text(r.links)), r.reason, r.until, r.allowed, 1
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[],
                     $12::text[], $13::text[], $14::text[], $15::text[], $16::jsonb[], $17::text[], $18::timestamptz[], $19::timestamptz[])
              AS r(id, org, cid, run, campaign, channel, category, topic, key, status, sender, recipient, subject, text, html, links, reason, until, allowed)
       ON CONFLICT ("idempotencyKey") DO UPDATE SET status = EXCLUDED.status, "fromAddress" = EXCLUDED."fromAddress", "toAddress" = EXCLUDED."toAddress",
         subject = EXCLUDED.subject, "bodyText" = EXCLUDED."bodyText", "bodyHtml" = EXCLUDED."bodyHtml", links = EXCLUDED.links,
         "policyReason" = EXCLUDED."policyReason", "deferredUntil" = EXCLUDED."deferredUntil", "sentAt" = EXCLUDED."sentAt", attempts = "Message".attempts + 1
       -- Never over a final message, nor over a send another attempt has in progress (its lease).
       WHERE "Message".status NOT IN ('SENT', 'SUPPRESSED')
         AND NOT ("Message".status = 'SENDING' AND coalesce("Message"."sentAt" > now() - make_interval(secs => ${SEND_LEASE_SECONDS}), false))
       RETURNING "idempotencyKey" AS key`,
      values: [
        col((d) => d.id), col((d) => d.m.orgId), col((d) => d.m.candidateId), col((d) => d.m.runId), col((d) => d.m.campaignId), col((d) => d.m.channel),
        col((d) => d.m.category), col((d) => d.m.topic), col((d) => d.m.idempotencyKey), col((d) => (d.decision.outcome === 'SEND' ? 'SENDING' : d.decision.outcome)),
        col((d) => d.m.fromAddress), col((d) => d.to), col((d) => d.content.subject), col((d) => d.content.text), col((d) => d.content.html),
        col((d) => JSON.stringify(d.content.links)), col((d) => (d.decision.outcome === 'SEND' ? null : d.decision.reason)),
        col((d) => (d.decision.outcome === 'DEFERRED' ? new Date(d.decision.until) : null)),
        // A SENDING row counts against frequency caps from the moment it is allowed.
        col((d) => (d.decision.outcome === 'SEND' ? new Date(d.m.now) : null)),
      ],
    });
    const isRecorded = new Set(recorded.map((r) => r.key));
    return decided.map(({ m, id, decision, content }) => (isRecorded.has(m.idempotencyKey) ? { id, decision, content } : IN_FLIGHT));
  });
}

/** The provider took it: SENT, the candidate's lastContactedAt, and SENT on the profile (concurrent calls share one statement). */
export function markSent(pool: Pool, s: TSentItem): Promise<void> {
  return batchersOf(pool).sent(s);
}

async function markSentBatch(pool: Pool, items: TSentItem[]): Promise<void[]> {
  const col = <T>(f: (s: TSentItem) => T) => items.map(f);
  await pool.query({
    name: 'send-mark-sent',
    text: `WITH s AS (SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::text[], $6::text[]) AS s(id, provider, at, cid, org, campaign)),
          m AS (UPDATE "Message" SET status = 'SENT', "providerMessageId" = s.provider, "sentAt" = s.at, error = NULL FROM s WHERE "Message".id = s.id),
          c AS (UPDATE "Candidate" SET "lastContactedAt" = GREATEST("lastContactedAt", l.at) FROM (SELECT cid, max(at) AS at FROM s GROUP BY cid) l WHERE "Candidate".id = l.cid)
     INSERT INTO "EngagementEvent" (id, "orgId", "candidateId", kind, "messageId", "campaignId", "dedupeKey", at)
     SELECT gen_random_uuid()::text, s.org, s.cid, 'SENT', s.id, s.campaign, 'sent:' || s.id, s.at FROM s ON CONFLICT ("dedupeKey") DO NOTHING`,
    values: [col((s) => s.id), col((s) => s.providerMessageId), col((s) => s.sentAt), col((s) => s.candidateId), col((s) => s.orgId), col((s) => s.campaignId)],
  });
  return items.map(() => undefined);
}

/** A relay's error text without the addresses it may quote (they stay out of logs and error columns). */
export const withoutAddresses = (text: string) => text.replace(/[^\s<>"'@]+@[^\s<>"']+/g, '<address>').slice(0, 500);

/**
 * The provider refused it (a retry follows): the error on the message, which stays SENDING without its lease
 * (sentAt), so the retry may send at once and the attempt that failed counts against no cap.
 */
export async function markFailedAttempt(pool: Pool, id: string, err: unknown): Promise<void> {
  await pool.query(`UPDATE "Message" SET error = $2, "sentAt" = NULL WHERE id = $1 AND status = 'SENDING'`, [id, withoutAddresses(String((err as Error)?.message ?? err))]);
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
