// Compliance on the real stack: EEO answers stay with admins (reviewers and
// hiring managers never get them, not even through the application), counts
// per job for admins; the hiring-records CSV streamed and parsed back, with a
// hostile candidate name kept as text.
import { apiClient, createTestOrg, startTestSystem, type TestOrg, type TestSystem } from '../../support/harness';
import { applicant } from '../../support/fixtures';
import { parseCsv } from '../../support/parse-csv';
import { hashToken, newToken } from '../../../api/auth';
import { recordEeoResponse, ZEeoAnswers } from '../../../api/services/compliance/eeo';

let t: TestSystem;
let org: TestOrg;
let admin: ReturnType<typeof apiClient>;
let recruiter: ReturnType<typeof apiClient>;
let manager: ReturnType<typeof apiClient>;
let jobId: string;
const apps: { id: string; candidateId: string }[] = [];

beforeAll(async () => {
  t = await startTestSystem();
  org = await createTestOrg(t.prisma);
  admin = apiClient(t.url, org.tokens.admin);
  recruiter = apiClient(t.url, org.tokens.recruiter);
  jobId = (await recruiter('POST', '/api/jobs', { title: 'Data Engineer', department: 'Data' })).body.id;
  const hm = await t.prisma.user.create({ data: { orgId: org.orgId, email: `hm@${org.slug}.test`, name: 'HM', role: 'HIRING_MANAGER' } });
  await t.prisma.jobMember.create({ data: { jobId, userId: hm.id, role: 'HIRING_MANAGER' } });
  const token = newToken();
  await t.prisma.apiToken.create({ data: { orgId: org.orgId, userId: hm.id, name: 'hm', tokenHash: hashToken(token) } });
  manager = apiClient(t.url, token);
  for (const c of [
    { firstName: '=HYPERLINK("http://evil.test","x")', lastName: 'Smith, Jr.' },
    { firstName: 'Ada', lastName: '"Countess" Lovelace' },
    { firstName: 'Grace', lastName: 'Hopper' },
  ]) {
    const res = await recruiter('POST', '/api/applications', applicant(jobId, { candidate: { ...c, email: `${c.firstName.length}.${Date.now()}.${apps.length}@example.com` }, source: 'indeed', utm: { utm_source: 'indeed', utm_campaign: '+spring' } }));
    expect(res.status).toBe(201);
    apps.push(res.body);
  }
  // What the apply form writes (the public apply path calls recordEeoResponse in its transaction).
  const answers = [
    { gender: 'non_binary', raceEthnicity: 'asian', veteranStatus: 'protected_veteran', disabilityStatus: 'declined' },
    { gender: 'female', veteranStatus: 'not_a_protected_veteran' },
  ] as const;
  for (const [i, a] of answers.entries()) await recordEeoResponse(t.prisma, { orgId: org.orgId, applicationId: apps[i]!.id, jobId, answers: ZEeoAnswers.parse(a) });
});
afterAll(() => t?.stop());

describe('EEO self-identification', () => {
  test('unknown codes and fields are refused by the apply schema', () => {
    expect(ZEeoAnswers.safeParse({ gender: 'robot' }).error?.issues[0]?.path).toEqual(['gender']);
    expect(ZEeoAnswers.safeParse({ religion: 'x' }).success).toBe(false);
    expect(ZEeoAnswers.safeParse({}).success).toBe(true);
  });

  test('reviewers and hiring managers never receive the answers', async () => {
    for (const call of [recruiter, manager]) {
      const res = await call('GET', `/api/applications/${apps[0]!.id}`);
      expect(res.status).toBe(200);
      const text = JSON.stringify(res.body);
      for (const code of ['non_binary', 'protected_veteran', 'asian', 'raceEthnicity', 'veteranStatus', 'gender']) expect(text).not.toContain(code);
      expect((await call('GET', `/api/applications/${apps[0]!.id}/eeo`)).status).toBe(403);
      expect((await call('GET', `/api/reports/eeo?jobId=${jobId}`)).status).toBe(403);
    }
    expect((await apiClient(t.url, org.tokens.interviewer)('GET', '/api/reports/eeo')).status).toBe(403);
    expect((await manager('GET', '/api/exports/hiring-records.csv')).status).toBe(403);
  });

  test('admins read counts per job and one application; other organizations see nothing', async () => {
    const report = await admin('GET', `/api/reports/eeo?jobId=${jobId}`);
    expect(report.status).toBe(200);
    expect(report.body.responses).toBe(2);
    expect(report.body.counts.gender).toEqual({ female: 1, non_binary: 1 });
    expect(report.body.counts.raceEthnicity).toEqual({ asian: 1, not_answered: 1 });
    expect(report.body.counts.veteranStatus).toEqual({ not_a_protected_veteran: 1, protected_veteran: 1 });
    const one = await admin('GET', `/api/applications/${apps[0]!.id}/eeo`);
    expect(one.body).toMatchObject({ gender: 'non_binary', disabilityStatus: 'declined' });
    expect((await admin('GET', `/api/applications/${apps[2]!.id}/eeo`)).status).toBe(404);
    const other = await createTestOrg(t.prisma);
    const otherAdmin = apiClient(t.url, other.tokens.admin);
    expect((await otherAdmin('GET', `/api/applications/${apps[0]!.id}/eeo`)).status).toBe(404);
    expect((await otherAdmin('GET', `/api/reports/eeo?jobId=${jobId}`)).body.responses).toBe(0);
  });
});

