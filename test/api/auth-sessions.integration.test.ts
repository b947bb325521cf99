// Sign-in with a password against the real API and database: the cookie and
// the Session row it stands for, CSRF refusal, logout, idle and absolute
// expiry, revocation on password change, generic answers and rate limits.
import crypto from 'node:crypto';
import { apiClient, createTestOrg, startTestSystem, type TestOrg, type TestSystem } from '../support/harness';
import { setUserPassword } from '../../api/sessions/set-password';
import { sweepRateLimits } from '../../api/sessions/rate-limit';
import { sha256Hex } from '../../api/sessions/session-token';

let t: TestSystem;
let org: TestOrg;
const PASSWORD = 'a long enough password 1';

beforeAll(async () => {
  // A fresh HMAC key: this file's rate-limit buckets start empty whatever ran before.
  t = await startTestSystem({ parts: { api: true, worker: false }, config: { AUTH_HMAC_KEY: crypto.randomBytes(24).toString('hex') } });
  org = await createTestOrg(t.prisma);
  await setUserPassword(t.system.db.pool, { orgId: org.orgId, userId: org.userIds.recruiter, password: PASSWORD });
});
afterAll(() => t?.stop());

const emailOf = (key: 'admin' | 'recruiter' | 'interviewer') => `${key}@${org.slug}.test`;

