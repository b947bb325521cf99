// The builder's live overlay: how many runs of a pipeline are parked at each
// node now, per version, and who they are. Served from the Run rows (the
// workflow keeps currentNodeId right, see activities/touch-run.ts), never by
// asking Temporal, so it stays one indexed GROUP BY at 100k runs.
import { z } from 'zod';
import { AppError, notFound } from '../errors';
import type { Services } from './services';

/** Runs still in the pipeline (started, or about to be), as SQL. */
export const IS_ACTIVE_RUN = `r.status IN ('PENDING', 'RUNNING')`;
export const MAX_COHORT_PAGE = 200;

export const ZParkedRunsQuery = z
  .object({
    nodeId: z.string().min(1).max(200),
    versionId: z.string().min(1).max(100).optional(),
    cursor: z.string().min(1).max(500).optional(),
    limit: z.coerce.number().int().min(1).max(MAX_COHORT_PAGE).default(50),
  })
  .strict();
export type TParkedRunsQuery = z.infer<typeof ZParkedRunsQuery>;

export interface OverlayNode {
  nodeId: string;
  total: number;
  byVersion: { versionId: string; version: number; count: number }[];
}

export interface ParkedRun {
  runId: string;
  workflowId: string;
  status: string;
  candidate: { id: string; name: string; email: string | null };
  versionId: string;
  version: number;
  /** When the run reached the node (its start, for runs recorded before the node's entry time was kept). */
  since: string;
  startedAt: string;
}

/** 404 unless the pipeline (and the version, when given) belongs to the organization. */
export async function assertPipelineVersion(services: Services, orgId: string, pipelineId: string, versionId?: string) {
  const { rows } = await services.pool.query<{ hasVersion: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM "PipelineVersion" WHERE id = $3 AND "pipelineId" = p.id) AS "hasVersion"
       FROM "Pipeline" p WHERE p.id = $1 AND p."orgId" = $2`,
    [pipelineId, orgId, versionId ?? null],
  );
  if (!rows[0]) throw notFound('Pipeline', pipelineId);
  if (versionId !== undefined && !rows[0].hasVersion) {
    throw new AppError('NOT_FOUND', `version ${versionId} is not a version of pipeline ${pipelineId}`, [{ path: 'versionId', message: 'no such version of this pipeline' }]);
  }
}

export async function runOverlay(services: Services, orgId: string, pipelineId: string): Promise<{ total: number; nodes: OverlayNode[] }> {
  await assertPipelineVersion(services, orgId, pipelineId);
  const { rows } = await services.pool.query<{ nodeId: string; versionId: string; version: number; count: number }>(
    `SELECT r."currentNodeId" AS "nodeId", v.id AS "versionId", v.version, count(*)::int AS count
       FROM "PipelineVersion" v
       JOIN "Run" r ON r."pipelineVersionId" = v.id
      WHERE v."pipelineId" = $1 AND v."orgId" = $2 AND ${IS_ACTIVE_RUN} AND r."currentNodeId" IS NOT NULL
      GROUP BY r."currentNodeId", v.id, v.version
      ORDER BY r."currentNodeId", v.version`,
    [pipelineId, orgId],
  );
  const nodes = new Map<string, OverlayNode>();
  for (const row of rows) {
    const node = nodes.get(row.nodeId) ?? { nodeId: row.nodeId, total: 0, byVersion: [] };
    node.total += row.count;
    node.byVersion.push({ versionId: row.versionId, version: row.version, count: row.count });
    nodes.set(row.nodeId, node);
  }
  return { total: rows.reduce((sum, r) => sum + r.count, 0), nodes: [...nodes.values()] };
}

// Keyset pagination over (since, id): stable while runs arrive and leave.
function encodeCursor(since: Date, runId: string): string {
  return Buffer.from(JSON.stringify([since.toISOString(), runId])).toString('base64url');
}

function decodeCursor(cursor: string): { since: Date; runId: string } {
  try {
    const [since, runId] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    const at = new Date(String(since));
    if (typeof runId === 'string' && runId && !Number.isNaN(at.getTime())) return { since: at, runId };
  } catch {
    // fall through to the error below
  }
  throw new AppError('VALIDATION_FAILED', 'invalid query: query.cursor: not a cursor from a previous page', [{ path: 'query.cursor', message: 'not a cursor from a previous page' }]);
}

/** The candidates parked at a node, longest-waiting first. */
export async function listParkedRuns(services: Services, orgId: string, pipelineId: string, query: TParkedRunsQuery): Promise<{ runs: ParkedRun[]; nextCursor: string | null }> {
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  await assertPipelineVersion(services, orgId, pipelineId, query.versionId);
  const { rows } = await services.pool.query<{
    runId: string; workflowId: string; status: string; candidateId: string; firstName: string; lastName: string; email: string | null;
    versionId: string; version: number; since: Date; startedAt: Date;
  }>(
    `SELECT r.id AS "runId", r."workflowId", r.status, c.id AS "candidateId", c."firstName", c."lastName", c.email,
            v.id AS "versionId", v.version, COALESCE(r."nodeEnteredAt", r."startedAt") AS since, r."startedAt"
       FROM "PipelineVersion" v
       JOIN "Run" r ON r."pipelineVersionId" = v.id
       JOIN "Candidate" c ON c.id = r."candidateId"
      WHERE v."pipelineId" = $1 AND v."orgId" = $2 AND ${IS_ACTIVE_RUN} AND r."currentNodeId" = $3
        AND ($4::text IS NULL OR v.id = $4)
        AND ($5::timestamptz IS NULL OR (COALESCE(r."nodeEnteredAt", r."startedAt"), r.id) > ($5::timestamptz, $6::text))
      ORDER BY since, r.id
      LIMIT $7`,
    [pipelineId, orgId, query.nodeId, query.versionId ?? null, after?.since ?? null, after?.runId ?? null, query.limit + 1],
  );
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    runs: page.map((r) => ({
      runId: r.runId, workflowId: r.workflowId, status: r.status,
      candidate: { id: r.candidateId, name: `${r.firstName} ${r.lastName}`.trim(), email: r.email },
      versionId: r.versionId, version: r.version, since: r.since.toISOString(), startedAt: r.startedAt.toISOString(),
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.since, last.runId) : null,
  };
}
