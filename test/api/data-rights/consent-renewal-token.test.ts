import { signConsentRenewalToken, verifyConsentRenewalToken } from '../../../api/services/data-rights/consent-renewal-token';

const KEY = 'k'.repeat(43);
const now = new Date('2026-03-01T00:00:00Z');
const later = new Date('2026-06-01T00:00:00Z');

describe('consent-renewal tokens', () => {
  test('a genuine token names its candidate until it expires', () => {
    const token = signConsentRenewalToken(KEY, 'cm8candidate01', later);
    expect(verifyConsentRenewalToken(KEY, token, now)).toEqual({ isValid: true, candidateId: 'cm8candidate01', expiresAt: later });
    expect(verifyConsentRenewalToken(KEY, token, new Date(later.getTime() + 1000))).toEqual({ isValid: false, reason: 'expired' });
  });

  test('another candidate, a later expiry, another key or a flipped signature: refused', () => {
    const token = signConsentRenewalToken(KEY, 'cm8candidate01', later);
    const [id, exp, mac] = token.split('.') as [string, string, string];
    expect(verifyConsentRenewalToken(KEY, `cm8candidate02.${exp}.${mac}`, now)).toEqual({ isValid: false, reason: 'bad_signature' });
    expect(verifyConsentRenewalToken(KEY, `${id}.${(parseInt(exp, 36) + 86400).toString(36)}.${mac}`, now)).toEqual({ isValid: false, reason: 'bad_signature' });
    expect(verifyConsentRenewalToken('x'.repeat(43), token, now)).toEqual({ isValid: false, reason: 'bad_signature' });
    const flipped = mac[0] === 'A' ? `B${mac.slice(1)}` : `A${mac.slice(1)}`;
    expect(verifyConsentRenewalToken(KEY, `${id}.${exp}.${flipped}`, now)).toEqual({ isValid: false, reason: 'bad_signature' });
  });

  test('malformed tokens are refused without a signature check', () => {
    for (const bad of ['', 'abc', 'a.b.c', `${'x'.repeat(200)}`, 'cm8candidate01.zz.short', '../etc/passwd.1.AAAAAAAAAAAAAAAAAAAAAA']) {
      expect(verifyConsentRenewalToken(KEY, bad, now)).toEqual({ isValid: false, reason: 'malformed' });
    }
  });

  test('ids that cannot be in a token are not signed', () => {
    expect(() => signConsentRenewalToken(KEY, 'a b', later)).toThrow();
  });
});
