// The hiring forecast against a hand-built history (fixed dates): rates from the period (the job's own where
// it has 5 decided candidates, else the organization's), p(hire) per stage, the exact interval and fill
// date, the bottleneck; the same report as of a past date; the drill-down with p(hire); no history → notes
// and empty expectations, never NaN; filters it does not read refused with the field.
import { apiClient, createTestOrg, startTestSystem, type TestOrg, type TestSystem } from '../../support/harness';

let t: TestSystem;
let org: TestOrg;
let recruiter: ReturnType<typeof apiClient>;
let backendId: string;
let designerId: string;
const KINDS = ['APPLIED', 'SCREEN', 'INTERVIEW', 'OFFER', 'HIRED', 'REJECTED'] as const;
type Kind = typeof KINDS[number];
const range = 'from=2026-01-01';

async function job(orgId: string, title: string, data: { openings: number; status: 'OPEN' | 'CLOSED'; closedAt?: string }, kinds: readonly Kind[]) {
  const created = await t.prisma.job.create({ data: { orgId, title, openings: data.openings, status: data.status, openedAt: new Date('2026-01-01T00:00:00Z'), closedAt: data.closedAt ? new Date(data.closedAt) : null } });
  const stages = Object.fromEntries(await Promise.all(kinds.map(async (kind, position) => [kind, (await t.prisma.stage.create({ data: { jobId: created.id, key: kind.toLowerCase(), name: `${kind[0]}${kind.slice(1).toLowerCase()} stage`, kind, position } })).id])));
  return { id: created.id, stages: stages as Record<Kind, string> };
}

async function person(orgId: string, j: { id: string; stages: Record<Kind, string> }, name: string, moves: [Kind, string][]) {
  const candidate = await t.prisma.candidate.create({ data: { orgId, firstName: name, lastName: 'Test', email: `${name.toLowerCase()}.${j.id}@example.com` } });
  const last = moves[moves.length - 1]![0];
  const app = await t.prisma.application.create({ data: { orgId, jobId: j.id, candidateId: candidate.id, stageId: j.stages[last], appliedAt: new Date(`${moves[0]![1]}T09:00:00Z`), status: last === 'HIRED' ? 'HIRED' : last === 'REJECTED' ? 'REJECTED' : 'ACTIVE' } });
  let from: string | null = null;
  for (const [kind, day] of moves) {
    await t.prisma.stageTransition.create({ data: { orgId, applicationId: app.id, fromStageId: from, toStageId: j.stages[kind], actorType: 'SYSTEM', at: new Date(`${day}T09:00:00Z`) } });
    from = j.stages[kind];
  }
}

