// The dashboards benchmark's data: the segment benchmark's database (bench/segment-data.ts over
// bench/search-data.ts: N candidates, 1-3 applications each dated 2023-2025, stage kinds, engagement), plus
// what the analytics reports read and that data set lacks, added once per database and dated over the 12
// months before the generation (the reports' default period is the last 90 days):
// - jobs: department, opening date and openings; a recruiter and a hiring manager each (JobMember); a
//   rejected stage; coded rejection reasons;
// - a new application by every second candidate (utm on a third of them), each with its stage moves
//   through the funnel (48 % go past the first stage, 2 % are hired; most others are rejected with a reason);
// - offers (sent, accepted, declined, pending), interviews with two interviewers and their scorecards,
//   review and feedback tasks with due and completion times;
// - 12 campaigns (2 % of people each, 3 emails per run, opens, clicks, replies, unsubscribes);
// - 24 recruiting events (0.3 % of people register to each; check-ins, no-shows).
// - prospects without applications (a fifth of N more people: the bench the CRM reports read).
// All of it in a copy of the segment database (CREATE DATABASE ... TEMPLATE), trellis_bench_dashboard_<N>, so
// the search and segment benchmarks keep measuring their own data. Set-based SQL (generate_series, hashed
// draws: deterministic) in one transaction, foreign-key triggers off while loading as search-data does (ids
// are consistent by construction), then VACUUM ANALYZE. The generation time is kept in
// Organization.settings.dashboardDataAt: a database reused months later has its "last 90 days" thinner.
import { Pool } from 'pg';
import { SKILLS } from '../api/resumes/skills-vocabulary';
import { adminDatabaseUrl, withDatabase } from '../test/support/database-url';
import { BENCH_ORG_ID, JOBS, USERS, type SearchDataset } from './search-data';
import { prepareSegmentDataset } from './segment-data';

const log = (message: string) => process.stdout.write(`[dashboard-data] ${message}\n`);

export const CAMPAIGNS = 12;
export const EVENTS = 24;
const DEPARTMENTS = ['Engineering', 'Sales', 'Product', 'Design', 'Marketing', 'Operations', 'Finance', 'People'];
const REJECTION_REASONS = ['Not enough experience', 'Skills mismatch', 'Compensation', 'Location', 'Position filled', 'Culture add not shown'];
const UTM_CAMPAIGNS = ['spring-hiring', 'eng-blog', 'meetup-berlin', 'newsletter', 'linkedin-ads', 'referral-drive'];
const SOURCES = ['careers_page', 'linkedin', 'indeed', 'referral', 'sourced', 'event', 'import', 'api'];

/** A draw in 0..999 from a number and a salt (hashint8, so reruns give the same data). */
const draw = (g: string, salt: number) => `((hashint8((${g})::bigint * 7919 + ${salt}) & 2147483647) % 1000)`;

export interface DashboardDataset extends SearchDataset {
  /** When the dashboard data was generated: its 12 months end there. */
  dashboardDataAt: string;
  dashboardRows: Record<string, number>;
}

