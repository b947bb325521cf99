// A pool's members: add or remove people by id, add everyone a segment or a candidate search finds (one
// INSERT ... SELECT, so a 100,000-person segment joins in one statement), and page through members, most
// recently added first. Every change is audited; adding someone twice changes nothing.
import type { Pool, PoolClient } from 'pg';
import { z } from 'zod';
import type { AuthContext } from '../../auth';
import { AppError, notFound } from '../../errors';
import { withTransaction } from '../../platform/db/transaction';
import { recordAudit } from '../audit';
import { ZCandidateSearchQuery } from '../../search/candidate-search-request';
import { segmentMembersSql } from '../segments/segment-sql';
import { ZSegmentQuery, type TSegmentQuery } from '../segments/segment-query';
import { loadSegmentQuery, searchAsSegmentQuery, assertSegmentReferences } from '../segments/segment-references';
import { decodeTimelineCursor, encodeTimelineCursor } from '../candidates/timeline-cursor';

export const MAX_MEMBER_IDS = 1_000;

export const ZPoolMemberIds = z
  .object({ candidateIds: z.array(z.string().min(1).max(64)).min(1).max(MAX_MEMBER_IDS).refine((ids) => new Set(ids).size === ids.length, 'each candidate once') })
  .strict();

/** Everyone a saved segment, an unsaved segment query or a candidate search (its filters, not its page) finds now. */
export const ZPoolMembersFrom = z.union([
  z.object({ segmentId: z.string().min(1).max(64) }).strict(),
  z.object({ query: ZSegmentQuery }).strict(),
  z.object({ search: ZCandidateSearchQuery }).strict(),
]);

export const ZPoolMembersPage = z
  .object({ cursor: z.string().max(500).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) })
  .strict();

async function lockPool(client: PoolClient, orgId: string, poolId: string) {
  const { rows: [pool] } = await client.query<{ id: string; name: string }>(`SELECT id, name FROM "TalentPool" WHERE id = $1 AND "orgId" = $2 FOR SHARE`, [poolId, orgId]);
  if (!pool) throw notFound('Talent pool', poolId);
  return pool;
}

export async function addPoolMembers(pool: Pool, auth: AuthContext, poolId: string, candidateIds: readonly string[]) {
  return withTransaction(pool, async (client) => {
    await lockPool(client, auth.orgId, poolId);
    const { rows: live } = await client.query<{ id: string }>(
      `SELECT id FROM "Candidate" WHERE id = ANY($1::text[]) AND "orgId" = $2 AND "mergedIntoId" IS NULL AND "anonymizedAt" IS NULL`, [candidateIds, auth.orgId]);
    const found = new Set(live.map((r) => r.id));
    const missing = candidateIds.map((id, i) => ({ id, i })).filter((x) => !found.has(x.id));
    if (missing.length) {
      throw new AppError('NOT_FOUND', `${missing.length} candidate(s) not found`, missing.slice(0, 20).map((x) => ({ path: `body.candidateIds.${x.i}`, message: 'no live candidate with this id (merged or erased records cannot join a pool)' })));
    }
    const { rows: added } = await client.query<{ candidateId: string }>(
      `INSERT INTO "TalentPoolMember" ("poolId", "candidateId", "addedById") SELECT $1, unnest($2::text[]), $3 ON CONFLICT DO NOTHING RETURNING "candidateId"`,
      [poolId, candidateIds, auth.userId],
    );
    if (added.length) await auditMembers(client, auth, poolId, 'talent_pool.members_added', { candidateIds: added.map((r) => r.candidateId) });
    return { added: added.length, alreadyMembers: candidateIds.length - added.length };
  });
}

export async function removePoolMembers(pool: Pool, auth: AuthContext, poolId: string, candidateIds: readonly string[]) {
  return withTransaction(pool, async (client) => {
    await lockPool(client, auth.orgId, poolId);
    const { rows: removed } = await client.query<{ candidateId: string }>(
      `DELETE FROM "TalentPoolMember" WHERE "poolId" = $1 AND "candidateId" = ANY($2::text[]) RETURNING "candidateId"`, [poolId, candidateIds]);
    if (removed.length) await auditMembers(client, auth, poolId, 'talent_pool.members_removed', { candidateIds: removed.map((r) => r.candidateId) });
    return { removed: removed.length, notMembers: candidateIds.length - removed.length };
  });
}

