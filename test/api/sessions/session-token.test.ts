import { clearedSessionCookie, csrfTokenFor, isValidCsrfToken, keyedHash, newSessionToken, sessionCookie, sessionTokenFromCookies } from '../../../api/sessions/session-token';
import { scopeDecision } from '../../../api/sessions/access-scope';

describe('session cookie', () => {
  it('is HttpOnly, SameSite=Lax, and Secure with the __Host- prefix only over https', () => {
    const token = newSessionToken();
    const secure = sessionCookie(token, { isSecure: true, maxAgeSeconds: 3600 });
    expect(secure.split('; ')).toEqual([`__Host-trellis_session=${token}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', 'Max-Age=3600', 'Secure']);
    expect(secure).not.toMatch(/Domain=/i);
    const plain = sessionCookie(token, { isSecure: false, maxAgeSeconds: 60 });
    expect(plain.startsWith(`trellis_session=${token};`)).toBe(true);
    expect(plain).not.toMatch(/Secure/);
    expect(clearedSessionCookie(true)).toMatch(/^__Host-trellis_session=; .*Max-Age=0/);
  });

  it('reads only the cookie this server sets, and only well-formed tokens', () => {
    const token = newSessionToken();
    expect(sessionTokenFromCookies(`a=b; trellis_session=${token}; c=d`, false)).toBe(token);
    // A plain cookie (settable by a sibling subdomain) is ignored when the secure name is in force.
    expect(sessionTokenFromCookies(`trellis_session=${token}`, true)).toBeUndefined();
    expect(sessionTokenFromCookies(`__Host-trellis_session=${token}`, true)).toBe(token);
    expect(sessionTokenFromCookies('trellis_session=short', false)).toBeUndefined();
    expect(sessionTokenFromCookies('trellis_session=' + 'x'.repeat(30) + ';drop', false)).toBe('x'.repeat(30));
    expect(sessionTokenFromCookies(undefined, false)).toBeUndefined();
  });
});

describe('CSRF token', () => {
  it('is bound to the session and its secret', () => {
    const token = csrfTokenFor('ses_1', 'secret-a');
    expect(isValidCsrfToken(token, 'ses_1', 'secret-a')).toBe(true);
    expect(isValidCsrfToken(token, 'ses_2', 'secret-a')).toBe(false);
    expect(isValidCsrfToken(token, 'ses_1', 'secret-b')).toBe(false);
    expect(isValidCsrfToken(undefined, 'ses_1', 'secret-a')).toBe(false);
    expect(isValidCsrfToken(token.slice(1), 'ses_1', 'secret-a')).toBe(false);
  });

  it('keyed hashes hide the value and depend on the key', () => {
    const a = keyedHash('k1', '203.0.113.9');
    expect(a).not.toContain('203');
    expect(a).toBe(keyedHash('k1', '203.0.113.9'));
    expect(a).not.toBe(keyedHash('k2', '203.0.113.9'));
  });
});

describe('scope decision', () => {
  const caller = (role: any) => ({ orgId: 'o1', userId: 'u1', role });
  it('hides other organizations from every role', () => {
    for (const role of ['ADMIN', 'RECRUITER', 'COORDINATOR', 'HIRING_MANAGER', 'INTERVIEWER']) {
      expect(scopeDecision(caller(role), { orgId: 'o2', hm: true, iv: true })).toBe('not-found');
      expect(scopeDecision(caller(role), undefined)).toBe('not-found');
    }
  });
  it('lets org-wide roles in, hiring managers to their jobs, interviewers to their interviews', () => {
    const none = { orgId: 'o1', hm: false, iv: false };
    for (const role of ['ADMIN', 'RECRUITER', 'COORDINATOR']) expect(scopeDecision(caller(role), none)).toBe('allow');
    expect(scopeDecision(caller('HIRING_MANAGER'), none)).toBe('forbidden');
    expect(scopeDecision(caller('HIRING_MANAGER'), { ...none, hm: true })).toBe('allow');
    expect(scopeDecision(caller('INTERVIEWER'), none)).toBe('forbidden');
    expect(scopeDecision(caller('INTERVIEWER'), { ...none, hm: true })).toBe('forbidden');
    expect(scopeDecision(caller('INTERVIEWER'), { ...none, iv: true })).toBe('allow');
  });
  it('keeps interviewers away from offers even on their own candidates', () => {
    expect(scopeDecision(caller('INTERVIEWER'), { orgId: 'o1', hm: true, iv: true }, 'offer')).toBe('forbidden');
    expect(scopeDecision(caller('HIRING_MANAGER'), { orgId: 'o1', hm: true, iv: false }, 'offer')).toBe('allow');
    expect(scopeDecision(caller('INTERVIEWER'), { orgId: 'o2', hm: true, iv: true }, 'offer')).toBe('not-found');
  });
});
