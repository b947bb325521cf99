// The sign-in page in headless Chromium: with no dev session and no stored token the UI asks for
// email and password; a wrong password shows the API's generic message; the right one signs in
// with a session cookie that survives a reload; sign-out (a CSRF-protected POST) revokes the row.
import crypto from 'node:crypto';
import { setUserPassword } from '../../api/sessions/set-password';
import { createTestOrg, startTestSystem, type TestOrg, type TestSystem } from '../support/harness';
import { assertUiBuilt, openBrowser, withFailureScreenshot, type BrowserSession } from './browser';

let t: TestSystem;
let org: TestOrg;
let browser: BrowserSession;
const PASSWORD = 'a long enough password 1';

beforeAll(async () => {
  assertUiBuilt();
  t = await startTestSystem({ parts: { api: true, worker: false }, config: { AUTH_HMAC_KEY: crypto.randomBytes(24).toString('hex') } });
  org = await createTestOrg(t.prisma);
  await setUserPassword(t.system.db.pool, { orgId: org.orgId, userId: org.userIds.recruiter, password: PASSWORD });
  // No stored token: the UI must fall back to its sign-in page.
  browser = await openBrowser({ baseUrl: t.url, apiToken: '' });
});
afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

test('sign in with a password, stay signed in across a reload, sign out', async () => {
  const { page } = browser;
  await withFailureScreenshot(browser, 'login-page', async () => {
    await page.goto('/');
    await page.locator('[data-testid="login-form"]').waitFor();
    await page.locator('[data-testid="login-email"]').fill(`recruiter@${org.slug}.test`);
    await page.locator('[data-testid="login-password"]').fill('not the password');
    await page.locator('[data-testid="login-submit"]').click();
    await expect(page.locator('[data-testid="login-error"]').innerText()).resolves.toBe('email or password is incorrect');
    await browser.screenshot('login-page');

    await page.locator('[data-testid="login-password"]').fill(PASSWORD);
    await page.locator('[data-testid="login-submit"]').click();
    await page.locator('[data-testid="sign-out"]').waitFor();
    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name === 'trellis_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

    await page.reload();
    await page.locator('[data-testid="sign-out"]').waitFor();
    expect(await page.locator('[data-testid="login-form"]').count()).toBe(0);

    await page.locator('[data-testid="sign-out"]').click();
    await page.locator('[data-testid="login-form"]').waitFor();
  });
  const rows = await t.prisma.session.findMany({ where: { userId: org.userIds.recruiter } });
  expect(rows).toHaveLength(1);
  expect(rows[0]!.revokedAt).not.toBeNull();
  expect(browser.pageErrors).toEqual([]);
});
