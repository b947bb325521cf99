// "Can we email this person, and if not, why?": the answer the send path would
// give right now for a marketing email (and whether transactional mail goes
// through), with the facts behind it. The profile shows it; it also explains a
// SUPPRESSED or DEFERRED message after the fact.
import type { Pool } from 'pg';
import { notFound } from '../../errors';
import { addressHash } from './address-hash';
import { decideContact, effectivePolicy, longestCapWindowMs, readContactPolicy, type TPolicyDecision } from './contact-policy';
import { readContactFacts } from './contact-facts';
import { readPreferences, type TPreferenceState } from './contact-preferences';

export interface TContactStatus {
  marketing: { outcome: TPolicyDecision['outcome']; reason: string | null; until: string | null };
  transactional: { outcome: TPolicyDecision['outcome']; reason: string | null };
  suppression: { reason: string; since: string } | null;
  preferences: TPreferenceState;
  engagementScore: number;
  lastContactedAt: string | null;
  lastEngagedAt: string | null;
  lastRepliedAt: string | null;
}

export async function readContactStatus(pool: Pool, orgId: string, candidateId: string, now = Date.now()): Promise<TContactStatus> {
  const { rows } = await pool.query<{ email: string | null; policy: unknown; engagementScore: number; lastContactedAt: Date | null; lastEngagedAt: Date | null; lastRepliedAt: Date | null }>(
    `SELECT c.email, o.settings->'contactPolicy' AS policy, c."engagementScore", c."lastContactedAt", c."lastEngagedAt", c."lastRepliedAt"
       FROM "Candidate" c JOIN "Organization" o ON o.id = c."orgId" WHERE c.id = $1 AND c."orgId" = $2`, [candidateId, orgId],
  );
  const c = rows[0];
  if (!c) throw notFound('Candidate', candidateId);
  const policy = effectivePolicy(readContactPolicy(c.policy));
  const hash = c.email ? addressHash(orgId, c.email) : null;
  const query = { orgId, candidateId, addressHash: hash, topic: null, idempotencyKey: '', consentPurposes: policy.consentPurposes, windowMs: longestCapWindowMs(policy), now, conversationStartedAt: null };
  const marketing = (await readContactFacts(pool, { ...query, category: 'MARKETING' }))!;
  const decision = decideContact(policy, marketing.facts);
  const transactional = decideContact(policy, { ...marketing.facts, category: 'TRANSACTIONAL' });
  const suppression = hash ? (await pool.query<{ reason: string; createdAt: Date }>(`SELECT reason, "createdAt" FROM "Suppression" WHERE "orgId" = $1 AND "addressHash" = $2`, [orgId, hash])).rows[0] : undefined;
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    marketing: { outcome: decision.outcome, reason: decision.outcome === 'SEND' ? null : decision.reason, until: decision.outcome === 'DEFERRED' ? new Date(decision.until).toISOString() : null },
    transactional: { outcome: transactional.outcome, reason: transactional.outcome === 'SEND' ? null : transactional.reason },
    suppression: suppression ? { reason: suppression.reason, since: suppression.createdAt.toISOString() } : null,
    preferences: await readPreferences(pool, orgId, candidateId),
    engagementScore: c.engagementScore,
    lastContactedAt: iso(c.lastContactedAt), lastEngagedAt: iso(c.lastEngagedAt), lastRepliedAt: iso(c.lastRepliedAt),
  };
}
