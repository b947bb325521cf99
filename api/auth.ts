// Who is calling: bearer API tokens (only their SHA-256 is stored). Every route
// declares its access; organizations are isolated by the caller's orgId.
import crypto from 'node:crypto';
import type { Request } from 'express';
import type { PrismaClient, Role } from '../generated/prisma/client';
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

export function createAuthenticator(prisma: PrismaClient) {
  return async function authenticate(req: Request, access: Access): Promise<AuthContext> {
    if (access === 'public') return ANONYMOUS;
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new AppError('UNAUTHENTICATED', 'missing bearer token', [{ path: 'headers.authorization', message: 'expected "Bearer <token>"' }]);
    const token = await prisma.apiToken.findUnique({ where: { tokenHash: hashToken(match[1]!) }, include: { user: true } });
    if (!token || token.revokedAt || token.user.deactivated) throw new AppError('UNAUTHENTICATED', 'invalid or revoked token');
    const auth: AuthContext = { isAuthenticated: true, orgId: token.orgId, userId: token.userId, role: token.user.role };
    if (access !== 'authenticated' && !access.includes(auth.role)) {
      throw new AppError('FORBIDDEN', `role ${auth.role} may not do this (allowed: ${access.join(', ')})`);
    }
    return auth;
  };
}
