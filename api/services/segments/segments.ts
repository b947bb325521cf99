// Saved segments (a name and a query; members are computed, never stored) and live counts: the count of an
// unsaved query as someone edits it, and a saved segment with its count and a page of members. Counts run
// under a statement timeout, so a pathological query answers 503 instead of holding a connection.
import type { Pool } from 'pg';
import { z } from 'zod';
import type { AuthContext } from '../../auth';
import { AppError, notFound } from '../../errors';
import { withTransaction } from '../../platform/db/transaction';
import { changedFields, recordAudit } from '../audit';
import { ZSegmentQuery, type TSegmentQuery } from './segment-query';
import { segmentCountSql, segmentMembersPageSql, type SegmentStatement } from './segment-sql';
import { assertSegmentReferences, loadSegmentQuery } from './segment-references';
import { decodeTimelineCursor, encodeTimelineCursor } from '../candidates/timeline-cursor';

/** A count or a page slower than this is cut off (503): segments are meant to be live. */
export const SEGMENT_STATEMENT_TIMEOUT_MS = 15_000;
/** Memory of a segment statement's sorts and hashes (counts over a million people hash hundreds of thousands of ids). */
const SEGMENT_WORK_MEM = '32MB';

export const ZSegmentInput = z.object({ name: z.string().trim().min(1).max(100), query: ZSegmentQuery }).strict();
export const ZSegmentPatch = ZSegmentInput.partial().strict().refine((p) => Object.keys(p).length > 0, 'give name or query');
export const ZMembersPage = z.object({ cursor: z.string().max(500).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }).strict();
export const ZUnsavedMembersRequest = z.object({ query: ZSegmentQuery, cursor: z.string().max(500).optional(), limit: z.number().int().min(1).max(200).default(50) }).strict();

export interface SegmentView {
  id: string;
  name: string;
  query: TSegmentQuery;
  createdById: string | null;
  createdAt: Date;
  updatedAt: Date;
}

async function timed<R extends Record<string, unknown>>(pool: Pool, statement: SegmentStatement): Promise<R[]> {
  try {
    return await withTransaction(pool, async (client) => {
      // JIT compiling costs more than it saves for one count; sorts and hashes of large sets stay in memory.
      await client.query(`SET LOCAL statement_timeout = ${SEGMENT_STATEMENT_TIMEOUT_MS}; SET LOCAL jit = off; SET LOCAL work_mem = '${SEGMENT_WORK_MEM}'`);
      return (await client.query<R>(statement.text, statement.values)).rows;
    });
  } catch (err) {
    if ((err as { code?: string }).code === '57014') throw new AppError('UNAVAILABLE', `the segment took longer than ${SEGMENT_STATEMENT_TIMEOUT_MS / 1000} s to evaluate; narrow it down`);
    throw err;
  }
}

export async function countSegmentMembers(pool: Pool, orgId: string, query: TSegmentQuery): Promise<number> {
  const [row] = await timed<{ count: number }>(pool, segmentCountSql(orgId, query));
  return row!.count;
}

export async function segmentMembersPage(pool: Pool, orgId: string, query: TSegmentQuery, page: { cursor?: string; limit: number }, cursorPath: string) {
  const after = page.cursor ? decodeTimelineCursor(page.cursor, cursorPath) : undefined;
  const rows = await timed<{ id: string; createdAt: Date }>(pool, segmentMembersPageSql(orgId, query, { limit: page.limit, after: after && { createdAt: after.occurredAt, id: after.id } }));
  const members = rows.slice(0, page.limit);
  const last = members[members.length - 1];
  return { members, nextCursor: rows.length > page.limit && last ? encodeTimelineCursor({ occurredAt: last.createdAt.toISOString(), id: last.id }) : null };
}

/** An unsaved query's live count (what the editor shows as conditions change). */
export async function countUnsavedSegment(pool: Pool, orgId: string, query: TSegmentQuery) {
  await assertSegmentReferences(pool, orgId, query, 'body.query');
  return { count: await countSegmentMembers(pool, orgId, query) };
}

const SEGMENT_COLUMNS = `id, name, query, "createdById", "createdAt", "updatedAt"`;
const nameTaken = (name: string) => new AppError('CONFLICT', `a segment named "${name}" already exists`, [{ path: 'body.name', message: 'already used by another segment', code: 'duplicate' }]);

export async function getSegment(pool: Pool, orgId: string, id: string): Promise<SegmentView> {
  const { rows: [row] } = await pool.query<SegmentView>(`SELECT ${SEGMENT_COLUMNS} FROM "Segment" WHERE id = $1 AND "orgId" = $2`, [id, orgId]);
  if (!row) throw notFound('Segment', id);
  return { ...row, query: await loadSegmentQuery(pool, orgId, id, 'id') };
}