export async function addPoolMembersFrom(pool: Pool, auth: AuthContext, poolId: string, from: z.infer<typeof ZPoolMembersFrom>) {
  let query: TSegmentQuery;
  let origin: Record<string, unknown>;
  if ('segmentId' in from) {
    query = await loadSegmentQuery(pool, auth.orgId, from.segmentId, 'body.segmentId');
    origin = { segmentId: from.segmentId };
  } else if ('query' in from) {
    await assertSegmentReferences(pool, auth.orgId, from.query, 'body.query');
    query = from.query;
    origin = { query: from.query };
  } else {
    query = await searchAsSegmentQuery(pool, auth.orgId, from.search, 'body.search');
    origin = { search: from.search };
  }
  return withTransaction(pool, async (client) => {
    await lockPool(client, auth.orgId, poolId);
    const members = segmentMembersSql(auth.orgId, query, { values: [poolId, auth.userId] });
    const { rows: [counts] } = await client.query<{ matched: number; added: number }>(
      `WITH matched AS (${members.text}),
            added AS (INSERT INTO "TalentPoolMember" ("poolId", "candidateId", "addedById") SELECT $1, id, $2 FROM matched ON CONFLICT DO NOTHING RETURNING 1)
       SELECT (SELECT count(*)::int FROM matched) AS matched, (SELECT count(*)::int FROM added) AS added`,
      members.values,
    );
    if (counts!.added) await auditMembers(client, auth, poolId, 'talent_pool.members_added', { ...origin, count: counts!.added });
    return { matched: counts!.matched, added: counts!.added, alreadyMembers: counts!.matched - counts!.added };
  });
}

function auditMembers(client: PoolClient, auth: AuthContext, poolId: string, action: string, after: Record<string, unknown>) {
  return recordAudit(client, { orgId: auth.orgId, actorType: 'USER', actorId: auth.userId, action, entityType: 'TalentPool', entityId: poolId, after });
}

export async function listPoolMembers(pool: Pool, orgId: string, poolId: string, page: z.infer<typeof ZPoolMembersPage>) {
  const { rowCount } = await pool.query(`SELECT 1 FROM "TalentPool" WHERE id = $1 AND "orgId" = $2`, [poolId, orgId]);
  if (!rowCount) throw notFound('Talent pool', poolId);
  const after = page.cursor ? decodeTimelineCursor(page.cursor, 'query.cursor') : null;
  const { rows } = await pool.query<{ id: string; addedAt: Date } & Record<string, unknown>>(
    `SELECT c.id, c.kind, c."firstName", c."lastName", c.email, c.headline, c.city, c."countryCode", c.tags, c."interestLevel", c."engagementScore",
            c."lastContactedAt", m."addedAt", m."addedById"
       FROM "TalentPoolMember" m JOIN "Candidate" c ON c.id = m."candidateId"
      WHERE m."poolId" = $1 AND c."orgId" = $2 AND c."mergedIntoId" IS NULL AND c."anonymizedAt" IS NULL
        AND ($3::timestamptz IS NULL OR (m."addedAt", m."candidateId") < ($3::timestamptz, $4::text))
      ORDER BY m."addedAt" DESC, m."candidateId" DESC LIMIT $5`,
    [poolId, orgId, after?.occurredAt ?? null, after?.id ?? null, page.limit + 1],
  );
  const members = rows.slice(0, page.limit);
  const last = members[members.length - 1];
  return { members, nextCursor: rows.length > page.limit && last ? encodeTimelineCursor({ occurredAt: last.addedAt.toISOString(), id: last.id }) : null };
}

/** The pools a candidate is in (the profile shows them). */
export async function poolsOfCandidate(pool: Pick<Pool, 'query'>, orgId: string, candidateId: string) {
  const { rows } = await pool.query<{ id: string; name: string; addedAt: Date }>(
    `SELECT p.id, p.name, m."addedAt" FROM "TalentPoolMember" m JOIN "TalentPool" p ON p.id = m."poolId" WHERE m."candidateId" = $1 AND p."orgId" = $2 ORDER BY m."addedAt" DESC`,
    [candidateId, orgId],
  );
  return rows;
}
