// Sign-in with a password, sign-out, who am I, and password changes. Login is
// rate-limited per client address and per email (shared counters of failed
// attempts, so a user's own sign-ins never lock them out; checked before the
// password, so a blocked email learns nothing even with the right one), answers
// the same generic 401 for an unknown email, a wrong password or a deactivated
// user, and costs one argon2id verification either way.
import { z } from 'zod';
import type { Request } from 'express';
import { defineRoute, type RouteContext } from '../route';
import { AppError, notFound } from '../errors';
import type { Services } from '../services/services';
import { PASSWORD_MAX, hashPassword, verifyPassword } from '../sessions/password-hash';
import { enforceRateLimit, hitRateLimit, peekRateLimit, rateLimited, sweepRateLimits, type TRateLimit } from '../sessions/rate-limit';
import { createSession, revokeSession } from '../sessions/session-store';
import { clearedSessionCookie, csrfTokenFor, keyedHash, sessionCookie } from '../sessions/session-token';
import { setUserPassword } from '../sessions/set-password';

export const LOGIN_LIMITS = {
  perIp: { name: 'login:ip', max: 50, windowSeconds: 900 },
  perEmail: { name: 'login:email', max: 10, windowSeconds: 900 },
} satisfies Record<string, TRateLimit>;

const ZEmail = z.string().trim().toLowerCase().email().max(320);

export const ZLoginRequest = z.object({
  email: ZEmail,
  password: z.string().min(1).max(PASSWORD_MAX),
  /** Needed only when the same email has accounts in several organizations. */
  organization: z.string().min(1).max(100).optional(),
}).strict();

const ZChangePassword = z.object({ currentPassword: z.string().min(1).max(PASSWORD_MAX), newPassword: z.string() }).strict();

const clientIp = (req: Request) => req.ip ?? req.socket.remoteAddress ?? 'unknown';
const invalidLogin = () => new AppError('UNAUTHENTICATED', 'email or password is incorrect');

async function profileOf(services: Services, userId: string) {
  const user = await services.prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, name: true, email: true, role: true, timeZone: true, org: { select: { id: true, slug: true, name: true } } },
  });
  const { org, ...rest } = user;
  return { user: rest, org };
}

async function login({ services, body, req, res }: RouteContext<unknown, unknown, z.infer<typeof ZLoginRequest>>) {
  const key = services.config.AUTH_HMAC_KEY;
  // About one login in a hundred clears expired counters (of every limit), so the table stays small without a timer.
  if (Math.random() < 0.01) void sweepRateLimits(services.pool).catch((err) => services.log.warn({ err: (err as Error).message }, 'rate-limit sweep failed'));
  const ipHash = keyedHash(key, clientIp(req));
  const emailHash = keyedHash(key, body.email);
  if ((await peekRateLimit(services.pool, LOGIN_LIMITS.perIp, ipHash)) >= LOGIN_LIMITS.perIp.max) throw rateLimited(LOGIN_LIMITS.perIp);
  if ((await peekRateLimit(services.pool, LOGIN_LIMITS.perEmail, emailHash)) >= LOGIN_LIMITS.perEmail.max) throw rateLimited(LOGIN_LIMITS.perEmail);

  const { rows } = await services.pool.query<{ id: string; passwordHash: string | null; deactivated: boolean; slug: string }>(
    `SELECT u.id, u."passwordHash", u.deactivated, o.slug FROM "User" u JOIN "Organization" o ON o.id = u."orgId"
      WHERE lower(u.email) = $1 AND ($2::text IS NULL OR o.slug = $2) ORDER BY u."createdAt" LIMIT 5`,
    [body.email, body.organization ?? null],
  );
  // Unknown email: verify against a decoy so the answer takes as long as a wrong password.
  let matched: { id: string; needsRehash: boolean } | undefined;
  for (const row of rows.length ? rows : [undefined]) {
    const check = await verifyPassword(row?.passwordHash, body.password);
    if (row && check.isValid && !row.deactivated) {
      matched = { id: row.id, needsRehash: check.needsRehash };
      break;
    }
  }
  if (!matched) {
    await hitRateLimit(services.pool, LOGIN_LIMITS.perIp, ipHash);
    await hitRateLimit(services.pool, LOGIN_LIMITS.perEmail, emailHash);
    throw invalidLogin();
  }

  if (matched.needsRehash) await services.pool.query(`UPDATE "User" SET "passwordHash" = $2 WHERE id = $1`, [matched.id, await hashPassword(body.password)]);
  await services.pool.query(`UPDATE "User" SET "lastLoginAt" = now() WHERE id = $1`, [matched.id]);
  const policy = { idleMinutes: services.config.SESSION_IDLE_MINUTES, absoluteHours: services.config.SESSION_ABSOLUTE_HOURS };
  const session = await createSession(services.pool, policy, { userId: matched.id, userAgent: req.headers['user-agent'], ipHash });
  res.setHeader('Set-Cookie', sessionCookie(session.token, { isSecure: services.config.SESSION_COOKIE_SECURE, maxAgeSeconds: policy.absoluteHours * 3600 }));
  res.setHeader('Cache-Control', 'no-store');
  return { body: { ...(await profileOf(services, matched.id)), csrfToken: csrfTokenFor(session.sessionId, session.csrfSecret), expiresAt: session.expiresAt } };
}

