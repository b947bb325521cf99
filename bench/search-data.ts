// The search benchmark's data: N candidates (default 1,000,000) and about ten
// timeline events each (applications, stage transitions, messages, tasks,
// notes) in one organization of a fresh PostgreSQL database, generated inside
// PostgreSQL with generate_series in batches (progress printed), then indexed
// and VACUUM ANALYZEd. Bulk-load practice: secondary indexes are dropped before the
// load and rebuilt after (one sort per index instead of N random inserts), and
// foreign-key triggers are off for the loading session (session_replication_role
// = replica; the generator writes consistent ids itself). A finished database
// is reused by later runs of the same size unless BENCH_SEARCH_FRESH=1.
import { Pool } from 'pg';
import { migrate } from '../api/platform/db/migrate';
import { hashToken, newToken } from '../api/auth';
import { SKILLS } from '../api/resumes/skills-vocabulary';
import { adminDatabaseUrl, withDatabase } from '../test/support/database-url';

export const BENCH_ORG_ID = 'bench_search_org';
export const JOBS = 50;
export const STAGES_PER_JOB = 6;
export const USERS = 8;
/** Marker words of known document frequency, so each keyword class is measured on what it claims to be. */
export const KEYWORDS = {
  rare: { word: 'zyxwrare', everyNth: 10007 },
  medium: { word: 'quasarmid', everyNth: 211 },
  common: { word: 'engineer' },
} as const;

const FIRST = ['Ada', 'Grace', 'Linus', 'Barbara', 'Alan', 'Margaret', 'Dennis', 'Frances', 'Ken', 'Radia', 'Tim', 'Hedy', 'John', 'Katherine', 'Edsger', 'Sophie', 'Niklaus', 'Anita', 'Donald', 'Shafi'];
const LAST = ['Lovelace', 'Hopper', 'Torvalds', 'Liskov', 'Turing', 'Hamilton', 'Ritchie', 'Allen', 'Thompson', 'Perlman', 'Berners-Lee', 'Lamarr', 'McCarthy', 'Johnson', 'Dijkstra', 'Wilson', 'Wirth', 'Borg', 'Knuth', 'Goldwasser'];
// About 40 % of these say "engineer": the common keyword.
const HEADLINES = ['Senior Software Engineer', 'Backend Engineer', 'Data Engineer', 'Frontend Engineer', 'Product Manager', 'Data Analyst', 'Designer', 'Sales Manager', 'Recruiter', 'Account Executive'];
const PLACES: [string, string][] = [['US', 'New York'], ['US', 'San Francisco'], ['US', 'Austin'], ['GB', 'London'], ['DE', 'Berlin'], ['DE', 'Munich'], ['FR', 'Paris'], ['NL', 'Amsterdam'], ['IN', 'Bangalore'], ['CA', 'Toronto'], ['ES', 'Madrid'], ['PL', 'Warsaw']];
const TAGS = ['alumni', 'referral', 'silver-medalist', 'diversity-event', 'relocation', 'visa', 'remote-only', 'contractor', 'returner', 'priority'];
const SOURCES = ['careers_page', 'linkedin', 'indeed', 'referral', 'sourced', 'event', 'import', 'api'];
const FILLER = `experience team project built led designed delivered customer platform services production scale performance
  migration architecture reliability mentoring hiring roadmap stakeholders analytics growth quality testing release
  automation cloud infrastructure backend frontend mobile security compliance billing payments search ranking data
  pipeline warehouse reporting dashboards experiments onboarding support operations budget vendors contracts strategy
  launched improved reduced increased managed owned shipped responsible collaborated across teams company startup
  university degree bachelor master thesis research published conference talk open source contributor maintainer`.split(/\s+/);

export interface SearchDataset {
  databaseUrl: string;
  databaseName: string;
  candidates: number;
  /** Rows per table of the timeline, and their sum. */
  events: Record<string, number> & { total: number };
  generationSeconds: number | null;
  isReused: boolean;
  /** Bearer token of a recruiter of the organization. */
  recruiterToken: string;
  recruiterId: string;
  jobId: string;
  stageId: string;
  keywordMatches: Record<keyof typeof KEYWORDS, number>;
}

const log = (message: string) => process.stdout.write(`[search-data] ${message}\n`);

