// The dev mailbox page against a system that runs its embedded SMTP sink (SMTP_URL unset), the
// only setup in which GET /api/dev/mailbox has something to show.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { apiClient, createTestOrg, startTestSystem, type TestOrg, type TestSystem } from '../support/harness';
import { applicant, createHiringJob } from '../support/fixtures';
import { assertUiBuilt, openBrowser, withFailureScreenshot, type BrowserSession } from './browser';

let t: TestSystem;
let org: TestOrg;
let dataDir: string;
let browser: BrowserSession;

beforeAll(async () => {
  assertUiBuilt();
  // The embedded sink keeps mailbox.jsonl in TRELLIS_DATA_DIR: a fresh directory keeps runs apart.
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-e2e-mailbox-'));
  t = await startTestSystem({ config: { SMTP_URL: '', TRELLIS_DATA_DIR: dataDir } });
  org = await createTestOrg(t.prisma);
  browser = await openBrowser({ baseUrl: t.url, apiToken: org.tokens.recruiter });
});
afterAll(async () => {
  await browser?.close();
  await t?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

test('the mailbox page shows the acknowledgement the embedded SMTP sink received', async () => {
  const mailbox = t.system.mailbox;
  if (!mailbox) throw new Error('the system did not start its embedded SMTP sink (is SMTP_URL still set?)');
  const recruiter = apiClient(t.url, org.tokens.recruiter);
  const { jobId } = await createHiringJob(recruiter);
  const body = applicant(jobId);
  expect((await recruiter('POST', '/api/applications', body)).status).toBe(201);
  const [ack] = await mailbox.waitFor((m) => m.to.includes(body.candidate.email));
  expect(ack!.subject).toBe('We received your application for Staff Engineer');
  // The harness's own sink must have stayed empty: mail went through the embedded one.
  expect(t.sink.messages()).toHaveLength(0);

  const { page } = browser;
  await withFailureScreenshot(browser, 'mailbox', async () => {
    await page.goto('/');
    await page.locator('[data-testid="nav-mailbox"]').click();
    const item = page.locator(`[data-testid="mail-item"][data-message-id="${ack!.id}"]`);
    await item.filter({ hasText: ack!.subject }).click();
    const viewer = page.locator(`[data-testid="mail-viewer"][data-message-id="${ack!.id}"]`);
    await expect(viewer.locator('[data-testid="mail-subject"]').innerText()).resolves.toBe(ack!.subject);
    await expect(viewer.locator('[data-testid="mail-to"]').innerText()).resolves.toBe(body.candidate.email);
    await browser.screenshot('mailbox');
  });
  expect(browser.pageErrors).toEqual([]);
});
