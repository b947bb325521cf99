// GET /api/jobs/:id/fit against hand-built candidates: the order and each reason (justified beside the
// expectations), applicants vs prospects vs all, paging, another organization never ranked, access (a hiring
// manager for their job's applicants; an interviewer not at all), and bad input refused with the field.
import { addOrgUser } from '../../support/org-users';
import { apiClient, createTestOrg, startTestSystem, type TestOrg, type TestSystem } from '../../support/harness';

let t: TestSystem;
let org: TestOrg;
let recruiter: ReturnType<typeof apiClient>;
let manager: ReturnType<typeof apiClient>;
let jobId: string;
let otherJobId: string;

async function candidate(orgId: string, name: string, data: { skills: string[]; years?: number; city?: string; country?: string }, applyTo?: string) {
  const c = await t.prisma.candidate.create({ data: { orgId, firstName: name, lastName: 'Test', email: `${name.toLowerCase()}.${orgId}@example.com`, skills: data.skills, yearsExperience: data.years ?? null, city: data.city ?? null, countryCode: data.country ?? null } });
  if (applyTo) {
    const stage = await t.prisma.stage.findFirstOrThrow({ where: { jobId: applyTo } });
    await t.prisma.application.create({ data: { orgId, jobId: applyTo, candidateId: c.id, stageId: stage.id } });
  }
  return c.id;
}

async function backendJob(orgId: string) {
  const job = await t.prisma.job.create({ data: {
    orgId, title: 'Senior Backend Engineer', status: 'OPEN', remotePolicy: 'ONSITE',
    description: 'We build in Rust and Postgres, with Kafka and k8s.\nYou have 5+ years of experience.\n\n## Nice to have\nTerraform, Golang',
    jobLocations: { create: [{ city: 'Berlin', countryCode: 'DE' }] }, stages: { create: [{ key: 'applied', name: 'Applied', kind: 'APPLIED', position: 0 }] },
  } });
  return job.id;
}

beforeAll(async () => {
  t = await startTestSystem({ parts: { api: true, worker: false } });
  org = await createTestOrg(t.prisma);
  recruiter = apiClient(t.url, org.tokens.recruiter);
  jobId = await backendJob(org.orgId);
  otherJobId = (await t.prisma.job.create({ data: { orgId: org.orgId, title: 'Designer', status: 'OPEN', stages: { create: [{ key: 'applied', name: 'Applied', kind: 'APPLIED', position: 0 }] } } })).id;
  // Required: kafka, kubernetes, postgresql, rust (50 points); nice: go, terraform (10); 5+ years (25); Berlin (15).
  await candidate(org.orgId, 'Ada', { skills: ['rust', 'postgresql', 'kafka', 'kubernetes'], years: 8, city: 'Berlin', country: 'DE' }, jobId);
  await candidate(org.orgId, 'Grace', { skills: ['rust', 'postgresql', 'kafka', 'go', 'terraform'], years: 6, city: 'Munich', country: 'DE' }, jobId);
  await candidate(org.orgId, 'Linus', { skills: ['rust', 'postgresql', 'kafka', 'kubernetes', 'go', 'terraform'], years: 2, city: 'Lisbon', country: 'PT' }, jobId);
  await candidate(org.orgId, 'Hedy', { skills: [] }, jobId);
  await candidate(org.orgId, 'Paul', { skills: ['postgresql'], years: 10, city: 'Berlin', country: 'DE' }, otherJobId);
  await candidate(org.orgId, 'Quinn', { skills: ['figma'], years: 10, city: 'Berlin', country: 'DE' });
  const other = await createTestOrg(t.prisma);
  await candidate(other.orgId, 'Eve', { skills: ['rust', 'postgresql', 'kafka', 'kubernetes', 'go', 'terraform'], years: 9, city: 'Berlin', country: 'DE' });
  const hm = await addOrgUser(t.prisma, org, 'HIRING_MANAGER', 'hm', 'Hanna Manager');
  await t.prisma.jobMember.create({ data: { jobId, userId: hm.id, role: 'HIRING_MANAGER' } });
  manager = apiClient(t.url, hm.token);
}, 120_000);

