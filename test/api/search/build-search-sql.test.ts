import { buildSearchSql } from '../../../api/search/build-search-sql';
import { decodeCursor, encodeCursor, ZCandidateSearchRequest } from '../../../api/search/candidate-search-request';
import { AppError } from '../../../api/errors';

const hostile = `x'); DROP TABLE "Candidate"; --`;

describe('buildSearchSql', () => {
  test('user input travels only as values, never in the statement text', () => {
    const query = ZCandidateSearchRequest.parse({ q: hostile, skills: [hostile], tags: [hostile], location: { countryCode: 'us', city: hostile }, jobId: hostile, stageId: hostile, source: hostile, status: 'ACTIVE', minYears: 1, maxYears: 2 });
    const { cursor: _c, limit: _l, ...filters } = query;
    for (const sort of ['relevance', 'recent'] as const) {
      const statement = buildSearchSql('org-1', { ...filters, sort }, { limit: 25, cursor: { sort, rank: '0.5', createdAt: '2026-01-01T00:00:00.000Z', id: hostile } });
      expect(statement.text).not.toContain('DROP');
      expect(statement.values.filter((v) => v === hostile || (Array.isArray(v) && v.includes(hostile)))).toHaveLength(7);
      // Every placeholder has a value and every value a placeholder.
      const placeholders = new Set([...statement.text.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
      expect([...placeholders].sort((a, b) => a - b)).toEqual(statement.values.map((_, i) => i + 1));
    }
  });

  test('asks for one row more than the page, to know whether another page follows', () => {
    const statement = buildSearchSql('org-1', {}, { limit: 25 });
    expect(statement.values).toContain(26);
    expect(statement.text).toMatch(/ORDER BY c."createdAt" DESC, c.id DESC LIMIT \$\d+$/);
  });

  test('application filters share one EXISTS, so they must hold on the same application', () => {
    const statement = buildSearchSql('org-1', { jobId: 'j', source: 'linkedin', status: 'REJECTED' }, { limit: 10 });
    expect(statement.text.match(/EXISTS/g)).toHaveLength(1);
  });
});

describe('cursors', () => {
  test('round trip, pinned to their order', () => {
    const cursor = { sort: 'relevance' as const, rank: '0.0607927', createdAt: '2026-01-01T00:00:00.123Z', id: 'c1' };
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
