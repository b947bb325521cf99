// Unified profiles against a real PostgreSQL: a sourced person is one record (a second add by email,
// phone or profile link merges into it), profile edits (links validated and their duplicate keys kept in
// step, interest level, referrer, tags, skills) with clear refusals, and tags across many people.
import { apiClient, createTestOrg, startTestSystem, type TestOrg, type TestSystem } from '../../support/harness';

let t: TestSystem;
let org: TestOrg;
let other: TestOrg;
let recruiter: ReturnType<typeof apiClient>;

beforeAll(async () => {
  t = await startTestSystem({ parts: { api: true, worker: false } });
  org = await createTestOrg(t.prisma);
  other = await createTestOrg(t.prisma);
  recruiter = apiClient(t.url, org.tokens.recruiter);
});
afterAll(() => t?.stop());

test('adding a person twice makes one profile: the second add fills empty fields and adds tags', async () => {
  const first = await recruiter('POST', '/api/candidates', {
    candidate: { firstName: 'Margaret', lastName: 'Hamilton', email: 'Margaret@Example.com', links: { linkedin: 'linkedin.com/in/mhamilton' }, tags: ['apollo'], referrerId: org.userIds.admin, interestLevel: 'WARM' },
  });
  expect(first.status).toBe(201);
  expect(first.body).toMatchObject({ outcome: 'created' });
  const id = first.body.candidateId;
  const created = await t.prisma.candidate.findUniqueOrThrow({ where: { id } });
  expect(created).toMatchObject({ kind: 'PROSPECT', email: 'margaret@example.com', source: 'referral', referrerId: org.userIds.admin, interestLevel: 'WARM', linkKeys: ['linkedin.com/in/mhamilton'] });

  // Same LinkedIn and name, no email: the same person.
  const second = await recruiter('POST', '/api/candidates', {
    candidate: { firstName: 'margaret', lastName: 'HAMILTON', phone: '+1 617 555 0100', headline: 'Director of Software Engineering', links: { linkedin: 'https://www.linkedin.com/in/mhamilton/', github: 'github.com/mhamilton' }, tags: ['nasa'], interestLevel: 'HOT' },
  });
  expect(second.status).toBe(200);
  expect(second.body).toMatchObject({ outcome: 'merged', candidateId: id, matchedBy: 'name_and_link' });
  const merged = await t.prisma.candidate.findUniqueOrThrow({ where: { id } });
  // Filled where empty; what was set (interest WARM, first name's case) stays.
  expect(merged).toMatchObject({ firstName: 'Margaret', phoneE164: '+16175550100', headline: 'Director of Software Engineering', interestLevel: 'WARM', tags: ['apollo', 'nasa'] });
  expect(merged.linkKeys.sort()).toEqual(['github.com/mhamilton', 'linkedin.com/in/mhamilton']);
  // The same phone written locally with its country: only the country is new; the same again changes nothing.
  const third = { candidate: { firstName: 'M', lastName: 'H', phone: '(617) 555-0100', countryCode: 'US' } };
  expect((await recruiter('POST', '/api/candidates', third)).body).toEqual({ outcome: 'merged', candidateId: id, matchedBy: 'phone', changedFields: ['countryCode'] });
  expect((await recruiter('POST', '/api/candidates', third)).body).toEqual({ outcome: 'unchanged', candidateId: id, matchedBy: 'phone' });
  expect(await t.prisma.candidate.count({ where: { orgId: org.orgId } })).toBe(1);
  const audit = await t.prisma.auditEvent.findMany({ where: { entityId: id }, orderBy: { at: 'asc' } });
  expect(audit.map((a) => a.action)).toEqual(['candidate.created', 'candidate.duplicate_merged', 'candidate.duplicate_merged']);
});

