// Candidate search and saved searches against a real PostgreSQL: keyword
// ranking over the generated search vector, each filter, keyset pages without
// gaps or repeats, organization isolation, and bad input (400/404, nothing written).
import { apiClient, createTestOrg, startTestSystem, type TestOrg, type TestSystem } from '../support/harness';
import type { PrismaClient } from '../../generated/prisma/client';
import { buildSearchSql, type SearchPlan } from '../../api/search/build-search-sql';
import { decodeCursor, effectiveSort, encodeCursor, type TCandidateSearchQuery } from '../../api/search/candidate-search-request';
import { runSearch } from '../../api/search/run-search';

let t: TestSystem;
let org: TestOrg;
let other: TestOrg;
let recruiter: ReturnType<typeof apiClient>;
let admin: ReturnType<typeof apiClient>;
const ids: Record<string, string> = {};
let jobId: string;
let otherJobId: string;
let stageIds: Record<'applied' | 'screen', string>;

async function jobWithStages(prisma: PrismaClient, orgId: string, title: string) {
  const job = await prisma.job.create({ data: { orgId, title, status: 'OPEN' } });
  const applied = await prisma.stage.create({ data: { jobId: job.id, key: 'applied', name: 'Applied', position: 0 } });
  const screen = await prisma.stage.create({ data: { jobId: job.id, key: 'screen', name: 'Screen', position: 1 } });
  return { jobId: job.id, stageIds: { applied: applied.id, screen: screen.id } };
}

/** Candidates with distinct creation times, so recency order is known. */
const PEOPLE = [
  { key: 'ada', firstName: 'Ada', lastName: 'Lovelace', headline: 'Staff Rust Engineer', skills: ['rust', 'postgresql'], years: 12, country: 'GB', city: 'London', tags: ['alumni'], source: 'referral', resume: 'Built compilers. Rust and kubernetes in production.' },
  { key: 'grace', firstName: 'Grace', lastName: 'Hopper', headline: 'Compiler engineer', skills: ['cobol', 'rust'], years: 30, country: 'US', city: 'Arlington', tags: ['alumni', 'speaker'], source: 'linkedin', resume: 'Mentions rust once, mostly COBOL.' },
  { key: 'linus', firstName: 'Linus', lastName: 'Torvalds', headline: 'Kernel maintainer', skills: ['c', 'git'], years: 25, country: 'US', city: 'Portland', tags: [], source: 'linkedin', resume: 'Kernel work. No mention of the other language.' },
  { key: 'barbara', firstName: 'Barbara', lastName: 'Liskov', headline: 'Professor', skills: ['clu', 'postgresql'], years: 3, country: 'US', city: 'Boston', tags: ['speaker'], source: null, resume: 'Data abstraction. Distributed systems.' },
];

beforeAll(async () => {
  t = await startTestSystem({ parts: { api: true, worker: false } });
  org = await createTestOrg(t.prisma);
  other = await createTestOrg(t.prisma);
  recruiter = apiClient(t.url, org.tokens.recruiter);
  admin = apiClient(t.url, org.tokens.admin);
  ({ jobId, stageIds } = await jobWithStages(t.prisma, org.orgId, 'Backend Engineer'));
  ({ jobId: otherJobId } = await jobWithStages(t.prisma, other.orgId, 'Other org job'));
  const start = Date.parse('2026-01-01T00:00:00Z');
  for (const [i, p] of PEOPLE.entries()) {
    const c = await t.prisma.candidate.create({
      data: {
        orgId: org.orgId, firstName: p.firstName, lastName: p.lastName, email: `${p.key}@example.com`, headline: p.headline,
        skills: p.skills, yearsExperience: p.years, countryCode: p.country, city: p.city, tags: p.tags, resumeText: p.resume,
        createdAt: new Date(start + i * 60_000),
      },
    });
    ids[p.key] = c.id;
  }
  // Applications: ada (screen, referral), grace (applied, linkedin, rejected), linus (applied, linkedin).
  await t.prisma.application.create({ data: { orgId: org.orgId, jobId, candidateId: ids.ada!, stageId: stageIds.screen, source: 'referral' } });
  await t.prisma.application.create({ data: { orgId: org.orgId, jobId, candidateId: ids.grace!, stageId: stageIds.applied, source: 'linkedin', status: 'REJECTED' } });
  await t.prisma.application.create({ data: { orgId: org.orgId, jobId, candidateId: ids.linus!, stageId: stageIds.applied, source: 'linkedin' } });
  // A Rust engineer in another organization, and a merged record here: neither may ever show up.
  await t.prisma.candidate.create({ data: { orgId: other.orgId, firstName: 'Other', lastName: 'Rustacean', email: 'rust@other.example', skills: ['rust'], resumeText: 'rust rust rust' } });
  await t.prisma.candidate.create({ data: { orgId: org.orgId, firstName: 'Merged', lastName: 'Rustacean', email: 'merged@example.com', skills: ['rust'], resumeText: 'rust', mergedIntoId: ids.ada } });
});
afterAll(() => t?.stop());