async function timed(what: string, pool: Pool, sql: string, values: unknown[] = []): Promise<number> {
  const started = Date.now();
  const { rowCount } = await pool.query(sql, values);
  log(`${what}: ${rowCount ?? 0} rows, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return rowCount ?? 0;
}

export async function prepareDashboardDataset(opts: { candidates: number; resumeWords: number; isFresh: boolean }): Promise<DashboardDataset> {
  const segment = await prepareSegmentDataset(opts);
  const databaseName = `trellis_bench_dashboard_${opts.candidates}`;
  const dataset = { ...segment, databaseName, databaseUrl: withDatabase(adminDatabaseUrl(), databaseName) };
  const admin = new Pool({ connectionString: adminDatabaseUrl(), max: 1 });
  try {
    const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [databaseName])).rowCount === 1;
    const probe = exists ? new Pool({ connectionString: dataset.databaseUrl, max: 1 }) : null;
    const isDone = probe ? (await probe.query(`SELECT 1 FROM "Organization" WHERE id = $1 AND settings ? 'dashboardDataAt'`, [BENCH_ORG_ID]).catch(() => ({ rowCount: 0 }))).rowCount === 1 : false;
    await probe?.end();
    if (!isDone || opts.isFresh || !segment.isReused) {
      const started = Date.now();
      await admin.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${databaseName}" TEMPLATE "${segment.databaseName}"`);
      log(`copied ${segment.databaseName} to ${databaseName}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } else {
      // The search data set's fresh token of this run, in the copy too.
      const copy = new Pool({ connectionString: dataset.databaseUrl, max: 1 });
      const source = new Pool({ connectionString: segment.databaseUrl, max: 1 });
      const { rows } = await source.query(`SELECT id, "orgId", "userId", name, "tokenHash" FROM "ApiToken" ORDER BY "createdAt" DESC LIMIT 1`);
      await copy.query(`INSERT INTO "ApiToken" (id, "orgId", "userId", name, "tokenHash") VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`, [rows[0].id, rows[0].orgId, rows[0].userId, rows[0].name, rows[0].tokenHash]);
      await Promise.all([copy.end(), source.end()]);
    }
  } finally {
    await admin.end();
  }
  const pool = new Pool({ connectionString: dataset.databaseUrl, max: 1 });
  try {
    const { rows: [org] } = await pool.query<{ settings: { dashboardDataAt?: string } }>(`SELECT settings FROM "Organization" WHERE id = $1`, [BENCH_ORG_ID]);
    let dashboardDataAt = org?.settings.dashboardDataAt;
    if (!dashboardDataAt) {
      dashboardDataAt = new Date().toISOString();
      await addDashboardData(pool, opts.candidates, dashboardDataAt);
    } else log(`reusing the dashboard data generated at ${dashboardDataAt}`);
    const { rows: [counts] } = await pool.query<Record<string, string>>(`SELECT
      (SELECT count(*) FROM "Application" WHERE id LIKE 'appd%') AS "newApplications", (SELECT count(*) FROM "StageTransition") AS "StageTransition",
      (SELECT count(*) FROM "Offer") AS "Offer", (SELECT count(*) FROM "Interview") AS "Interview", (SELECT count(*) FROM "Scorecard") AS "Scorecard",
      (SELECT count(*) FROM "Task") AS "Task", (SELECT count(*) FROM "Run") AS "Run", (SELECT count(*) FROM "Message") AS "Message",
      (SELECT count(*) FROM "EngagementEvent") AS "EngagementEvent", (SELECT count(*) FROM "EventRegistration") AS "EventRegistration"`);
    const dashboardRows = Object.fromEntries(Object.entries(counts!).map(([k, v]) => [k, Number(v)]));
    return { ...dataset, dashboardDataAt, dashboardRows };
  } finally {
    await pool.end();
  }
}

async function addDashboardData(pool: Pool, n: number, at: string) {
  const started = Date.now();
  // One transaction: a failed generation leaves nothing behind, and the next run starts over.
  await pool.query(`BEGIN; SET LOCAL synchronous_commit = off; SET LOCAL session_replication_role = replica; SET LOCAL work_mem = '64MB'`);
  const now = `'${at}'::timestamptz`;

  // Jobs: departments, opened 13-15 months ago (before every new application), 1-5 openings; the hiring team.
  await timed('jobs', pool, `UPDATE "Job" SET department = ($1::text[])[1 + (substr(id, 5)::int % 8)], openings = 1 + substr(id, 5)::int % 5,
      "openedAt" = ${now} - (400 + substr(id, 5)::int) * interval '1 day', "postedAt" = ${now} - (400 + substr(id, 5)::int) * interval '1 day'
    WHERE "orgId" = $2`, [DEPARTMENTS, BENCH_ORG_ID]);
  await timed('job members', pool, `INSERT INTO "JobMember" ("jobId", "userId", role, "addedAt")
    SELECT 'job_' || lpad(j::text, 2, '0'), 'bench_user_' || (1 + (j + r) % ${USERS}), role::"JobMemberRole", ${now} - interval '400 days'
      FROM generate_series(1, ${JOBS}) j, (VALUES (0, 'RECRUITER'), (3, 'HIRING_MANAGER')) m(r, role) ON CONFLICT DO NOTHING`);
  await timed('rejected stages', pool, `INSERT INTO "Stage" (id, "jobId", key, name, kind, position)
    SELECT 'job_' || lpad(j::text, 2, '0') || '_s6', 'job_' || lpad(j::text, 2, '0'), 'rejected', 'Rejected', 'REJECTED', 6 FROM generate_series(1, ${JOBS}) j ON CONFLICT DO NOTHING`);
  await timed('rejection reasons', pool, `INSERT INTO "RejectionReason" (id, "orgId", label, position)
    SELECT 'rr_dash_' || i, $1, ($2::text[])[i], i FROM generate_series(1, array_length($2::text[], 1)) i ON CONFLICT DO NOTHING`, [BENCH_ORG_ID, REJECTION_REASONS]);

  // Every second candidate applies once more in the last 12 months, to a job none of their earlier
  // applications went to (13, 26, 39 and 52 differ mod 50). depth: the last funnel step reached (0 applied ..
  // 5 hired); step k is gap * k days after applying; a rejection comes 0.7 gap after the last step.
  await timed('new applications (staging)', pool, `CREATE TEMP TABLE dash_apps ON COMMIT DROP AS
    SELECT g, 'appd' || g AS id, 'cand' || lpad(g::text, 8, '0') AS cand, 'job_' || lpad((1 + (g * 7 + 52) % ${JOBS})::text, 2, '0') AS job,
           applied, depth, gap, is_rejected,
           CASE WHEN is_rejected AND applied + (depth + 0.7) * gap * interval '1 day' <= ${now} THEN applied + (depth + 0.7) * gap * interval '1 day' END AS rejected_at,
           CASE WHEN depth = 5 AND applied + 5 * gap * interval '1 day' <= ${now} THEN applied + 5 * gap * interval '1 day' END AS hired_at,
           least(depth, floor(extract(epoch from ${now} - applied) / 86400 / gap)::int) AS last_k
      FROM generate_series(2, $1::int, 2) g,
           LATERAL (SELECT ${now} - (${draw('g', 11)} * 0.365 + ${draw('g', 12)} / 1000.0) * interval '1 day' AS applied,
                           1 + ${draw('g', 13)} * 0.009 AS gap,
                           CASE WHEN ${draw('g', 14)} < 520 THEN 0 WHEN ${draw('g', 14)} < 740 THEN 1 WHEN ${draw('g', 14)} < 880 THEN 2
                                WHEN ${draw('g', 14)} < 950 THEN 3 WHEN ${draw('g', 14)} < 980 THEN 4 ELSE 5 END AS depth) d,
           LATERAL (SELECT depth < 5 AND ${draw('g', 15)} < 850 AS is_rejected) r`, [n]);
  await timed('new applications', pool, `INSERT INTO "Application" (id, "orgId", "jobId", "candidateId", "stageId", status, source, utm, "appliedAt", "updatedAt",
                                                 "rejectionReason", "rejectionReasonId", "rejectedAt", "rejectedById", "hiredAt")
    SELECT id, $1, job, cand, job || CASE WHEN rejected_at IS NOT NULL THEN '_s6' ELSE '_s' || last_k END,
           (CASE WHEN hired_at IS NOT NULL THEN 'HIRED' WHEN rejected_at IS NOT NULL THEN 'REJECTED' ELSE 'ACTIVE' END)::"ApplicationStatus",
           ($2::text[])[1 + ${draw('g', 16)} % 8],
           CASE WHEN ${draw('g', 17)} < 330 THEN jsonb_build_object('utm_source', 'newsletter', 'utm_campaign', ($3::text[])[1 + ${draw('g', 18)} % 6]) ELSE '{}' END,
           applied, ${now},
           CASE WHEN rejected_at IS NOT NULL THEN ($4::text[])[1 + g % 6] END, CASE WHEN rejected_at IS NOT NULL THEN 'rr_dash_' || (1 + g % 6) END,
           rejected_at, CASE WHEN rejected_at IS NOT NULL THEN 'bench_user_' || (1 + g % ${USERS}) END, hired_at
      FROM dash_apps`, [BENCH_ORG_ID, SOURCES, UTM_CAMPAIGNS, REJECTION_REASONS]);
  await timed('stage transitions', pool, `INSERT INTO "StageTransition" (id, "orgId", "applicationId", "fromStageId", "toStageId", "actorType", "actorId", at)
    SELECT 'std' || g || '_' || k, $1, id, CASE WHEN k > 0 THEN job || '_s' || (k - 1) END, job || '_s' || k, 'USER', 'bench_user_' || (1 + g % ${USERS}),
           applied + k * gap * interval '1 day'
      FROM dash_apps, generate_series(0, 5) k WHERE k <= depth AND applied + k * gap * interval '1 day' <= ${now}`, [BENCH_ORG_ID]);
  await timed('rejections', pool, `INSERT INTO "StageTransition" (id, "orgId", "applicationId", "fromStageId", "toStageId", "actorType", "actorId", at, "rejectionReasonId", reason)
    SELECT 'std' || g || '_r', $1, id, job || '_s' || depth, job || '_s6', 'USER', 'bench_user_' || (1 + g % ${USERS}), rejected_at, 'rr_dash_' || (1 + g % 6), 'rejected'
      FROM dash_apps WHERE rejected_at IS NOT NULL`, [BENCH_ORG_ID]);

  // Offers: sent 0.3 gap after reaching the offer stage; accepted 0.8 gap after (then hired at 1.0),
  // declined at 0.6 (then rejected at 0.7), else pending. Only what was sent by now exists as sent.
  await timed('offers', pool, `INSERT INTO "Offer" (id, "orgId", "applicationId", status, "salaryAmount", currency, "createdAt", "updatedAt", "submittedAt", "approvedAt", "sentAt", "respondedAt")
    SELECT 'offd' || g, $1, id,
           (CASE WHEN responded > ${now} OR NOT (depth = 5 OR is_rejected) THEN 'SENT' WHEN depth = 5 THEN 'ACCEPTED' ELSE 'DECLINED' END)::"OfferStatus",
           60000 + ${draw('g', 19)} * 60, 'EUR', sent - interval '2 days', ${now}, sent - interval '2 days', sent - interval '1 day', sent,
           CASE WHEN responded <= ${now} AND (depth = 5 OR is_rejected) THEN responded END
      FROM dash_apps, LATERAL (SELECT applied + (4.3 * gap) * interval '1 day' AS sent,
                                      applied + (CASE WHEN depth = 5 THEN 4.8 ELSE 4.6 END * gap) * interval '1 day' AS responded) o
     WHERE depth >= 4 AND sent <= ${now}`, [BENCH_ORG_ID]);

  // Interviews at the two interview stages (0.4 gap after entering), an hour long, two interviewers each;
  // 92 % of interviewers send a scorecard 2-72 hours after the end. Seats are staged for feedback tasks.
  await timed('interviews (staging)', pool, `CREATE TEMP TABLE dash_seats ON COMMIT DROP AS
    SELECT a.g, a.id AS app, a.cand, a.job, k, 'intd' || a.g || '_' || k AS interview, starts, starts + interval '1 hour' AS ends,
           'bench_user_' || (1 + (a.g + k + u * 3) % ${USERS}) AS interviewer, u,
           CASE WHEN ${draw('a.g * 10 + k * 2 + u', 20)} < 920 AND starts + interval '1 hour' + (2 + ${draw('a.g * 10 + k * 2 + u', 21)} * 0.07) * interval '1 hour' <= ${now}
                THEN starts + interval '1 hour' + (2 + ${draw('a.g * 10 + k * 2 + u', 21)} * 0.07) * interval '1 hour' END AS submitted
      FROM dash_apps a, generate_series(2, 3) k, generate_series(0, 1) u, LATERAL (SELECT a.applied + (k + 0.4) * a.gap * interval '1 day' AS starts) s
     WHERE k <= a.depth AND a.applied + k * a.gap * interval '1 day' <= ${now}`);
  await timed('interviews', pool, `INSERT INTO "Interview" (id, "orgId", "applicationId", title, status, "startsAt", "endsAt", "durationMinutes", "interviewerIds", "completedAt", "createdAt", "updatedAt")
    SELECT interview, $1, app, CASE WHEN k = 2 THEN 'Technical interview' ELSE 'Onsite' END,
           (CASE WHEN ends <= ${now} THEN 'COMPLETED' ELSE 'SCHEDULED' END)::"InterviewStatus", starts, ends, 60, array_agg(interviewer ORDER BY u),
           CASE WHEN ends <= ${now} THEN ends END, starts - interval '3 days', ${now}
      FROM dash_seats GROUP BY interview, app, k, starts, ends`, [BENCH_ORG_ID]);
  await timed('interview participants', pool, `INSERT INTO "InterviewParticipant" ("interviewId", "userId", role, response, "feedbackTaskId")
    SELECT interview, interviewer, (CASE WHEN u = 0 THEN 'CHAIR' ELSE 'REQUIRED' END)::"ParticipantRole", 'ACCEPTED', CASE WHEN ends <= ${now} THEN 'taskf' || interview || '_' || u END FROM dash_seats`);
  await timed('scorecards', pool, `INSERT INTO "Scorecard" (id, "orgId", "applicationId", "interviewId", "taskId", "interviewerId", score, recommendation, "submittedAt")
    SELECT 'scd' || interview || '_' || u, $1, app, interview, 'taskf' || interview || '_' || u, interviewer, 1 + ${draw('g + k + u', 22)} % 4,
           (ARRAY['strong_no', 'no', 'yes', 'strong_yes'])[1 + ${draw('g + k + u', 22)} % 4], submitted
      FROM dash_seats WHERE submitted IS NOT NULL`, [BENCH_ORG_ID]);

  // Tasks: a review of each new application due 2 days after it (95 % done, within 0-96 hours), and a
  // feedback task per interviewer due 48 hours after the interview, done when the scorecard came.
  await timed('review tasks', pool, `INSERT INTO "Task" (id, "orgId", kind, title, status, "assigneeId", "candidateId", "applicationId", "jobId", "dueAt", "completedAt", "completedById", "idempotencyKey", "createdAt")
    SELECT 'taskd' || g, $1, 'REVIEW', 'Review application', (CASE WHEN done IS NOT NULL THEN 'COMPLETED' ELSE 'OPEN' END)::"TaskStatus", 'bench_user_' || (1 + g % ${USERS}),
           cand, id, job, applied + interval '2 days', done, CASE WHEN done IS NOT NULL THEN 'bench_user_' || (1 + g % ${USERS}) END, 'bench/dash-review/' || g, applied
      FROM dash_apps, LATERAL (SELECT CASE WHEN ${draw('g', 23)} < 950 AND applied + ${draw('g', 24)} * 0.096 * interval '1 hour' <= ${now}
                                           THEN applied + ${draw('g', 24)} * 0.096 * interval '1 hour' END AS done) d`, [BENCH_ORG_ID]);
  await timed('feedback tasks', pool, `INSERT INTO "Task" (id, "orgId", kind, title, status, "assigneeId", "candidateId", "applicationId", "jobId", "dueAt", "completedAt", "completedById", "idempotencyKey", "createdAt")
    SELECT 'taskf' || interview || '_' || u, $1, 'FEEDBACK', 'Scorecard', (CASE WHEN submitted IS NOT NULL THEN 'COMPLETED' ELSE 'OPEN' END)::"TaskStatus", interviewer,
           cand, app, job, ends + interval '48 hours', submitted, CASE WHEN submitted IS NOT NULL THEN interviewer END, 'bench/dash-feedback/' || interview || '/' || u, ends
      FROM dash_seats WHERE ends <= ${now}`, [BENCH_ORG_ID]);

  // Prospects: people sourced or met over the last two years who never applied (the search data set has
  // none: everyone there applied), with skills, a country, an interest level; 15 % clicked in 120 days.
  await timed('prospects', pool, `INSERT INTO "Candidate" (id, "orgId", kind, "firstName", "lastName", email, headline, skills, source, "countryCode", "interestLevel", "createdAt", "updatedAt")
    SELECT 'candp' || lpad(g::text, 8, '0'), $1, 'PROSPECT', 'Prospect', 'No ' || g, 'prospect' || g || '@bench.example', 'Engineer',
           ARRAY(SELECT DISTINCT ($2::text[])[1 + (${draw('g * 5 + i', 51)} * ${draw('g * 5 + i', 52)} / 1000 * array_length($2::text[], 1)) / 1000] FROM generate_series(1, 1 + g % 5) i),
           'sourced', ($3::text[])[1 + ${draw('g', 53)} % array_length($3::text[], 1)],
           CASE WHEN ${draw('g', 54)} < 400 THEN NULL WHEN ${draw('g', 54)} < 650 THEN 'COLD' WHEN ${draw('g', 54)} < 850 THEN 'WARM' WHEN ${draw('g', 54)} < 950 THEN 'HOT' ELSE 'NOT_INTERESTED' END,
           ${now} - ${draw('g', 55)} * 0.73 * interval '1 day', ${now}
      FROM generate_series(1, $4::int) g`, [BENCH_ORG_ID, SKILLS.map((x) => x.name.toLowerCase()), ['US', 'GB', 'DE', 'FR', 'NL', 'IN', 'CA', 'ES', 'PL'], Math.ceil(n / 5)]);
  await timed('prospect clicks', pool, `INSERT INTO "EngagementEvent" (id, "orgId", "candidateId", kind, "dedupeKey", at)
    SELECT 'eedP' || g, $1, 'candp' || lpad(g::text, 8, '0'), 'CLICKED', 'dash:prospect-click:' || g, ${now} - ${draw('g', 56)} * 0.12 * interval '1 day'
      FROM generate_series(1, $2::int) g WHERE ${draw('g', 57)} < 150`, [BENCH_ORG_ID, Math.ceil(n / 5)]);

  await addCampaignsAndEvents(pool, n, now);

  await pool.query(`UPDATE "Organization" SET settings = settings || jsonb_build_object('dashboardDataAt', $2::text) WHERE id = $1`, [BENCH_ORG_ID, at]);
  await pool.query('COMMIT');
  for (const table of ['Candidate', 'Job', 'JobMember', 'Stage', 'Application', 'StageTransition', 'Offer', 'Interview', 'InterviewParticipant', 'Scorecard', 'Task', 'Campaign', 'Run', 'Message', 'EngagementEvent', 'RecruitingEvent', 'EventRegistration']) {
    await timed(`VACUUM ANALYZE "${table}"`, pool, `VACUUM ANALYZE "${table}"`);
  }
  log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

async function addCampaignsAndEvents(pool: Pool, n: number, now: string) {
  // Campaigns: one a month over the year, each enrolling 2 % of people while it runs; a run lasts 14 days
  // (1 % end by unsubscribing after 5), with emails on days 0, 4 and 9.
  await pool.query(`INSERT INTO "Pipeline" (id, "orgId", name, kind, draft, "updatedAt") VALUES ('bench_nurture', $1, 'Bench nurture', 'NURTURE', '{}', now()) ON CONFLICT DO NOTHING`, [BENCH_ORG_ID]);
  await pool.query(`INSERT INTO "PipelineVersion" (id, "orgId", "pipelineId", version, graph, plan, hash) VALUES ('bench_nurture_v1', $1, 'bench_nurture', 1, '{}', '{}', 'bench') ON CONFLICT DO NOTHING`, [BENCH_ORG_ID]);
  await timed('campaigns', pool, `INSERT INTO "Campaign" (id, "orgId", name, "pipelineId", status, "isAutoEnroll", "createdAt", "updatedAt", "activatedAt")
    SELECT 'bench_campaign_' || c, $1, 'Campaign ' || lpad(c::text, 2, '0'), 'bench_nurture', 'ACTIVE', true,
           ${now} - (365 - (c - 1) * 30) * interval '1 day', ${now}, ${now} - (365 - (c - 1) * 30) * interval '1 day'
      FROM generate_series(1, ${CAMPAIGNS}) c ON CONFLICT DO NOTHING`, [BENCH_ORG_ID]);
  await timed('runs (staging)', pool, `CREATE TEMP TABLE dash_runs ON COMMIT DROP AS
    SELECT 'rund' || c || '_' || g AS id, c, g, 'cand' || lpad(g::text, 8, '0') AS cand, started,
           ${draw('g * 31 + c', 31)} < 10 AS is_unsubscribed
      FROM generate_series(1, ${CAMPAIGNS}) c, generate_series(1, $1::int) g,
           LATERAL (SELECT ${now} - (365 - (c - 1) * 30) * interval '1 day' * (1 - ${draw('g * 31 + c', 32)} / 1000.0) AS started) s
     WHERE ${draw('g * 31 + c', 30)} < 20`, [n]);
  await timed('runs', pool, `INSERT INTO "Run" (id, "orgId", "pipelineVersionId", "candidateId", "campaignId", "workflowId", status, "exitReason", "startedAt", "endedAt")
    SELECT id, $1, 'bench_nurture_v1', cand, 'bench_campaign_' || c, 'bench-dash-' || id,
           (CASE WHEN ended > ${now} THEN 'RUNNING' WHEN is_unsubscribed THEN 'EXITED' ELSE 'COMPLETED' END)::"RunStatus",
           CASE WHEN is_unsubscribed AND ended <= ${now} THEN 'candidate.unsubscribed' END, started, CASE WHEN ended <= ${now} THEN ended END
      FROM dash_runs, LATERAL (SELECT started + CASE WHEN is_unsubscribed THEN 5 ELSE 14 END * interval '1 day' AS ended) e`, [BENCH_ORG_ID]);
  await timed('campaign emails (staging)', pool, `CREATE TEMP TABLE dash_messages ON COMMIT DROP AS
    SELECT 'msgd' || r.id || '_' || k AS id, r.id AS run, r.c, r.g, r.cand, started + (day * interval '1 day') + interval '1 hour' AS sent,
           ${draw('r.g * 97 + r.c * 7 + k', 33)} AS d
      FROM dash_runs r, unnest(ARRAY[0, 4, 9]) WITH ORDINALITY AS days(day, k)
     WHERE started + (day * interval '1 day') + interval '1 hour' <= ${now} AND NOT (r.is_unsubscribed AND day > 4)`);
  await timed('campaign emails', pool, `INSERT INTO "Message" (id, "orgId", "candidateId", "runId", direction, category, topic, "campaignId", "idempotencyKey", status,
                                                  "fromAddress", "toAddress", subject, "bodyText", "createdAt", "sentAt", "bouncedAt")
    SELECT id, $1, cand, run, 'OUTBOUND', 'MARKETING', 'jobs', 'bench_campaign_' || c, 'bench/dash/' || id, 'SENT', 'talent@bench.example', 'cand' || g || '@bench.example',
           'Roles you might like', 'Hello, a few roles matching your profile.', sent - interval '5 seconds', sent, CASE WHEN d < 20 THEN sent + interval '1 minute' END
      FROM dash_messages`, [BENCH_ORG_ID]);
  // Opens by 40 % of emails, clicks by 8 %, replies to 2 %; every unsubscribing run's unsubscribe.
  await timed('campaign engagement', pool, `INSERT INTO "EngagementEvent" (id, "orgId", "candidateId", kind, "messageId", "campaignId", "dedupeKey", at)
    SELECT 'eed' || kind || m.id, $1, cand, kind::"EngagementKind", m.id, 'bench_campaign_' || c, 'dash:' || kind || ':' || m.id, sent + lag * interval '1 hour'
      FROM dash_messages m, (VALUES ('OPENED', 3, 400), ('CLICKED', 4, 80), ('REPLIED', 26, 20)) e(kind, lag, share)
     WHERE d >= 20 AND (d * 7 + lag) % 1000 < share AND sent + lag * interval '1 hour' <= ${now}
    UNION ALL
    SELECT 'eedU' || r.id, $1, cand, 'UNSUBSCRIBED', NULL, 'bench_campaign_' || c, 'dash:UNSUBSCRIBED:' || r.id, started + interval '5 days'
      FROM dash_runs r WHERE is_unsubscribed AND started + interval '5 days' <= ${now}`, [BENCH_ORG_ID]);

  // Events: two a month, 0.3 % of people register to each 1-30 days before; 5 % cancel, 60 % of the
  // others check in, a third of those who do not are marked no-show. Facts as engagement events.
  await timed('recruiting events', pool, `INSERT INTO "RecruitingEvent" (id, "orgId", slug, name, kind, status, "startsAt", "endsAt", capacity, "createdAt", "updatedAt")
    SELECT 'bench_event_' || e, $1, 'bench-event-' || e, 'Meetup ' || lpad(e::text, 2, '0'), 'meetup', 'PUBLISHED',
           ${now} - (365 - e * 15) * interval '1 day', ${now} - (365 - e * 15) * interval '1 day' + interval '3 hours',
           CASE WHEN e % 3 = 0 THEN NULL ELSE 500 END, ${now} - (400 - e * 15) * interval '1 day', ${now}
      FROM generate_series(1, ${EVENTS}) e ON CONFLICT DO NOTHING`, [BENCH_ORG_ID]);
  await timed('registrations (staging)', pool, `CREATE TEMP TABLE dash_regs ON COMMIT DROP AS
    SELECT 'bench_event_' || e AS event, e, g, 'cand' || lpad(g::text, 8, '0') AS cand,
           starts - (1 + ${draw('g * 53 + e', 41)} * 0.029) * interval '1 day' AS registered, starts,
           ${draw('g * 53 + e', 42)} AS d
      FROM generate_series(1, ${EVENTS}) e, generate_series(1, $1::int) g, LATERAL (SELECT ${now} - (365 - e * 15) * interval '1 day' AS starts) s
     WHERE ${draw('g * 53 + e', 40)} < 3`, [n]);
  await timed('registrations', pool, `INSERT INTO "EventRegistration" (id, "orgId", "eventId", "candidateId", status, source, "checkedInAt", "createdAt", "updatedAt", "cancelledAt")
    SELECT 'regd' || e || '_' || g, $1, event, cand,
           (CASE WHEN d < 50 THEN 'CANCELLED' WHEN d < 620 THEN 'ATTENDED' WHEN d < 770 THEN 'NO_SHOW' ELSE 'REGISTERED' END)::"RegistrationStatus", 'careers_page',
           CASE WHEN d >= 50 AND d < 620 THEN starts + interval '10 minutes' END, registered,
           CASE WHEN d < 50 THEN registered + interval '1 day' ELSE starts + interval '1 day' END, CASE WHEN d < 50 THEN registered + interval '1 day' END
      FROM dash_regs`, [BENCH_ORG_ID]);
  await timed('registration facts', pool, `INSERT INTO "EngagementEvent" (id, "orgId", "candidateId", kind, "eventId", "dedupeKey", at)
    SELECT 'eedE' || kind || e || '_' || g, $1, cand, kind::"EngagementKind", event, 'dash:' || kind || ':' || event || ':' || g, at
      FROM dash_regs, LATERAL (VALUES ('REGISTERED', registered, true), ('ATTENDED', starts + interval '10 minutes', d >= 50 AND d < 620),
                                      ('NO_SHOW', starts + interval '1 day', d >= 620 AND d < 770)) f(kind, at, is_fact)
     WHERE is_fact`, [BENCH_ORG_ID]);
}
