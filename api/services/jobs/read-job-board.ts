// The kanban board of one job: its stages in order, how many applications
// each holds (after the board's filters), and the first page of cards per
// stage; later pages of one stage continue from an opaque keyset cursor.
// Hot path, so plain SQL on the pool: one statement for the whole board (a
// LATERAL page per stage on the (jobId, stageId, appliedAt) index) and one for
// a stage's next page. Cards are ordered oldest application first.
import { z } from 'zod';
import type { Pool } from 'pg';
import { AppError } from '../../errors';
import { PANEL_FACTS_SQL, seesOnlyOwnScorecards } from '../interviews/scorecards';

export const BOARD_PAGE_SIZE = 25;

export const ZBoardFilters = z.object({
  /** Words matched against the candidate's name, email and headline. */
  q: z.string().trim().max(200).optional(),
  source: z.string().trim().min(1).max(100).optional(),
  status: z.enum(['all', 'active', 'rejected', 'hired']).default('all'),
  limit: z.coerce.number().int().min(1).max(100).default(BOARD_PAGE_SIZE),
}).strict();
export type TBoardFilters = z.infer<typeof ZBoardFilters>;

export const ZBoardStagePage = ZBoardFilters.extend({ cursor: z.string().min(1).max(400).optional() }).strict();
export type TBoardStagePage = z.infer<typeof ZBoardStagePage>;

interface TCursor { appliedAt: string; id: string }

const encodeCursor = (c: TCursor) => Buffer.from(JSON.stringify({ a: c.appliedAt, i: c.id })).toString('base64url');

function decodeCursor(raw: string): TCursor {
  const invalid = () => new AppError('VALIDATION_FAILED', 'invalid board cursor', [{ path: 'query.cursor', message: 'not a cursor this board issued' }]);
  let value: { a?: unknown; i?: unknown };
  try {
    value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as typeof value;
  } catch {
    throw invalid();
  }
  if (typeof value !== 'object' || value === null) throw invalid();
  const { a, i } = value;
  if (typeof a !== 'string' || Number.isNaN(Date.parse(a)) || typeof i !== 'string' || !i || i.length > 100) throw invalid();
  return { appliedAt: a, id: i };
}

const RECOMMENDATIONS = ['strong_no', 'no', 'yes', 'strong_yes'] as const;

interface TCardRow {
  stage_id: string;
  id: string;
  candidateId: string;
  firstName: string;
  lastName: string;
  headline: string | null;
  source: string | null;
  status: string;
  tags: string[];
  appliedAt: Date;
  enteredStageAt: Date;
  openTaskCount: number;
  scorecardCount: number;
  averageScore: number | null;
  knockoutFailures: string[];
  isPanelist: boolean;
  hasSubmitted: boolean;
}

export type TBoardCard = ReturnType<typeof toCard>;

function toCard(r: TCardRow) {
  const average = r.averageScore === null ? null : Math.round(Number(r.averageScore) * 100) / 100;
  return {
    applicationId: r.id,
    candidateId: r.candidateId,
    candidateName: `${r.firstName} ${r.lastName}`.trim(),
    headline: r.headline,
    source: r.source,
    status: r.status,
    tags: r.tags,
    appliedAt: r.appliedAt.toISOString(),
    enteredStageAt: r.enteredStageAt.toISOString(),
    openTaskCount: r.openTaskCount,
    hasKnockoutFailure: r.knockoutFailures.length > 0,
    // A viewer on the panel who has not written their scorecard yet sees no summary of the others'.
    scorecards: r.scorecardCount === 0 || average === null || seesOnlyOwnScorecards(r) ? null
      : { count: r.scorecardCount, averageScore: average, recommendation: RECOMMENDATIONS[Math.min(3, Math.max(0, Math.round(average) - 1))]! },
  };
}

