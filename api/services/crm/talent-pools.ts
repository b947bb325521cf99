// Talent pools: named, hand-kept lists of people (a "Silver medalists 2025" pool, an event's attendees).
// Campaigns and segments can aim at a pool; member counts are of live profiles (merged and erased records
// are not people to reach). A pool in use by a campaign, an event or a saved segment cannot be deleted.
import type { Pool } from 'pg';
import { z } from 'zod';
import type { AuthContext } from '../../auth';
import { AppError, notFound } from '../../errors';
import { withTransaction } from '../../platform/db/transaction';
import { changedFields, recordAudit } from '../audit';

export const ZTalentPoolInput = z
  .object({
    name: z.string().trim().min(1).max(100),
    description: z.string().trim().max(2000).nullable().optional(),
  })
  .strict();
export const ZTalentPoolPatch = ZTalentPoolInput.partial().strict().refine((p) => Object.keys(p).length > 0, 'give name or description');

export const ZTalentPoolListQuery = z
  .object({
    /** Name contains (case-insensitive). */
    q: z.string().trim().max(100).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(100),
  })
  .strict();

export interface TalentPoolView {
  id: string;
  name: string;
  description: string | null;
  createdById: string | null;
  createdAt: Date;
  /** Live members (not merged, not erased). */
  memberCount: number;
}

const POOL_COLUMNS = `p.id, p.name, p.description, p."createdById", p."createdAt",
  (SELECT count(*)::int FROM "TalentPoolMember" m JOIN "Candidate" c ON c.id = m."candidateId"
    WHERE m."poolId" = p.id AND c."mergedIntoId" IS NULL AND c."anonymizedAt" IS NULL) AS "memberCount"`;

const nameTaken = (name: string) => new AppError('CONFLICT', `a talent pool named "${name}" already exists`, [{ path: 'body.name', message: 'already used by another pool', code: 'duplicate' }]);

export async function getTalentPool(pool: Pool, orgId: string, id: string): Promise<TalentPoolView> {
  const { rows: [row] } = await pool.query<TalentPoolView>(`SELECT ${POOL_COLUMNS} FROM "TalentPool" p WHERE p.id = $1 AND p."orgId" = $2`, [id, orgId]);
  if (!row) throw notFound('Talent pool', id);
  return row;
}

export async function listTalentPools(pool: Pool, orgId: string, query: z.infer<typeof ZTalentPoolListQuery>): Promise<TalentPoolView[]> {
  const { rows } = await pool.query<TalentPoolView>(
    `SELECT ${POOL_COLUMNS} FROM "TalentPool" p WHERE p."orgId" = $1 AND ($2::text IS NULL OR p.name ILIKE '%' || $2 || '%') ORDER BY lower(p.name), p.id LIMIT $3`,
    [orgId, query.q ? query.q.replace(/[\\%_]/g, (c) => `\\${c}`) : null, query.limit],
  );
  return rows;
}

export async function createTalentPool(pool: Pool, auth: AuthContext, input: z.infer<typeof ZTalentPoolInput>): Promise<TalentPoolView> {
  const id = await withTransaction(pool, async (client) => {
    const { rows: [row] } = await client.query<{ id: string }>(
      `INSERT INTO "TalentPool" (id, "orgId", name, description, "createdById") VALUES (gen_random_uuid()::text, $1, $2, $3, $4)
       ON CONFLICT ("orgId", name) DO NOTHING RETURNING id`,
      [auth.orgId, input.name, input.description ?? null, auth.userId],
    );
    if (!row) throw nameTaken(input.name);
    await recordAudit(client, { orgId: auth.orgId, actorType: 'USER', actorId: auth.userId, action: 'talent_pool.created', entityType: 'TalentPool', entityId: row.id, after: input });
    return row.id;
  });
  return getTalentPool(pool, auth.orgId, id);
}

export async function updateTalentPool(pool: Pool, auth: AuthContext, id: string, patch: z.infer<typeof ZTalentPoolPatch>): Promise<TalentPoolView> {
  await withTransaction(pool, async (client) => {
    const { rows: [before] } = await client.query<{ name: string; description: string | null }>(`SELECT name, description FROM "TalentPool" WHERE id = $1 AND "orgId" = $2 FOR UPDATE`, [id, auth.orgId]);
    if (!before) throw notFound('Talent pool', id);
    const after = { name: patch.name ?? before.name, description: patch.description === undefined ? before.description : patch.description };
    if (after.name !== before.name) {
      const { rowCount } = await client.query(`SELECT 1 FROM "TalentPool" WHERE "orgId" = $1 AND name = $2 AND id <> $3`, [auth.orgId, after.name, id]);
      if (rowCount) throw nameTaken(after.name);
    }
    await client.query(`UPDATE "TalentPool" SET name = $2, description = $3 WHERE id = $1`, [id, after.name, after.description]);
    const diff = changedFields(before, after);
    if (Object.keys(diff.after).length) await recordAudit(client, { orgId: auth.orgId, actorType: 'USER', actorId: auth.userId, action: 'talent_pool.updated', entityType: 'TalentPool', entityId: id, ...diff });
  });
  return getTalentPool(pool, auth.orgId, id);
}

/** What still points at a pool: deleting it would leave them aiming at nothing. */
async function poolUsers(client: Pick<Pool, 'query'>, orgId: string, id: string) {
  const { rows } = await client.query<{ kind: string; name: string }>(
    `SELECT 'campaign' AS kind, name FROM "Campaign" WHERE "orgId" = $1 AND "poolId" = $2
     UNION ALL SELECT 'event', name FROM "RecruitingEvent" WHERE "orgId" = $1 AND "poolId" = $2
     UNION ALL SELECT 'segment', name FROM "Segment" WHERE "orgId" = $1 AND jsonb_path_exists(query, '$.** ? (@.field == "pools").poolIds[*] ? (@ == $id)', jsonb_build_object('id', $2::text))
     LIMIT 10`,
    [orgId, id],
  );
  return rows;
}

export async function deleteTalentPool(pool: Pool, auth: AuthContext, id: string): Promise<void> {
  await withTransaction(pool, async (client) => {
    const { rows: [before] } = await client.query<{ name: string }>(`SELECT name FROM "TalentPool" WHERE id = $1 AND "orgId" = $2 FOR UPDATE`, [id, auth.orgId]);
    if (!before) throw notFound('Talent pool', id);
    const users = await poolUsers(client, auth.orgId, id);
    if (users.length) {
      throw new AppError('CONFLICT', `the pool is used by ${users.map((u) => `${u.kind} "${u.name}"`).join(', ')}`, users.map((u) => ({ path: 'id', message: `used by ${u.kind} ${u.name}`, code: 'in_use' })));
    }
    const { rows: [gone] } = await client.query<{ members: number }>(`WITH gone AS (DELETE FROM "TalentPoolMember" WHERE "poolId" = $1 RETURNING 1) SELECT count(*)::int AS members FROM gone`, [id]);
    await client.query(`DELETE FROM "TalentPool" WHERE id = $1`, [id]);
    await recordAudit(client, { orgId: auth.orgId, actorType: 'USER', actorId: auth.userId, action: 'talent_pool.deleted', entityType: 'TalentPool', entityId: id, before: { name: before.name, members: gone!.members } });
  });
}
