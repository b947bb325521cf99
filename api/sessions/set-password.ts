// Setting a user's password (admin route, self-service change, the set-password
// CLI and the seed): hash, store, and end every session the old password opened,
// in one transaction.
import crypto from 'node:crypto';
import type { Pool } from 'pg';
import { checkPasswordPolicy, hashPassword } from './password-hash';
import { revokeUserSessions } from './session-store';

/** Returns false when no such user exists in the organization (nothing written). */
export async function setUserPassword(pool: Pool, input: { orgId: string; userId: string; password: string; actorId?: string; keepSessionId?: string }): Promise<boolean> {
  checkPasswordPolicy(input.password);
  const passwordHash = await hashPassword(input.password);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rowCount } = await client.query(`UPDATE "User" SET "passwordHash" = $3 WHERE id = $1 AND "orgId" = $2`, [input.userId, input.orgId, passwordHash]);
    if (!rowCount) {
      await client.query('ROLLBACK');
      return false;
    }
    await client.query(
      `INSERT INTO "AuditEvent" (id, "orgId", "actorType", "actorId", action, "entityType", "entityId", after)
       VALUES ($1, $2, $3, $4, 'user.password_set', 'User', $5, '{}'::jsonb)`,
      [`aud_${crypto.randomUUID()}`, input.orgId, input.actorId ? 'USER' : 'SYSTEM', input.actorId ?? null, input.userId],
    );
    await revokeUserSessions(client, input.userId, input.keepSessionId);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
  return true;
}
