// Turns a validated search request into one parameterised statement (text +
// values): user input only ever travels as $n values, never inside the text.
// The shape is the one docs/ats-data-model.md#search plans indexes for; the
// benchmark runs the same builder's output directly to compare with the API.
//
// Two plans for keyword searches in recency order (see choose-search-plan.ts):
// - `walk`: follow the order's index, newest first, and test each row until the
//   page is full. Cheapest when many rows match (a common word).
// - `matches-first`: read the keyword's matches from the GIN index first
//   (a MATERIALIZED CTE, so no other filter or the order can pull the planner
//   back to the walk), then filter and sort only those. Cheapest when few
//   match: the walk would test thousands of rows, each a TOASTed tsvector.
//   In recency order it may read a time slice of them only (`slice`, chosen by
//   run-search.ts): the GIN index's matches ANDed with a range of the
//   (orgId, createdAt) index, so only the slice's rows are fetched.
import { effectiveSort, type SearchCursor, type TCandidateSearchQuery } from './candidate-search-request';

export interface SearchStatement {
  text: string;
  values: unknown[];
}

export type SearchPlan = 'walk' | 'matches-first';

/** Profiles created in [from, to] only (ISO times; `to` open when absent): a slice of a matches-first read. */
export interface SearchSlice {
  from: string;
  to?: string;
}

export const SEARCH_COLUMNS = `c.id, c."firstName", c."lastName", c.email, c.headline, c.city, c."countryCode",
       c."yearsExperience", c.skills, c.tags, c.source, c."createdAt"`;

/** The pieces every statement shape is assembled from, with their values already numbered. */
class SearchParts {
  readonly values: unknown[] = [];
  readonly orgParam: string;
  /** The keyword predicate on `c`, if there are keywords. */
  readonly keyword?: string;
  readonly tsquery?: string;
  /** Filters on the profile's own columns (all present in SEARCH_COLUMNS). */
  readonly profileFilters: string[] = [];
  /** Conditions one application must meet together (alias `a`). */
  readonly applicationFilters: string[] = [];

  constructor(orgId: string, query: TCandidateSearchQuery) {
    this.orgParam = this.$(orgId);
    if (query.q) {
      this.tsquery = `websearch_to_tsquery('simple', ${this.$(query.q)})`;
      this.keyword = `c."searchVector" @@ ${this.tsquery}`;
    }
    if (query.skills?.length) this.profileFilters.push(`c.skills @> ${this.$(query.skills)}::text[]`);
    if (query.tags?.length) this.profileFilters.push(`c.tags @> ${this.$(query.tags)}::text[]`);
    if (query.minYears !== undefined) this.profileFilters.push(`c."yearsExperience" >= ${this.$(query.minYears)}`);
    if (query.maxYears !== undefined) this.profileFilters.push(`c."yearsExperience" <= ${this.$(query.maxYears)}`);
    if (query.location) {
      this.profileFilters.push(`c."countryCode" = ${this.$(query.location.countryCode)}`);
      if (query.location.city) this.profileFilters.push(`lower(c.city) = lower(${this.$(query.location.city)})`);
    }
    if (query.jobId) this.applicationFilters.push(`a."jobId" = ${this.$(query.jobId)}`);
    if (query.stageId) this.applicationFilters.push(`a."stageId" = ${this.$(query.stageId)}`);
    if (query.source) this.applicationFilters.push(`a.source = ${this.$(query.source)}`);
    if (query.status) this.applicationFilters.push(`a.status = ${this.$(query.status)}::"ApplicationStatus"`);
  }

  $(value: unknown): string {
    return `$${this.values.push(value)}`;
  }

  /** Live profiles of the organization. */
  get base(): string[] {
    return [`c."orgId" = ${this.orgParam}`, `c."mergedIntoId" IS NULL`, `c."anonymizedAt" IS NULL`];
  }

  /** One application of the candidate must satisfy every application filter (job AND stage AND source AND status). */
  get applicationExists(): string[] {
    if (!this.applicationFilters.length) return [];
    return [`EXISTS (SELECT 1 FROM "Application" a WHERE a."candidateId" = c.id AND a."orgId" = ${this.orgParam} AND ${this.applicationFilters.join(' AND ')})`];
  }
}

/**
 * The keyword's matches as a relation named `c` with SEARCH_COLUMNS: the
 * profile table itself for a walk, or a materialized read of the GIN index.
 */
function source(parts: SearchParts, plan: SearchPlan, slice?: SearchSlice): { with: string; from: string; where: string[] } {
  if (plan === 'matches-first' && parts.keyword) {
    const sliced = slice
      ? [`c."createdAt" >= ${parts.$(slice.from)}::timestamptz`, ...(slice.to ? [`c."createdAt" <= ${parts.$(slice.to)}::timestamptz`] : [])]
      : [];
    return {
      with: `WITH matches AS MATERIALIZED (SELECT ${SEARCH_COLUMNS} FROM "Candidate" c WHERE ${[...parts.base, parts.keyword, ...sliced].join(' AND ')})\n`,
      from: 'matches c',
      where: [],
    };
  }
  return { with: '', from: '"Candidate" c', where: [...parts.base, ...(parts.keyword ? [parts.keyword] : [])] };
}

