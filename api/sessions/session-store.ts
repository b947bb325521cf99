// Server-side sessions (Session rows). Only the token's SHA-256 is stored; a
// session is valid while not revoked, before its absolute expiry, used within
// the idle limit, and its user is active. lastSeenAt is written at most once a
// minute, so reading a page does not mean a write per request.
import crypto from 'node:crypto';
import type { Pool } from 'pg';
import type { Role } from '../../generated/prisma/client';
import { newCsrfSecret, newSessionToken, sha256Hex } from './session-token';

export interface TSessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

export interface TSessionUser {
  sessionId: string;
  csrfSecret: string;
  userId: string;
  orgId: string;
  role: Role;
}

const TOUCH_EVERY_MS = 60_000;

export async function createSession(pool: Pool, policy: TSessionPolicy, input: { userId: string; userAgent?: string; ipHash?: string }, now = new Date()) {
  const token = newSessionToken();
  const csrfSecret = newCsrfSecret();
  const expiresAt = new Date(now.getTime() + policy.absoluteHours * 3600_000);
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO "Session" (id, "userId", "tokenHash", "csrfSecret", "userAgent", "ipHash", "expiresAt", "lastSeenAt", "createdAt")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id`,
    [`ses_${crypto.randomBytes(16).toString('base64url')}`, input.userId, sha256Hex(token), csrfSecret, input.userAgent?.slice(0, 300) ?? null, input.ipHash ?? null, expiresAt, now],
  );
  return { token, sessionId: rows[0]!.id, csrfSecret, expiresAt };
}

/** The session behind a cookie token, or null when unknown, revoked, expired, idle too long or its user deactivated. */
export async function findSession(pool: Pool, policy: TSessionPolicy, token: string, now = new Date()): Promise<TSessionUser | null> {
  const idleSince = new Date(now.getTime() - policy.idleMinutes * 60_000);
  const { rows } = await pool.query<TSessionUser & { lastSeenAt: Date }>(
    `SELECT s.id AS "sessionId", s."csrfSecret", s."lastSeenAt", u.id AS "userId", u."orgId", u.role
       FROM "Session" s JOIN "User" u ON u.id = s."userId"
      WHERE s."tokenHash" = $1 AND s."revokedAt" IS NULL AND s."expiresAt" > $2 AND s."lastSeenAt" > $3 AND NOT u.deactivated`,
    [sha256Hex(token), now, idleSince],
  );
  const row = rows[0];
  if (!row) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await pool.query(`UPDATE "Session" SET "lastSeenAt" = $2 WHERE id = $1`, [row.sessionId, now]);
  }
  const { lastSeenAt: _seen, ...session } = row;
  return session;
}

export async function revokeSession(pool: Pool, sessionId: string, now = new Date()): Promise<void> {
  await pool.query(`UPDATE "Session" SET "revokedAt" = $2 WHERE id = $1 AND "revokedAt" IS NULL`, [sessionId, now]);
}

/** Every session of a user (password change, deactivation); `exceptSessionId` keeps the caller's own. */
export async function revokeUserSessions(pool: Pick<Pool, 'query'>, userId: string, exceptSessionId?: string, now = new Date()): Promise<number> {
  const { rowCount } = await pool.query(
    `UPDATE "Session" SET "revokedAt" = $2 WHERE "userId" = $1 AND "revokedAt" IS NULL AND id IS DISTINCT FROM $3`,
    [userId, now, exceptSessionId ?? null],
  );
  return rowCount ?? 0;
}
