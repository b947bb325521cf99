// The signed link of a consent-renewal email: `<candidateId>.<expiry>.<mac>`, where the MAC is
// HMAC-SHA256 under LINK_SIGNING_KEY in a context of its own (a token for another purpose, such
// as an unsubscribe link, is never valid here) over the candidate id and the expiry (seconds,
// base 36). It names one candidate by an opaque id and nothing else; a tampered, forged or
// expired token is refused before anything is read from the database. Pure, unit tested.
import { createHmac, timingSafeEqual } from 'node:crypto';

const CONTEXT = 'trellis.consent-renewal.v1:';
const MAC_BYTES = 16;
const ID_SHAPE = /^[A-Za-z0-9_-]{8,64}$/;
const TOKEN_SHAPE = /^([A-Za-z0-9_-]{8,64})\.([0-9a-z]{1,10})\.([A-Za-z0-9_-]{22})$/;

/** How long a renewal link works: past the notice period, so a late click on the email still counts. */
export const RENEWAL_LINK_DAYS = 120;

const macOf = (key: string, payload: string) => createHmac('sha256', key).update(CONTEXT + payload).digest().subarray(0, MAC_BYTES);

export function signConsentRenewalToken(key: string, candidateId: string, expiresAt: Date): string {
  if (!ID_SHAPE.test(candidateId)) throw new Error('cannot sign a consent-renewal token for this id');
  const payload = `${candidateId}.${Math.floor(expiresAt.getTime() / 1000).toString(36)}`;
  return `${payload}.${macOf(key, payload).toString('base64url')}`;
}

export type TRenewalTokenCheck = { isValid: true; candidateId: string; expiresAt: Date } | { isValid: false; reason: 'malformed' | 'bad_signature' | 'expired' };

export function verifyConsentRenewalToken(key: string, token: string, now: Date = new Date()): TRenewalTokenCheck {
  const m = typeof token === 'string' && token.length <= 120 ? TOKEN_SHAPE.exec(token) : null;
  if (!m) return { isValid: false, reason: 'malformed' };
  const [, candidateId, exp, signature] = m as unknown as [string, string, string, string];
  const given = Buffer.from(signature, 'base64url');
  const expected = macOf(key, `${candidateId}.${exp}`);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { isValid: false, reason: 'bad_signature' };
  const expiresAt = new Date(parseInt(exp, 36) * 1000);
  if (expiresAt.getTime() <= now.getTime()) return { isValid: false, reason: 'expired' };
  return { isValid: true, candidateId, expiresAt };
}
