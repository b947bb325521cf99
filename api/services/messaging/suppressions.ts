// The organization's suppression list (Suppression): addresses never to be
// emailed, whatever the message. Bounces and complaints add to it on their own;
// admins and recruiters add addresses by hand and admins remove them (a fixed
// mailbox). Erasures add rows without an address that no one can remove by hand:
// the hash keeps blocking the erased person's address until the person applies
// again (data-rights/lift-erasure-suppression.ts). Audit entries carry no address.
import type { Pool } from 'pg';
import { z } from 'zod';
import { AppError, notFound } from '../../errors';
import { withTransaction } from '../../platform/db/transaction';
import { recordAudit } from '../audit';
import { addressHash, normaliseAddress } from './address-hash';

export const SUPPRESSION_REASONS = ['unsubscribed', 'bounced', 'complained', 'erased', 'manual'] as const;

export const ZSuppressionListQuery = z
  .object({
    reason: z.enum(SUPPRESSION_REASONS).optional(),
    /** Exact address (matched by its hash, so erased rows are found too). */
    address: z.string().email().max(320).optional(),
    /** From the previous page's nextCursor. */
    cursor: z.string().regex(/^\d+:[\w-]+$/, 'a cursor from nextCursor').optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

export const ZSuppressionRequest = z.object({ address: z.string().email().max(320), note: z.string().max(500).optional() }).strict();

export interface TSuppressionView {
  id: string;
  address: string | null;
  reason: string;
  candidateId: string | null;
  createdAt: string;
}

export async function listSuppressions(pool: Pool, orgId: string, q: z.infer<typeof ZSuppressionListQuery>) {
  const [ms, id] = q.cursor ? q.cursor.split(':') : [null, null];
  const { rows } = await pool.query<{ id: string; address: string | null; reason: string; candidateId: string | null; createdAt: Date }>(
    `SELECT id, address, reason, "candidateId", "createdAt" FROM "Suppression"
      WHERE "orgId" = $1 AND ($2::text IS NULL OR reason = $2) AND ($3::text IS NULL OR "addressHash" = $3)
        AND ($4::timestamptz IS NULL OR ("createdAt", id) < ($4, $5))
      ORDER BY "createdAt" DESC, id DESC LIMIT $6`,
    [orgId, q.reason ?? null, q.address ? addressHash(orgId, q.address) : null, ms ? new Date(Number(ms)) : null, id, q.limit + 1],
  );
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    suppressions: page.map((r): TSuppressionView => ({ id: r.id, address: r.address, reason: r.reason, candidateId: r.candidateId, createdAt: r.createdAt.toISOString() })),
    nextCursor: rows.length > q.limit && last ? `${last.createdAt.getTime()}:${last.id}` : null,
  };
}

export async function addSuppression(pool: Pool, orgId: string, userId: string, req: z.infer<typeof ZSuppressionRequest>): Promise<{ suppression: TSuppressionView; isNew: boolean }> {
  return withTransaction(pool, async (client) => {
    const hash = addressHash(orgId, req.address);
    const { rows } = await client.query<{ id: string; address: string | null; reason: string; candidateId: string | null; createdAt: Date; isNew: boolean }>(
      `WITH found AS (SELECT id FROM "Candidate" WHERE "orgId" = $1 AND email = $3 AND "mergedIntoId" IS NULL LIMIT 1),
            ins AS (INSERT INTO "Suppression" (id, "orgId", address, "addressHash", "candidateId", reason)
                    VALUES (gen_random_uuid()::text, $1, $3, $2, (SELECT id FROM found), 'manual')
                    ON CONFLICT ("orgId", "addressHash") DO NOTHING RETURNING id, address, reason, "candidateId", "createdAt")
       SELECT *, true AS "isNew" FROM ins
       UNION ALL SELECT id, address, reason, "candidateId", "createdAt", false FROM "Suppression" WHERE "orgId" = $1 AND "addressHash" = $2 AND NOT EXISTS (SELECT 1 FROM ins)`,
      [orgId, hash, normaliseAddress(req.address)],
    );
    const r = rows[0]!;
    if (r.isNew) await recordAudit(client, { orgId, actorType: 'USER', actorId: userId, action: 'suppression.added', entityType: 'Suppression', entityId: r.id, after: { reason: 'manual', note: req.note ?? null } });
    return { suppression: { id: r.id, address: r.address, reason: r.reason, candidateId: r.candidateId, createdAt: r.createdAt.toISOString() }, isNew: r.isNew };
  });
}

export async function removeSuppression(pool: Pool, orgId: string, userId: string, id: string): Promise<void> {
  await withTransaction(pool, async (client) => {
    const { rows } = await client.query<{ reason: string }>(`SELECT reason FROM "Suppression" WHERE id = $1 AND "orgId" = $2 FOR UPDATE`, [id, orgId]);
    if (!rows[0]) throw notFound('Suppression', id);
    if (rows[0].reason === 'erased') throw new AppError('CONFLICT', 'an erased person\'s suppression cannot be removed', [{ path: 'params.id', message: 'reason is erased' }]);
    await client.query(`DELETE FROM "Suppression" WHERE id = $1`, [id]);
    await recordAudit(client, { orgId, actorType: 'USER', actorId: userId, action: 'suppression.removed', entityType: 'Suppression', entityId: id, before: { reason: rows[0].reason } });
  });
}
