// Talent pools against a real PostgreSQL: CRUD with unique names, members by id (all-or-nothing, never
// twice), everyone a segment, a query or a search finds added in one go, member pages, what blocks a delete,
// the profile's pools, and other organizations' pools and people out of reach.
import { apiClient, createTestOrg, startTestSystem, type TestOrg, type TestSystem } from '../../support/harness';

let t: TestSystem;
let org: TestOrg;
let other: TestOrg;
let recruiter: ReturnType<typeof apiClient>;
const ids: string[] = [];
let foreignCandidate: string;

beforeAll(async () => {
  t = await startTestSystem({ parts: { api: true, worker: false } });
  org = await createTestOrg(t.prisma);
  other = await createTestOrg(t.prisma);
  recruiter = apiClient(t.url, org.tokens.recruiter);
  for (let i = 0; i < 5; i++) {
    ids.push((await t.prisma.candidate.create({ data: { orgId: org.orgId, firstName: `P${i}`, lastName: 'Pool', email: `p${i}@pool.example`, skills: i < 3 ? ['rust'] : ['go'], tags: i === 0 ? ['vip'] : [] } })).id);
  }
  foreignCandidate = (await t.prisma.candidate.create({ data: { orgId: other.orgId, firstName: 'Not', lastName: 'Yours', skills: ['rust'] } })).id;
});
afterAll(() => t?.stop());

test('create, rename, list with live member counts; names are unique per organization', async () => {
  const created = await recruiter('POST', '/api/talent-pools', { name: 'Silver medalists', description: 'Strong finalists' });
  expect(created.status).toBe(201);
  expect(created.body).toMatchObject({ name: 'Silver medalists', description: 'Strong finalists', memberCount: 0, createdById: org.userIds.recruiter });
  expect((await recruiter('POST', '/api/talent-pools', { name: 'Silver medalists' })).status).toBe(409);
  // Another organization may use the same name.
  expect((await apiClient(t.url, other.tokens.recruiter)('POST', '/api/talent-pools', { name: 'Silver medalists' })).status).toBe(201);
  const renamed = await recruiter('PATCH', `/api/talent-pools/${created.body.id}`, { name: 'Silver medalists 2026' });
  expect(renamed.body.name).toBe('Silver medalists 2026');
  const bad = await recruiter('POST', '/api/talent-pools', { name: '  ' });
  expect(bad.status).toBe(400);
  expect(bad.body.error.details[0].path).toBe('body.name');
  const listed = await recruiter('GET', '/api/talent-pools?q=silver');
  expect(listed.body.map((p: { name: string }) => p.name)).toEqual(['Silver medalists 2026']);
  expect((await apiClient(t.url, org.tokens.interviewer)('GET', '/api/talent-pools')).status).toBe(403);
});

