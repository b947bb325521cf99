// The engagement score of a candidate (Candidate.engagementScore, 0-100): the
// sum of their engagement events, each weighted by kind and halved every 30 days,
// over the last year. Opens weigh little (privacy proxies prefetch images, so an
// open is a weak signal); replies, attendance and applications weigh most;
// unsubscribes, complaints and no-shows count against. The weights below are the
// one definition: the pure function documents and tests them, and the SQL that
// writes the column is generated from them.
import type { EngagementKind } from '../../../generated/prisma/enums';

export const ENGAGEMENT_WEIGHTS: Readonly<Record<EngagementKind, number>> = {
  SENT: 0,
  OPENED: 1,
  CLICKED: 5,
  REPLIED: 15,
  BOUNCED: 0,
  UNSUBSCRIBED: -20,
  COMPLAINED: -50,
  REGISTERED: 10,
  ATTENDED: 20,
  NO_SHOW: -5,
  APPLIED: 25,
};
export const SCORE_HALF_LIFE_DAYS = 30;
export const SCORE_HORIZON_DAYS = 365;
export const MAX_ENGAGEMENT_SCORE = 100;

/** Kinds that show the person acting (Candidate.lastEngagedAt): not sends, opens, bounces or unsubscribes. */
export const ENGAGED_KINDS: readonly EngagementKind[] = ['CLICKED', 'REPLIED', 'REGISTERED', 'ATTENDED', 'APPLIED'];

const DAY_MS = 86_400_000;

export function engagementScore(events: readonly { kind: EngagementKind; at: number }[], now: number): number {
  let sum = 0;
  for (const e of events) {
    const ageDays = (now - e.at) / DAY_MS;
    if (ageDays >= SCORE_HORIZON_DAYS) continue;
    sum += ENGAGEMENT_WEIGHTS[e.kind] * 0.5 ** (Math.max(0, ageDays) / SCORE_HALF_LIFE_DAYS);
  }
  return Math.min(MAX_ENGAGEMENT_SCORE, Math.max(0, Math.round(sum)));
}

const WEIGHTS_SQL = `(VALUES ${Object.entries(ENGAGEMENT_WEIGHTS).map(([k, w]) => `('${k}', ${w})`).join(', ')}) AS w(kind, weight)`;

/**
 * UPDATE of engagementScore for the candidates `candidatesSql` selects (a query returning an `id` column),
 * as of $1 (a timestamptz). Writes only scores that changed.
 */
export function engagementScoreUpdateSql(candidatesSql: string): string {
  return `UPDATE "Candidate" c SET "engagementScore" = s.score
      FROM (SELECT cand.id, LEAST(${MAX_ENGAGEMENT_SCORE}, GREATEST(0, ROUND(COALESCE(SUM(
                     w.weight * power(0.5, GREATEST(0, EXTRACT(EPOCH FROM ($1::timestamptz - e.at)) / 86400.0) / ${SCORE_HALF_LIFE_DAYS})), 0)::numeric)))::int AS score
              FROM (${candidatesSql}) cand
              LEFT JOIN "EngagementEvent" e ON e."candidateId" = cand.id AND e.at > $1::timestamptz - interval '${SCORE_HORIZON_DAYS} days'
              LEFT JOIN ${WEIGHTS_SQL} ON w.kind = e.kind::text
             GROUP BY cand.id) s
     WHERE c.id = s.id AND c."engagementScore" <> s.score`;
}
