// The database half of the contact policy: everything decideContact needs about
// a send's candidate, read inside the send's transaction, for a whole batch of
// sends at once. For marketing mail the candidates' rows are locked (FOR UPDATE)
// first, so two sends to one person decide one after the other: the second sees
// the first's message (SENDING) and the frequency cap holds under concurrency.
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

/** Locks the candidates' rows (in id order, so two batches cannot deadlock on each other). */
export async function lockCandidates(client: Pick<PoolClient, 'query'>, candidateIds: readonly string[]): Promise<void> {
  if (!candidateIds.length) return;
  await client.query({ name: 'contact-lock', text: `SELECT 1 FROM "Candidate" WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE`, values: [[...new Set(candidateIds)]] });
}

/**
 * The facts of several sends in one statement (null for a candidate that is not there). The caller locks the
 * marketing sends' candidates first, in its own statement: in READ COMMITTED a statement reads the snapshot it
 * started with, so facts read in the statement that waited for the lock would miss the message the lock holder
 * just recorded. This statement starts after the wait and sees it.
 */
export async function readContactFactsBatch(client: Pick<PoolClient, 'query'>, queries: readonly TFactsQuery[]): Promise<(TLockedFacts | null)[]> {
  const { rows } = await client.query<{
    i: number; anonymizedAt: Date | null; timeZone: string | null; lastRepliedAt: Date | null; isSuppressed: boolean;
    optedOut: string[]; consents: string[]; recent: Date[]; existingId: string | null;
  }>({
    // Named: each connection plans it once (every send reads these facts).
    name: 'contact-facts',
    text: `SELECT q.i, c."anonymizedAt", c."timeZone", c."lastRepliedAt",
            EXISTS (SELECT 1 FROM "Suppression" s WHERE s."orgId" = q.org AND s."addressHash" = q.hash) AS "isSuppressed",
            ARRAY(SELECT p.topic FROM "ContactPreference" p WHERE q.mkt AND p."candidateId" = c.id AND NOT p."isSubscribed") AS "optedOut",
            ARRAY(SELECT DISTINCT ON (r.purpose) r.purpose || ':' || r.status::text FROM "ConsentRecord" r
                   WHERE q.mkt AND r."candidateId" = c.id AND r.purpose = ANY(string_to_array(q.purposes, ',')) ORDER BY r.purpose, r.at DESC) AS consents,
            ARRAY(SELECT m."sentAt" FROM "Message" m
                   WHERE q.mkt AND m."candidateId" = c.id AND m.category = 'MARKETING' AND m.direction = 'OUTBOUND'
                     AND m.status IN ('SENDING', 'SENT') AND m."sentAt" > q.since AND m."idempotencyKey" <> q.key) AS recent,
            (SELECT m.id FROM "Message" m WHERE m."idempotencyKey" = q.key) AS "existingId"
       FROM unnest($1::text[], $2::text[], $3::text[], $4::boolean[], $5::text[], $6::timestamptz[], $7::text[]) WITH ORDINALITY
              AS q(cid, org, hash, mkt, purposes, since, key, i)
       JOIN "Candidate" c ON c.id = q.cid AND c."orgId" = q.org`,
    values: [
      queries.map((q) => q.candidateId), queries.map((q) => q.orgId), queries.map((q) => q.addressHash), queries.map((q) => q.category === 'MARKETING'),
      queries.map((q) => q.consentPurposes.join(',')), queries.map((q) => new Date(q.now - q.windowMs)), queries.map((q) => q.idempotencyKey),
    ],
  });
  const byIndex = new Map(rows.map((r) => [Number(r.i) - 1, r]));
  return queries.map((q, i) => {
    const row = byIndex.get(i);
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
  });
}

/** One send's facts, without locking (a read-only look: the contact status). */
export async function readContactFacts(client: Pick<PoolClient, 'query'>, q: TFactsQuery): Promise<TLockedFacts | null> {
  return (await readContactFactsBatch(client, [q]))[0]!;
}
