// Who is calling: bearer API tokens (only their SHA-256 is stored). Every route
// declares its access; organizations are isolated by the caller's orgId.
import crypto from 'node:crypto';
import type { Request } from 'express';
import type { Pool } from 'pg';
import type { Role } from '../generated/prisma/client';
import { AppError } from './errors';
import type { Access } from './route';

export interface AuthContext {
  isAuthenticated: boolean;
  orgId: string;
  userId: string;
  role: Role;
}

const ANONYMOUS: AuthContext = { isAuthenticated: false, orgId: '', userId: '', role: 'INTERVIEWER' };

export const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');
export const newToken = () => `trl_${crypto.randomBytes(24).toString('base64url')}`;

/** A revoked token or a deactivated user stops working within this time. */
const CACHE_MS = 5000;

export function createAuthenticator(pool: Pool) {
  const cache = new Map<string, { auth: AuthContext | null; until: number }>();
  async function lookup(tokenHash: string): Promise<AuthContext | null> {
    const hit = cache.get(tokenHash);
    if (hit && hit.until > Date.now()) return hit.auth;
    const { rows } = await pool.query<{ orgId: string; userId: string; role: Role }>(
      `SELECT t."orgId", t."userId", u.role FROM "ApiToken" t JOIN "User" u ON u.id = t."userId"
        WHERE t."tokenHash" = $1 AND t."revokedAt" IS NULL AND NOT u.deactivated`,
      [tokenHash],
    );
    const row = rows[0];
    const auth = row ? { isAuthenticated: true, orgId: row.orgId, userId: row.userId, role: row.role } : null;
    if (cache.size > 10_000) cache.clear();
    cache.set(tokenHash, { auth, until: Date.now() + CACHE_MS });
    return auth;
  }

  return async function authenticate(req: Request, access: Access): Promise<AuthContext> {
    if (access === 'public') return ANONYMOUS;
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new AppError('UNAUTHENTICATED', 'missing bearer token', [{ path: 'headers.authorization', message: 'expected "Bearer <token>"' }]);
    const auth = await lookup(hashToken(match[1]!));
    if (!auth) throw new AppError('UNAUTHENTICATED', 'invalid or revoked token');
    if (access !== 'authenticated' && !access.includes(auth.role)) {
      throw new AppError('FORBIDDEN', `role ${auth.role} may not do this (allowed: ${access.join(', ')})`);
    }
    return auth;
  };
}