beforeAll(async () => {
  t = await startTestSystem({ parts: { api: true, worker: false } });
  org = await createTestOrg(t.prisma);
  recruiter = apiClient(t.url, org.tokens.recruiter);
  const backend = await job(org.orgId, 'Backend Engineer', { openings: 2, status: 'OPEN' }, ['APPLIED', 'INTERVIEW', 'OFFER', 'HIRED', 'REJECTED']);
  const designer = await job(org.orgId, 'Designer', { openings: 1, status: 'CLOSED', closedAt: '2026-04-01T00:00:00Z' }, ['APPLIED', 'INTERVIEW', 'OFFER', 'HIRED', 'REJECTED']);
  backendId = backend.id;
  designerId = designer.id;
  // Backend history: 6 applied (3 rejected there), 3 interviewed (1 rejected), 2 offered (1 hired, 1 declined).
  // B1: applied → hired 50 days, interview → hired 30, offer → hired 10.
  await person(org.orgId, backend, 'B1', [['APPLIED', '2026-01-05'], ['INTERVIEW', '2026-01-25'], ['OFFER', '2026-02-14'], ['HIRED', '2026-02-24']]);
  await person(org.orgId, backend, 'B2', [['APPLIED', '2026-01-06'], ['INTERVIEW', '2026-01-20'], ['OFFER', '2026-02-10'], ['REJECTED', '2026-02-15']]);
  await person(org.orgId, backend, 'B3', [['APPLIED', '2026-01-07'], ['INTERVIEW', '2026-01-21'], ['REJECTED', '2026-02-01']]);
  for (const name of ['B4', 'B5', 'B6']) await person(org.orgId, backend, name, [['APPLIED', '2026-01-08'], ['REJECTED', '2026-01-12']]);
  // Designer (closed 1 April): D1 hired (applied → hired 60 days, interview → hired 50, offer → hired 20); D2, D3 rejected at interview.
  await person(org.orgId, designer, 'D1', [['APPLIED', '2026-01-05'], ['INTERVIEW', '2026-01-15'], ['OFFER', '2026-02-14'], ['HIRED', '2026-03-06']]);
  for (const name of ['D2', 'D3']) await person(org.orgId, designer, name, [['APPLIED', '2026-01-06'], ['INTERVIEW', '2026-01-16'], ['REJECTED', '2026-01-30']]);
  // Backend's pipeline now: two applied, one at interview, one at offer.
  await person(org.orgId, backend, 'Cara', [['APPLIED', '2026-05-10']]);
  await person(org.orgId, backend, 'Cleo', [['APPLIED', '2026-05-11']]);
  await person(org.orgId, backend, 'Ivo', [['APPLIED', '2026-05-02'], ['INTERVIEW', '2026-05-12']]);
  await person(org.orgId, backend, 'Olga', [['APPLIED', '2026-04-20'], ['INTERVIEW', '2026-04-25'], ['OFFER', '2026-05-20']]);
}, 120_000);

afterAll(async () => {
  await t?.stop();
});

