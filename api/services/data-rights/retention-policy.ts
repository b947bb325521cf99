// The organization's retention policy (Organization.settings.retention): candidates with no
// activity and no renewed consent for `months` are anonymized by the daily retention sweep
// (sweep-retention.ts); `renewalNoticeDays` before that they are emailed a link that renews
// their consent with one click. Admins read and change it through GET/PUT /api/org/retention.
import { z } from 'zod';
import type { Pool } from 'pg';
import { AppError } from '../../errors';
import type { AuthContext } from '../../auth';
import { recordAudit } from '../audit';
import { withTransaction } from '../../platform/db/transaction';
import { CONSENT_PURPOSES } from '../setup/consent-texts';

export const DEFAULT_RENEWAL_SUBJECT = 'Shall we keep your profile at {{org.name}}?';
export const DEFAULT_RENEWAL_BODY = `Hi {{candidate.firstName}},

You are in the talent community of {{org.name}}, and we would like to keep you in mind for future roles.
We only keep your profile with your consent: if you would like us to keep it, confirm here:

{{renewUrl}}

If we do not hear from you by {{deadline}}, we will remove your personal data.`;

const AVERAGE_DAYS_PER_MONTH = 30;

export const ZRetentionPolicy = z
  .object({
    isEnabled: z.boolean(),
    /** Months without activity or renewed consent after which a candidate is anonymized. */
    months: z.number().int().min(1).max(240),
    /** Days before that when the consent-renewal email goes out. */
    renewalNoticeDays: z.number().int().min(1).max(365),
    /** Purpose of the consent a renewal grants. */
    purpose: z.enum(CONSENT_PURPOSES).default('talent_pool'),
    /** The renewal email (Handlebars: candidate, org, renewUrl, deadline); defaults to a plain notice. */
    renewalEmail: z
      .object({
        subject: z.string().trim().min(1).max(200),
        body: z.string().trim().min(20).max(10_000).refine((b) => b.includes('{{renewUrl}}'), 'must contain {{renewUrl}}, the link that renews consent'),
      })
      .strict()
      .optional(),
    /** Sent as this user (name and address); default: the organization's sender. */
    senderUserId: z.string().min(1).max(64).optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.renewalNoticeDays >= p.months * AVERAGE_DAYS_PER_MONTH) {
      ctx.addIssue({ code: 'custom', path: ['renewalNoticeDays'], message: `must be shorter than the retention period (${p.months} months)` });
    }
  });
export type TRetentionPolicy = z.infer<typeof ZRetentionPolicy>;

/** The policy of an organization; null when none is set (nothing is swept). */
export async function readRetentionPolicy(db: Pick<Pool, 'query'>, orgId: string): Promise<TRetentionPolicy | null> {
  const { rows: [row] } = await db.query<{ retention: unknown }>(`SELECT settings->'retention' AS retention FROM "Organization" WHERE id = $1`, [orgId]);
  if (!row?.retention) return null;
  const parsed = ZRetentionPolicy.safeParse(row.retention);
  return parsed.success ? parsed.data : null;
}

export async function updateRetentionPolicy(pool: Pool, auth: AuthContext, policy: TRetentionPolicy): Promise<TRetentionPolicy> {
  if (policy.senderUserId) {
    const { rowCount } = await pool.query(`SELECT 1 FROM "User" WHERE id = $1 AND "orgId" = $2 AND NOT deactivated`, [policy.senderUserId, auth.orgId]);
    if (!rowCount) throw new AppError('VALIDATION_FAILED', 'the sender must be an active user of the organization', [{ path: 'body.senderUserId', message: 'no active user with this id' }]);
  }
  return withTransaction(pool, async (client) => {
    const { rows: [before] } = await client.query<{ retention: unknown }>(`SELECT settings->'retention' AS retention FROM "Organization" WHERE id = $1 FOR UPDATE`, [auth.orgId]);
    await client.query(`UPDATE "Organization" SET settings = jsonb_set(settings, '{retention}', $2::jsonb) WHERE id = $1`, [auth.orgId, JSON.stringify(policy)]);
    await recordAudit(client, { orgId: auth.orgId, actorType: 'USER', actorId: auth.userId, action: 'retention_policy.updated', entityType: 'Organization', entityId: auth.orgId, before: before?.retention ?? null, after: policy });
    return policy;
  });
}
