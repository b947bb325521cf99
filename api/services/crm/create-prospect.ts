// A recruiter adds a person they found (sourced, referred, met at an event): a new prospect, or, when the
// person is already known (same email, phone, or a profile link and the same name), their profile's empty
// fields filled and tags added: duplicates merge instead of multiplying, exactly as in imports.
import type { Pool } from 'pg';
import { z } from 'zod';
import type { AuthContext } from '../../auth';
import { AppError } from '../../errors';
import { withTransaction } from '../../platform/db/transaction';
import { isIdentifiable, toProspect, ZProspectInput } from './prospect';
import { assertPoolOfOrg } from './run-import';
import { upsertProspects } from './upsert-prospects';
import type { Services } from '../services';

export const ZCreateProspectRequest = z
  .object({
    candidate: ZProspectInput,
    /** The person (new or matched) joins this pool. */
    poolId: z.string().min(1).max(64).optional(),
  })
  .strict();
export type TCreateProspectRequest = z.infer<typeof ZCreateProspectRequest>;

/** A referrer is a user of the organization (an employee referral), never a candidate. */
export async function assertReferrer(pool: Pick<Pool, 'query'>, orgId: string, referrerId: string | null | undefined, path: string) {
  if (!referrerId) return;
  const { rowCount } = await pool.query(`SELECT 1 FROM "User" WHERE id = $1 AND "orgId" = $2`, [referrerId, orgId]);
  if (!rowCount) throw new AppError('NOT_FOUND', `user ${referrerId} not found`, [{ path, message: 'no user with this id in your organization' }]);
}

export async function createProspect(services: Services, auth: AuthContext, request: TCreateProspectRequest) {
  const c = request.candidate;
  await assertReferrer(services.pool, auth.orgId, c.referrerId, 'body.candidate.referrerId');
  await assertPoolOfOrg(services, auth.orgId, request.poolId, 'body.poolId');
  const prospect = toProspect({ ...c, country: c.countryCode, source: c.source ?? (c.referrerId ? 'referral' : 'sourced') });
  if (!isIdentifiable(prospect)) {
    throw new AppError('VALIDATION_FAILED', 'the phone number has no country: add +<country code>, a countryCode, an email or a profile link', [{ path: 'body.candidate.phone', message: 'not recognisable without a country code' }]);
  }
  const [result] = await withTransaction(services.pool, (client) =>
    upsertProspects(client, {
      orgId: auth.orgId, actor: { type: 'USER', id: auth.userId }, tags: [], source: prospect.source!, poolId: request.poolId,
      auditActions: { created: 'candidate.created', changed: 'candidate.duplicate_merged' },
    }, [prospect]),
  );
  if (!result || result.outcome === 'failed') throw new AppError('CONFLICT', result?.reason ?? 'not saved', [{ path: 'body.candidate.email', message: result?.reason ?? 'not saved' }]);
  return result;
}
