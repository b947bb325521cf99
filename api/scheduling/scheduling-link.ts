// Signed, expiring tokens for candidate self-scheduling links. The token carries
// the interview request, the organization and the expiry, signed with
// HMAC-SHA256 under a server secret; nothing is stored, so the API must still
// check that the request is open (a booked or withdrawn request ends the link).
// Several secrets may be given for rotation: the first signs, any verifies.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '../errors';

export interface SchedulingClaims {
  interviewRequestId: string;
  orgId: string;
  /** Expiry in ms since the epoch (whole seconds). */
  expiresAt: number;
}

export type SchedulingTokenRefusal = 'malformed' | 'bad_signature' | 'wrong_org' | 'expired';
export type SchedulingTokenCheck = { isValid: true; claims: SchedulingClaims } | { isValid: false; reason: SchedulingTokenRefusal };

/** Binds signatures to this use, so a MAC made with the same secret elsewhere is no token. */
const CONTEXT = 'trellis.scheduling-link.v1.';
export const MIN_SECRET_BYTES = 32;
const MAX_TOKEN_LENGTH = 1024;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/;
const ID_SHAPE = /^[\x21-\x7e]{1,100}$/;

const secretsOf = (secret: string | readonly string[]) => {
  const secrets = typeof secret === 'string' ? [secret] : [...secret];
  if (!secrets.length || secrets.some((s) => Buffer.byteLength(s) < MIN_SECRET_BYTES)) {
    throw new Error(`scheduling link secrets must be at least ${MIN_SECRET_BYTES} bytes`);
  }
  return secrets;
};
const sign = (payload: string, secret: string) => createHmac('sha256', secret).update(CONTEXT + payload).digest('base64url');

export function createSchedulingToken(claims: { interviewRequestId: string; orgId: string; expiresAt: Date | number }, secret: string | readonly string[]): string {
  const [signer] = secretsOf(secret);
  const expiresAt = typeof claims.expiresAt === 'number' ? claims.expiresAt : claims.expiresAt.getTime();
  const details = [
    ...(ID_SHAPE.test(claims.interviewRequestId) ? [] : [{ path: 'interviewRequestId', message: '1-100 printable ASCII characters' }]),
    ...(ID_SHAPE.test(claims.orgId) ? [] : [{ path: 'orgId', message: '1-100 printable ASCII characters' }]),
    ...(Number.isFinite(expiresAt) ? [] : [{ path: 'expiresAt', message: 'not a valid time' }]),
  ];
  if (details.length) throw new AppError('VALIDATION_FAILED', 'invalid scheduling link claims', details);
  const body = { v: 1, r: claims.interviewRequestId, o: claims.orgId, e: Math.floor(expiresAt / 1000) };
  const payload = Buffer.from(JSON.stringify(body)).toString('base64url');
  return `${payload}.${sign(payload, signer!)}`;
}

function readClaims(payload: string): SchedulingClaims | null {
  try {
    const body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (body.v !== 1 || typeof body.r !== 'string' || typeof body.o !== 'string' || !Number.isSafeInteger(body.e)) return null;
    return { interviewRequestId: body.r, orgId: body.o, expiresAt: (body.e as number) * 1000 };
  } catch {
    return null;
  }
}

/**
 * Checks a token for the organization whose page it was opened on. The signature
 * is checked first, in constant time, so nothing about a forged token is read;
 * forged and tampered tokens are indistinguishable by design (both: bad_signature).
 */
export function verifySchedulingToken(token: string, secret: string | readonly string[], now: Date | number, expectedOrgId: string): SchedulingTokenCheck {
  const secrets = secretsOf(secret);
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH || !TOKEN_SHAPE.test(token)) return { isValid: false, reason: 'malformed' };
  const [payload, signature] = token.split('.') as [string, string];
  const given = Buffer.from(signature);
  // Every secret is tried, so timing does not tell which one (if any) matched.
  let isSigned = false;
  for (const s of secrets) isSigned = timingSafeEqual(Buffer.from(sign(payload, s)), given) || isSigned;
  if (!isSigned) return { isValid: false, reason: 'bad_signature' };
  const claims = readClaims(payload);
  if (!claims) return { isValid: false, reason: 'malformed' };
  if (claims.orgId !== expectedOrgId) return { isValid: false, reason: 'wrong_org' };
  if ((typeof now === 'number' ? now : now.getTime()) >= claims.expiresAt) return { isValid: false, reason: 'expired' };
  return { isValid: true, claims };
}

const REFUSALS: Record<SchedulingTokenRefusal, string> = {
  malformed: 'this scheduling link is not valid',
  bad_signature: 'this scheduling link is not valid',
  wrong_org: 'this scheduling link belongs to another organization',
  expired: 'this scheduling link has expired; ask the recruiter for a new one',
};

/** The API's answer to a refused link: 403 with the reason as the detail code. */
export function schedulingTokenError(reason: SchedulingTokenRefusal): AppError {
  return new AppError('FORBIDDEN', REFUSALS[reason], [{ path: 'token', message: REFUSALS[reason], code: reason }]);
}