const search = async (body: Record<string, unknown>, call = recruiter) => {
  const res = await call('POST', '/api/search/candidates', body);
  if (res.status !== 200) throw new Error(`search ${JSON.stringify(body)}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { sort: string; candidates: { id: string; rank?: number }[]; nextCursor: string | null };
};
const names = (result: { candidates: { id: string }[] }) => result.candidates.map((c) => Object.keys(ids).find((k) => ids[k] === c.id) ?? c.id);

describe('keywords', () => {
  test('rank: a name or headline hit (weights A, B) outranks a resume-only mention (D); merged and other orgs never appear', async () => {
    const result = await search({ q: 'rust', sort: 'relevance' });
    expect(result.sort).toBe('relevance');
    // Ada: headline + skills + resume; Grace: skills + resume. Linus and Barbara do not say "rust".
    expect(names(result)).toEqual(['ada', 'grace']);
    expect(result.candidates[0]!.rank!).toBeGreaterThan(result.candidates[1]!.rank!);
  });

  test('web-search syntax: a phrase, and a negated word', async () => {
    expect(names(await search({ q: '"data abstraction"' }))).toEqual(['barbara']);
    expect(names(await search({ q: 'rust -cobol' }))).toEqual(['ada']);
  });

  test('recency is the default order, with or without keywords: newest first', async () => {
    expect(names(await search({ q: 'rust' }))).toEqual(['grace', 'ada']);
    expect((await search({ q: 'rust' })).sort).toBe('recent');
  });
});

describe('filters', () => {
  test.each([
    ['skills (all of them)', { skills: ['Rust', 'postgresql'] }, ['ada']],
    ['minimum years', { minYears: 25 }, ['linus', 'grace']],
    ['years range', { minYears: 10, maxYears: 26 }, ['linus', 'ada']],
    ['country', { location: { countryCode: 'us' } }, ['barbara', 'linus', 'grace']],
    ['country and city (any case)', { location: { countryCode: 'US', city: 'boston' } }, ['barbara']],
    ['tags (all of them)', { tags: ['alumni', 'speaker'] }, ['grace']],
    ['job', { jobId: '$job' }, ['linus', 'grace', 'ada']],
    ['job and stage', { jobId: '$job', stageId: '$screen' }, ['ada']],
    ['stage alone', { stageId: '$applied' }, ['linus', 'grace']],
    ['source', { source: 'linkedin' }, ['linus', 'grace']],
    ['application status', { jobId: '$job', status: 'ACTIVE' }, ['linus', 'ada']],
    ['source and status on the same application', { source: 'linkedin', status: 'REJECTED' }, ['grace']],
    ['keywords plus two filters', { q: 'rust', skills: ['postgresql'], location: { countryCode: 'GB' } }, ['ada']],
  ])('%s', async (_name, filters, expected) => {
    const body = JSON.parse(JSON.stringify(filters).replace('$job', jobId).replace('$screen', stageIds.screen).replace('$applied', stageIds.applied));
    expect(names(await search(body))).toEqual(expected);
  });
});

describe('keyset pages', () => {
  let many: string[];
  beforeAll(async () => {
    // 53 candidates sharing a word, 20 of them created in the same millisecond, so pages must break ties on id.
    const at = new Date('2026-02-01T00:00:00Z');
    many = [];
    for (let i = 0; i < 53; i++) {
      const c = await t.prisma.candidate.create({
        data: { orgId: org.orgId, firstName: `Page${i}`, lastName: 'Walker', email: `page${i}@example.com`, tags: ['paged'], resumeText: i % 3 ? 'zebra' : 'zebra zebra zebra crossing', createdAt: i < 20 ? at : new Date(at.getTime() + i * 1000) },
      });
      many.push(c.id);
    }
  });

  async function walk(body: Record<string, unknown>) {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await search({ ...body, limit: 10, ...(cursor ? { cursor } : {}) });
      seen.push(...page.candidates.map((c) => c.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor && pages < 20);
    return { seen, pages };
  }

  test.each([['recent', { q: 'zebra', sort: 'recent' }], ['relevance', { q: 'zebra', sort: 'relevance' }], ['no keywords', { tags: ['paged'] }]])(
    '%s: every match exactly once, in the order of one big page',
    async (_name, body) => {
      const { seen, pages } = await walk(body);
      expect(pages).toBe(6);
      expect(new Set(seen).size).toBe(53);
      expect(seen.sort()).toEqual([...many].sort());
      const whole = await search({ ...body, limit: 100 });
      expect(whole.nextCursor).toBeNull();
      const walked = await walk(body);
      expect(walked.seen).toEqual(whole.candidates.map((c) => c.id));
    },
  );

  /** Pages of a query run with one plan, straight on the database: the ids, page by page. */
  async function pagesWith(plan: SearchPlan, query: TCandidateSearchQuery) {
    const pages: string[][] = [];
    let cursor: string | undefined;
    do {
      const statement = buildSearchSql(org.orgId, query, { limit: 7, plan, cursor: cursor ? decodeCursor(cursor, effectiveSort(query)) : undefined });
      const { rows } = await t.system.db.pool.query<{ id: string; sortAt: Date }>(statement.text, statement.values);
      const page = rows.slice(0, 7);
      pages.push(page.map((r) => r.id));
      const last = page[page.length - 1];
      cursor = rows.length > 7 && last ? encodeCursor({ sort: effectiveSort(query), sortAt: last.sortAt.toISOString(), id: last.id }) : undefined;
    } while (cursor && pages.length < 20);
    return pages;
  }

  test.each([
    ['a keyword', { q: 'zebra' }],
    ['a keyword and a tag', { q: 'zebra', tags: ['paged'] }],
    ['a keyword and a phrase', { q: 'zebra "zebra crossing"' }],
    ['a keyword and a job', { q: 'rust', jobId: '$job' }],
  ])('the walk and matches-first plans give the same pages: %s', async (_name, raw) => {
    const query = JSON.parse(JSON.stringify(raw).replace('$job', jobId)) as TCandidateSearchQuery;
    const walked = await pagesWith('walk', query);
    expect(walked.flat().length).toBeGreaterThan(0);
    expect(await pagesWith('matches-first', query)).toEqual(walked);
  });

  test('a job filter pages by application, newest first, each applicant once', async () => {
    const { seen } = await walk({ jobId });
    expect(seen).toEqual([ids.linus, ids.grace, ids.ada]);
  });

  test('a candidate added after page 1 does not shift later pages (newer rows land before the cursor)', async () => {
    const first = await search({ q: 'zebra', sort: 'recent', limit: 10 });
    await t.prisma.candidate.create({ data: { orgId: org.orgId, firstName: 'Late', lastName: 'Zebra', email: 'late@example.com', resumeText: 'zebra' } });
    const second = await search({ q: 'zebra', sort: 'recent', limit: 10, cursor: first.nextCursor });
    const firstIds = new Set(first.candidates.map((c) => c.id));
    expect(second.candidates.some((c) => firstIds.has(c.id))).toBe(false);
    expect(second.candidates).toHaveLength(10);
  });
});

describe('newest slice first (api/search/run-search.ts)', () => {
  // An organization of its own, so its history is known: 200 profiles an hour apart, all saying "yak", the
  // oldest 30 also "ibex". PostgreSQL's estimates on a data set this small say little, so the choice is given:
  // matches-first, with the estimate a large organization would have.
  let sliced: TestOrg;
  const HOUR = 3_600_000;
  const start = Date.parse('2026-01-01T00:00:00Z');
  beforeAll(async () => {
    sliced = await createTestOrg(t.prisma);
    await t.prisma.candidate.createMany({
      data: Array.from({ length: 200 }, (_, i) => ({
        orgId: sliced.orgId, firstName: `Yak${i}`, lastName: 'Herder', email: `yak${i}@example.com`,
        resumeText: i < 30 ? 'yak ibex' : 'yak', createdAt: new Date(start + i * HOUR),
      })),
    });
  });

  async function pagesOf(query: TCandidateSearchQuery, how: 'walk' | 'sliced', estimatedRows: number) {
    const pages: { ids: string[]; statements: string[] }[] = [];
    let cursor: string | undefined;
    do {
      const run = await runSearch<{ id: string; sortAt: Date }>(t.system.db.pool, sliced.orgId, query, { limit: 5, cursor: cursor ? decodeCursor(cursor, 'recent') : undefined },
        async () => (how === 'walk' ? { plan: 'walk' } : { plan: 'matches-first', estimates: { keywordRows: estimatedRows, matchingRows: estimatedRows, walkedRows: 200 } }));
      const page = run.rows.slice(0, 5);
      pages.push({ ids: page.map((r) => r.id), statements: run.statements.map((x) => x.text) });
      const last = page[page.length - 1];
      cursor = run.rows.length > 5 && last ? encodeCursor({ sort: 'recent', sortAt: last.sortAt.toISOString(), id: last.id }) : undefined;
    } while (cursor && pages.length < 50);
    return pages;
  }
  const isSliced = (statement: string) => statement.includes('c."createdAt" >=');

  test('a slice holding a page gives the pages the walk gives, each read from one slice', async () => {
    const walked = await pagesOf({ q: 'yak' }, 'walk', 0);
    expect(walked).toHaveLength(40);
    const slicedPages = await pagesOf({ q: 'yak' }, 'sliced', 200);
    expect(slicedPages.map((p) => p.ids)).toEqual(walked.map((p) => p.ids));
    // Three pages' worth (18 rows, 18 hours) of 200 spread evenly: one slice per page while the history under
    // the cursor is longer than a slice, then whole reads of what is left.
    expect(slicedPages[0]!.statements).toHaveLength(1);
    expect(isSliced(slicedPages[0]!.statements[0]!)).toBe(true);
    expect(slicedPages.filter((p) => p.statements.length === 1 && isSliced(p.statements[0]!)).length).toBeGreaterThanOrEqual(20);
    expect(slicedPages.every((p) => p.statements.length === 1)).toBe(true);
  });

  test('matches older than the estimate said: the slice widens, then the whole read gives the page', async () => {
    const walked = await pagesOf({ q: 'ibex' }, 'walk', 0);
    expect(walked.map((p) => p.ids.length)).toEqual([5, 5, 5, 5, 5, 5]);
    const slicedPages = await pagesOf({ q: 'ibex' }, 'sliced', 200);
    expect(slicedPages.map((p) => p.ids)).toEqual(walked.map((p) => p.ids));
    // The first page: short slices (the newest 18 hours, then 8 times that, hold no ibex), then the whole read.
    const first = slicedPages[0]!.statements;
    expect(first.length).toBeGreaterThanOrEqual(2);
    expect(first.slice(0, -1).every(isSliced)).toBe(true);
    expect(isSliced(first[first.length - 1]!)).toBe(false);
  });

  test('through the API: the same pages as one big page', async () => {
    const call = apiClient(t.url, sliced.tokens.recruiter);
    const whole = await call('POST', '/api/search/candidates', { q: 'yak', sort: 'recent', limit: 100 });
    expect(whole.status).toBe(200);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { candidates: { id: string }[]; nextCursor: string | null } } = await call('POST', '/api/search/candidates', { q: 'yak', sort: 'recent', limit: 10, ...(cursor ? { cursor } : {}) });
      paged.push(...res.body.candidates.map((c: { id: string }) => c.id));
      cursor = res.body.nextCursor;
    } while (cursor && paged.length < 100);
    expect(paged).toEqual(whole.body.candidates.map((c: { id: string }) => c.id));
  });
});

describe('saved searches', () => {
  test('create, list (mine and shared), run with pages, delete', async () => {
    const created = await recruiter('POST', '/api/saved-searches', { name: 'Rust people', query: { q: 'rust', skills: ['rust'], sort: 'relevance' } });
    expect(created.status).toBe(201);
    const shared = await admin('POST', '/api/saved-searches', { name: 'US speakers', query: { tags: ['speaker'], location: { countryCode: 'US' } }, isShared: true });
    const privateOfAdmin = await admin('POST', '/api/saved-searches', { name: 'Admin only', query: { q: 'kernel' } });
    expect([shared.status, privateOfAdmin.status]).toEqual([201, 201]);

    const list = await recruiter('GET', '/api/saved-searches');
    expect(list.body.map((s: any) => [s.name, s.isMine])).toEqual([['Rust people', true], ['US speakers', false]]);
    const row = await t.prisma.savedSearch.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(row).toMatchObject({ orgId: org.orgId, ownerId: org.userIds.recruiter, isShared: false, query: { q: 'rust', skills: ['rust'], sort: 'relevance' } });

    const run = await recruiter('POST', `/api/saved-searches/${created.body.id}/run`);
    expect(run.status).toBe(200);
    expect(names(run.body)).toEqual(['ada', 'grace']);
    const paged = await recruiter('POST', `/api/saved-searches/${created.body.id}/run`, { limit: 1 });
    const next = await recruiter('POST', `/api/saved-searches/${created.body.id}/run`, { limit: 1, cursor: paged.body.nextCursor });
    expect([...names(paged.body), ...names(next.body)]).toEqual(['ada', 'grace']);
    expect(names((await recruiter('POST', `/api/saved-searches/${shared.body.id}/run`)).body)).toEqual(['barbara', 'grace']);

    // Someone else's private search does not exist for me; a shared one is not mine to delete.
    expect((await recruiter('POST', `/api/saved-searches/${privateOfAdmin.body.id}/run`)).status).toBe(404);
    expect((await recruiter('DELETE', `/api/saved-searches/${shared.body.id}`)).status).toBe(403);
    expect(await t.prisma.savedSearch.count({ where: { id: shared.body.id } })).toBe(1);
    expect((await recruiter('DELETE', `/api/saved-searches/${created.body.id}`)).status).toBe(204);
    expect(await t.prisma.savedSearch.count({ where: { id: created.body.id } })).toBe(0);
    const audit = await t.prisma.auditEvent.findMany({ where: { entityId: created.body.id }, orderBy: { at: 'asc' } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([['saved_search.created', org.userIds.recruiter], ['saved_search.deleted', org.userIds.recruiter]]);
    expect(audit[1]!.before).toMatchObject({ name: 'Rust people' });
  });

  test('same name twice: 409 on body.name, one row', async () => {
    expect((await recruiter('POST', '/api/saved-searches', { name: 'Twice', query: {} })).status).toBe(201);
    const again = await recruiter('POST', '/api/saved-searches', { name: 'Twice', query: { q: 'x' } });
    expect(again.status).toBe(409);
    expect(again.body.error.details[0]).toMatchObject({ path: 'body.name' });
    expect(await t.prisma.savedSearch.count({ where: { ownerId: org.userIds.recruiter, name: 'Twice' } })).toBe(1);
  });

  test('an invalid stored query: 400 with the field path, nothing saved', async () => {
    const before = await t.prisma.savedSearch.count({ where: { orgId: org.orgId } });
    const res = await recruiter('POST', '/api/saved-searches', { name: 'Bad', query: { colour: 'blue', minYears: -1 } });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: any) => d.path)).toEqual(expect.arrayContaining(['body.query', 'body.query.minYears']));
    expect(await t.prisma.savedSearch.count({ where: { orgId: org.orgId } })).toBe(before);
  });

  test('another organization sees neither the list nor the search: 404', async () => {
    const mine = await recruiter('POST', '/api/saved-searches', { name: 'Not for others', query: { q: 'rust' }, isShared: true });
    const outsider = apiClient(t.url, other.tokens.recruiter);
    expect((await outsider('GET', '/api/saved-searches')).body).toEqual([]);
    expect((await outsider('POST', `/api/saved-searches/${mine.body.id}/run`)).status).toBe(404);
    expect((await outsider('DELETE', `/api/saved-searches/${mine.body.id}`)).status).toBe(404);
    expect(await t.prisma.savedSearch.count({ where: { id: mine.body.id } })).toBe(1);
  });
});

describe('isolation and bad input', () => {
  test('another organization finds only its own candidates', async () => {
    const outsider = apiClient(t.url, other.tokens.recruiter);
    const res = await outsider('POST', '/api/search/candidates', { q: 'rust' });
    expect(res.body.candidates.map((c: any) => c.lastName)).toEqual(['Rustacean']);
    expect(res.body.candidates[0].email).toBe('rust@other.example');
  });

  test('a job of another organization: 404 on body.jobId', async () => {
    const res = await recruiter('POST', '/api/search/candidates', { jobId: otherJobId });
    expect(res.status).toBe(404);
    expect(res.body.error.details[0]).toMatchObject({ path: 'body.jobId' });
  });

  test('a stage of another job: 404 on body.stageId', async () => {
    const { stageIds: foreign } = await jobWithStages(t.prisma, org.orgId, 'Second job');
    const res = await recruiter('POST', '/api/search/candidates', { jobId, stageId: foreign.screen });
    expect(res.status).toBe(404);
    expect(res.body.error.details[0]).toMatchObject({ path: 'body.stageId' });
  });

  test.each([
    ['unknown filter', { salary: 100 }, 'body', 'unrecognized_keys'],
    ['unknown location field', { location: { countryCode: 'US', zip: '02139' } }, 'body.location', 'unrecognized_keys'],
    ['bad country code', { location: { countryCode: 'USA' } }, 'body.location.countryCode', 'invalid_format'],
    ['years the wrong way round', { minYears: 10, maxYears: 2 }, 'body.maxYears', 'custom'],
    ['relevance without keywords', { sort: 'relevance' }, 'body.sort', 'custom'],
    ['page too large', { limit: 1000 }, 'body.limit', 'too_big'],
    ['unknown status', { status: 'MAYBE' }, 'body.status', 'invalid_value'],
    ['malformed cursor', { cursor: 'not-a-cursor' }, 'body.cursor', 'invalid_cursor'],
    ['cursor of the other order', { q: 'rust', sort: 'relevance', cursor: Buffer.from(JSON.stringify({ s: 'recent', c: '2026-01-01T00:00:00.000Z', i: 'x' })).toString('base64url') }, 'body.cursor', 'invalid_cursor'],
    ['relevance cursor with SQL for a rank', { q: 'rust', sort: 'relevance', cursor: Buffer.from(JSON.stringify({ s: 'relevance', r: "1); DROP TABLE x; --", c: '2026-01-01T00:00:00.000Z', i: 'x' })).toString('base64url') }, 'body.cursor', 'invalid_cursor'],
  ])('%s: 400 with the field path', async (_name, body, path, code) => {
    const res = await recruiter('POST', '/api/search/candidates', body);
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path, code })]));
  });

  test('keywords are data, not SQL or tsquery syntax errors', async () => {
    const res = await recruiter('POST', '/api/search/candidates', { q: "'); DROP TABLE \"Candidate\"; -- & | ! :* (" });
    expect(res.status).toBe(200);
    expect(res.body.candidates).toEqual([]);
    expect(await t.prisma.candidate.count({ where: { orgId: org.orgId } })).toBeGreaterThan(50);
  });

  test('an interviewer may not search the talent database: 403', async () => {
    const res = await apiClient(t.url, org.tokens.interviewer)('POST', '/api/search/candidates', { q: 'rust' });
    expect(res.status).toBe(403);
  });
});