afterAll(async () => {
  await t?.stop();
});

test('applicants ranked by fit, each with the reasons for its points', async () => {
  const res = await recruiter('GET', `/api/jobs/${jobId}/fit`);
  expect(res.status).toBe(200);
  expect(res.body.requirements).toMatchObject({ requiredSkills: ['kafka', 'kubernetes', 'postgresql', 'rust'], niceSkills: ['go', 'terraform'], minYears: 5 });
  // Ada: all required (50) + no nice (0) + 8 of 5 years (25) + Berlin (15) = 90.
  // Grace: 3 of 4 required (37.5) + both nice (10) + 6 years (25) + Munich, same country (7.5) = 80: the
  //   missing required skill costs more than the extras and the city bring.
  // Linus: every skill (60) but 2 of 5 years (10) and Lisbon (0) = 70.
  // Hedy: nothing known: 0.
  expect(res.body.candidates.map((c: any) => [c.name, c.score])).toEqual([['Ada Test', 90], ['Grace Test', 80], ['Linus Test', 70], ['Hedy Test', 0]]);
  expect(res.body.candidates[1].components.map((c: any) => [c.key, c.points, c.reason])).toEqual([
    ['requiredSkills', 37.5, 'matches 3 of 4 required skills: kafka, postgresql, rust; missing: kubernetes'],
    ['niceSkills', 10, 'matches 2 of 2 nice-to-have skills: go, terraform'],
    ['experience', 25, '6 years, asks 5+'],
    ['location', 7.5, 'in Munich, DE, same country as the job (Berlin, DE), another city'],
  ]);
  expect(res.body.candidates[0]).toMatchObject({ applicationStatus: 'ACTIVE', applicationId: expect.any(String), stageName: 'Applied' });
  expect(res.body).toMatchObject({ total: 4, nextOffset: null });
});

test('prospects (sharing a skill) and all, paged; another organization never ranked', async () => {
  // Paul applied to another job: a prospect here; 1 of 4 required (12.5) + 10 years (25) + Berlin (15) = 52.5.
  // Quinn shares no skill of the job: not a candidate for it. Eve is another organization's.
  const prospects = await recruiter('GET', `/api/jobs/${jobId}/fit?kind=prospects`);
  expect(prospects.body.candidates.map((c: any) => [c.name, c.score, c.applicationId])).toEqual([['Paul Test', 52.5, null]]);
  const page = await recruiter('GET', `/api/jobs/${jobId}/fit?kind=all&limit=2&offset=2`);
  expect(page.body.candidates.map((c: any) => c.name)).toEqual(['Linus Test', 'Paul Test']);
  expect(page.body).toMatchObject({ total: 5, nextOffset: 4 });
});

test('access: a hiring manager for their job\'s applicants; bad input refused with the field', async () => {
  expect((await manager('GET', `/api/jobs/${jobId}/fit`)).body.total).toBe(4);
  const prospects = await manager('GET', `/api/jobs/${jobId}/fit?kind=prospects`);
  expect(prospects.status).toBe(403);
  expect(prospects.body.error.details[0]).toMatchObject({ path: 'query.kind' });
  expect((await manager('GET', `/api/jobs/${otherJobId}/fit`)).status).toBe(403);
  expect((await apiClient(t.url, org.tokens.interviewer)('GET', `/api/jobs/${jobId}/fit`)).status).toBe(403);
  expect((await recruiter('GET', '/api/jobs/nope/fit')).status).toBe(404);
  const bad = await recruiter('GET', `/api/jobs/${jobId}/fit?kind=everyone`);
  expect(bad.status).toBe(400);
  expect(bad.body.error.details[0].path).toMatch(/^query\.kind/);
  expect((await recruiter('GET', `/api/jobs/${jobId}/fit?limit=0`)).status).toBe(400);
});
