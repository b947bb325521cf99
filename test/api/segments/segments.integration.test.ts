// Segments against a real PostgreSQL: each condition's live count and members match hand-built data
// (merged, erased and other organizations' people never count), saved segments with counts and keyset
// pages, and bad queries refused with the path of what is wrong.
import { addressHash } from '../../../api/services/messaging/address-hash';
import { apiClient, createTestOrg, startTestSystem, type TestOrg, type TestSystem } from '../../support/harness';

let t: TestSystem;
let org: TestOrg;
let other: TestOrg;
let recruiter: ReturnType<typeof apiClient>;
const id: Record<string, string> = {};
let jobId: string;
let poolId: string;
let otherPoolId: string;
const days = (n: number) => new Date(Date.now() - n * 86_400_000);

beforeAll(async () => {
  t = await startTestSystem({ parts: { api: true, worker: false } });
  org = await createTestOrg(t.prisma);
  other = await createTestOrg(t.prisma);
  recruiter = apiClient(t.url, org.tokens.recruiter);
  const p = t.prisma;
  const people = [
    { key: 'ada', kind: 'PROSPECT', email: 'ada@example.com', skills: ['rust', 'postgresql'], tags: ['alumni'], countryCode: 'DE', city: 'Berlin', interestLevel: 'HOT', engagementScore: 40, lastContactedAt: days(100), lastEngagedAt: days(5), source: 'referral' },
    { key: 'grace', kind: 'APPLICANT', email: 'grace@example.com', skills: ['rust'], tags: ['alumni', 'speaker'], countryCode: 'US', city: 'Arlington', interestLevel: 'WARM', engagementScore: 10, lastContactedAt: days(10), source: 'linkedin' },
    { key: 'linus', kind: 'APPLICANT', email: 'linus@example.com', skills: ['c'], tags: [], countryCode: 'US', city: 'Portland', interestLevel: null, engagementScore: 0, source: 'linkedin' },
    { key: 'barbara', kind: 'PROSPECT', email: null, skills: ['clu'], tags: ['speaker'], countryCode: 'FR', city: 'Paris', interestLevel: 'NOT_INTERESTED', engagementScore: 80, source: 'event' },
    { key: 'hedy', kind: 'PROSPECT', email: 'hedy@example.com', skills: ['go'], tags: [], countryCode: 'DE', city: 'Munich', interestLevel: 'COLD', engagementScore: 5, source: 'import' },
  ] as const;
  for (const [i, person] of people.entries()) {
    const { key, ...data } = person;
    id[key] = (await p.candidate.create({ data: { ...data, orgId: org.orgId, firstName: key, lastName: 'Test', skills: [...data.skills], tags: [...data.tags], createdAt: days(50 - i) } })).id;
  }
  // Never members: a record merged into Ada, an erased one, another organization's.
  await p.candidate.create({ data: { orgId: org.orgId, firstName: 'Merged', lastName: 'Rust', email: 'merged@example.com', skills: ['rust'], countryCode: 'DE', mergedIntoId: id.ada } });
  await p.candidate.create({ data: { orgId: org.orgId, firstName: 'Erased', lastName: 'Rust', skills: ['rust'], countryCode: 'DE', anonymizedAt: new Date() } });
  await p.candidate.create({ data: { orgId: other.orgId, firstName: 'Other', lastName: 'Rust', email: 'rust@other.example', skills: ['rust'], countryCode: 'DE' } });

  const job = await p.job.create({ data: { orgId: org.orgId, title: 'Backend Engineer', status: 'OPEN' } });
  jobId = job.id;
  const stage = async (key: string, name: string, kind: 'APPLIED' | 'SCREEN' | 'INTERVIEW', position: number) => (await p.stage.create({ data: { jobId, key, name, kind, position } })).id;
  const applied = await stage('applied', 'Applied', 'APPLIED', 0);
  const screen = await stage('screen', 'Phone screen', 'SCREEN', 1);
  const interview = await stage('onsite', 'Interview', 'INTERVIEW', 2);
  // Grace went Applied → Screen → Interview and is there now; Linus reached Screen, was moved back, then rejected.
  const graceApp = await p.application.create({ data: { orgId: org.orgId, jobId, candidateId: id.grace!, stageId: interview, source: 'referral' } });
  const linusApp = await p.application.create({ data: { orgId: org.orgId, jobId, candidateId: id.linus!, stageId: applied, status: 'REJECTED', source: 'careers_page' } });
  for (const [applicationId, stages] of [[graceApp.id, [applied, screen, interview]], [linusApp.id, [applied, screen, applied]]] as const) {
    for (const [i, toStageId] of stages.entries()) await p.stageTransition.create({ data: { orgId: org.orgId, applicationId, toStageId, fromStageId: i ? stages[i - 1] : null, actorType: 'USER' } });
  }
  await p.engagementEvent.create({ data: { orgId: org.orgId, candidateId: id.grace!, kind: 'CLICKED', dedupeKey: `test:click:${id.grace}`, at: days(3) } });
  await p.engagementEvent.create({ data: { orgId: org.orgId, candidateId: id.ada!, kind: 'OPENED', dedupeKey: `test:open:${id.ada}` } });
  await p.suppression.create({ data: { orgId: org.orgId, addressHash: addressHash(org.orgId, 'HEDY@example.com '), reason: 'unsubscribed' } });
  poolId = (await recruiter('POST', '/api/talent-pools', { name: 'Speakers' })).body.id;
  await recruiter('POST', `/api/talent-pools/${poolId}/members`, { candidateIds: [id.ada, id.barbara] });
  otherPoolId = (await apiClient(t.url, other.tokens.recruiter)('POST', '/api/talent-pools', { name: 'Theirs' })).body.id;
});
afterAll(() => t?.stop());

