// Turns a validated search request into one parameterised statement (text +
// values): user input only ever travels as $n values, never inside the text.
// The shape is the one docs/ats-data-model.md#search plans indexes for; the
// benchmark runs the same builder's output directly to compare with the API.
import { effectiveSort, type SearchCursor, type TCandidateSearchQuery } from './candidate-search-request';

export interface SearchStatement {
  text: string;
  values: unknown[];
}

export const SEARCH_COLUMNS = `c.id, c."firstName", c."lastName", c.email, c.headline, c.city, c."countryCode",
       c."yearsExperience", c.skills, c.tags, c.source, c."createdAt"`;

export function buildSearchSql(orgId: string, query: TCandidateSearchQuery, page: { limit: number; cursor?: SearchCursor }): SearchStatement {
  const values: unknown[] = [];
  const $ = (value: unknown) => `$${values.push(value)}`;
  const where = [`c."orgId" = ${$(orgId)}`, `c."mergedIntoId" IS NULL`, `c."anonymizedAt" IS NULL`];
  const sort = effectiveSort(query);

  let tsquery: string | undefined;
  if (query.q) {
    tsquery = `websearch_to_tsquery('simple', ${$(query.q)})`;
    where.push(`c."searchVector" @@ ${tsquery}`);
  }
  if (query.skills?.length) where.push(`c.skills @> ${$(query.skills)}::text[]`);
  if (query.tags?.length) where.push(`c.tags @> ${$(query.tags)}::text[]`);
  if (query.minYears !== undefined) where.push(`c."yearsExperience" >= ${$(query.minYears)}`);
  if (query.maxYears !== undefined) where.push(`c."yearsExperience" <= ${$(query.maxYears)}`);
  if (query.location) {
    where.push(`c."countryCode" = ${$(query.location.countryCode)}`);
    if (query.location.city) where.push(`lower(c.city) = lower(${$(query.location.city)})`);
  }
  // One application must satisfy every application filter (job AND stage AND source AND status).
  const applicationFilters: string[] = [];
  if (query.jobId) applicationFilters.push(`a."jobId" = ${$(query.jobId)}`);
  if (query.stageId) applicationFilters.push(`a."stageId" = ${$(query.stageId)}`);
  if (query.source) applicationFilters.push(`a.source = ${$(query.source)}`);
  if (query.status) applicationFilters.push(`a.status = ${$(query.status)}::"ApplicationStatus"`);
  if (applicationFilters.length) {
    where.push(`EXISTS (SELECT 1 FROM "Application" a WHERE a."candidateId" = c.id AND a."orgId" = c."orgId" AND ${applicationFilters.join(' AND ')})`);
  }

  const limit = $(page.limit + 1); // one extra row says whether there is a next page
  if (sort === 'relevance' && tsquery) {
    // Keyset on (rank, createdAt, id), all descending: rank is a deterministic float4 of the row
    // and the query, so the order is total and stable across pages.
    const rank = `ts_rank(c."searchVector", ${tsquery})`;
    const keyset = page.cursor ? `WHERE (m.rank, m."createdAt", m.id) < (${$(page.cursor.rank)}::real, ${$(page.cursor.createdAt)}::timestamptz, ${$(page.cursor.id)})` : '';
    return {
      text: `SELECT m.*, m.rank::text AS "rankKey" FROM (SELECT ${SEARCH_COLUMNS}, ${rank} AS rank FROM "Candidate" c WHERE ${where.join(' AND ')}) m
 ${keyset} ORDER BY m.rank DESC, m."createdAt" DESC, m.id DESC LIMIT ${limit}`,
      values,
    };
  }
  if (page.cursor) where.push(`(c."createdAt", c.id) < (${$(page.cursor.createdAt)}::timestamptz, ${$(page.cursor.id)})`);
  return {
    text: `SELECT ${SEARCH_COLUMNS} FROM "Candidate" c WHERE ${where.join(' AND ')}
 ORDER BY c."createdAt" DESC, c.id DESC LIMIT ${limit}`,
    values,
  };
}