describe('hiring records CSV', () => {
  test('every application once, with stages, decision, offer and source; formulas stay text', async () => {
    const rejected = await t.prisma.rejectionReason.create({ data: { orgId: org.orgId, label: 'Not enough experience' } });
    expect((await recruiter('POST', `/api/applications/${apps[1]!.id}/stage`, { stage: 'rejected', reason: 'line one,\n"quoted" line two' })).status).toBe(200);
    await t.prisma.application.update({ where: { id: apps[1]!.id }, data: { rejectionReasonId: rejected.id, rejectedAt: new Date(), rejectedById: org.userIds.recruiter } });
    await recruiter('POST', '/api/offers', { applicationId: apps[2]!.id, salaryAmount: 120000.5, currency: 'USD', startDate: '2027-01-04' });

    const res = await fetch(`${t.url}/api/exports/hiring-records.csv?jobId=${jobId}`, { headers: { authorization: `Bearer ${org.tokens.admin}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const [header, ...rows] = parseCsv(await res.text());
    expect(rows).toHaveLength(3);
    const byId = new Map(rows.map((r) => [r[0], Object.fromEntries(header!.map((h, i) => [h, r[i]]))]));
    const hostile = byId.get(apps[0]!.id)!;
    expect(hostile.first_name).toBe(`'=HYPERLINK("http://evil.test","x")`);
    expect(hostile.last_name).toBe('Smith, Jr.');
    expect(hostile.utm_campaign).toBe("'+spring");
    expect(hostile).toMatchObject({ source: 'indeed', utm_source: 'indeed', stage: 'Applied', status: 'ACTIVE', job_title: 'Data Engineer' });
    const declined = byId.get(apps[1]!.id)!;
    expect(declined).toMatchObject({ last_name: '"Countess" Lovelace', status: 'REJECTED', stage: 'Rejected', rejection_reason: 'Not enough experience', rejection_note: 'line one,\n"quoted" line two', rejected_by: `recruiter@${org.slug}.test` });
    expect(declined.stage_history).toMatch(/^applied@\S+Z > rejected@\S+Z$/);
    expect(byId.get(apps[2]!.id)).toMatchObject({ offer_status: 'DRAFT', offer_amount: '120000.50', offer_currency: 'USD', offer_start_date: '2027-01-04' });
    // EEO answers are not hiring records.
    expect(header).not.toContain('gender');
    const bad = await admin('GET', '/api/exports/hiring-records.csv?from=2027-01-01&to=2026-01-01');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('query.from');
  });

  test('no row cap: more rows than one batch stream out in order', async () => {
    const bulkJob = (await recruiter('POST', '/api/jobs', { title: 'Bulk', department: 'Ops' })).body.id;
    const stage = await t.prisma.stage.findFirstOrThrow({ where: { jobId: bulkJob }, orderBy: { position: 'asc' } });
    const n = 1203;
    await t.system.services!.pool.query(
      `WITH c AS (INSERT INTO "Candidate" (id, "orgId", kind, "firstName", "lastName", email, "updatedAt")
                  SELECT 'bulk-c-' || g, $1, 'APPLICANT', 'Bulk', 'Person ' || g, 'bulk' || g || '@example.com', now() FROM generate_series(1, $4) g RETURNING id)
       INSERT INTO "Application" (id, "orgId", "jobId", "candidateId", "stageId", "updatedAt", "appliedAt")
       SELECT 'bulk-a-' || substr(id, 8), $1, $2, id, $3, now(), now() - (substr(id, 8)::int * interval '1 second') FROM c`,
      [org.orgId, bulkJob, stage.id, n],
    );
    const res = await fetch(`${t.url}/api/exports/hiring-records.csv?jobId=${bulkJob}`, { headers: { authorization: `Bearer ${org.tokens.admin}` } });
    const [, ...rows] = parseCsv(await res.text());
    expect(rows).toHaveLength(n);
    expect(new Set(rows.map((r) => r[0])).size).toBe(n);
    expect(rows[0]![0]).toBe(`bulk-a-${n}`);
    expect(rows[n - 1]![0]).toBe('bulk-a-1');
  });
});