export function buildSearchSql(orgId: string, query: TCandidateSearchQuery, page: { limit: number; cursor?: SearchCursor; plan?: SearchPlan; slice?: SearchSlice }): SearchStatement {
  const parts = new SearchParts(orgId, query);
  const $ = (value: unknown) => parts.$(value);
  const sort = effectiveSort(query);
  const plan = page.plan ?? 'walk';
  if (page.slice && (plan !== 'matches-first' || sort !== 'recent')) throw new Error('a slice is a matches-first read in recency order');

  if (sort === 'relevance' && parts.tsquery) {
    // Keyset on (rank, createdAt, id), all descending: rank is a deterministic float4 of the row
    // and the query, so the order is total and stable across pages. Ranking needs every match anyway.
    const where = [...parts.base, parts.keyword!, ...parts.profileFilters, ...parts.applicationExists];
    const rank = `ts_rank(c."searchVector", ${parts.tsquery})`;
    const limit = $(page.limit + 1);
    const keyset = page.cursor ? `WHERE (m.rank, m."sortAt", m.id) < (${$(page.cursor.rank)}::real, ${$(page.cursor.sortAt)}::timestamptz, ${$(page.cursor.id)})` : '';
    return {
      text: `SELECT m.*, m.rank::text AS "rankKey" FROM (SELECT ${SEARCH_COLUMNS}, c."createdAt" AS "sortAt", ${rank} AS rank FROM "Candidate" c WHERE ${where.join(' AND ')}) m
 ${keyset} ORDER BY m.rank DESC, m."sortAt" DESC, m.id DESC LIMIT ${limit}`,
      values: parts.values,
    };
  }

  const from = source(parts, plan, page.slice);
  if (sort === 'applied') {
    // Newest application to the job (or stage) first: a walk of Application (jobId, appliedAt) or
    // (jobId, stageId, appliedAt), one profile fetched per row. A candidate applies to a job once
    // (unique jobId, candidateId), so no profile appears twice.
    const where = [...from.where, `a."orgId" = ${parts.orgParam}`, ...parts.applicationFilters, ...parts.profileFilters];
    if (page.cursor) where.push(`(a."appliedAt", c.id) < (${$(page.cursor.sortAt)}::timestamptz, ${$(page.cursor.id)})`);
    return {
      text: `${from.with}SELECT ${SEARCH_COLUMNS}, a."appliedAt" AS "sortAt" FROM "Application" a JOIN ${from.from} ON c.id = a."candidateId"
 WHERE ${where.join(' AND ')}
 ORDER BY a."appliedAt" DESC, c.id DESC LIMIT ${$(page.limit + 1)}`,
      values: parts.values,
    };
  }

  const where = [...from.where, ...parts.profileFilters, ...parts.applicationExists];
  if (page.cursor) where.push(`(c."createdAt", c.id) < (${$(page.cursor.sortAt)}::timestamptz, ${$(page.cursor.id)})`);
  return {
    text: `${from.with}SELECT ${SEARCH_COLUMNS}, c."createdAt" AS "sortAt" FROM ${from.from}
 WHERE ${where.length ? where.join(' AND ') : 'TRUE'}
 ORDER BY c."createdAt" DESC, c.id DESC LIMIT ${$(page.limit + 1)}`,
    values: parts.values,
  };
}

/**
 * Statements whose planner estimates choose between the plans (EXPLAIN only,
 * never run): the keyword's matches alone, every filter together, and the
 * rows the walk would go through (the organization's profiles, or the job's
 * or stage's applications).
 */
export function buildEstimateSql(orgId: string, query: TCandidateSearchQuery): { keyword: SearchStatement; all: SearchStatement; walked: SearchStatement; walksProfiles: boolean } | null {
  if (!query.q) return null;
  // Each statement gets parts of its own, so its values are exactly its placeholders.
  const keyword = new SearchParts(orgId, { q: query.q });
  const all = new SearchParts(orgId, query);
  const walked = effectiveSort(query) === 'applied'
    ? new SearchParts(orgId, { jobId: query.jobId, stageId: query.stageId })
    : new SearchParts(orgId, {});
  return {
    keyword: { text: `SELECT 1 FROM "Candidate" c WHERE ${[...keyword.base, keyword.keyword!].join(' AND ')}`, values: keyword.values },
    all: { text: `SELECT 1 FROM "Candidate" c WHERE ${[...all.base, all.keyword!, ...all.profileFilters, ...all.applicationExists].join(' AND ')}`, values: all.values },
    walksProfiles: !walked.applicationFilters.length,
    walked: walked.applicationFilters.length
      ? { text: `SELECT 1 FROM "Application" a WHERE a."orgId" = ${walked.orgParam} AND ${walked.applicationFilters.join(' AND ')}`, values: walked.values }
      : { text: `SELECT 1 FROM "Candidate" c WHERE ${walked.base.join(' AND ')}`, values: walked.values },
  };
}
