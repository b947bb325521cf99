// The organization's list of rejection reasons: what a recruiter picks when
// turning an application down (reports group by it). Archived reasons stay on
// old applications but are not offered.
import crypto from 'node:crypto';
import { z } from 'zod';
import { AppError, notFound } from '../../errors';
import type { AuthContext } from '../../auth';
import type { Services } from '../services';
import { withTransaction } from '../../platform/db/transaction';
import { changedFields, recordAudit } from '../audit';

export const ZCreateRejectionReason = z
  .object({ label: z.string().trim().min(1).max(120), category: z.enum(['REJECTED', 'WITHDREW']).default('REJECTED'), position: z.number().int().min(0).max(1000).default(0) })
  .strict();
export const ZUpdateRejectionReason = z
  .object({ label: z.string().trim().min(1).max(120).optional(), position: z.number().int().min(0).max(1000).optional(), isArchived: z.boolean().optional() })
  .strict();

interface ReasonRow { id: string; label: string; category: string; position: number; isArchived: boolean }
const COLUMNS = `id, label, category, position, "isArchived"`;

export async function listRejectionReasons(services: Services, orgId: string, includeArchived: boolean) {
  const { rows } = await services.pool.query<ReasonRow>(
    `SELECT ${COLUMNS} FROM "RejectionReason" WHERE "orgId" = $1 AND ($2 OR NOT "isArchived") ORDER BY position, label`, [orgId, includeArchived],
  );
  return rows;
}

const duplicate = (label: string) => new AppError('CONFLICT', `a rejection reason "${label}" already exists`, [{ path: 'body.label', message: 'already exists' }]);

export function createRejectionReason(services: Services, auth: AuthContext, req: z.infer<typeof ZCreateRejectionReason>) {
  return withTransaction(services.pool, async (client) => {
    const { rows: [row] } = await client.query<ReasonRow>(
      `INSERT INTO "RejectionReason" (id, "orgId", label, category, position) VALUES ($1, $2, $3, $4::"RejectionCategory", $5)
       ON CONFLICT ("orgId", label) DO NOTHING RETURNING ${COLUMNS}`,
      [crypto.randomUUID(), auth.orgId, req.label, req.category, req.position],
    );
    if (!row) throw duplicate(req.label);
    await recordAudit(client, { orgId: auth.orgId, actorType: 'USER', actorId: auth.userId, action: 'rejection_reason.created', entityType: 'RejectionReason', entityId: row.id, after: row });
    return row;
  });
}

export function updateRejectionReason(services: Services, auth: AuthContext, id: string, req: z.infer<typeof ZUpdateRejectionReason>) {
  return withTransaction(services.pool, async (client) => {
    const { rows: [before] } = await client.query<ReasonRow>(`SELECT ${COLUMNS} FROM "RejectionReason" WHERE id = $1 AND "orgId" = $2 FOR UPDATE`, [id, auth.orgId]);
    if (!before) throw notFound('RejectionReason', id);
    if (req.label && req.label !== before.label) {
      const { rows: taken } = await client.query(`SELECT 1 FROM "RejectionReason" WHERE "orgId" = $1 AND label = $2`, [auth.orgId, req.label]);
      if (taken[0]) throw duplicate(req.label);
    }
    const { rows: [after] } = await client.query<ReasonRow>(
      `UPDATE "RejectionReason" SET label = coalesce($2, label), position = coalesce($3, position), "isArchived" = coalesce($4, "isArchived") WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, req.label ?? null, req.position ?? null, req.isArchived ?? null],
    );
    await recordAudit(client, { orgId: auth.orgId, actorType: 'USER', actorId: auth.userId, action: 'rejection_reason.updated', entityType: 'RejectionReason', entityId: id, ...changedFields({ ...before }, { ...after! }) });
    return after!;
  });
}
