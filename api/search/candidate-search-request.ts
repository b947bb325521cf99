// The candidate search request (what the search API and saved searches accept)
// and its keyset cursor. Pure: the SQL builder and the bench import it too.
// Strict objects, so a misspelt or unknown filter is a 400, never silently ignored.
import { z } from 'zod';
import { AppError } from '../errors';

export const MAX_SEARCH_PAGE = 100;

const ZId = z.string().trim().min(1).max(64);
const ZLabel = z.string().trim().min(1).max(100);

const ZQueryFields = z
  .object({
    /** Web-search syntax over names, email, headline, skills and resume text: words, "a phrase", -not, or. */
    q: z.string().trim().max(200).optional(),
    /** All of these skills (stored lower-case, so matched lower-case). */
    skills: z.array(ZLabel.transform((s) => s.toLowerCase())).max(20).optional(),
    minYears: z.number().min(0).max(80).optional(),
    maxYears: z.number().min(0).max(80).optional(),
    location: z
      .object({
        countryCode: z.string().regex(/^[A-Za-z]{2}$/, 'ISO 3166-1 alpha-2 country code').transform((s) => s.toUpperCase()),
        city: ZLabel.optional(),
      })
      .strict()
      .optional(),
    /** All of these tags. */
    tags: z.array(ZLabel).max(20).optional(),
    /** Application filters: one application must match all that are given. */
    jobId: ZId.optional(),
    stageId: ZId.optional(),
    source: ZLabel.optional(),
    status: z.enum(['ACTIVE', 'REJECTED', 'WITHDRAWN', 'HIRED']).optional(),
    /**
     * recent (default): newest first: the newest profiles, or, when a job or stage is given, the newest
     * applications to it. relevance: ts_rank, which must rank every match before the first row (cheap for rare
     * words, slow for common ones at scale; see docs/benchmarks.md). relevance needs keywords; without them it
     * is refused rather than quietly becoming recency.
     */
    sort: z.enum(['relevance', 'recent']).optional(),
  })
  .strict();

function checkQuery(query: z.infer<typeof ZQueryFields>, ctx: z.RefinementCtx) {
  if (query.minYears !== undefined && query.maxYears !== undefined && query.minYears > query.maxYears) {
    ctx.addIssue({ code: 'custom', path: ['maxYears'], message: 'must be at least minYears' });
  }
  if (query.sort === 'relevance' && !query.q) ctx.addIssue({ code: 'custom', path: ['sort'], message: 'relevance needs keywords (q)' });
}

/** The filters and sort of a search: what a saved search stores. */
export const ZCandidateSearchQuery = ZQueryFields.superRefine(checkQuery);
export type TCandidateSearchQuery = z.infer<typeof ZCandidateSearchQuery>;

/** One page of a search: the query plus where to continue. */
export const ZCandidateSearchPage = z
  .object({
    cursor: z.string().max(500).optional(),
    limit: z.number().int().min(1).max(MAX_SEARCH_PAGE).optional(),
  })
  .strict();
export type TCandidateSearchPage = z.infer<typeof ZCandidateSearchPage>;

export const ZCandidateSearchRequest = ZQueryFields.extend(ZCandidateSearchPage.shape).strict().superRefine(checkQuery);
export type TCandidateSearchRequest = z.infer<typeof ZCandidateSearchRequest>;

/**
 * The order of the rows: `relevance` (rank, then newest profile), `recent` (newest profile) or `applied`
 * (newest application to the job or stage filtered on: what "recent" means to someone looking at one job).
 */
export type SearchSort = 'relevance' | 'recent' | 'applied';
export const effectiveSort = (query: Pick<TCandidateSearchQuery, 'q' | 'sort' | 'jobId' | 'stageId'>): SearchSort => {
  if (query.sort === 'relevance' && query.q) return 'relevance';
  return query.jobId || query.stageId ? 'applied' : 'recent';
};

/**
 * Where the next page starts: the last row's sort key. `rank` is the float4
 * ts_rank as PostgreSQL printed it (shortest exact text), so it compares equal
 * when sent back as ::real; `sortAt` is the profile's creation time, or the
 * application's for `applied`; `sort` pins the cursor to the order it came from.
 */
export interface SearchCursor {
  sort: SearchSort;
  rank?: string;
  sortAt: string;
  id: string;
}

const ZCursor = z
  .object({
    s: z.enum(['relevance', 'recent', 'applied']),
    r: z.string().regex(/^-?\d+(\.\d+)?(e-?\d+)?$/i).optional(),
    c: z.iso.datetime(),
    i: z.string().min(1).max(64),
  })
  .strict();

export function encodeCursor(cursor: SearchCursor): string {
  return Buffer.from(JSON.stringify({ s: cursor.sort, r: cursor.rank, c: cursor.sortAt, i: cursor.id })).toString('base64url');
}

export function decodeCursor(text: string, sort: SearchSort, path = 'body.cursor'): SearchCursor {
  const refuse = (message: string) => new AppError('VALIDATION_FAILED', `invalid ${path}: ${message}`, [{ path, message, code: 'invalid_cursor' }]);
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw refuse('not a cursor returned by this search');
  }
  const parsed = ZCursor.safeParse(raw);
  if (!parsed.success) throw refuse('not a cursor returned by this search');
  const { s, r, c, i } = parsed.data;
  if (s !== sort) throw refuse(`cursor is for ${s} order, this search sorts by ${sort}`);
  if (s === 'relevance' && r === undefined) throw refuse('relevance cursor without a rank');
  return { sort: s, rank: r, sortAt: c, id: i };
}