/** A saved segment with its live count and the first page of members. */
export async function getSegmentWithMembers(pool: Pool, orgId: string, id: string, page: z.infer<typeof ZMembersPage>) {
  const segment = await getSegment(pool, orgId, id);
  const [count, members] = await Promise.all([countSegmentMembers(pool, orgId, segment.query), segmentMembersPage(pool, orgId, segment.query, page, 'query.cursor')]);
  return { ...segment, count, ...members };
}

export async function listSegments(pool: Pool, orgId: string): Promise<SegmentView[]> {
  const { rows } = await pool.query<SegmentView>(`SELECT ${SEGMENT_COLUMNS} FROM "Segment" WHERE "orgId" = $1 ORDER BY lower(name), id LIMIT 500`, [orgId]);
  return rows;
}

export async function createSegment(pool: Pool, auth: AuthContext, input: z.infer<typeof ZSegmentInput>): Promise<SegmentView> {
  await assertSegmentReferences(pool, auth.orgId, input.query, 'body.query');
  const id = await withTransaction(pool, async (client) => {
    const { rows: [row] } = await client.query<{ id: string }>(
      `INSERT INTO "Segment" (id, "orgId", name, query, "createdById", "updatedAt") VALUES (gen_random_uuid()::text, $1, $2, $3::jsonb, $4, now())
       ON CONFLICT ("orgId", name) DO NOTHING RETURNING id`,
      [auth.orgId, input.name, JSON.stringify(input.query), auth.userId],
    );
    if (!row) throw nameTaken(input.name);
    await recordAudit(client, { orgId: auth.orgId, actorType: 'USER', actorId: auth.userId, action: 'segment.created', entityType: 'Segment', entityId: row.id, after: input });
    return row.id;
  });
  return getSegment(pool, auth.orgId, id);
}

export async function updateSegment(pool: Pool, auth: AuthContext, id: string, patch: z.infer<typeof ZSegmentPatch>): Promise<SegmentView> {
  if (patch.query) await assertSegmentReferences(pool, auth.orgId, patch.query, 'body.query');
  await withTransaction(pool, async (client) => {
    const { rows: [before] } = await client.query<{ name: string; query: unknown }>(`SELECT name, query FROM "Segment" WHERE id = $1 AND "orgId" = $2 FOR UPDATE`, [id, auth.orgId]);
    if (!before) throw notFound('Segment', id);
    const after = { name: patch.name ?? before.name, query: patch.query ?? before.query };
    if (after.name !== before.name) {
      const { rowCount } = await client.query(`SELECT 1 FROM "Segment" WHERE "orgId" = $1 AND name = $2 AND id <> $3`, [auth.orgId, after.name, id]);
      if (rowCount) throw nameTaken(after.name);
    }
    await client.query(`UPDATE "Segment" SET name = $2, query = $3::jsonb, "updatedAt" = now() WHERE id = $1`, [id, after.name, JSON.stringify(after.query)]);
    const diff = changedFields(before, after);
    if (Object.keys(diff.after).length) await recordAudit(client, { orgId: auth.orgId, actorType: 'USER', actorId: auth.userId, action: 'segment.updated', entityType: 'Segment', entityId: id, ...diff });
  });
  return getSegment(pool, auth.orgId, id);
}

export async function deleteSegment(pool: Pool, auth: AuthContext, id: string): Promise<void> {
  await withTransaction(pool, async (client) => {
    const { rows: [before] } = await client.query<{ name: string; query: unknown }>(`SELECT name, query FROM "Segment" WHERE id = $1 AND "orgId" = $2 FOR UPDATE`, [id, auth.orgId]);
    if (!before) throw notFound('Segment', id);
    const { rows: campaigns } = await client.query<{ name: string }>(`SELECT name FROM "Campaign" WHERE "segmentId" = $1 LIMIT 10`, [id]);
    if (campaigns.length) {
      throw new AppError('CONFLICT', `the segment is the audience of ${campaigns.map((c) => `campaign "${c.name}"`).join(', ')}`, campaigns.map((c) => ({ path: 'id', message: `audience of campaign ${c.name}`, code: 'in_use' })));
    }
    await client.query(`DELETE FROM "Segment" WHERE id = $1`, [id]);
    await recordAudit(client, { orgId: auth.orgId, actorType: 'USER', actorId: auth.userId, action: 'segment.deleted', entityType: 'Segment', entityId: id, before });
  });
}
