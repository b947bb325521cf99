// Reading an offer with its approval chain. Notes are for approvers: the
// recruiting team and the offer's approvers see them; nobody else sees the offer.
import { notFound } from '../../errors';
import type { AuthContext } from '../../auth';
import type { Services } from '../services';
import { OFFER_COLUMNS, type OfferRow } from './save-offer';

const TEAM_ROLES: readonly string[] = ['ADMIN', 'RECRUITER', 'COORDINATOR'];

export async function loadOffer(services: Services, auth: AuthContext, offerId: string) {
  const { rows: [offer] } = await services.pool.query<OfferRow>(`SELECT ${OFFER_COLUMNS} FROM "Offer" WHERE id = $1 AND "orgId" = $2`, [offerId, auth.orgId]);
  if (!offer) throw notFound('Offer', offerId);
  const { rows: approvals } = await services.pool.query<{ approverId: string }>(
    `SELECT oa.round, oa."approverId", u.name AS "approverName", oa.position, oa.decision, oa.comment, oa."taskId", oa."decidedAt"
       FROM "OfferApproval" oa JOIN "User" u ON u.id = oa."approverId" WHERE oa."offerId" = $1 ORDER BY oa.round DESC, oa.position, u.name`,
    [offerId],
  );
  if (!TEAM_ROLES.includes(auth.role) && !approvals.some((a) => a.approverId === auth.userId)) throw notFound('Offer', offerId);
  return { ...offer, approvals };
}
