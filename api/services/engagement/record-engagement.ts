// Writes one engagement fact about a candidate (EngagementEvent) and what
// follows from it on their profile: the engagement score and, for the kinds that
// show them acting, lastEngagedAt. Facts are deduplicated by their key (one
// open per message, one click per link...), so a repeated pixel load, click or
// webhook delivery changes nothing. Used by the send path, tracking, replies,
// bounces, unsubscribes, events and applications.
import type { PoolClient } from 'pg';
import type { EngagementKind } from '../../../generated/prisma/enums';
import { ENGAGED_KINDS, ENGAGEMENT_WEIGHTS, engagementScoreUpdateSql } from './engagement-score';

export interface TEngagementFact {
  orgId: string;
  candidateId: string;
  kind: EngagementKind;
  /** One row per fact: "open:<messageId>", "click:<messageId>:<i>", "reply:<inbound id>"... */
  dedupeKey: string;
  messageId?: string | null;
  campaignId?: string | null;
  eventId?: string | null;
  linkIndex?: number | null;
  at?: Date;
}

const SCORE_ONE = engagementScoreUpdateSql(`SELECT $2::text AS id`);

/** Records the fact; false when it was already recorded (nothing else changes then). */
export async function recordEngagement(client: Pick<PoolClient, 'query'>, f: TEngagementFact): Promise<boolean> {
  const at = f.at ?? new Date();
  const { rowCount } = await client.query(
    `INSERT INTO "EngagementEvent" (id, "orgId", "candidateId", kind, "messageId", "campaignId", "eventId", "linkIndex", "dedupeKey", at)
     VALUES (gen_random_uuid()::text, $1, $2, $3::"EngagementKind", $4, $5, $6, $7, $8, $9) ON CONFLICT ("dedupeKey") DO NOTHING`,
    [f.orgId, f.candidateId, f.kind, f.messageId ?? null, f.campaignId ?? null, f.eventId ?? null, f.linkIndex ?? null, f.dedupeKey, at],
  );
  if (!rowCount) return false;
  if (ENGAGED_KINDS.includes(f.kind)) {
    await client.query(`UPDATE "Candidate" SET "lastEngagedAt" = GREATEST("lastEngagedAt", $2) WHERE id = $1`, [f.candidateId, at]);
  }
  if (ENGAGEMENT_WEIGHTS[f.kind] !== 0) await refreshEngagementScore(client, f.candidateId, at);
  return true;
}

export async function refreshEngagementScore(client: Pick<PoolClient, 'query'>, candidateId: string, now = new Date()): Promise<void> {
  await client.query(SCORE_ONE, [now, candidateId]);
}
