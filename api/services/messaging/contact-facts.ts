// The database half of the contact policy: everything decideContact needs about
// one candidate, read inside the send's transaction. For
// marketing mail the candidate's row is locked (FOR UPDATE) first, so two sends
// to one person decide one after the other: the second sees the first's
// message (SENDING) and the frequency cap holds under concurrency. One round
// trip for the lock, one for the facts.
import type { PoolClient } from 'pg';
import type { TContactFacts, TMessageCategory } from './contact-policy';

export interface TFactsQuery {
  orgId: string;
  candidateId: string;
  addressHash: string | null;
  category: TMessageCategory;
  topic: string | null;
  idempotencyKey: string;
  consentPurposes: readonly string[];
  /** How far back to read marketing messages (the longest cap window). */
  windowMs: number;
  now: number;
  conversationStartedAt: number | null;
}

export interface TLockedFacts {
  facts: TContactFacts;
  /** The message already recorded under this idempotency key (a deferred or interrupted send). */
  existingMessageId: string | null;
}

/** Locks the candidate's row for marketing sends (pass isLocking false for a read-only look). */
export async function readContactFacts(client: Pick<PoolClient, 'query'>, q: TFactsQuery, isLocking = q.category === 'MARKETING'): Promise<TLockedFacts | null> {
  const isMarketing = q.category === 'MARKETING';
  // The lock comes first, in its own statement: in READ COMMITTED a statement reads the snapshot it
  // started with, so facts read in the statement that waited for the lock would miss the message the
  // lock holder just recorded. The next statement starts after the wait and sees it.
  if (isLocking) await client.query({ name: 'contact-lock', text: `SELECT 1 FROM "Candidate" WHERE id = $1 FOR UPDATE`, values: [q.candidateId] });
  const { rows } = await client.query<{
    anonymizedAt: Date | null; timeZone: string | null; lastRepliedAt: Date | null; isSuppressed: boolean;
    optedOut: string[]; consents: string[]; recent: Date[]; existingId: string | null;
  }>({
    // Named: each connection plans it once (every send reads these facts).
    name: 'contact-facts',
    text: `SELECT c."anonymizedAt", c."timeZone", c."lastRepliedAt",
            EXISTS (SELECT 1 FROM "Suppression" s WHERE s."orgId" = $2 AND s."addressHash" = $3) AS "isSuppressed",
            ARRAY(SELECT p.topic FROM "ContactPreference" p WHERE $4 AND p."candidateId" = c.id AND NOT p."isSubscribed") AS "optedOut",
            ARRAY(SELECT DISTINCT ON (r.purpose) r.purpose || ':' || r.status::text FROM "ConsentRecord" r
                   WHERE $4 AND r."candidateId" = c.id AND r.purpose = ANY($5::text[]) ORDER BY r.purpose, r.at DESC) AS consents,
            ARRAY(SELECT m."sentAt" FROM "Message" m
                   WHERE $4 AND m."candidateId" = c.id AND m.category = 'MARKETING' AND m.direction = 'OUTBOUND'
                     AND m.status IN ('SENDING', 'SENT') AND m."sentAt" > $6 AND m."idempotencyKey" <> $7) AS recent,
            (SELECT m.id FROM "Message" m WHERE m."idempotencyKey" = $7) AS "existingId"
       FROM "Candidate" c WHERE c.id = $1 AND c."orgId" = $2`,
    values: [q.candidateId, q.orgId, q.addressHash, isMarketing, [...q.consentPurposes], new Date(q.now - q.windowMs), q.idempotencyKey],
  });
  const row = rows[0];
  if (!row) return null;
  return {
    existingMessageId: row.existingId,
    facts: {
      category: q.category,
      topic: q.topic,
      now: q.now,
      isErased: row.anonymizedAt !== null,
      isSuppressed: row.isSuppressed,
      optedOutTopics: row.optedOut,
      consents: Object.fromEntries(row.consents.map((c) => c.split(':') as [string, 'GRANTED' | 'WITHDRAWN'])),
      lastRepliedAt: row.lastRepliedAt?.getTime() ?? null,
      conversationStartedAt: q.conversationStartedAt,
      candidateTimeZone: row.timeZone,
      recentMarketingAt: row.recent.map((d) => d.getTime()),
    },
  };
}