interface Raw { status: number; body: any; setCookie: string | null }
async function raw(method: string, path: string, opts: { body?: unknown; cookie?: string; csrf?: string; headers?: Record<string, string> } = {}): Promise<Raw> {
  const res = await fetch(t.url + path, {
    method,
    headers: {
      ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(opts.cookie ? { cookie: opts.cookie } : {}),
      ...(opts.csrf ? { 'x-csrf-token': opts.csrf } : {}),
      ...opts.headers,
    },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, setCookie: res.headers.get('set-cookie') };
}

async function login(email = emailOf('recruiter'), password = PASSWORD) {
  const res = await raw('POST', '/api/auth/login', { body: { email, password } });
  const cookie = res.setCookie?.split(';')[0] ?? '';
  return { ...res, cookie, csrf: res.body?.csrfToken as string };
}

test('login sets a hardened cookie backed by a Session row holding only the token hash', async () => {
  const res = await login();
  expect(res.status).toBe(200);
  expect(res.body.user).toMatchObject({ id: org.userIds.recruiter, role: 'RECRUITER' });
  expect(res.body.user.passwordHash).toBeUndefined();
  expect(res.setCookie).toMatch(/^trellis_session=[A-Za-z0-9_-]{40,}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=43200$/);
  const token = res.cookie.split('=')[1]!;
  const rows = await t.prisma.session.findMany({ where: { userId: org.userIds.recruiter, revokedAt: null } });
  const mine = rows.find((r) => r.tokenHash === sha256Hex(token));
  expect(mine).toBeDefined();
  expect(JSON.stringify(rows)).not.toContain(token);
  expect(mine!.ipHash).toBeTruthy();
  expect(mine!.ipHash).not.toContain('127.0.0.1');
  expect((await t.prisma.user.findUniqueOrThrow({ where: { id: org.userIds.recruiter } })).lastLoginAt).not.toBeNull();

  const me = await raw('GET', '/api/auth/me', { cookie: res.cookie });
  expect(me.status).toBe(200);
  expect(me.body).toMatchObject({ via: 'session', user: { email: emailOf('recruiter') }, org: { id: org.orgId }, csrfToken: res.csrf });
  // The session works on ordinary routes too.
  expect((await raw('GET', '/api/jobs', { cookie: res.cookie })).status).toBe(200);
});

test('wrong password, unknown email and a user without a password get the same generic 401', async () => {
  const answers = [
    await login(emailOf('recruiter'), 'wrong password here'),
    await login(`nobody-${Date.now()}@example.com`, PASSWORD),
    await login(emailOf('admin'), PASSWORD),
  ];
  for (const a of answers) {
    expect(a.status).toBe(401);
    expect(a.body.error.message).toBe('email or password is incorrect');
    expect(a.setCookie).toBeNull();
  }
  expect((await raw('POST', '/api/auth/login', { body: { email: 'not-an-email', password: 'x' } })).body.error.details[0].path).toBe('body.email');
  expect((await raw('POST', '/api/auth/login', { body: { email: emailOf('recruiter'), password: PASSWORD, extra: 1 } })).status).toBe(400);
});

test('cookie-authenticated unsafe requests need the session CSRF token; bearer tokens do not', async () => {
  const s = await login();
  const other = await login();
  const put = (opts: { csrf?: string }) => raw('POST', '/api/auth/logout', { cookie: s.cookie, ...opts });
  expect((await put({})).status).toBe(403);
  expect((await put({ csrf: 'forged' })).body.error.details[0].path).toBe('headers.x-csrf-token');
  // Another session's token does not fit this session.
  expect((await put({ csrf: other.csrf })).status).toBe(403);
  expect((await raw('GET', '/api/auth/me', { cookie: s.cookie })).status).toBe(200);
  // A bearer token needs no CSRF token.
  const bearer = apiClient(t.url, org.tokens.admin);
  expect((await bearer('POST', '/api/auth/logout')).status).toBe(204);

  // Logout with the right token revokes the row and clears the cookie.
  const out = await put({ csrf: s.csrf });
  expect(out.status).toBe(204);
  expect(out.setCookie).toMatch(/^trellis_session=; .*Max-Age=0/);
  expect((await raw('GET', '/api/auth/me', { cookie: s.cookie })).status).toBe(401);
  const row = await t.prisma.session.findUniqueOrThrow({ where: { tokenHash: sha256Hex(s.cookie.split('=')[1]!) } });
  expect(row.revokedAt).not.toBeNull();
  expect((await raw('GET', '/api/auth/me', { cookie: other.cookie })).status).toBe(200);
});

test('sessions end after the idle limit, at the absolute expiry, and when the user is deactivated', async () => {
  const idle = await login();
  const hashOf = (cookie: string) => sha256Hex(cookie.split('=')[1]!);
  await t.prisma.session.update({ where: { tokenHash: hashOf(idle.cookie) }, data: { lastSeenAt: new Date(Date.now() - 121 * 60_000) } });
  expect((await raw('GET', '/api/auth/me', { cookie: idle.cookie })).status).toBe(401);

  const old = await login();
  await t.prisma.session.update({ where: { tokenHash: hashOf(old.cookie) }, data: { expiresAt: new Date(Date.now() - 1000) } });
  expect((await raw('GET', '/api/auth/me', { cookie: old.cookie })).status).toBe(401);

  const recent = await login();
  await t.prisma.session.update({ where: { tokenHash: hashOf(recent.cookie) }, data: { lastSeenAt: new Date(Date.now() - 119 * 60_000) } });
  expect((await raw('GET', '/api/auth/me', { cookie: recent.cookie })).status).toBe(200);
  // Use moves lastSeenAt forward.
  expect((await t.prisma.session.findUniqueOrThrow({ where: { tokenHash: hashOf(recent.cookie) } })).lastSeenAt.getTime()).toBeGreaterThan(Date.now() - 60_000);

  await t.prisma.user.update({ where: { id: org.userIds.recruiter }, data: { deactivated: true } });
  try {
    expect((await raw('GET', '/api/auth/me', { cookie: recent.cookie })).status).toBe(401);
    expect((await login()).status).toBe(401);
  } finally {
    await t.prisma.user.update({ where: { id: org.userIds.recruiter }, data: { deactivated: false } });
  }
});

test('a password change keeps the current session and ends the others; an admin reset ends all', async () => {
  const a = await login();
  const b = await login();
  const weak = await raw('POST', '/api/auth/password', { cookie: a.cookie, csrf: a.csrf, body: { currentPassword: PASSWORD, newPassword: 'short' } });
  expect(weak.status).toBe(400);
  expect(weak.body.error.details[0].path).toBe('body.password');
  expect((await raw('POST', '/api/auth/password', { cookie: a.cookie, csrf: a.csrf, body: { currentPassword: 'not the password', newPassword: 'another long password' } })).status).toBe(403);
  expect((await raw('GET', '/api/auth/me', { cookie: b.cookie })).status).toBe(200);

  const changed = await raw('POST', '/api/auth/password', { cookie: a.cookie, csrf: a.csrf, body: { currentPassword: PASSWORD, newPassword: 'another long password' } });
  expect(changed.status).toBe(204);
  expect((await raw('GET', '/api/auth/me', { cookie: a.cookie })).status).toBe(200);
  expect((await raw('GET', '/api/auth/me', { cookie: b.cookie })).status).toBe(401);
  expect((await login(emailOf('recruiter'), PASSWORD)).status).toBe(401);

  const admin = apiClient(t.url, org.tokens.admin);
  const other = await createTestOrg(t.prisma);
  expect((await admin('PUT', `/api/users/${other.userIds.recruiter}/password`, { password: PASSWORD })).status).toBe(404);
  expect((await apiClient(t.url, org.tokens.recruiter)('PUT', `/api/users/${org.userIds.interviewer}/password`, { password: PASSWORD })).status).toBe(403);
  expect((await admin('PUT', `/api/users/${org.userIds.recruiter}/password`, { password: PASSWORD })).status).toBe(204);
  expect((await raw('GET', '/api/auth/me', { cookie: a.cookie })).status).toBe(401);
  expect((await login()).status).toBe(200);
  const audit = await t.prisma.auditEvent.findMany({ where: { orgId: org.orgId, action: 'user.password_set', entityId: org.userIds.recruiter } });
  expect(audit.map((e) => e.actorId)).toEqual(expect.arrayContaining([org.userIds.recruiter, org.userIds.admin]));
});

test('login is rate-limited per email (429) with counters in the shared table', async () => {
  const email = emailOf('interviewer');
  const statuses: number[] = [];
  for (let i = 0; i < 11; i++) statuses.push((await login(email, `wrong password ${i}`)).status);
  expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
  expect(statuses[10]).toBe(429);
  // Even the right password is refused while the window lasts.
  await setUserPassword(t.system.db.pool, { orgId: org.orgId, userId: org.userIds.interviewer, password: PASSWORD });
  const blocked = await login(email, PASSWORD);
  expect(blocked.status).toBe(429);
  expect(blocked.body.error.code).toBe('RATE_LIMITED');
  const counters = await t.prisma.rateLimitCounter.findMany({ where: { bucket: { startsWith: 'login:email:' } } });
  expect(counters.some((c) => c.count === 10)).toBe(true);
  expect(counters.every((c) => !c.bucket.includes('@'))).toBe(true);
});

test('the sweep deletes only expired counters', async () => {
  const stale = `test:stale:${crypto.randomUUID()}`;
  const live = `test:live:${crypto.randomUUID()}`;
  await t.prisma.rateLimitCounter.create({ data: { bucket: stale, windowStart: new Date(Date.now() - 3600_000), expiresAt: new Date(Date.now() - 1000) } });
  await t.prisma.rateLimitCounter.create({ data: { bucket: live, windowStart: new Date(), expiresAt: new Date(Date.now() + 900_000) } });
  expect(await sweepRateLimits(t.system.db.pool)).toBeGreaterThanOrEqual(1);
  const left = await t.prisma.rateLimitCounter.findMany({ where: { bucket: { in: [stale, live] } } });
  expect(left.map((c) => c.bucket)).toEqual([live]);
});
