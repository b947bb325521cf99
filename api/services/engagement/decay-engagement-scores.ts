// Engagement scores fade with time even when nothing happens: this sweep
// recomputes every non-zero score (events halve every 30 days), in batches by
// id, so segments on "engagement score at least N" stay true to the weights.
import type { Pool } from 'pg';
import type { PeriodicJob } from '../../platform/periodic-jobs';
import { engagementScoreUpdateSql } from './engagement-score';

const BATCH = 5000;
const RESCORE_BATCH = engagementScoreUpdateSql(`SELECT unnest($2::text[]) AS id`);

export async function decayEngagementScores(pool: Pool, now = new Date()): Promise<{ checked: number; updated: number }> {
  let after = '';
  let checked = 0;
  let updated = 0;
  for (;;) {
    const { rows } = await pool.query<{ id: string }>(`SELECT id FROM "Candidate" WHERE id > $1 AND "engagementScore" <> 0 ORDER BY id LIMIT ${BATCH}`, [after]);
    if (!rows.length) break;
    const ids = rows.map((r) => r.id);
    updated += (await pool.query(RESCORE_BATCH, [now, ids])).rowCount ?? 0;
    checked += ids.length;
    after = ids.at(-1)!;
  }
  return { checked, updated };
}

export const ENGAGEMENT_SCORE_DECAY_JOB: PeriodicJob = {
  name: 'engagement-score-decay',
  everyMs: 6 * 60 * 60 * 1000,
  run: (services) => decayEngagementScores(services.pool),
};