test('adding refuses people who could not be recognised again, foreign referrers and pools, and interviewers', async () => {
  const noKey = await recruiter('POST', '/api/candidates', { candidate: { firstName: 'No', lastName: 'Contact' } });
  expect(noKey.status).toBe(400);
  expect(noKey.body.error.details[0].path).toBe('body.candidate.email');
  const localPhone = await recruiter('POST', '/api/candidates', { candidate: { firstName: 'Local', lastName: 'Phone', phone: '030 1234567' } });
  expect(localPhone.status).toBe(400);
  expect(localPhone.body.error.details[0].path).toBe('body.candidate.phone');
  const foreignReferrer = await recruiter('POST', '/api/candidates', { candidate: { firstName: 'A', lastName: 'B', email: 'ab@example.com', referrerId: other.userIds.admin } });
  expect(foreignReferrer.status).toBe(404);
  expect(foreignReferrer.body.error.details[0].path).toBe('body.candidate.referrerId');
  const badLink = await recruiter('POST', '/api/candidates', { candidate: { firstName: 'A', lastName: 'B', email: 'ab@example.com', links: { linkedin: 'https://github.com/ab' } } });
  expect(badLink.status).toBe(400);
  expect(badLink.body.error.details[0].path).toBe('body.candidate.links.linkedin');
  expect((await apiClient(t.url, org.tokens.interviewer)('POST', '/api/candidates', { candidate: { firstName: 'A', lastName: 'B', email: 'ab@example.com' } })).status).toBe(403);
  expect(await t.prisma.candidate.count({ where: { orgId: org.orgId, email: 'ab@example.com' } })).toBe(0);
});

test('profile edits: links with their duplicate keys, interest level, referrer, tags and skills; an email held by another is a 409', async () => {
  const id = (await recruiter('POST', '/api/candidates', { candidate: { firstName: 'Katherine', lastName: 'Johnson', email: 'kj@example.com', links: { github: 'github.com/kj', website: 'kj.example.org' } } })).body.candidateId;
  await t.prisma.candidate.update({ where: { id }, data: { linkKeys: { push: 'linkedin.com/in/from-a-merge' } } });
  const patched = await recruiter('PATCH', `/api/candidates/${id}`, {
    links: { github: null, linkedin: 'https://linkedin.com/in/kjohnson', others: ['https://scholar.example.org/kj'] },
    interestLevel: 'HOT', source: 'conference', referrerId: org.userIds.admin, tags: ['nasa', 'nasa', 'math'], skills: ['JS', 'Fortran'], countryCode: 'us', phone: '757 555 0100',
  });
  expect(patched.status).toBe(200);
  expect(patched.body).toMatchObject({
    links: { linkedin: 'https://linkedin.com/in/kjohnson', github: null, website: 'https://kj.example.org', others: ['https://scholar.example.org/kj'] },
    tags: ['nasa', 'math'], skills: ['javascript', 'fortran'], source: 'conference', countryCode: 'US',
    crm: { interestLevel: 'HOT', referrer: { id: org.userIds.admin } },
  });
  const row = await t.prisma.candidate.findUniqueOrThrow({ where: { id } });
  // The removed GitHub's key goes, the new LinkedIn's comes, the merge's and the website's stay.
  expect(row.linkKeys.sort()).toEqual(['kj.example.org', 'linkedin.com/in/from-a-merge', 'linkedin.com/in/kjohnson']);
  expect(row.phoneE164).toBe('+17575550100');
  const audit = await t.prisma.auditEvent.findFirstOrThrow({ where: { entityId: id, action: 'candidate.updated' } });
  expect(audit.after).toMatchObject({ interestLevel: 'HOT', tags: ['nasa', 'math'], fields: expect.arrayContaining(['links', 'phone', 'interestLevel']) });
  expect(JSON.stringify(audit)).not.toContain('kjohnson');

  // Nothing changed: no audit row.
  await recruiter('PATCH', `/api/candidates/${id}`, { interestLevel: 'HOT' });
  expect(await t.prisma.auditEvent.count({ where: { entityId: id, action: 'candidate.updated' } })).toBe(1);

  await t.prisma.candidate.create({ data: { orgId: org.orgId, firstName: 'Dorothy', lastName: 'Vaughan', email: 'dv@example.com' } });
  const taken = await recruiter('PATCH', `/api/candidates/${id}`, { email: 'DV@example.com' });
  expect(taken.status).toBe(409);
  expect(taken.body.error.details[0].path).toBe('body.email');
  const badLevel = await recruiter('PATCH', `/api/candidates/${id}`, { interestLevel: 'LUKEWARM' });
  expect(badLevel.status).toBe(400);
  expect(badLevel.body.error.details[0].path).toBe('body.interestLevel');
  const badSite = await recruiter('PATCH', `/api/candidates/${id}`, { links: { website: 'javascript:alert(1)' } });
  expect(badSite.status).toBe(400);
  expect(badSite.body.error.details[0].path).toBe('body.links.website');
  expect((await recruiter('PATCH', `/api/candidates/${id}`, {})).status).toBe(400);
  expect((await apiClient(t.url, other.tokens.admin)('PATCH', `/api/candidates/${id}`, { interestLevel: 'COLD' })).status).toBe(404);
  expect((await apiClient(t.url, org.tokens.interviewer)('PATCH', `/api/candidates/${id}`, { interestLevel: 'COLD' })).status).toBe(403);
  const merged = await t.prisma.candidate.create({ data: { orgId: org.orgId, firstName: 'Old', lastName: 'Record', mergedIntoId: id } });
  expect((await recruiter('PATCH', `/api/candidates/${merged.id}`, { interestLevel: 'COLD' })).status).toBe(409);
  expect((await t.prisma.candidate.findUniqueOrThrow({ where: { id } })).interestLevel).toBe('HOT');
});

