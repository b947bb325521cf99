// Candidate search: keywords plus filters, one page at a time (keyset), in
// plain SQL on the pool because it is a hot path (see docs/ats-data-model.md#search).
import type { Pool } from 'pg';
import { AppError } from '../errors';
import { runSearch } from '../search/run-search';
import {
  decodeCursor, effectiveSort, encodeCursor,
  type SearchSort, type TCandidateSearchPage, type TCandidateSearchQuery,
} from '../search/candidate-search-request';

export const DEFAULT_SEARCH_PAGE = 25;

export interface CandidateSearchHit {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  headline: string | null;
  city: string | null;
  countryCode: string | null;
  yearsExperience: number | null;
  skills: string[];
  tags: string[];
  source: string | null;
  createdAt: Date;
  /** ts_rank of the keywords (relevance order only). */
  rank?: number;
  /** When the candidate applied to the job or stage searched on (with a job or stage filter only). */
  appliedAt?: Date;
}

export interface CandidateSearchResult {
  sort: SearchSort;
  candidates: CandidateSearchHit[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

interface SearchRow extends CandidateSearchHit {
  rankKey?: string;
  /** The order's time: the profile's creation, or the application's for a job or stage. */
  sortAt: Date;
}

/**
 * A job or stage of another organization (or none) is a 404 naming the field,
 * as everywhere else, rather than an empty page that looks like "no matches".
 */
async function assertApplicationFilters(pool: Pool, orgId: string, query: TCandidateSearchQuery, where: string) {
  if (!query.jobId && !query.stageId) return;
  const { rows } = await pool.query<{ jobOk: boolean; stageOk: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM "Job" WHERE id = $2 AND "orgId" = $1) AS "jobOk",
            EXISTS (SELECT 1 FROM "Stage" s JOIN "Job" j ON j.id = s."jobId" WHERE s.id = $3 AND j."orgId" = $1 AND ($2::text IS NULL OR j.id = $2)) AS "stageOk"`,
    [orgId, query.jobId ?? null, query.stageId ?? null],
  );
  if (query.jobId && !rows[0]!.jobOk) throw new AppError('NOT_FOUND', `job ${query.jobId} not found`, [{ path: `${where}.jobId`, message: 'no job with this id' }]);
  if (query.stageId && !rows[0]!.stageOk) {
    throw new AppError('NOT_FOUND', `stage ${query.stageId} not found`, [{ path: `${where}.stageId`, message: query.jobId ? 'no stage with this id in that job' : 'no stage with this id' }]);
  }
}

export async function searchCandidates(pool: Pool, orgId: string, query: TCandidateSearchQuery, page: TCandidateSearchPage, where = 'body'): Promise<CandidateSearchResult> {
  const sort = effectiveSort(query);
  const cursor = page.cursor ? decodeCursor(page.cursor, sort, `${where}.cursor`) : undefined;
  const limit = page.limit ?? DEFAULT_SEARCH_PAGE;
  const { rows } = await runSearch<SearchRow>(pool, orgId, query, { limit, cursor });
  // Every statement is confined to the organization, so another's job finds nothing: only then is it worth asking why.
  if (!rows.length) await assertApplicationFilters(pool, orgId, query, where);
  const hasMore = rows.length > limit;
  const pageRows = rows.slice(0, limit);
  const last = pageRows[pageRows.length - 1];
  const nextCursor = hasMore && last
    ? encodeCursor({ sort, rank: last.rankKey, sortAt: last.sortAt.toISOString(), id: last.id })
    : null;
  const candidates = pageRows.map(({ rankKey: _rankKey, sortAt, ...hit }) => (sort === 'applied' ? { ...hit, appliedAt: sortAt } : hit));
  return { sort, candidates, nextCursor };
}
