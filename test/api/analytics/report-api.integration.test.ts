// The analytics API around any report: filters resolved and refused with the field and reason, the
// applications report against a hand-built history (fixed dates) now and as of a past date, CSV of the table,
// drill-down pages and CSV, a hiring manager held to their jobs, other organizations never counted.
import { addOrgUser } from '../../support/org-users';
import { apiClient, createTestOrg, startTestSystem, type TestOrg, type TestSystem } from '../../support/harness';
import { parseCsv } from '../../support/parse-csv';

let t: TestSystem;
let org: TestOrg;
let recruiter: ReturnType<typeof apiClient>;
let manager: ReturnType<typeof apiClient>;
let jobId: string;
let otherJobId: string;
const at = (iso: string) => new Date(iso);
const range = 'from=2026-01-01&to=2026-04-01&interval=month';

async function history(orgId: string, title: string) {
  const p = t.prisma;
  const job = await p.job.create({ data: { orgId, title, status: 'OPEN', department: 'Engineering' } });
  const kinds = ['APPLIED', 'INTERVIEW', 'HIRED', 'REJECTED'] as const;
  const stages = Object.fromEntries(await Promise.all(kinds.map(async (kind, position) => [kind, (await p.stage.create({ data: { jobId: job.id, key: kind.toLowerCase(), name: kind, kind, position } })).id])));
  // name, applied, moves (kind, at)
  const people: [string, string, [typeof kinds[number], string][]][] = [
    ['Ada', '2026-01-05T10:00:00Z', [['APPLIED', '2026-01-05T10:00:00Z'], ['INTERVIEW', '2026-01-20T10:00:00Z'], ['HIRED', '2026-02-10T10:00:00Z']]],
    ['Grace', '2026-01-25T10:00:00Z', [['APPLIED', '2026-01-25T10:00:00Z'], ['REJECTED', '2026-03-02T10:00:00Z']]],
    ['Linus', '2026-02-14T10:00:00Z', [['APPLIED', '2026-02-14T10:00:00Z']]],
    ['Hedy', '2026-05-01T10:00:00Z', [['APPLIED', '2026-05-01T10:00:00Z']]],
  ];
  for (const [name, appliedAt, moves] of people) {
    const candidate = await p.candidate.create({ data: { orgId, firstName: name, lastName: 'Test', email: `${name.toLowerCase()}.${job.id}@example.com` } });
    const last = moves[moves.length - 1]![0];
    const app = await p.application.create({ data: { orgId, jobId: job.id, candidateId: candidate.id, stageId: stages[last]!, appliedAt: at(appliedAt), source: name === 'Ada' ? 'referral' : 'careers', status: last === 'HIRED' ? 'HIRED' : last === 'REJECTED' ? 'REJECTED' : 'ACTIVE' } });
    let from: string | null = null;
    for (const [kind, when] of moves) {
      await p.stageTransition.create({ data: { orgId, applicationId: app.id, fromStageId: from, toStageId: stages[kind]!, actorType: 'SYSTEM', at: at(when) } });
      from = stages[kind]!;
    }
  }
  return job.id;
}

beforeAll(async () => {
  t = await startTestSystem({ parts: { api: true, worker: false } });
  org = await createTestOrg(t.prisma);
  recruiter = apiClient(t.url, org.tokens.recruiter);
  jobId = await history(org.orgId, 'Backend Engineer');
  otherJobId = await history(org.orgId, 'Designer');
  const other = await createTestOrg(t.prisma);
  await history(other.orgId, 'Backend Engineer');
  const hm = await addOrgUser(t.prisma, org, 'HIRING_MANAGER', 'hm', 'Hanna Manager');
  await t.prisma.jobMember.create({ data: { jobId, userId: hm.id, role: 'HIRING_MANAGER' } });
  manager = apiClient(t.url, hm.token);
}, 120_000);

afterAll(async () => {
  await t?.stop();
});

test('the catalog lists the reports with their definitions and filters', async () => {
  const res = await recruiter('GET', '/api/analytics/reports');
  expect(res.status).toBe(200);
  expect(res.body).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'applications', area: 'hiring', definition: 'docs/metrics.md#applications', filters: expect.arrayContaining(['jobIds', 'asOf']) })]));
});