export const authRoutes = [
  defineRoute({
    method: 'post', path: '/api/auth/login', summary: 'Sign in with email and password: sets the session cookie, returns the CSRF token', access: 'public',
    body: ZLoginRequest, bodyLimit: '10kb',
    handler: login,
  }),
  defineRoute({
    method: 'post', path: '/api/auth/logout', summary: 'Sign out: revokes this session and clears its cookie', access: 'authenticated',
    handler: async ({ services, auth, res }) => {
      if (auth.sessionId) await revokeSession(services.pool, auth.sessionId);
      res.setHeader('Set-Cookie', clearedSessionCookie(services.config.SESSION_COOKIE_SECURE));
      return { status: 204 };
    },
  }),
  defineRoute({
    method: 'get', path: '/api/auth/me', summary: 'The signed-in user, their organization and role, and the CSRF token of a cookie session', access: 'authenticated',
    handler: async ({ services, auth, res }) => {
      res.setHeader('Cache-Control', 'no-store');
      return { body: { ...(await profileOf(services, auth.userId)), via: auth.sessionId ? 'session' : 'token', csrfToken: auth.sessionId && auth.csrfSecret ? csrfTokenFor(auth.sessionId, auth.csrfSecret) : null } };
    },
  }),
  defineRoute({
    method: 'post', path: '/api/auth/password', summary: 'Change your own password: ends your other sessions', access: 'authenticated',
    body: ZChangePassword, bodyLimit: '10kb',
    handler: async ({ services, auth, body }) => {
      await enforceRateLimit(services.pool, LOGIN_LIMITS.perEmail, keyedHash(services.config.AUTH_HMAC_KEY, `user:${auth.userId}`));
      const { rows } = await services.pool.query<{ passwordHash: string | null }>(`SELECT "passwordHash" FROM "User" WHERE id = $1`, [auth.userId]);
      if (!(await verifyPassword(rows[0]?.passwordHash, body.currentPassword)).isValid) {
        throw new AppError('FORBIDDEN', 'current password is incorrect', [{ path: 'body.currentPassword', message: 'incorrect' }]);
      }
      await setUserPassword(services.pool, { orgId: auth.orgId, userId: auth.userId, password: body.newPassword, actorId: auth.userId, keepSessionId: auth.sessionId });
      return { status: 204 };
    },
  }),
  defineRoute({
    method: 'put', path: '/api/users/:id/password', summary: "Set a user's password (admins): ends all of that user's sessions", access: ['ADMIN'],
    params: z.object({ id: z.string().min(1).max(100) }).strict(), body: z.object({ password: z.string() }).strict(), bodyLimit: '10kb',
    handler: async ({ services, auth, params, body }) => {
      if (!(await setUserPassword(services.pool, { orgId: auth.orgId, userId: params.id, password: body.password, actorId: auth.userId }))) throw notFound('User', params.id);
      return { status: 204 };
    },
  }),
];
