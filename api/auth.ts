// Who is calling: a bearer API token (only its SHA-256 is stored) or a session
// cookie (server-side Session row, see api/sessions/). Cookie-authenticated
// unsafe requests must carry the session's CSRF token; bearer tokens need none,
// since a cross-site page cannot set an Authorization header. Every route
// declares its access; organizations are isolated by the caller's orgId.
import crypto from 'node:crypto';
import type { Request } from 'express';
import type { Pool } from 'pg';
import type { Role } from '../generated/prisma/client';
import { AppError } from './errors';
import type { Access } from './route';
import { findSession, type TSessionPolicy } from './sessions/session-store';
import { CSRF_HEADER, isValidCsrfToken, sessionTokenFromCookies } from './sessions/session-token';

export interface AuthContext {
  isAuthenticated: boolean;
  orgId: string;
  userId: string;
  role: Role;
  /** Set when the caller came with a session cookie (logout revokes it). */
  sessionId?: string;
  csrfSecret?: string;
}

const ANONYMOUS: AuthContext = { isAuthenticated: false, orgId: '', userId: '', role: 'INTERVIEWER' };
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface TAuthOptions extends TSessionPolicy {
  isSecureCookie: boolean;
}

const DEFAULT_AUTH_OPTIONS: TAuthOptions = { isSecureCookie: false, idleMinutes: 120, absoluteHours: 12 };

export const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');
export const newToken = () => `trl_${crypto.randomBytes(24).toString('base64url')}`;

/** A revoked token or a deactivated user stops working within this time. */
const CACHE_MS = 5000;

export function createAuthenticator(pool: Pool, options: TAuthOptions = DEFAULT_AUTH_OPTIONS) {
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

  async function fromSession(req: Request): Promise<AuthContext | null> {
    const token = sessionTokenFromCookies(req.headers.cookie, options.isSecureCookie);
    if (!token) return null;
    const session = await findSession(pool, options, token);
    if (!session) return null;
    if (!SAFE_METHODS.has(req.method)) {
      const sent = req.headers[CSRF_HEADER];
      if (!isValidCsrfToken(Array.isArray(sent) ? sent[0] : sent, session.sessionId, session.csrfSecret)) {
        throw new AppError('FORBIDDEN', 'missing or invalid CSRF token', [{ path: `headers.${CSRF_HEADER}`, message: 'send the csrfToken from GET /api/auth/me' }]);
      }
    }
    return { isAuthenticated: true, orgId: session.orgId, userId: session.userId, role: session.role, sessionId: session.sessionId, csrfSecret: session.csrfSecret };
  }

  async function identify(req: Request): Promise<AuthContext | null> {
    const header = req.headers.authorization;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match) throw new AppError('UNAUTHENTICATED', 'malformed authorization header', [{ path: 'headers.authorization', message: 'expected "Bearer <token>"' }]);
      const auth = await lookup(hashToken(match[1]!));
      if (!auth) throw new AppError('UNAUTHENTICATED', 'invalid or revoked token');
      return auth;
    }
    return fromSession(req);
  }

  return async function authenticate(req: Request, access: Access): Promise<AuthContext> {
    if (access === 'public') return ANONYMOUS;
    const auth = await identify(req);
    if (!auth) throw new AppError('UNAUTHENTICATED', 'sign in or send a bearer token', [{ path: 'headers.authorization', message: 'expected "Bearer <token>" or a session cookie' }]);
    if (access !== 'authenticated' && !access.includes(auth.role)) {
      throw new AppError('FORBIDDEN', `role ${auth.role} may not do this (allowed: ${access.join(', ')})`);
    }
    return auth;
  };
}