test('tags on many people at once, and the tags in use with counts', async () => {
  const people = [];
  for (let i = 0; i < 3; i++) people.push((await t.prisma.candidate.create({ data: { orgId: org.orgId, firstName: `T${i}`, lastName: 'Tag', tags: i === 0 ? ['old', 'keep'] : ['keep'] } })).id);
  const res = await recruiter('POST', '/api/tags/bulk', { candidateIds: people, add: ['campaign-2026', 'keep'], remove: ['old'] });
  expect(res.body).toEqual({ changed: 3, unchanged: 0 });
  const rows = await t.prisma.candidate.findMany({ where: { id: { in: people } }, orderBy: { firstName: 'asc' } });
  expect(rows.map((r) => r.tags)).toEqual([['keep', 'campaign-2026'], ['keep', 'campaign-2026'], ['keep', 'campaign-2026']]);
  expect((await recruiter('POST', '/api/tags/bulk', { candidateIds: people, add: ['keep'] })).body).toEqual({ changed: 0, unchanged: 3 });
  expect(await t.prisma.auditEvent.count({ where: { action: 'candidate.tags_changed', entityId: { in: people } } })).toBe(3);

  const tags = await recruiter('GET', '/api/tags?q=camp');
  expect(tags.body).toEqual([{ tag: 'campaign-2026', count: 3 }]);
  const foreign = (await t.prisma.candidate.create({ data: { orgId: other.orgId, firstName: 'F', lastName: 'F' } })).id;
  const refused = await recruiter('POST', '/api/tags/bulk', { candidateIds: [people[0], foreign], add: ['x'] });
  expect(refused.status).toBe(404);
  expect(refused.body.error.details[0].path).toBe('body.candidateIds.1');
  expect((await recruiter('POST', '/api/tags/bulk', { candidateIds: people, add: ['x'], remove: ['x'] })).status).toBe(400);
  expect((await recruiter('POST', '/api/tags/bulk', { candidateIds: people })).status).toBe(400);
  expect((await t.prisma.candidate.findUniqueOrThrow({ where: { id: people[0]! } })).tags).not.toContain('x');
});
