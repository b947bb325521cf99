import { createHmac } from 'node:crypto';
import { createSchedulingToken, schedulingTokenError, verifySchedulingToken } from '../../../api/scheduling/scheduling-link';
import { HTTP_STATUS } from '../../../api/errors';

const SECRET = 'k'.repeat(16) + 'scheduling-secret-0123456789';
const OTHER_SECRET = 'another-secret-of-enough-length-0123456789';
const expiresAt = new Date('2026-04-01T12:00:00Z');
const before = Date.parse('2026-04-01T11:59:59Z');
const claims = { interviewRequestId: 'ireq_123', orgId: 'org_acme', expiresAt };
const token = createSchedulingToken(claims, SECRET);

/** A token made by hand from the documented format, with any payload. */
function handMade(body: unknown, secret = SECRET) {
  const payload = Buffer.from(JSON.stringify(body)).toString('base64url');
  return `${payload}.${createHmac('sha256', secret).update(`trellis.scheduling-link.v1.${payload}`).digest('base64url')}`;
}

describe('scheduling links', () => {
  it('accepts its own token until the expiry and returns the claims', () => {
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/); // URL-safe as it is
    expect(verifySchedulingToken(token, SECRET, before, 'org_acme')).toEqual({ isValid: true, claims: { interviewRequestId: 'ireq_123', orgId: 'org_acme', expiresAt: expiresAt.getTime() } });
    expect(token).toBe(handMade({ v: 1, r: 'ireq_123', o: 'org_acme', e: expiresAt.getTime() / 1000 }));
  });

  it('refuses an expired token, from the expiry instant on', () => {
    expect(verifySchedulingToken(token, SECRET, expiresAt, 'org_acme')).toEqual({ isValid: false, reason: 'expired' });
    expect(verifySchedulingToken(token, SECRET, Date.parse('2027-01-01T00:00Z'), 'org_acme')).toEqual({ isValid: false, reason: 'expired' });
  });

  it('refuses a forged token: signed with another secret, or with a made-up signature', () => {
    expect(verifySchedulingToken(createSchedulingToken(claims, OTHER_SECRET), SECRET, before, 'org_acme')).toEqual({ isValid: false, reason: 'bad_signature' });
    expect(verifySchedulingToken(`${token.split('.')[0]}.${'A'.repeat(43)}`, SECRET, before, 'org_acme')).toEqual({ isValid: false, reason: 'bad_signature' });
  });

  it('refuses a tampered token: another request id, a later expiry, or a changed signature character', () => {
    const [payload, signature] = token.split('.') as [string, string];
    const body = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const swap = (changes: object) => `${Buffer.from(JSON.stringify({ ...body, ...changes })).toString('base64url')}.${signature}`;
    expect(verifySchedulingToken(swap({ r: 'ireq_999' }), SECRET, before, 'org_acme')).toEqual({ isValid: false, reason: 'bad_signature' });
    expect(verifySchedulingToken(swap({ e: body.e + 86_400 }), SECRET, expiresAt, 'org_acme')).toEqual({ isValid: false, reason: 'bad_signature' });
    // The last character carries two unused bits: variants decoding to the same bytes are still not the token.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const high = alphabet.indexOf(signature[42]!) & ~3;
    const variants = [0, 1, 2, 3].map((low) => `${signature.slice(0, 42)}${alphabet[high | low]}`).filter((v) => v !== signature);
    expect(variants).toHaveLength(3);
    for (const variant of variants) {
      expect(Buffer.from(variant, 'base64url')).toEqual(Buffer.from(signature, 'base64url'));
      expect(verifySchedulingToken(`${payload}.${variant}`, SECRET, before, 'org_acme')).toEqual({ isValid: false, reason: 'bad_signature' });
    }
    const flipped = `${signature.slice(0, 10)}${signature[10] === 'A' ? 'B' : 'A'}${signature.slice(11)}`;
    expect(verifySchedulingToken(`${payload}.${flipped}`, SECRET, before, 'org_acme')).toEqual({ isValid: false, reason: 'bad_signature' });
  });

  it("refuses another organization's token", () => {
    expect(verifySchedulingToken(token, SECRET, before, 'org_other')).toEqual({ isValid: false, reason: 'wrong_org' });
  });

  it.each([[''], ['not-a-token'], ['a.b'], [`${token}.extra`], [`${token}x`], [`${token.split('.')[0]}.${'A'.repeat(42)}=`], [`${'A'.repeat(1100)}.${'A'.repeat(43)}`], [`${token.replace('.', '.+')}`]])(
    'refuses malformed token %#',
    (bad) => {
      expect(verifySchedulingToken(bad, SECRET, before, 'org_acme')).toEqual({ isValid: false, reason: 'malformed' });
    },
  );

  it('refuses a correctly signed token whose payload is not the expected shape', () => {
    expect(verifySchedulingToken(handMade({ v: 2, r: 'ireq_123', o: 'org_acme', e: 1e10 }), SECRET, before, 'org_acme')).toEqual({ isValid: false, reason: 'malformed' });
    expect(verifySchedulingToken(handMade('just a string'), SECRET, before, 'org_acme')).toEqual({ isValid: false, reason: 'malformed' });
  });

  it('verifies with any of several secrets during rotation, and signs with the first', () => {
    const old = createSchedulingToken(claims, OTHER_SECRET);
    expect(verifySchedulingToken(old, [SECRET, OTHER_SECRET], before, 'org_acme').isValid).toBe(true);
    expect(createSchedulingToken(claims, [SECRET, OTHER_SECRET])).toBe(token);
    expect(verifySchedulingToken(old, [SECRET], before, 'org_acme')).toEqual({ isValid: false, reason: 'bad_signature' });
  });

  it('refuses short secrets and bad claims', () => {
    expect(() => createSchedulingToken(claims, 'short')).toThrow(/at least 32 bytes/);
    expect(() => verifySchedulingToken(token, ['x'.repeat(40), 'short'], before, 'org_acme')).toThrow(/at least 32 bytes/);
    expect(() => createSchedulingToken({ ...claims, orgId: 'has space' }, SECRET)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ path: 'orgId' })] }));
    expect(() => createSchedulingToken({ ...claims, expiresAt: new Date('nope') }, SECRET)).toThrow(expect.objectContaining({ details: [expect.objectContaining({ path: 'expiresAt' })] }));
  });

  it('maps each refusal to a 403 carrying its own reason', () => {
    const errors = (['malformed', 'bad_signature', 'wrong_org', 'expired'] as const).map(schedulingTokenError);
    expect(errors.map((e) => [HTTP_STATUS[e.code], e.details[0]!.code])).toEqual([[403, 'malformed'], [403, 'bad_signature'], [403, 'wrong_org'], [403, 'expired']]);
    expect(errors[3]!.message).toMatch(/expired/);
  });
});
