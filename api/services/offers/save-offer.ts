// Writing an offer's details: create one for an active application, change it
// while it is a draft. Each write and its audit row commit together.
import crypto from 'node:crypto';
import type { PoolClient } from 'pg';
import type { z } from 'zod';
import { AppError, notFound } from '../../errors';
import type { AuthContext } from '../../auth';
import type { Services } from '../services';
import { withTransaction } from '../../platform/db/transaction';
import { changedFields, recordAudit } from '../audit';
import type { TCreateOffer, ZUpdateOffer } from './offer-input';

export interface OfferRow {
  id: string; orgId: string; applicationId: string; status: string; salaryAmount: string; currency: string; salaryUnit: string;
  startDate: string | null; equity: string | null; bonus: string | null; notes: string | null; requiredApprovals: number; approvalRound: number;
  submittedAt: Date | null; approvedAt: Date | null; sentAt: Date | null; respondedAt: Date | null; expiresAt: Date | null; createdAt: Date; updatedAt: Date;
}

export const OFFER_COLUMNS = `id, "orgId", "applicationId", status, "salaryAmount"::text AS "salaryAmount", currency, "salaryUnit", to_char("startDate", 'YYYY-MM-DD') AS "startDate",
  equity, bonus, notes, "requiredApprovals", "approvalRound", "submittedAt", "approvedAt", "sentAt", "respondedAt", "expiresAt", "createdAt", "updatedAt"`;

/** Statuses in which an offer is still in play: an application has at most one. */
const LIVE = ['DRAFT', 'PENDING_APPROVAL', 'APPROVED', 'SENT'];

export async function lockOffer(client: PoolClient, orgId: string, offerId: string): Promise<OfferRow> {
  const { rows } = await client.query<OfferRow>(`SELECT ${OFFER_COLUMNS} FROM "Offer" WHERE id = $1 AND "orgId" = $2 FOR UPDATE`, [offerId, orgId]);
  if (!rows[0]) throw notFound('Offer', offerId);
  return rows[0];
}

export const auditedOffer = (o: OfferRow) => ({
  status: o.status, salaryAmount: o.salaryAmount, currency: o.currency, salaryUnit: o.salaryUnit, startDate: o.startDate,
  equity: o.equity, bonus: o.bonus, notes: o.notes, expiresAt: o.expiresAt, requiredApprovals: o.requiredApprovals, approvalRound: o.approvalRound,
});

export function createOffer(services: Services, auth: AuthContext, req: TCreateOffer) {
  return withTransaction(services.pool, async (client) => {
    // Locking the application serializes two recruiters drafting offers at once.
    const { rows: apps } = await client.query<{ status: string }>(`SELECT status FROM "Application" WHERE id = $1 AND "orgId" = $2 FOR UPDATE`, [req.applicationId, auth.orgId]);
    const app = apps[0];
    if (!app) throw new AppError('NOT_FOUND', `Application ${req.applicationId} not found`, [{ path: 'body.applicationId', message: 'no such application' }]);
    if (app.status !== 'ACTIVE') throw new AppError('CONFLICT', `the application is ${app.status.toLowerCase()}`, [{ path: 'body.applicationId', message: `application is ${app.status}` }]);
    const { rows: live } = await client.query(`SELECT id FROM "Offer" WHERE "applicationId" = $1 AND status = ANY($2::"OfferStatus"[])`, [req.applicationId, LIVE]);
    if (live[0]) throw new AppError('CONFLICT', `the application already has offer ${live[0].id} in play`, [{ path: 'body.applicationId', message: 'an offer is already in play' }]);
    const { rows: [offer] } = await client.query<OfferRow>(
      `INSERT INTO "Offer" (id, "orgId", "applicationId", "salaryAmount", currency, "salaryUnit", "startDate", bonus, equity, notes, "expiresAt", "createdById", "updatedAt")
       VALUES ($1, $2, $3, $4, $5, $6::"SalaryUnit", $7::date, $8, $9, $10, $11, $12, now()) RETURNING ${OFFER_COLUMNS}`,
      [crypto.randomUUID(), auth.orgId, req.applicationId, req.salaryAmount, req.currency, req.salaryUnit, req.startDate ?? null, req.bonus ?? null, req.equity ?? null, req.notes ?? null, req.expiresAt ?? null, auth.userId],
    );
    await recordAudit(client, { orgId: auth.orgId, actorType: 'USER', actorId: auth.userId, action: 'offer.created', entityType: 'Offer', entityId: offer!.id, after: auditedOffer(offer!) });
    return offer!;
  });
}

export function updateOffer(services: Services, auth: AuthContext, offerId: string, req: z.infer<typeof ZUpdateOffer>) {
  return withTransaction(services.pool, async (client) => {
    const before = await lockOffer(client, auth.orgId, offerId);
    if (before.status !== 'DRAFT') throw new AppError('CONFLICT', `offer ${offerId} is ${before.status.toLowerCase()}; only a draft can change`, [{ path: 'params.id', message: `offer is ${before.status}` }]);
    const sets: string[] = [];
    const params: unknown[] = [offerId];
    const set = (col: string, v: unknown, cast = '') => sets.push(`"${col}" = $${params.push(v)}${cast}`);
    if (req.salaryAmount !== undefined) set('salaryAmount', req.salaryAmount);
    if (req.currency !== undefined) set('currency', req.currency);
    if (req.salaryUnit !== undefined) set('salaryUnit', req.salaryUnit, '::"SalaryUnit"');
    if (req.startDate !== undefined) set('startDate', req.startDate, '::date');
    if (req.bonus !== undefined) set('bonus', req.bonus);
    if (req.equity !== undefined) set('equity', req.equity);
    if (req.notes !== undefined) set('notes', req.notes);
    if (req.expiresAt !== undefined) set('expiresAt', req.expiresAt);
    if (!sets.length) return before;
    const { rows: [after] } = await client.query<OfferRow>(`UPDATE "Offer" SET ${sets.join(', ')}, "updatedAt" = now() WHERE id = $1 RETURNING ${OFFER_COLUMNS}`, params);
    await recordAudit(client, { orgId: auth.orgId, actorType: 'USER', actorId: auth.userId, action: 'offer.updated', entityType: 'Offer', entityId: offerId, ...changedFields(auditedOffer(before), auditedOffer(after!)) });
    return after!;
  });
}