async function members(conditions: unknown[]): Promise<string[]> {
  const count = await recruiter('POST', '/api/segments/count', { query: { conditions } });
  expect(count.status).toBe(200);
  const keys: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await recruiter('POST', '/api/segments/members', { query: { conditions }, limit: 2, ...(cursor ? { cursor } : {}) });
    expect(page.status).toBe(200);
    keys.push(...page.body.members.map((m: { id: string }) => Object.keys(id).find((k) => id[k] === m.id) ?? m.id));
    cursor = page.body.nextCursor ?? undefined;
  } while (cursor);
  expect(keys).toHaveLength(count.body.count);
  return keys.sort();
}

test.each([
  ['skills, all', [{ field: 'skills', values: ['Rust'] }], ['ada', 'grace']],
  ['skills, any', [{ field: 'skills', match: 'any', values: ['rust', 'c'] }], ['ada', 'grace', 'linus']],
  ['tags, none', [{ field: 'tags', match: 'none', values: ['alumni'] }], ['barbara', 'hedy', 'linus']],
  ['country', [{ field: 'location', countryCodes: ['de'] }], ['ada', 'hedy']],
  ['country and city', [{ field: 'location', countryCodes: ['DE'], city: 'berlin' }], ['ada']],
  ['interest level, or not assessed', [{ field: 'interest_level', values: ['HOT', 'UNSET'] }], ['ada', 'linus']],
  ['engagement score', [{ field: 'engagement_score', min: 40 }], ['ada', 'barbara']],
  ['not contacted in 30 days (never included)', [{ field: 'last_contacted', notWithinDays: 30 }], ['ada', 'barbara', 'hedy', 'linus']],
  ['never contacted', [{ field: 'last_contacted', isNever: true }], ['barbara', 'hedy', 'linus']],
  ['engaged in the last 7 days', [{ field: 'last_engaged', withinDays: 7 }], ['ada']],
  ['reached a screen, now or in the past', [{ field: 'stage_reached', stageKinds: ['SCREEN'] }], ['grace', 'linus']],
  ['reached a stage by name, any case', [{ field: 'stage_reached', stageName: 'interview' }], ['grace']],
  ['never reached an interview', [{ field: 'stage_reached', match: 'none', stageKinds: ['INTERVIEW'] }], ['ada', 'barbara', 'hedy', 'linus']],
  ['never applied', [{ field: 'applications', match: 'none' }], ['ada', 'barbara', 'hedy']],
  ['applied to the job', [{ field: 'applications', jobId: 'JOB' }], ['grace', 'linus']],
  ['rejected', [{ field: 'applications', statuses: ['REJECTED'] }], ['linus']],
  ['clicked', [{ field: 'engagement', kinds: ['CLICKED'], withinDays: 7 }], ['grace']],
  ['in the pool', [{ field: 'pools', poolIds: ['POOL'] }], ['ada', 'barbara']],
  ['not in the pool', [{ field: 'pools', match: 'none', poolIds: ['POOL'] }], ['grace', 'hedy', 'linus']],
  ['source', [{ field: 'source', values: ['referral'] }], ['ada']],
  ['kind', [{ field: 'kind', value: 'APPLICANT' }], ['grace', 'linus']],
  ['no email', [{ field: 'has_email', value: false }], ['barbara']],
  ['contactable: an email not suppressed', [{ field: 'contactable', value: true }], ['ada', 'grace', 'linus']],
  ['keywords', [{ field: 'keywords', q: 'rust' }], ['ada', 'grace']],
  ['an OR group and a condition', [{ field: 'any_of', conditions: [{ field: 'kind', value: 'APPLICANT' }, { field: 'tags', values: ['speaker'] }] }, { field: 'location', countryCodes: ['US'] }], ['grace', 'linus']],
  ['everyone', [], ['ada', 'barbara', 'grace', 'hedy', 'linus']],
])('%s', async (_name, conditions, expected) => {
  const resolved = JSON.parse(JSON.stringify(conditions).replaceAll('"JOB"', JSON.stringify(jobId)).replaceAll('"POOL"', JSON.stringify(poolId)));
  expect(await members(resolved)).toEqual(expected);
});

