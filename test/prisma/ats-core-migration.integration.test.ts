// The hand-written parts of migration 0004_ats_core, on a real PostgreSQL: a
// database already at 0003 with rows in the changed tables is upgraded (values
// kept, old sessions ended), then the generated search column, the Task.jobId
// trigger, the EEO cascade, the CHECK constraints and the Prisma client over the
// new models are exercised. Needs PostgreSQL only (no Temporal).
import crypto from 'node:crypto';
import { Pool } from 'pg';
import { migrate, readMigrations } from '../../api/platform/db/migrate';
import { openDatabase, type Database } from '../../api/platform/db/database';
import { adminDatabaseUrl, withDatabase } from '../support/database-url';

const dbName = `trellis_ats_core_${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
let admin: Pool;
let db: Database;
let appliedByUpgrade: string[];

const sql = <T extends Record<string, unknown> = Record<string, unknown>>(text: string, values: unknown[] = []) =>
  db.pool.query<T>(text, values).then((r) => r.rows);

beforeAll(async () => {
  admin = new Pool({ connectionString: adminDatabaseUrl(), max: 1 });
  await admin.query(`CREATE DATABASE "${dbName}"`);
  db = openDatabase(withDatabase(adminDatabaseUrl(), dbName), { maxConnections: 2 });
  const all = readMigrations();
  await migrate(db.pool, all.filter((m) => m.name < '0004'));
  // Rows as the code before 0004 wrote them (or could have).
  await sql(`INSERT INTO "Organization"(id, slug, name) VALUES ('o1', 'o1', 'Org one')`);
  await sql(`INSERT INTO "User"(id, "orgId", email, name, role) VALUES ('u1', 'o1', 'admin@o1.test', 'Admin', 'ADMIN')`);
  await sql(`INSERT INTO "Session"(id, "userId", "expiresAt") VALUES ('raw-session-id', 'u1', now() + interval '1 day')`);
  await sql(`INSERT INTO "Job"(id, "orgId", title, "remotePolicy", "employmentType", "updatedAt")
             VALUES ('j1', 'o1', 'Backend', 'Remote', 'full-time', now()), ('j2', 'o1', 'Ops', NULL, 'sometimes', now())`);
  await sql(`INSERT INTO "Stage"(id, "jobId", key, name, position) VALUES ('st1', 'j1', 'applied', 'Applied', 0)`);
  await sql(`INSERT INTO "Candidate"(id, "orgId", "firstName", "lastName", email, "updatedAt") VALUES ('c1', 'o1', 'Ada', 'Lovelace', 'ada@example.com', now())`);
  await sql(`INSERT INTO "Application"(id, "orgId", "jobId", "candidateId", "stageId", "updatedAt") VALUES ('a1', 'o1', 'j1', 'c1', 'st1', now())`);
  await sql(`INSERT INTO "Interview"(id, "orgId", "applicationId", title, "interviewerIds") VALUES ('i1', 'o1', 'a1', 'Screen', ARRAY['u1'])`);
  await sql(`INSERT INTO "Task"(id, "orgId", kind, title, "applicationId", "idempotencyKey") VALUES ('t1', 'o1', 'REVIEW', 'Review', 'a1', 'k1')`);
  await sql(`INSERT INTO "Scorecard"(id, "orgId", "applicationId", score, recommendation) VALUES ('sc1', 'o1', 'a1', 3, 'yes')`);
  appliedByUpgrade = await migrate(db.pool, all);
});

afterAll(async () => {
  await db?.close();
  await admin?.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => undefined);
  await admin?.end();
});

describe('upgrading a database at 0003', () => {
  it('applies 0004 and later', () => {
    expect(appliedByUpgrade[0]).toBe('0004_ats_core');
  });

  it('keeps recognisable remote policies and employment types, defaulting the rest', async () => {
    expect(await sql(`SELECT id, "remotePolicy"::text AS remote, "employmentType"::text AS type FROM "Job" ORDER BY id`)).toEqual([
      { id: 'j1', remote: 'REMOTE', type: 'FULL_TIME' },
      { id: 'j2', remote: 'ONSITE', type: 'FULL_TIME' },
    ]);
  });

  it('keeps interview statuses as enum values', async () => {
    expect(await sql(`SELECT status::text AS status, "interviewerIds" FROM "Interview"`)).toEqual([{ status: 'REQUESTED', interviewerIds: ['u1'] }]);
  });

  it('ends sessions that have no token hash or CSRF secret', async () => {
    expect(await sql(`SELECT id FROM "Session"`)).toEqual([]);
  });

  it("fills existing tasks' jobId from their application", async () => {
    expect(await sql(`SELECT "jobId" FROM "Task" WHERE id = 't1'`)).toEqual([{ jobId: 'j1' }]);
  });
});

describe('keyword search column', () => {
  const matches = async (query: string) =>
    (await sql<{ id: string }>(`SELECT id FROM "Candidate" WHERE "searchVector" @@ websearch_to_tsquery('simple', $1) ORDER BY id`, [query])).map((r) => r.id);

  beforeAll(async () => {
    await sql(`UPDATE "Candidate" SET headline = 'Senior Backend Engineer', skills = ARRAY['typescript', 'node.js'], "resumeText" = 'Built payment systems at Acme Corp' WHERE id = 'c1'`);
    await db.prisma.candidate.create({ data: { id: 'c2', orgId: 'o1', firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com', skills: ['cobol'], resumeText: 'Compilers for the Navy' } });
  });

  it('covers name, email, headline, skills and resume text, and follows updates', async () => {
    expect(await matches('lovelace')).toEqual(['c1']);
    expect(await matches('ada@example.com')).toEqual(['c1']);
    expect(await matches('backend engineer')).toEqual(['c1']);
    expect(await matches('node.js')).toEqual(['c1']);
    expect(await matches('acme payment')).toEqual(['c1']);
    expect(await matches('compilers cobol')).toEqual(['c2']);
    expect(await matches('acme cobol')).toEqual([]);

    await db.prisma.candidate.update({ where: { id: 'c2' }, data: { resumeText: 'Compilers at Acme' } });
    expect(await matches('acme')).toEqual(['c1', 'c2']);
  });

  it('weights name above resume text', async () => {
    await sql(`UPDATE "Candidate" SET "resumeText" = 'Worked with Ada on engines' WHERE id = 'c2'`);
    const ranked = await sql<{ id: string }>(
      `SELECT id FROM "Candidate" WHERE "searchVector" @@ to_tsquery('simple', 'ada') ORDER BY ts_rank("searchVector", to_tsquery('simple', 'ada')) DESC`,
    );
    expect(ranked.map((r) => r.id)).toEqual(['c1', 'c2']);
  });

  it('keeps detailed statistics, so the planner can tell a rare word (use the GIN index) from a common one', async () => {
    expect(await sql(`SELECT attstattarget FROM pg_attribute WHERE attrelid = '"Candidate"'::regclass AND attname = 'searchVector'`)).toEqual([{ attstattarget: 1000 }]);
  });

  it('cannot be written, only derived', async () => {
    await expect(sql(`UPDATE "Candidate" SET "searchVector" = to_tsvector('simple', 'x') WHERE id = 'c1'`)).rejects.toThrow(/can only be updated to DEFAULT/);
  });

  it('stays under the tsvector size limit for the longest resume text kept', async () => {
    const words = Array.from({ length: 25_000 }, (_, i) => `w${i.toString(36)}x${crypto.randomBytes(2).toString('hex')}`).join(' ');
    await db.prisma.candidate.update({ where: { id: 'c2' }, data: { resumeText: words.slice(0, 200_000) } });
    const [row] = await sql<{ bytes: number }>(`SELECT pg_column_size("searchVector") AS bytes FROM "Candidate" WHERE id = 'c2'`);
    expect(row!.bytes).toBeLessThan(1_048_576);
  });
});

describe('Task.jobId trigger', () => {
  it('sets the job from the application on insert, whatever the writer sent', async () => {
    await db.prisma.task.create({ data: { id: 't2', orgId: 'o1', kind: 'FEEDBACK', title: 'Feedback', applicationId: 'a1', idempotencyKey: 'k2' } });
    await sql(`INSERT INTO "Task"(id, "orgId", kind, title, "applicationId", "jobId", "idempotencyKey") VALUES ('t3', 'o1', 'TODO', 'x', 'a1', 'j2', 'k3')`);
    await sql(`INSERT INTO "Task"(id, "orgId", kind, title, "jobId", "idempotencyKey") VALUES ('t4', 'o1', 'TODO', 'No application', 'j2', 'k4')`);

    expect(await sql(`SELECT id, "jobId" FROM "Task" WHERE id IN ('t2', 't3', 't4') ORDER BY id`)).toEqual([
      { id: 't2', jobId: 'j1' },
      { id: 't3', jobId: 'j1' },
      { id: 't4', jobId: 'j2' },
    ]);
  });
});

describe('constraints', () => {
  it.each([
    ['a rating outside 1-4', `INSERT INTO "ScorecardRating"("scorecardId", "attributeKey", rating) VALUES ('sc1', 'craft', 5)`, /ScorecardRating_rating_check/],
    ['an unknown recommendation', `INSERT INTO "Scorecard"(id, "orgId", "applicationId", score, recommendation) VALUES ('sc9', 'o1', 'a1', 3, 'maybe')`, /Scorecard_recommendation_check/],
    ['a salary minimum above the maximum', `UPDATE "Job" SET "salaryMin" = 90000, "salaryMax" = 80000 WHERE id = 'j1'`, /Job_salary_range_check/],
    ['zero openings', `UPDATE "Job" SET openings = 0 WHERE id = 'j1'`, /Job_openings_check/],
    ['a busy block ending before it starts', `INSERT INTO "BusyBlock"(id, "orgId", "userId", "startsAt", "endsAt") VALUES ('b1', 'o1', 'u1', now(), now() - interval '1 hour')`, /BusyBlock_interval_check/],
    ['an interview ending before it starts', `UPDATE "Interview" SET "startsAt" = now(), "endsAt" = now() - interval '1 minute' WHERE id = 'i1'`, /Interview_times_check/],
  ])('refuse %s', async (_what, statement, constraint) => {
    await expect(sql(statement)).rejects.toThrow(constraint);
  });

  it('one scorecard per interviewer per interview', async () => {
    await sql(`INSERT INTO "Scorecard"(id, "orgId", "applicationId", "interviewId", "interviewerId", score, recommendation) VALUES ('sc2', 'o1', 'a1', 'i1', 'u1', 4, 'strong_yes')`);
    await expect(sql(`INSERT INTO "Scorecard"(id, "orgId", "applicationId", "interviewId", "interviewerId", score, recommendation) VALUES ('sc3', 'o1', 'a1', 'i1', 'u1', 2, 'no')`)).rejects.toThrow(/unique/);
  });
});

describe('rate-limit counters', () => {
  it('count in one statement per request, and the table is unlogged', async () => {
    const hit = () => sql<{ count: number }>(
      `INSERT INTO "RateLimitCounter"(bucket, "windowStart", "expiresAt") VALUES ('apply:ip:abc', date_trunc('minute', now()), now() + interval '2 minutes')
       ON CONFLICT (bucket, "windowStart") DO UPDATE SET count = "RateLimitCounter".count + 1 RETURNING count`,
    );
    expect((await hit())[0]!.count).toBe(1);
    expect((await hit())[0]!.count).toBe(2);
    expect(await sql(`SELECT relpersistence FROM pg_class WHERE relname = 'RateLimitCounter'`)).toEqual([{ relpersistence: 'u' }]);
  });
});

describe('the Prisma client over the new models', () => {
  it('writes a job with its hiring team, locations, questions and approvals, and reads them back', async () => {
    const job = await db.prisma.job.create({
      data: {
        orgId: 'o1', title: 'Staff Engineer', slug: 'staff-engineer', requisitionId: 'REQ-1', remotePolicy: 'HYBRID', remoteCountries: ['DE', 'NL'],
        employmentType: 'FULL_TIME', salaryMin: '90000', salaryMax: '120000.50', salaryCurrency: 'EUR', salaryUnit: 'YEAR',
        jobLocations: { create: [{ city: 'Berlin', countryCode: 'DE', postalCode: '10115' }] },
        members: { create: [{ userId: 'u1', role: 'HIRING_MANAGER' }] },
        approvals: { create: [{ orgId: 'o1', approverId: 'u1' }] },
        questions: { create: [{ key: 'work_permit', label: 'May you work in the EU?', type: 'YES_NO', knockout: { answer: false } }] },
      },
      include: { jobLocations: true, members: true, approvals: true, questions: true },
    });
    const read = await db.prisma.job.findUniqueOrThrow({ where: { id: job.id }, include: { jobLocations: true, members: true, approvals: true, questions: true } });

    expect(read.salaryMax?.toString()).toBe('120000.5');
    expect(read).toMatchObject({ remotePolicy: 'HYBRID', remoteCountries: ['DE', 'NL'], salaryCurrency: 'EUR' });
    expect(read.jobLocations).toMatchObject([{ city: 'Berlin', countryCode: 'DE' }]);
    expect(read.members).toMatchObject([{ userId: 'u1', role: 'HIRING_MANAGER' }]);
    expect(read.approvals).toMatchObject([{ approverId: 'u1', decision: 'PENDING', round: 1 }]);
    expect(read.questions).toMatchObject([{ key: 'work_permit', knockout: { answer: false } }]);
    await expect(db.prisma.job.create({ data: { orgId: 'o1', title: 'Copy', slug: 'staff-engineer' } })).rejects.toThrow(/Unique constraint/);
  });

  it('links a resume file as the current one, and merges keep the merged record pointing at the survivor', async () => {
    const file = await db.prisma.resumeFile.create({
      data: { orgId: 'o1', candidateId: 'c1', kind: 'pdf', mimeType: 'application/pdf', storedName: 'ada.pdf', displayName: 'Ada.pdf', sizeBytes: 1234, sha256: 'a'.repeat(64), storageKey: `o1/${crypto.randomUUID()}/ada.pdf`, parseStatus: 'PARSED', parserVersion: 1 },
    });
    await db.prisma.candidate.update({ where: { id: 'c1' }, data: { currentResumeId: file.id } });
    await db.prisma.candidateMerge.create({ data: { orgId: 'o1', survivorId: 'c1', mergedId: 'c2', snapshot: { moved: {} } } });
    await db.prisma.candidate.update({ where: { id: 'c2' }, data: { mergedIntoId: 'c1' } });

    const survivor = await db.prisma.candidate.findUniqueOrThrow({ where: { id: 'c1' }, include: { currentResume: true, mergedFrom: true, mergesSurvived: true } });
    expect(survivor.currentResume?.id).toBe(file.id);
    expect(survivor.mergedFrom.map((c) => c.id)).toEqual(['c2']);
    expect(survivor.mergesSurvived).toHaveLength(1);

    // Deleting the file leaves the profile without a current resume rather than failing.
    await db.prisma.resumeFile.delete({ where: { id: file.id } });
    expect((await db.prisma.candidate.findUniqueOrThrow({ where: { id: 'c1' } })).currentResumeId).toBeNull();
  });

  it('keeps EEO answers out of reach of includes, and erases them with the application', async () => {
    await db.prisma.eeoResponse.create({ data: { orgId: 'o1', applicationId: 'a1', jobId: 'j1', gender: 'declined' } });
    const application = await db.prisma.application.findUniqueOrThrow({ where: { id: 'a1' } });
    expect(Object.keys(application)).not.toContain('eeoResponse');

    await db.prisma.application.delete({ where: { id: 'a1' } });
    expect(await db.prisma.eeoResponse.count({ where: { applicationId: 'a1' } })).toBe(0);
  });
});
