// One page of a candidate search against the database: the plan (choose-search-plan.ts), then the statement
// (build-search-sql.ts). The API's search service and the search benchmark's direct side both run this.
//
// Newest slice first: a keyword read matches-first in recency order fetches every match's row to sort them,
// one heap page each (profiles are wide). When the estimate says a page's worth of matches lies in a small,
// recent part of the organization's history, only that slice is read (the GIN index's matches ANDed with a
// range of the (orgId, createdAt) index). A slice holding more than a page gives the page exactly as the
// whole read would: every row outside it is older than every row in it. One holding less is widened
// SLICE_WIDENING times over until the page fills, the slice covers everything or MAX_SLICES were short.
import type { Pool } from 'pg';
import { buildSearchSql, type SearchPlan, type SearchSlice, type SearchStatement } from './build-search-sql';
import { chooseSearchPlan, type SearchEstimates } from './choose-search-plan';
import { effectiveSort, type SearchCursor, type TCandidateSearchQuery } from './candidate-search-request';

/** The first slice is sized to hold this many pages by PostgreSQL's estimate of the matches. */
export const SLICE_PAGES = 3;
/** A slice that comes back short grows this many times wider. */
export const SLICE_WIDENING = 8;
/** After this many short slices the matches are read whole: the estimate was far off. */
export const MAX_SLICES = 3;
/**
 * What putting one profile of the slice's time range into the bitmap costs, in row fetches (measured at
 * 1,000,000 profiles: about 0.09 us an index entry against 2-4 us a heap fetch).
 */
export const INDEX_ENTRY_COST = 1 / 20;
/** A slice is read only if it costs at most this share of the whole read (it may come back short). */
export const SLICE_PAY_MARGIN = 0.5;

/** The organization's history: its oldest and newest profile's creation times (ms). */
export interface ProfileSpan {
  oldest: number;
  newest: number;
}

/**
 * The width (ms) of the first slice below `top` (the cursor's time, or the newest profile's), or null when
 * slicing would not pay. Matches are assumed spread evenly over the span, which widening corrects when they
 * are not. The whole read fetches every keyword match; a slice fetches the share of them in its range but also
 * puts every profile of that range into the bitmap. Pure, so unit-tested.
 */
export function firstSliceWidth(span: ProfileSpan, top: number, e: SearchEstimates, limit: number): number | null {
  const total = span.newest - span.oldest;
  if (total <= 0 || e.matchingRows <= 0) return null;
  const width = (SLICE_PAGES * (limit + 1) * total) / e.matchingRows + Math.max(0, top - span.newest);
  if (top - width <= span.oldest) return null; // the slice would be all that is left: read it whole
  const slicedCost = (width / total) * (e.walkedRows * INDEX_ENTRY_COST + e.keywordRows);
  return slicedCost <= SLICE_PAY_MARGIN * e.keywordRows ? width : null;
}

/** The span changes slowly: kept a minute per organization (two index probes when read). */
const SPAN_TTL_MS = 60_000;
const spans = new Map<string, { span: ProfileSpan | null; at: number }>();

async function profileSpan(pool: Pool, orgId: string): Promise<ProfileSpan | null> {
  const cached = spans.get(orgId);
  if (cached && Date.now() - cached.at < SPAN_TTL_MS) return cached.span;
  const { rows } = await pool.query<{ oldest: Date | null; newest: Date | null }>(
    `SELECT min("createdAt") AS oldest, max("createdAt") AS newest FROM "Candidate" WHERE "orgId" = $1`, [orgId]);
  const { oldest, newest } = rows[0]!;
  const span = oldest && newest ? { oldest: oldest.getTime(), newest: newest.getTime() } : null;
  spans.set(orgId, { span, at: Date.now() });
  return span;
}

export interface SearchRun<Row> {
  /** Up to `limit + 1` rows of SEARCH_COLUMNS with `sortAt`: one more than the page tells whether there is a next page. */
  rows: Row[];
  plan: SearchPlan;
  /** The statements run, in order: one, or a slice or more and perhaps the whole read. */
  statements: SearchStatement[];
}

/** `choose` is the plan chooser: tests pass a fixed choice to exercise a plan on a small data set. */
export async function runSearch<Row extends { id: string; sortAt: Date }>(
  pool: Pool, orgId: string, query: TCandidateSearchQuery, page: { limit: number; cursor?: SearchCursor },
  choose: typeof chooseSearchPlan = chooseSearchPlan,
): Promise<SearchRun<Row>> {
  const { limit, cursor } = page;
  const { plan, estimates } = await choose(pool, orgId, query, limit);
  const statements: SearchStatement[] = [];
  const run = async (slice?: SearchSlice) => {
    const statement = buildSearchSql(orgId, query, { limit, cursor, plan, slice });
    statements.push(statement);
    return { rows: (await pool.query<Row>(statement.text, statement.values)).rows, plan, statements };
  };
  if (plan !== 'matches-first' || effectiveSort(query) !== 'recent' || !estimates) return run();
  const span = await profileSpan(pool, orgId);
  if (!span) return run();
  const top = cursor ? Date.parse(cursor.sortAt) : span.newest;
  let width = firstSliceWidth(span, top, estimates, limit);
  for (let slices = 0; width !== null && slices < MAX_SLICES && top - width > span.oldest; slices++) {
    const sliced = await run({ from: new Date(top - width).toISOString(), ...(cursor ? { to: cursor.sortAt } : {}) });
    if (sliced.rows.length > limit) return sliced;
    width *= SLICE_WIDENING;
  }
  return run();
}