test('saved segments: create, read with count and members, page on, rename and requery, delete', async () => {
  const created = await recruiter('POST', '/api/segments', { name: 'Rust people', query: { conditions: [{ field: 'skills', values: ['rust'] }] } });
  expect(created.status).toBe(201);
  expect(created.body.query).toEqual({ conditions: [{ field: 'skills', match: 'all', values: ['rust'] }] });
  const dup = await recruiter('POST', '/api/segments', { name: 'Rust people', query: { conditions: [] } });
  expect(dup.status).toBe(409);
  expect(dup.body.error.details[0].path).toBe('body.name');

  const read = await recruiter('GET', `/api/segments/${created.body.id}?limit=1`);
  expect(read.status).toBe(200);
  expect(read.body.count).toBe(2);
  // Newest profile first: Grace was created after Ada.
  expect(read.body.members.map((m: { id: string }) => m.id)).toEqual([id.grace]);
  const next = await recruiter('GET', `/api/segments/${created.body.id}/members?limit=1&cursor=${read.body.nextCursor}`);
  expect(next.body).toMatchObject({ members: [{ id: id.ada, interestLevel: 'HOT', engagementScore: 40 }], nextCursor: null });

  const patched = await recruiter('PATCH', `/api/segments/${created.body.id}`, { query: { conditions: [{ field: 'skills', match: 'any', values: ['rust', 'go'] }] } });
  expect(patched.status).toBe(200);
  expect((await recruiter('GET', `/api/segments/${created.body.id}`)).body.count).toBe(3);
  expect((await recruiter('GET', '/api/segments')).body.map((s: { name: string }) => s.name)).toContain('Rust people');
  const audit = await t.prisma.auditEvent.findMany({ where: { orgId: org.orgId, entityId: created.body.id }, orderBy: { at: 'asc' } });
  expect(audit.map((a) => a.action)).toEqual(['segment.created', 'segment.updated']);

  expect((await apiClient(t.url, other.tokens.admin)('GET', `/api/segments/${created.body.id}`)).status).toBe(404);
  expect((await recruiter('DELETE', `/api/segments/${created.body.id}`)).status).toBe(204);
  expect((await recruiter('GET', `/api/segments/${created.body.id}`)).status).toBe(404);
});

test('bad queries are refused with the path of the problem, and nothing is saved', async () => {
  const before = await t.prisma.segment.count({ where: { orgId: org.orgId } });
  const unknownField = await recruiter('POST', '/api/segments/count', { query: { conditions: [{ field: 'salary', min: 1 }] } });
  expect(unknownField.status).toBe(400);
  expect(unknownField.body.error.details[0].path).toBe('body.query.conditions.0.field');
  const badWindow = await recruiter('POST', '/api/segments', { name: 'x', query: { conditions: [{ field: 'last_contacted', withinDays: 0 }] } });
  expect(badWindow.status).toBe(400);
  expect(badWindow.body.error.details[0].path).toBe('body.query.conditions.0.withinDays');
  const foreignPool = await recruiter('POST', '/api/segments', { name: 'x', query: { conditions: [{ field: 'kind', value: 'PROSPECT' }, { field: 'any_of', conditions: [{ field: 'has_email', value: true }, { field: 'pools', poolIds: [poolId, otherPoolId] }] }] } });
  expect(foreignPool.status).toBe(404);
  expect(foreignPool.body.error.details).toEqual([{ path: 'body.query.conditions.1.conditions.1.poolIds.1', message: 'no pool with this id in your organization', code: 'not_found' }]);
  const unknownJob = await recruiter('POST', '/api/segments/count', { query: { conditions: [{ field: 'applications', jobId: 'nope' }] } });
  expect(unknownJob.status).toBe(404);
  expect(unknownJob.body.error.details[0].path).toBe('body.query.conditions.0.jobId');
  const badCursor = await recruiter('POST', '/api/segments/members', { query: { conditions: [] }, cursor: 'garbage' });
  expect(badCursor.status).toBe(400);
  expect(badCursor.body.error.details[0].path).toBe('body.cursor');
  expect(await t.prisma.segment.count({ where: { orgId: org.orgId } })).toBe(before);
  expect((await apiClient(t.url, org.tokens.interviewer)('POST', '/api/segments/count', { query: { conditions: [] } })).status).toBe(403);
});
