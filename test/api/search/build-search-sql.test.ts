import { buildEstimateSql, buildSearchSql } from '../../../api/search/build-search-sql';
import { choosePlanFromEstimates } from '../../../api/search/choose-search-plan';
import { decodeCursor, encodeCursor, ZCandidateSearchRequest } from '../../../api/search/candidate-search-request';
import { AppError } from '../../../api/errors';

const hostile = `x'); DROP TABLE "Candidate"; --`;

describe('buildSearchSql', () => {
  test('user input travels only as values, never in the statement text', () => {
    const query = ZCandidateSearchRequest.parse({ q: hostile, skills: [hostile], tags: [hostile], location: { countryCode: 'us', city: hostile }, jobId: hostile, stageId: hostile, source: hostile, status: 'ACTIVE', minYears: 1, maxYears: 2 });
    const { cursor: _c, limit: _l, ...filters } = query;
    const shapes = [
      { sort: 'relevance' as const, plan: 'walk' as const, cursorSort: 'relevance' as const },
      { sort: 'recent' as const, plan: 'walk' as const, cursorSort: 'applied' as const },
      { sort: 'recent' as const, plan: 'matches-first' as const, cursorSort: 'applied' as const },
    ];
    for (const { sort, plan, cursorSort } of shapes) {
      for (const query of [{ ...filters, sort }, { ...filters, jobId: undefined, stageId: undefined, sort }]) {
        const statement = buildSearchSql('org-1', query, { limit: 25, plan, cursor: { sort: cursorSort, rank: '0.5', sortAt: '2026-01-01T00:00:00.000Z', id: hostile } });
        expectOnlyValues(statement, query.jobId ? 7 : 5);
      }
    }
    const estimates = buildEstimateSql('org-1', filters)!;
    for (const statement of [estimates.keyword, estimates.all, estimates.walked]) expectOnlyValues(statement);
  });

  function expectOnlyValues(statement: { text: string; values: unknown[] }, hostileValues?: number) {
    expect(statement.text).not.toContain('DROP');
    if (hostileValues !== undefined) expect(statement.values.filter((v) => v === hostile || (Array.isArray(v) && v.includes(hostile)))).toHaveLength(hostileValues);
    // Every placeholder has a value and every value a placeholder.
    const placeholders = new Set([...statement.text.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
    expect([...placeholders].sort((a, b) => a - b)).toEqual(statement.values.map((_, i) => i + 1));
  }

  test('matches-first reads the keyword matches through a materialized CTE and applies the other filters to them', () => {
    const statement = buildSearchSql('org-1', { q: 'rust', tags: ['alumni'] }, { limit: 25, plan: 'matches-first' });
    const cteWhere = /^WITH matches AS MATERIALIZED \(SELECT .*? WHERE (.*)\)\nSELECT/s.exec(statement.text)?.[1];
    expect(cteWhere).toContain('"searchVector" @@');
    expect(cteWhere).not.toContain('tags');
    expect(statement.text).toMatch(/FROM matches c\s+WHERE c.tags @>/);
  });

  test('a job or stage filter orders by the application, newest first, on the job\'s index', () => {
    const statement = buildSearchSql('org-1', { jobId: 'j', stageId: 's' }, { limit: 25 });
    expect(statement.text).toMatch(/FROM "Application" a JOIN "Candidate" c/);
    expect(statement.text).toMatch(/ORDER BY a."appliedAt" DESC, c.id DESC LIMIT \$\d+$/);
    expect(statement.text).not.toContain('EXISTS');
  });

  test('asks for one row more than the page, to know whether another page follows', () => {
    const statement = buildSearchSql('org-1', {}, { limit: 25 });
    expect(statement.values).toContain(26);
    expect(statement.text).toMatch(/ORDER BY c."createdAt" DESC, c.id DESC LIMIT \$\d+$/);
  });

  test('application filters share one EXISTS, so they must hold on the same application', () => {
    const statement = buildSearchSql('org-1', { source: 'linkedin', status: 'REJECTED' }, { limit: 10 });
    expect(statement.text.match(/EXISTS/g)).toHaveLength(1);
  });
});

describe('choosePlanFromEstimates', () => {
  const orgProfiles = 1_000_000;
  test.each([
    ['a rare word', { keywordRows: 100, matchingRows: 100 }, 'matches-first'],
    ['a word in 0.5 % of profiles', { keywordRows: 4_700, matchingRows: 4_700 }, 'matches-first'],
    ['a word in 40 % of profiles', { keywordRows: 400_000, matchingRows: 400_000 }, 'walk'],
    ['a common word narrowed by filters to 1 %', { keywordRows: 400_000, matchingRows: 12_000 }, 'walk'],
    ['a mid word narrowed further by a tag', { keywordRows: 4_700, matchingRows: 1_200 }, 'matches-first'],
  ] as const)('%s: %s', (_name, rows, plan) => {
    expect(choosePlanFromEstimates({ ...rows, walkedRows: orgProfiles }, 25)).toBe(plan);
  });

  test('a walk never tests more rows than there are', () => {
    expect(choosePlanFromEstimates({ keywordRows: 50, matchingRows: 0, walkedRows: 10 }, 25)).toBe('walk');
  });
});

describe('cursors', () => {
  test('round trip, pinned to their order', () => {
    const cursor = { sort: 'relevance' as const, rank: '0.0607927', sortAt: '2026-01-01T00:00:00.123Z', id: 'c1' };
    expect(decodeCursor(encodeCursor(cursor), 'relevance')).toEqual(cursor);
    expect(() => decodeCursor(encodeCursor(cursor), 'recent')).toThrow(AppError);
  });

  test.each([['not base64 JSON', '%%%'], ['JSON of the wrong shape', Buffer.from('{"a":1}').toString('base64url')], ['a rank that is not a number', Buffer.from(JSON.stringify({ s: 'relevance', r: '1 OR 1=1', c: '2026-01-01T00:00:00.000Z', i: 'x' })).toString('base64url')]])(
    'refuses %s with the field path',
    (_name, text) => {
      try {
        decodeCursor(text, 'relevance');
        throw new Error('accepted');
      } catch (err) {
        expect(err).toBeInstanceOf(AppError);
        expect((err as AppError).details[0]).toMatchObject({ path: 'body.cursor', code: 'invalid_cursor' });
      }
    },
  );
});
