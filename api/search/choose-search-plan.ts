// Picks the plan of a keyword search in recency order (see build-search-sql.ts)
// from PostgreSQL's own row estimates (EXPLAIN, planning only: well under a
// millisecond each). PostgreSQL alone would pick wrongly for mid-frequency
// words: it prices testing `@@` on a row at a few CPU operations, while each
// test detoasts a resume-sized tsvector, so it walks thousands of rows where
// reading a few thousand matches from the GIN index is far cheaper.
import type { Pool } from 'pg';
import { buildEstimateSql, type SearchPlan, type SearchStatement } from './build-search-sql';
import { effectiveSort, type TCandidateSearchQuery } from './candidate-search-request';

/** How many times dearer testing a row on the walk is than fetching a GIN match (detoast + `@@` against a heap fetch). */
export const WALK_ROW_COST = 3;

export interface SearchEstimates {
  /** Profiles matching the keywords alone. */
  keywordRows: number;
  /** Profiles matching everything asked. */
  matchingRows: number;
  /** Rows the walk goes through in order: the organization's profiles, or the job's applications. */
  walkedRows: number;
}

/** The plan, and the estimates it was chosen from (keyword searches only). */
export interface SearchChoice {
  plan: SearchPlan;
  estimates?: SearchEstimates;
}

/**
 * The walk stops after `limit + 1` hits, so it tests about (limit + 1) / selectivity rows;
 * matches-first fetches every keyword match once. Pure, so the choice is unit-tested.
 */
export function choosePlanFromEstimates(e: SearchEstimates, limit: number): SearchPlan {
  const selectivity = Math.max(e.matchingRows, 1) / Math.max(e.walkedRows, 1);
  const walkTests = Math.min(e.walkedRows, (limit + 1) / selectivity);
  return WALK_ROW_COST * walkTests > e.keywordRows ? 'matches-first' : 'walk';
}

async function estimatedRows(pool: Pool, statement: SearchStatement): Promise<number> {
  const { rows } = await pool.query<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>(`EXPLAIN (FORMAT JSON) ${statement.text}`, statement.values);
  return rows[0]!['QUERY PLAN'][0].Plan['Plan Rows'];
}

/** The organization's live profiles change slowly: their estimate is kept a minute per organization. */
const PROFILE_COUNT_TTL_MS = 60_000;
const profileCounts = new Map<string, { rows: number; at: number }>();

/**
 * The choice for one organization, query and page size holds for a minute: the next pages of a search, and the
 * same search run again, skip the estimates. Bounded; the oldest entry goes first.
 */
const PLAN_TTL_MS = 60_000;
const MAX_CACHED_PLANS = 2_000;
const plans = new Map<string, { choice: SearchChoice; at: number }>();

export async function chooseSearchPlan(pool: Pool, orgId: string, query: TCandidateSearchQuery, limit: number): Promise<SearchChoice> {
  if (effectiveSort(query) === 'relevance') return { plan: 'walk' }; // relevance ranks every match whatever the plan
  if (!query.q) return { plan: 'walk' }; // no keywords: the filters ride the walk
  const key = JSON.stringify([orgId, limit, query]);
  const cached = plans.get(key);
  if (cached && Date.now() - cached.at < PLAN_TTL_MS) return cached.choice;
  const choice = await estimateAndChoose(pool, orgId, query, limit);
  plans.delete(key);
  plans.set(key, { choice, at: Date.now() });
  if (plans.size > MAX_CACHED_PLANS) plans.delete(plans.keys().next().value!);
  return choice;
}

async function estimateAndChoose(pool: Pool, orgId: string, query: TCandidateSearchQuery, limit: number): Promise<SearchChoice> {
  const statements = buildEstimateSql(orgId, query);
  if (!statements) return { plan: 'walk' };
  const keywordRows = await estimatedRows(pool, statements.keyword);
  const hasOtherFilters = statements.all.values.length > statements.keyword.values.length;
  const matchingRows = hasOtherFilters ? await estimatedRows(pool, statements.all) : keywordRows;
  let walkedRows: number;
  if (statements.walksProfiles) {
    const cached = profileCounts.get(orgId);
    if (cached && Date.now() - cached.at < PROFILE_COUNT_TTL_MS) walkedRows = cached.rows;
    else {
      walkedRows = await estimatedRows(pool, statements.walked);
      profileCounts.set(orgId, { rows: walkedRows, at: Date.now() });
    }
  } else walkedRows = await estimatedRows(pool, statements.walked);
  const estimates = { keywordRows, matchingRows, walkedRows };
  return { plan: choosePlanFromEstimates(estimates, limit), estimates };
}