async function timed(what: string, pool: Pool, sql: string, values: unknown[] = []) {
  const started = Date.now();
  await pool.query(sql, values);
  log(`${what}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Runs `sql` ($1 = lo, $2 = hi, then `values`) over 1..n in batches, printing progress and an ETA. */
async function inBatches(what: string, pool: Pool, n: number, batch: number, sql: string, values: unknown[]) {
  const started = Date.now();
  for (let lo = 1; lo <= n; lo += batch) {
    const hi = Math.min(n, lo + batch - 1);
    await pool.query(sql, [lo, hi, ...values]);
    const elapsed = (Date.now() - started) / 1000;
    const eta = (elapsed / hi) * (n - hi);
    log(`${what}: ${hi.toLocaleString('en')} / ${n.toLocaleString('en')} candidates, ${elapsed.toFixed(0)} s, ETA ${eta.toFixed(0)} s`);
  }
}

const candidateId = (g: string) => `'cand' || lpad(${g}::text, 8, '0')`;

/**
 * A draw in 0..99 from the candidate's number (hashint8, not random(): the CRM columns were added later, and
 * extra random() calls would shift every value generated after them).
 */
const crmDraw = (g: string, salt: number) => `((hashint8(${g}::bigint * 7919 + ${salt}) & 2147483647) % 100)`;
/** The CRM columns segments filter on: interest level, engagement score, last contacted / engaged / replied (fractions in comments). */
const CRM_COLUMNS = `
           CASE WHEN ${crmDraw('g', 2)} < 40 THEN NULL WHEN ${crmDraw('g', 2)} < 65 THEN 'COLD' WHEN ${crmDraw('g', 2)} < 85 THEN 'WARM'
                WHEN ${crmDraw('g', 2)} < 95 THEN 'HOT' ELSE 'NOT_INTERESTED' END,                                        -- 40 % unset, 10 % hot
           (${crmDraw('g', 3)} * ${crmDraw('g', 3)} * ${crmDraw('g', 4)}) / 10000,                                         -- skewed to 0, max 97
           CASE WHEN ${crmDraw('g', 5)} < 50 THEN NULL ELSE now() - (${crmDraw('g', 6)} * 3.65 + ${crmDraw('g', 7)} / 100.0) * interval '1 day' END, -- half never contacted
           CASE WHEN ${crmDraw('g', 8)} < 70 THEN NULL ELSE now() - (${crmDraw('g', 9)} * 1.8) * interval '1 day' END,          -- 30 % engaged in 6 months
           CASE WHEN ${crmDraw('g', 10)} < 90 THEN NULL ELSE now() - (${crmDraw('g', 11)} * 3.65) * interval '1 day' END`;

export async function prepareSearchDataset(opts: { candidates: number; resumeWords: number; isFresh: boolean }): Promise<SearchDataset> {
  const n = opts.candidates;
  const databaseName = `trellis_bench_search_${n}`;
  const databaseUrl = withDatabase(adminDatabaseUrl(), databaseName);
  const admin = new Pool({ connectionString: adminDatabaseUrl(), max: 1 });
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [databaseName])).rowCount === 1;
  let isReused = false;
  if (exists && !opts.isFresh) {
    const probe = new Pool({ connectionString: databaseUrl, max: 1 });
    const done = await probe.query(`SELECT settings FROM "Organization" WHERE id = $1 AND settings->>'benchComplete' = 'true'`, [BENCH_ORG_ID]).catch(() => ({ rows: [] }));
    await probe.end();
    isReused = done.rows.length === 1;
  }
  if (!isReused) {
    await admin.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${databaseName}"`);
  }
  await admin.end();

  const pool = new Pool({ connectionString: databaseUrl, max: 1 });
  try {
    let generationSeconds: number | null = null;
    if (!isReused) {
      const started = Date.now();
      await migrate(pool);
      await generate(pool, n, opts.resumeWords);
      generationSeconds = Math.round((Date.now() - started) / 1000);
    } else log(`reusing ${databaseName} (set BENCH_SEARCH_FRESH=1 to regenerate)`);

    // A fresh token each run; only its hash is stored.
    const recruiterToken = newToken();
    const recruiterId = 'bench_user_1';
    await pool.query(`INSERT INTO "ApiToken" (id, "orgId", "userId", name, "tokenHash") VALUES ($1, $2, $3, 'bench', $4)`, [`tok_${Date.now()}`, BENCH_ORG_ID, recruiterId, hashToken(recruiterToken)]);
    const counts = await pool.query<Record<string, string>>(`SELECT
      (SELECT count(*) FROM "Application") AS "Application", (SELECT count(*) FROM "StageTransition") AS "StageTransition",
      (SELECT count(*) FROM "Message") AS "Message", (SELECT count(*) FROM "Task") AS "Task", (SELECT count(*) FROM "CandidateNote") AS "CandidateNote"`);
    const events = Object.fromEntries(Object.entries(counts.rows[0]!).map(([k, v]) => [k, Number(v)])) as SearchDataset['events'];
    events.total = Object.values(events).reduce((s, x) => s + x, 0);
    const keywordMatches = {} as SearchDataset['keywordMatches'];
    for (const [cls, { word }] of Object.entries(KEYWORDS)) {
      const { rows } = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM "Candidate" WHERE "searchVector" @@ to_tsquery('simple', $1)`, [word]);
      keywordMatches[cls as keyof typeof KEYWORDS] = Number(rows[0]!.n);
    }
    return { databaseUrl, databaseName, candidates: n, events, generationSeconds, isReused, recruiterToken, recruiterId, jobId: 'job_01', stageId: 'job_01_s2', keywordMatches };
  } finally {
    await pool.end();
  }
}

const LOADED_TABLES = ['Candidate', 'Application', 'StageTransition', 'Message', 'Task', 'CandidateNote'];

async function generate(pool: Pool, n: number, resumeWords: number) {
  await pool.query(`SET maintenance_work_mem = '512MB'; SET synchronous_commit = off; SET session_replication_role = replica`);
  // Secondary indexes of the loaded tables: definitions kept, dropped, rebuilt after the load.
  const { rows: indexes } = await pool.query<{ name: string; def: string; isConstraint: boolean; table: string }>(
    `SELECT i.indexname AS name, i.indexdef AS def, i.tablename AS table,
            EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname) AS "isConstraint"
       FROM pg_indexes i WHERE i.schemaname = 'public' AND i.tablename = ANY($1) AND i.indexname NOT LIKE '%_pkey'`,
    [LOADED_TABLES],
  );
  for (const index of indexes) {
    await pool.query(index.isConstraint ? `ALTER TABLE "${index.table}" DROP CONSTRAINT "${index.name}"` : `DROP INDEX "${index.name}"`);
  }
  log(`dropped ${indexes.length} secondary indexes for the load`);

  await pool.query(`INSERT INTO "Organization" (id, slug, name, settings) VALUES ($1, 'bench-search', 'Search benchmark', '{}')`, [BENCH_ORG_ID]);
  await pool.query(`INSERT INTO "User" (id, "orgId", email, name, role)
    SELECT 'bench_user_' || u, $1, 'user' || u || '@bench.example', 'Bench user ' || u, 'RECRUITER'
      FROM generate_series(1, $2) u`, [BENCH_ORG_ID, USERS]);
  await pool.query(`INSERT INTO "Job" (id, "orgId", title, status, "updatedAt")
    SELECT 'job_' || lpad(j::text, 2, '0'), $1, 'Job ' || j, 'OPEN', now() FROM generate_series(1, $2) j`, [BENCH_ORG_ID, JOBS]);
  await pool.query(`INSERT INTO "Stage" (id, "jobId", key, name, position)
    SELECT 'job_' || lpad(j::text, 2, '0') || '_s' || s, 'job_' || lpad(j::text, 2, '0'), 'stage' || s, 'Stage ' || s, s
      FROM generate_series(1, $1) j, generate_series(0, $2 - 1) s`, [JOBS, STAGES_PER_JOB]);
  await pool.query(`SELECT setseed(0.42)`);

  const batch = Math.max(10_000, Math.min(100_000, Math.ceil(n / 20)));
  const skills = SKILLS.map((s) => s.name.toLowerCase());
  const words = [...FILLER, ...skills.flatMap((s) => s.split(/\s+/))];
  // Zipf-like skew by power(random(), k): low indexes are picked far more often.
  // Each correlated subquery mentions g, so PostgreSQL evaluates it per row rather than once.
  await inBatches('candidates', pool, n, batch, `
    INSERT INTO "Candidate" (id, "orgId", kind, "firstName", "lastName", email, headline, "yearsExperience", skills, tags, source,
                             "countryCode", city, location, "resumeText", "createdAt", "updatedAt",
                             "interestLevel", "engagementScore", "lastContactedAt", "lastEngagedAt", "lastRepliedAt")
    SELECT ${candidateId('g')}, $3, (CASE WHEN ${crmDraw('g', 1)} < 30 THEN 'PROSPECT' ELSE 'APPLICANT' END)::"CandidateKind",
           ($4::text[])[1 + g % array_length($4::text[], 1)], ($5::text[])[1 + (g / 7) % array_length($5::text[], 1)],
           'cand' || g || '@bench.example',
           ($6::text[])[1 + (g * 31) % array_length($6::text[], 1)],
           round((random() * 25)::numeric, 1)::real,
           ARRAY(SELECT DISTINCT ($7::text[])[1 + floor(power(random(), 2.5) * array_length($7::text[], 1))::int] FROM generate_series(1, 2 + g % 6)),
           ARRAY(SELECT DISTINCT ($8::text[])[1 + floor(power(random(), 2) * array_length($8::text[], 1))::int] FROM generate_series(1, g % 3)),
           ($9::text[])[1 + (g * 13) % array_length($9::text[], 1)],
           p.country, p.city, p.city || ', ' || p.country,
           array_to_string(ARRAY(SELECT ($10::text[])[1 + floor(power(random(), 3) * array_length($10::text[], 1))::int] FROM generate_series(1, $11 + g % 50)), ' ')
             || CASE WHEN g % ${KEYWORDS.rare.everyNth} = 0 THEN ' ${KEYWORDS.rare.word}' ELSE '' END
             || CASE WHEN g % ${KEYWORDS.medium.everyNth} = 0 THEN ' ${KEYWORDS.medium.word}' ELSE '' END,
           timestamptz '2023-01-01' + (g * (94608000.0 / $12)) * interval '1 second',
           now(), ${CRM_COLUMNS}
      FROM generate_series($1::int, $2::int) g
      CROSS JOIN LATERAL (SELECT 1 + floor(power(random(), 1.5) * array_length($13::text[], 1))::int + 0 * g AS i) pick
      CROSS JOIN LATERAL (SELECT ($13::text[])[pick.i] AS country, ($14::text[])[pick.i] AS city) p`,
    [BENCH_ORG_ID, FIRST, LAST, HEADLINES, skills, TAGS, SOURCES, words, resumeWords, n, PLACES.map((p) => p[0]), PLACES.map((p) => p[1])]);

  // 1-3 applications per candidate, each to a different job; the stage skews early, as real funnels do.
  await inBatches('applications', pool, n, batch, `
    INSERT INTO "Application" (id, "orgId", "jobId", "candidateId", "stageId", status, source, "appliedAt", "updatedAt")
    SELECT 'app' || g || '_' || k, $3, 'job_' || lpad(j::text, 2, '0'), ${candidateId('g')},
           'job_' || lpad(j::text, 2, '0') || '_s' || floor(power(random(), 2) * ${STAGES_PER_JOB})::int,
           (CASE WHEN r < 0.75 THEN 'ACTIVE' WHEN r < 0.95 THEN 'REJECTED' WHEN r < 0.98 THEN 'WITHDRAWN' ELSE 'HIRED' END)::"ApplicationStatus",
           ($4::text[])[1 + (g + k) % array_length($4::text[], 1)],
           timestamptz '2023-01-01' + (g * (94608000.0 / $5) + k * 3600) * interval '1 second', now()
      FROM generate_series($1::int, $2::int) g, generate_series(1, 1 + g % 3) k,
           LATERAL (SELECT 1 + (g * 7 + k * 13) % ${JOBS} AS j, random() + 0 * g AS r) x`,
    [BENCH_ORG_ID, SOURCES, n]);

  // Timeline: 3 stage transitions, 3 messages, 1 task, 1 note per candidate (+ ~2 applications = ~10 events).
  await inBatches('stage transitions', pool, n, batch, `
    INSERT INTO "StageTransition" (id, "orgId", "applicationId", "fromStageId", "toStageId", "actorType", "actorId", at)
    SELECT 'st' || g || '_' || k, $3, 'app' || g || '_1', CASE WHEN k > 1 THEN 'job_' || lpad((1 + (g * 7 + 13) % ${JOBS})::text, 2, '0') || '_s' || (k - 2) END,
           'job_' || lpad((1 + (g * 7 + 13) % ${JOBS})::text, 2, '0') || '_s' || (k - 1), 'USER', 'bench_user_' || (1 + g % ${USERS}),
           timestamptz '2023-01-01' + (g * (94608000.0 / $4) + k * 86400) * interval '1 second'
      FROM generate_series($1::int, $2::int) g, generate_series(1, 3) k`,
    [BENCH_ORG_ID, n]);
  await inBatches('messages', pool, n, batch, `
    INSERT INTO "Message" (id, "orgId", "candidateId", direction, "idempotencyKey", status, "fromAddress", "toAddress", subject, "bodyText", "createdAt", "sentAt")
    SELECT 'msg' || g || '_' || k, $3, ${candidateId('g')}, (CASE WHEN k = 2 THEN 'INBOUND' ELSE 'OUTBOUND' END)::"Direction", 'bench/msg/' || g || '/' || k, 'SENT',
           'jobs@bench.example', 'cand' || g || '@bench.example', 'About your application (' || k || ')',
           'Hello, thanks for applying. We will be in touch about the next steps of the process. Message ' || k || '.',
           timestamptz '2023-01-01' + (g * (94608000.0 / $4) + k * 7200) * interval '1 second',
           timestamptz '2023-01-01' + (g * (94608000.0 / $4) + k * 7200 + 5) * interval '1 second'
      FROM generate_series($1::int, $2::int) g, generate_series(1, 3) k`,
    [BENCH_ORG_ID, n]);
  // Tasks: 10 % still OPEN (the inbox), due over the next 30 days, assigned round-robin.
  await inBatches('tasks', pool, n, batch, `
    INSERT INTO "Task" (id, "orgId", kind, title, status, "assigneeId", "candidateId", "applicationId", "jobId", "dueAt", "completedAt", "idempotencyKey", "createdAt")
    SELECT 'task' || g, $3, (ARRAY['REVIEW','FEEDBACK','SCHEDULE','DECIDE']::"TaskKind"[])[1 + g % 4], 'Review application ' || g,
           (CASE WHEN g % 10 = 0 THEN 'OPEN' ELSE 'COMPLETED' END)::"TaskStatus", 'bench_user_' || (1 + g % ${USERS}),
           ${candidateId('g')}, 'app' || g || '_1', 'job_' || lpad((1 + (g * 7 + 13) % ${JOBS})::text, 2, '0'),
           now() + ((g % 43200) - 7200) * interval '1 minute', CASE WHEN g % 10 <> 0 THEN now() END,
           'bench/task/' || g, timestamptz '2023-01-01' + (g * (94608000.0 / $4)) * interval '1 second'
      FROM generate_series($1::int, $2::int) g`,
    [BENCH_ORG_ID, n]);
  await inBatches('notes', pool, n, batch, `
    INSERT INTO "CandidateNote" (id, "orgId", "candidateId", "authorId", body, "createdAt", "updatedAt")
    SELECT 'note' || g, $3, ${candidateId('g')}, 'bench_user_' || (1 + g % ${USERS}), 'Spoke on the phone; interested, notice period one month.',
           timestamptz '2023-01-01' + (g * (94608000.0 / $4) + 600) * interval '1 second', now()
      FROM generate_series($1::int, $2::int) g`,
    [BENCH_ORG_ID, n]);

  await pool.query(`SET session_replication_role = DEFAULT`);
  for (const index of indexes) {
    const def = index.isConstraint ? `ALTER TABLE "${index.table}" ADD CONSTRAINT "${index.name}" UNIQUE USING INDEX "${index.name}"` : null;
    await timed(`index ${index.name}`, pool, index.def);
    if (def) await pool.query(def);
  }
  // VACUUM as well: a live database has been through autovacuum, so its rows carry their commit hint bits and its
  // pages are marked all-visible (index-only scans). Freshly loaded rows have neither: each first read looks the
  // loading transaction up, and the inbox's index-only count read 25,000 entries in 1.1 s instead of milliseconds.
  await timed('VACUUM ANALYZE', pool, 'VACUUM ANALYZE');
  await pool.query(`UPDATE "Organization" SET settings = jsonb_build_object('benchComplete', true, 'candidates', $2::int, 'crmColumns', true) WHERE id = $1`, [BENCH_ORG_ID, n]);
}