test('per open job: counts by stage, the exact interval, the fill date and the bottleneck', async () => {
  const res = await recruiter('GET', `/api/analytics/reports/hiring-forecast?${range}&asOf=2026-06-01`);
  expect(res.status).toBe(200);
  // Designer closed on 1 April: not open on 1 June.
  expect(res.body.rows).toHaveLength(1);
  // Rates (Ivo and Olga count too: both passed applied, Olga passed interview): applied, Backend's own
  // (8 decided, 5 passed) = 5/8; interview, the organization's (7 decided: B1, B2, Olga, D1 passed) = 4/7;
  // offer, the organization's (3 decided, B1 and D1 hired) = 2/3. p(hire): offer 2/3, interview
  // 4/7 · 2/3 = 8/21, applied 5/8 · 8/21 = 5/21. P(no hire) = (16/21)² · 13/21 · 1/3 = .120: p10 0, median 1,
  // p90 1 (one opening left). Fill (days from offer 10, 20; interview 30, 50; applied 50, 60, the
  // organization's: Backend has one hire): by day 10 P = 2/3 · 1/2 = .33, by day 20 P = 2/3 → 21 June;
  // at most .88 by day 60 → no p90 date. Bottleneck: interview, 4/7 = 57 %.
  expect(res.body.rows[0]).toEqual({
    key: backendId, job: 'Backend Engineer', openings: 2, hired: 1, applied: 2, screen: 0, interview: 1, offer: 1, other: 0, inPipeline: 4,
    expectedHires: 1, low: 0, high: 1, fillDate: '2026-06-21', fillDateP90: null, bottleneck: 'Interview (57 % pass)',
  });
  expect(res.body.totals).toMatchObject({ openings: 2, hired: 1, inPipeline: 4, expectedHires: 1, low: 0, high: 1 });
  expect(res.body.charts).toEqual([expect.objectContaining({ kind: 'bar', x: 'job', series: ['expectedHires', 'low', 'high'] })]);
  expect(res.body.notes.join(' ')).toMatch(/Backend Engineer: too little history of its own at Applied, Interview, Offer; the organization's rates are used there/);
  expect(res.body.definition).toBe('docs/metrics.md#hiring-forecast');
});

test('as of a past date: the stage read from transitions, jobs open then, rates from what was known', async () => {
  const res = await recruiter('GET', `/api/analytics/reports/hiring-forecast?${range}&asOf=2026-03-01`);
  expect(res.status).toBe(200);
  // On 1 March D1 was at offer (hired 6 March); offer's rate then: B1 hired, B2 declined = 1/2, days [10].
  // One candidate with p = 1/2: P(0) = .5, so the median is 0 and p90 1; filled with 50 % by day 10.
  // Interview then: B1, B2, D1 passed, B3, D2, D3 rejected = 1/2, tied with offer: the earlier stage is named.
  const designer = res.body.rows.find((r: any) => r.key === designerId);
  expect(designer).toMatchObject({ hired: 0, offer: 1, inPipeline: 1, low: 0, expectedHires: 0, high: 1, fillDate: '2026-03-11', fillDateP90: null, bottleneck: 'Interview (50 % pass)' });
  const backend = res.body.rows.find((r: any) => r.key === backendId);
  expect(backend).toMatchObject({ hired: 1, inPipeline: 0, expectedHires: 0, low: 0, high: 0, fillDate: null });
});

test('the drill-down lists a job\'s pipeline with each candidate\'s stage and chance of a hire', async () => {
  const res = await recruiter('GET', `/api/analytics/reports/hiring-forecast/drill?${range}&asOf=2026-06-01&row=${backendId}&column=inPipeline`);
  expect(res.status).toBe(200);
  const rows = res.body.rows.map((r: any) => [r.candidateName, r.stage, r.stageKind, Math.round(r.pHire * 1000) / 1000]);
  expect(rows.slice(0, 2)).toEqual([['Olga Test', 'Offer stage', 'OFFER', 0.667], ['Ivo Test', 'Interview stage', 'INTERVIEW', 0.381]]);
  expect(rows.slice(2).sort()).toEqual([['Cara Test', 'Applied stage', 'APPLIED', 0.238], ['Cleo Test', 'Applied stage', 'APPLIED', 0.238]]);
  const hired = await recruiter('GET', `/api/analytics/reports/hiring-forecast/drill?${range}&asOf=2026-06-01&row=${backendId}&column=hired`);
  expect(hired.body.rows.map((r: any) => r.candidateName)).toEqual(['B1 Test']);
  expect((await recruiter('GET', `/api/analytics/reports/hiring-forecast/drill?${range}&asOf=2026-06-01&row=${designerId}&column=inPipeline`)).status).toBe(404);
  expect((await recruiter('GET', `/api/analytics/reports/hiring-forecast/drill?${range}&asOf=2026-06-01&row=${backendId}&column=bottleneck`)).status).toBe(404);
});

test('no history at all: the job is listed with empty expectations and a note, never NaN; bad filters refused', async () => {
  const fresh = await createTestOrg(t.prisma);
  const j = await job(fresh.orgId, 'First Hire', { openings: 1, status: 'OPEN' }, ['APPLIED', 'HIRED', 'REJECTED']);
  await person(fresh.orgId, j, 'Solo', [['APPLIED', '2026-05-01']]);
  const admin = apiClient(t.url, fresh.tokens.admin);
  const res = await admin('GET', `/api/analytics/reports/hiring-forecast?${range}&asOf=2026-06-01`);
  expect(res.status).toBe(200);
  expect(res.body.rows).toEqual([expect.objectContaining({ job: 'First Hire', applied: 1, inPipeline: 1, expectedHires: null, low: null, high: null, fillDate: null, bottleneck: null })]);
  expect(res.body.notes.join(' ')).toMatch(/First Hire: no history to forecast from/);
  expect(JSON.stringify(res.body)).not.toMatch(/NaN/);
  const bad = await admin('GET', `/api/analytics/reports/hiring-forecast?interval=week`);
  expect(bad.status).toBe(400);
  expect(bad.body.error.details[0]).toMatchObject({ path: 'query.interval' });
  // An organization without jobs: an empty table.
  const none = await apiClient(t.url, (await createTestOrg(t.prisma)).tokens.admin)('GET', '/api/analytics/reports/hiring-forecast');
  expect(none.body).toMatchObject({ rows: [], totals: { openings: 0, expectedHires: 0 } });
});
