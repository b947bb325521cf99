// Session tokens, CSRF tokens and the session cookie. The cookie carries a
// random token; the database stores only its SHA-256. The CSRF token is an
// HMAC of the session id under the session's own secret: the UI reads it from
// /api/auth/me and sends it as X-CSRF-Token on unsafe requests (a synchronizer
// token a cross-site page cannot read).
import crypto from 'node:crypto';

export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_COOKIE_SECURE = '__Host-trellis_session';
export const SESSION_COOKIE_PLAIN = 'trellis_session';

export const newSessionToken = () => crypto.randomBytes(32).toString('base64url');
export const newCsrfSecret = () => crypto.randomBytes(32).toString('base64url');
export const sha256Hex = (value: string) => crypto.createHash('sha256').update(value).digest('hex');

export function csrfTokenFor(sessionId: string, csrfSecret: string): string {
  return crypto.createHmac('sha256', csrfSecret).update(`csrf:${sessionId}`).digest('base64url');
}

/** Constant-time comparison of equal-length digests (a length mismatch is simply false). */
export function isSameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

export function isValidCsrfToken(sent: string | undefined, sessionId: string, csrfSecret: string): boolean {
  return !!sent && isSameSecret(sent, csrfTokenFor(sessionId, csrfSecret));
}

export const sessionCookieName = (isSecure: boolean) => (isSecure ? SESSION_COOKIE_SECURE : SESSION_COOKIE_PLAIN);

/**
 * Set-Cookie value. HttpOnly (scripts cannot read it), SameSite=Lax (not sent on
 * cross-site POSTs), Path=/; Secure and the __Host- prefix (no Domain, so no
 * sibling subdomain can set or shadow it) when served over https.
 */
export function sessionCookie(token: string, opts: { isSecure: boolean; maxAgeSeconds: number }): string {
  const parts = [`${sessionCookieName(opts.isSecure)}=${token}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${Math.max(0, Math.floor(opts.maxAgeSeconds))}`];
  if (opts.isSecure) parts.push('Secure');
  return parts.join('; ');
}

export const clearedSessionCookie = (isSecure: boolean) => sessionCookie('', { isSecure, maxAgeSeconds: 0 });

/** The session token from a Cookie header; only the name this server would set counts. */
export function sessionTokenFromCookies(header: string | undefined, isSecure: boolean): string | undefined {
  if (!header) return undefined;
  const name = sessionCookieName(isSecure);
  for (const pair of header.split(';')) {
    const at = pair.indexOf('=');
    if (at < 0) continue;
    if (pair.slice(0, at).trim() !== name) continue;
    const value = pair.slice(at + 1).trim();
    return /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : undefined;
  }
  return undefined;
}

/** HMAC of a client address or email for rate-limit buckets and Session.ipHash: never the value itself. */
export function keyedHash(key: string, value: string): string {
  return crypto.createHmac('sha256', key).update(value).digest('base64url').slice(0, 32);
}
