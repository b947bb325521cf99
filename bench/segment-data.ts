// The segment benchmark's data: the search benchmark's database (bench/search-data.ts: N candidates with
// skills, tags, places, applications, stage moves, and the CRM columns interest level, engagement score,
// last contacted / engaged / replied), plus what segments read beyond the profile, added once per database:
// stage kinds, two talent pools (5 % and 0.5 % of people), engagement events (clicks by 10 %, opens by
// 30 %), suppressed addresses (1 %). The segment indexes come with the migrations (0007, 0008).
import { Pool } from 'pg';
import { migrate } from '../api/platform/db/migrate';
import { BENCH_ORG_ID, prepareSearchDataset, type SearchDataset } from './search-data';

const log = (message: string) => process.stdout.write(`[segment-data] ${message}\n`);

export const BENCH_POOLS = { large: 'bench_pool_large', small: 'bench_pool_small' } as const;


async function timed(what: string, pool: Pool, sql: string, values: unknown[] = []) {
  const started = Date.now();
  await pool.query(sql, values);
  log(`${what}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

export async function prepareSegmentDataset(opts: { candidates: number; resumeWords: number; isFresh: boolean }): Promise<SearchDataset> {
  const dataset = await prepareSearchDataset(opts);
  const pool = new Pool({ connectionString: dataset.databaseUrl, max: 1 });
  try {
    const { rows: [org] } = await pool.query<{ settings: { crmColumns?: boolean; segmentData?: boolean } }>(`SELECT settings FROM "Organization" WHERE id = $1`, [BENCH_ORG_ID]);
    if (!org?.settings.crmColumns) throw new Error(`${dataset.databaseName} was generated before the CRM columns: run again with BENCH_SEARCH_FRESH=1`);
    if (!org.settings.segmentData) await addSegmentData(pool, dataset.candidates);
    // A reused database gets the migrations written since it was generated (0007 and 0008: the segment indexes).
    await migrate(pool);
    // Index-only scans need the visibility map current.
    for (const table of ['Candidate', 'Application', 'StageTransition', 'EngagementEvent', 'TalentPoolMember', 'Stage']) await timed(`VACUUM ANALYZE "${table}"`, pool, `VACUUM ANALYZE "${table}"`);
    return dataset;
  } finally {
    await pool.end();
  }
}

async function addSegmentData(pool: Pool, n: number) {
  await pool.query(`SET synchronous_commit = off`);
  // The generator leaves every stage OTHER; give the six stages of each job their usual kinds.
  await timed('stage kinds', pool, `UPDATE "Stage" SET kind = (ARRAY['APPLIED','SCREEN','INTERVIEW','INTERVIEW','OFFER','HIRED']::"StageKind"[])[position + 1] WHERE "jobId" LIKE 'job_%'`);
  await pool.query(`UPDATE "Stage" SET name = 'Onsite' WHERE key = 'stage3' AND "jobId" LIKE 'job_%'`);
  await pool.query(`INSERT INTO "TalentPool" (id, "orgId", name) VALUES ($1, $3, 'Silver medalists'), ($2, $3, 'Conference leads') ON CONFLICT DO NOTHING`, [BENCH_POOLS.large, BENCH_POOLS.small, BENCH_ORG_ID]);
  await timed('pool members', pool, `
    INSERT INTO "TalentPoolMember" ("poolId", "candidateId", "addedAt")
    SELECT CASE WHEN g % 200 = 0 THEN $2 ELSE $1 END, 'cand' || lpad(g::text, 8, '0'), now() - (g % 365) * interval '1 day'
      FROM generate_series(1, $3::int) g WHERE g % 20 = 0 OR g % 200 = 0
    ON CONFLICT DO NOTHING`, [BENCH_POOLS.large, BENCH_POOLS.small, n]);
  // Clicks by 10 % of people in the last 120 days, opens by 30 %: what the engagement conditions read.
  await timed('engagement events', pool, `
    INSERT INTO "EngagementEvent" (id, "orgId", "candidateId", kind, "dedupeKey", at)
    SELECT 'ee' || g || k, $1, 'cand' || lpad(g::text, 8, '0'), k::"EngagementKind", 'bench:' || k || ':' || g, now() - (g % 120) * interval '1 day'
      FROM generate_series(1, $2::int) g, unnest(ARRAY['CLICKED', 'OPENED']) k
     WHERE (k = 'CLICKED' AND g % 10 = 3) OR (k = 'OPENED' AND g % 10 IN (3, 4, 5))`, [BENCH_ORG_ID, n]);
  await timed('suppressions', pool, `
    INSERT INTO "Suppression" (id, "orgId", "addressHash", "candidateId", reason)
    SELECT 'sup' || g, $1, encode(sha256(convert_to('suppression:' || $1 || ':' || 'cand' || g || '@bench.example', 'UTF8')), 'hex'), 'cand' || lpad(g::text, 8, '0'), 'unsubscribed'
      FROM generate_series(1, $2::int) g WHERE g % 100 = 7
    ON CONFLICT DO NOTHING`, [BENCH_ORG_ID, n]);
  await timed('ANALYZE', pool, 'ANALYZE "Stage", "TalentPoolMember", "EngagementEvent", "Suppression"');
  await pool.query(`UPDATE "Organization" SET settings = settings || '{"segmentData": true}' WHERE id = $1`, [BENCH_ORG_ID]);
}