test('members by id: added once, unknown or foreign ids refuse the whole request, removal, pages newest first', async () => {
  const pool = (await recruiter('POST', '/api/talent-pools', { name: 'By hand' })).body;
  const refused = await recruiter('POST', `/api/talent-pools/${pool.id}/members`, { candidateIds: [ids[0], foreignCandidate] });
  expect(refused.status).toBe(404);
  expect(refused.body.error.details).toEqual([expect.objectContaining({ path: 'body.candidateIds.1' })]);
  expect(await t.prisma.talentPoolMember.count({ where: { poolId: pool.id } })).toBe(0);

  for (const id of ids.slice(0, 3)) expect((await recruiter('POST', `/api/talent-pools/${pool.id}/members`, { candidateIds: [id] })).body).toEqual({ added: 1, alreadyMembers: 0 });
  expect((await recruiter('POST', `/api/talent-pools/${pool.id}/members`, { candidateIds: [ids[0], ids[3]] })).body).toEqual({ added: 1, alreadyMembers: 1 });
  expect((await recruiter('GET', `/api/talent-pools/${pool.id}`)).body.memberCount).toBe(4);

  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const page: { body: { members: { id: string }[]; nextCursor: string | null } } = await recruiter('GET', `/api/talent-pools/${pool.id}/members?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
    seen.push(...page.body.members.map((m) => m.id));
    cursor = page.body.nextCursor;
  } while (cursor);
  expect(seen).toEqual([ids[3], ids[2], ids[1], ids[0]]);

  expect((await recruiter('POST', `/api/talent-pools/${pool.id}/members/remove`, { candidateIds: [ids[1], ids[4]] })).body).toEqual({ removed: 1, notMembers: 1 });
  expect((await recruiter('GET', `/api/talent-pools/${pool.id}`)).body.memberCount).toBe(3);
  const audit = await t.prisma.auditEvent.findMany({ where: { entityId: pool.id }, orderBy: { at: 'asc' } });
  expect(audit.map((a) => a.action)).toEqual(['talent_pool.created', 'talent_pool.members_added', 'talent_pool.members_added', 'talent_pool.members_added', 'talent_pool.members_added', 'talent_pool.members_removed']);

  const profile = await recruiter('GET', `/api/candidates/${ids[0]}`);
  expect(profile.body.pools).toEqual([expect.objectContaining({ id: pool.id, name: 'By hand' })]);
  expect((await recruiter('GET', `/api/talent-pools/${pool.id}/members?cursor=bad`)).status).toBe(400);
});

test('everyone a segment, a query or a search finds joins in one statement; a second time adds nobody', async () => {
  const pool = (await recruiter('POST', '/api/talent-pools', { name: 'Rustaceans' })).body;
  const segment = (await recruiter('POST', '/api/segments', { name: 'Rust', query: { conditions: [{ field: 'skills', values: ['rust'] }] } })).body;
  expect((await recruiter('POST', `/api/talent-pools/${pool.id}/members/bulk`, { segmentId: segment.id })).body).toEqual({ matched: 3, added: 3, alreadyMembers: 0 });
  expect((await recruiter('POST', `/api/talent-pools/${pool.id}/members/bulk`, { segmentId: segment.id })).body).toEqual({ matched: 3, added: 0, alreadyMembers: 3 });
  expect((await recruiter('POST', `/api/talent-pools/${pool.id}/members/bulk`, { query: { conditions: [{ field: 'skills', values: ['go'] }] } })).body).toEqual({ matched: 2, added: 2, alreadyMembers: 0 });
  const everyone = (await recruiter('POST', '/api/talent-pools', { name: 'VIP search' })).body;
  expect((await recruiter('POST', `/api/talent-pools/${everyone.id}/members/bulk`, { search: { tags: ['vip'], skills: ['rust'] } })).body).toEqual({ matched: 1, added: 1, alreadyMembers: 0 });
  const members = await t.prisma.talentPoolMember.findMany({ where: { poolId: pool.id } });
  expect(members.map((m) => m.candidateId).sort()).toEqual([...ids].sort());
  expect(members.every((m) => m.addedById === org.userIds.recruiter)).toBe(true);

  const foreignSegment = await recruiter('POST', `/api/talent-pools/${pool.id}/members/bulk`, { segmentId: 'nope' });
  expect(foreignSegment.status).toBe(404);
  expect(foreignSegment.body.error.details[0].path).toBe('body.segmentId');
  const badSearch = await recruiter('POST', `/api/talent-pools/${pool.id}/members/bulk`, { search: { jobId: 'nope' } });
  expect(badSearch.status).toBe(404);
  expect(badSearch.body.error.details[0].path).toBe('body.search.jobId');
  expect((await recruiter('POST', `/api/talent-pools/${pool.id}/members/bulk`, { segmentId: segment.id, query: { conditions: [] } })).status).toBe(400);
});

test('a pool a segment aims at cannot be deleted; once free, deleting removes its memberships; foreign pools are 404', async () => {
  const pool = (await recruiter('POST', '/api/talent-pools', { name: 'Referenced' })).body;
  await recruiter('POST', `/api/talent-pools/${pool.id}/members`, { candidateIds: [ids[0]] });
  const segment = (await recruiter('POST', '/api/segments', { name: 'In referenced', query: { conditions: [{ field: 'any_of', conditions: [{ field: 'pools', poolIds: [pool.id] }, { field: 'has_email', value: false }] }] } })).body;
  const blocked = await recruiter('DELETE', `/api/talent-pools/${pool.id}`);
  expect(blocked.status).toBe(409);
  expect(blocked.body.error.message).toContain('segment "In referenced"');
  await recruiter('DELETE', `/api/segments/${segment.id}`);
  const foreign = apiClient(t.url, other.tokens.admin);
  expect((await foreign('DELETE', `/api/talent-pools/${pool.id}`)).status).toBe(404);
  expect((await foreign('GET', `/api/talent-pools/${pool.id}/members`)).status).toBe(404);
  expect((await foreign('POST', `/api/talent-pools/${pool.id}/members`, { candidateIds: [foreignCandidate] })).status).toBe(404);
  expect((await recruiter('DELETE', `/api/talent-pools/${pool.id}`)).status).toBe(204);
  expect(await t.prisma.talentPoolMember.count({ where: { poolId: pool.id } })).toBe(0);
  expect((await t.prisma.auditEvent.findFirstOrThrow({ where: { entityId: pool.id, action: 'talent_pool.deleted' } })).before).toEqual({ name: 'Referenced', members: 1 });
});