test('applications per month, now and as of a past date, from the recorded transitions', async () => {
  const now = await recruiter('GET', `/api/analytics/reports/applications?${range}&jobIds=${jobId}`);
  expect(now.status).toBe(200);
  expect(now.body.rows.map((r: any) => [r.period, r.applications, r.hired, r.rejected])).toEqual([
    ['2026-01-01', 2, 1, 1], ['2026-02-01', 1, 0, 0], ['2026-03-01', 0, 0, 0],
  ]);
  expect(now.body.totals).toEqual({ applications: 3, hired: 1, rejected: 1 });
  // As of 1 March: Grace not yet rejected; the period is cut at the as-of date and says so.
  const past = await recruiter('GET', `/api/analytics/reports/applications?${range}&jobIds=${jobId}&asOf=2026-03-01`);
  expect(past.body.rows.map((r: any) => [r.period, r.applications, r.hired, r.rejected])).toEqual([['2026-01-01', 2, 1, 0], ['2026-02-01', 1, 0, 0]]);
  expect(past.body.filters).toMatchObject({ to: '2026-03-01T00:00:00.000Z', asOf: '2026-03-01T00:00:00.000Z' });
  expect(past.body.notes.join(' ')).toMatch(/cut at the as-of date/);
  // Both jobs, one source; another organization's identical history never counts.
  const both = await recruiter('GET', `/api/analytics/reports/applications?${range}&sources=careers`);
  expect(both.body.totals).toEqual({ applications: 4, hired: 0, rejected: 2 });
});

test('the table as CSV, the people behind a number as a page and as CSV', async () => {
  const csv = await fetch(`${t.url}/api/analytics/reports/applications?${range}&jobIds=${jobId}&format=csv`, { headers: { authorization: `Bearer ${org.tokens.recruiter}` } });
  expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
  expect(parseCsv(await csv.text())).toEqual([
    ['Month', 'Applications', 'Hired', 'Rejected'], ['2026-01-01', '2', '1', '1'], ['2026-02-01', '1', '0', '0'], ['2026-03-01', '0', '0', '0'], ['Total', '3', '1', '1'],
  ]);
  const drill = await recruiter('GET', `/api/analytics/reports/applications/drill?${range}&jobIds=${jobId}&row=2026-01-01&column=applications&limit=1`);
  expect(drill.status).toBe(200);
  expect(drill.body.rows.map((r: any) => r.candidateName)).toEqual(['Ada Test']);
  expect(drill.body.nextOffset).toBe(1);
  const next = await recruiter('GET', `/api/analytics/reports/applications/drill?${range}&jobIds=${jobId}&row=2026-01-01&column=applications&limit=1&offset=1`);
  expect(next.body).toMatchObject({ rows: [expect.objectContaining({ candidateName: 'Grace Test', source: 'careers' })], nextOffset: null });
  const hired = await fetch(`${t.url}/api/analytics/reports/applications/drill?${range}&row=total&column=hired&format=csv`, { headers: { authorization: `Bearer ${org.tokens.recruiter}` } });
  expect(parseCsv(await hired.text()).map((r) => [r[0], r[1]])).toEqual([['Candidate', 'Job'], ['Ada Test', 'Backend Engineer'], ['Ada Test', 'Designer']]);
});

test('impossible filters are refused with the field and the reason', async () => {
  const cases: [string, string, number][] = [
    ['from=2026-03-01&to=2026-02-01', 'query.to', 400],
    [`asOf=2999-01-01`, 'query.asOf', 400],
    ['from=2026-03-01&to=2026-04-01&asOf=2026-02-01', 'query.asOf', 400],
    ['jobIds=nope', 'query.jobIds.0', 400],
    ['from=yesterday', 'query.from', 400],
    ['interval=day', 'query.interval', 400],
    ['campaignIds=x', 'query.campaignIds', 400],
    ['colour=blue', 'query', 400],
    ['groupBy=job', 'query.groupBy', 400],
  ];
  for (const [query, path, status] of cases) {
    const res = await recruiter('GET', `/api/analytics/reports/applications?${query}`);
    expect([query, res.status]).toEqual([query, status]);
    expect([query, res.body.error.details.map((d: any) => d.path)]).toEqual([query, expect.arrayContaining([expect.stringContaining(path)])]);
  }
  expect((await recruiter('GET', '/api/analytics/reports/nope')).status).toBe(404);
  expect((await recruiter('GET', `/api/analytics/reports/applications/drill?${range}&row=2026-01-01&column=nope`)).status).toBe(404);
  expect((await recruiter('GET', `/api/analytics/reports/applications/drill?${range}&row=january&column=hired`)).status).toBe(404);
  // An empty data set is an empty table, not an error.
  const empty = await recruiter('GET', '/api/analytics/reports/applications?from=2020-01-01&to=2020-03-01');
  expect(empty.body).toMatchObject({ totals: { applications: 0, hired: 0, rejected: 0 } });
  expect(empty.body.rows).toHaveLength(2);
});

test('a hiring manager reads their own jobs only; an interviewer reads no reports', async () => {
  const mine = await manager('GET', `/api/analytics/reports/applications?${range}`);
  expect(mine.status).toBe(200);
  expect(mine.body.filters.jobIds).toEqual([jobId]);
  expect(mine.body.totals.applications).toBe(3);
  const theirs = await manager('GET', `/api/analytics/reports/applications?${range}&jobIds=${otherJobId}`);
  expect(theirs.status).toBe(400);
  expect(theirs.body.error.details[0]).toMatchObject({ path: 'query.jobIds.0' });
  expect((await apiClient(t.url, org.tokens.interviewer)('GET', '/api/analytics/reports')).status).toBe(403);
});