/** The filter fragment over a (Application) and c (Candidate), with parameters numbered from `next`. */
function filterSql(filters: TBoardFilters, next: number): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (filters.status !== 'all') {
    params.push(filters.status.toUpperCase());
    parts.push(`a.status = $${next + params.length - 1}::"ApplicationStatus"`);
  }
  if (filters.source) {
    params.push(filters.source);
    parts.push(`a.source = $${next + params.length - 1}`);
  }
  for (const word of (filters.q ?? '').split(/\s+/).filter(Boolean).slice(0, 5)) {
    params.push(`%${word.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
    const p = `$${next + params.length - 1}`;
    parts.push(`(c."firstName" ILIKE ${p} OR c."lastName" ILIKE ${p} OR c.email ILIKE ${p} OR c.headline ILIKE ${p})`);
  }
  return { sql: parts.map((p) => ` AND ${p}`).join(''), params };
}

/** `viewer`: the placeholder of the viewer's user id, for the scorecard independence rule. */
const cardColumns = (viewer: string) => `${PANEL_FACTS_SQL('a.id', viewer)}, a.id, a."candidateId", c."firstName", c."lastName", c.headline, a.source, a.status, c.tags, a."appliedAt", a."knockoutFailures",
  COALESCE((SELECT max(st.at) FROM "StageTransition" st WHERE st."applicationId" = a.id AND st."toStageId" = a."stageId"), a."appliedAt") AS "enteredStageAt",
  (SELECT count(*)::int FROM "Task" t WHERE t."applicationId" = a.id AND t.status = 'OPEN') AS "openTaskCount",
  (SELECT count(*)::int FROM "Scorecard" sc WHERE sc."applicationId" = a.id) AS "scorecardCount",
  (SELECT avg(sc.score)::float8 FROM "Scorecard" sc WHERE sc."applicationId" = a.id) AS "averageScore"`;

/** Splits a page fetched with limit + 1 rows into the cards and the cursor of the next page. */
function pageOf(rows: TCardRow[], limit: number) {
  const cards = rows.slice(0, limit);
  const last = cards[cards.length - 1];
  return { cards: cards.map(toCard), nextCursor: rows.length > limit && last ? encodeCursor({ appliedAt: last.appliedAt.toISOString(), id: last.id }) : null };
}

export async function readJobBoard(pool: Pool, orgId: string, viewerId: string, jobId: string, filters: TBoardFilters) {
  const { rows: [job] } = await pool.query<{ id: string; title: string; status: string; department: string | null; pipelineId: string | null; sources: string[] | null }>(
    `SELECT j.id, j.title, j.status, j.department, j."pipelineId",
            (SELECT array_agg(DISTINCT a.source ORDER BY a.source) FROM "Application" a WHERE a."jobId" = j.id AND a.source IS NOT NULL) AS sources
       FROM "Job" j WHERE j.id = $1 AND j."orgId" = $2`,
    [jobId, orgId],
  );
  if (!job) throw new AppError('NOT_FOUND', `Job ${jobId} not found`, [{ path: 'params.id', message: 'no job with this id' }]);
  const filter = filterSql(filters, 3);
  // Counting needs the candidate only for a keyword; without one it stays on the Application index.
  const countFrom = filters.q?.trim() ? `"Application" a JOIN "Candidate" c ON c.id = a."candidateId"` : `"Application" a`;
  // One statement: every stage with its filtered count and its first limit + 1 cards.
  const { rows } = await pool.query<TCardRow & { stage_key: string; stage_name: string; stage_kind: string; stage_position: number; stage_count: number }>(
    `SELECT s.id AS stage_id, s.key AS stage_key, s.name AS stage_name, s.kind AS stage_kind, s.position AS stage_position, n.stage_count, p.*
       FROM "Stage" s
       CROSS JOIN LATERAL (SELECT count(*)::int AS stage_count FROM ${countFrom}
                            WHERE a."jobId" = $1 AND a."stageId" = s.id${filter.sql}) n
       LEFT JOIN LATERAL (SELECT ${cardColumns(`$${3 + filter.params.length}`)} FROM "Application" a JOIN "Candidate" c ON c.id = a."candidateId"
                           WHERE a."jobId" = $1 AND a."stageId" = s.id${filter.sql}
                           ORDER BY a."appliedAt", a.id LIMIT $2) p ON true
      WHERE s."jobId" = $1
      ORDER BY s.position, p."appliedAt", p.id`,
    [jobId, filters.limit + 1, ...filter.params, viewerId],
  );
  const stages = new Map<string, { key: string; name: string; kind: string; position: number; count: number; rows: TCardRow[] }>();
  for (const r of rows) {
    let stage = stages.get(r.stage_id);
    if (!stage) stages.set(r.stage_id, (stage = { key: r.stage_key, name: r.stage_name, kind: r.stage_kind, position: r.stage_position, count: r.stage_count, rows: [] }));
    if (r.id) stage.rows.push(r);
  }
  return {
    job: { id: job.id, title: job.title, status: job.status, department: job.department, pipelineId: job.pipelineId },
    sources: job.sources ?? [],
    stages: [...stages.values()].map(({ rows: stageRows, ...stage }) => ({ ...stage, ...pageOf(stageRows, filters.limit) })),
  };
}

export async function readJobBoardStagePage(pool: Pool, orgId: string, viewerId: string, jobId: string, stageKey: string, page: TBoardStagePage) {
  const cursor = page.cursor ? decodeCursor(page.cursor) : null;
  const { rows: [stage] } = await pool.query<{ id: string }>(
    `SELECT s.id FROM "Stage" s JOIN "Job" j ON j.id = s."jobId" WHERE s."jobId" = $1 AND j."orgId" = $2 AND s.key = $3`,
    [jobId, orgId, stageKey],
  );
  if (!stage) throw new AppError('NOT_FOUND', `the job has no stage "${stageKey}"`, [{ path: 'params.stageKey', message: 'unknown stage key' }]);
  const filter = filterSql(page, cursor ? 6 : 4);
  const viewer = `$${(cursor ? 6 : 4) + filter.params.length}`;
  const { rows } = await pool.query<TCardRow>(
    `SELECT ${cardColumns(viewer)} FROM "Application" a JOIN "Candidate" c ON c.id = a."candidateId"
      WHERE a."jobId" = $1 AND a."stageId" = $2${cursor ? ` AND (a."appliedAt", a.id) > ($4::timestamptz, $5)` : ''}${filter.sql}
      ORDER BY a."appliedAt", a.id LIMIT $3`,
    [jobId, stage.id, page.limit + 1, ...(cursor ? [cursor.appliedAt, cursor.id] : []), ...filter.params, viewerId],
  );
  return pageOf(rows, page.limit);
}
