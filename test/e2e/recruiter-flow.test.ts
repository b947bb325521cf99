// The recruiter's path through the built UI, against the real system (API + worker on the run's
// Temporal and PostgreSQL, mail to a real SMTP sink): add an applicant, score them from the
// inbox, then read the run and the pipeline. Outcomes are checked where the system records them:
// the application's stage in the database and the messages the SMTP sink received.
import type { Locator, Page } from 'playwright-core';
import { apiClient, createTestOrg, startTestSystem, waitFor, type TestOrg, type TestSystem } from '../support/harness';
import { createHiringJob } from '../support/fixtures';
import { byTestId, assertUiBuilt, openBrowser, withFailureScreenshot, type BrowserSession } from './browser';

const INBOX_RELOAD_AFTER_MS = 3_000;
const TASK_WAIT_MS = 30_000;

let t: TestSystem;
let org: TestOrg;
let recruiter: ReturnType<typeof apiClient>;
let browser: BrowserSession;
let page: Page;

beforeAll(async () => {
  assertUiBuilt();
  t = await startTestSystem();
  org = await createTestOrg(t.prisma);
  recruiter = apiClient(t.url, org.tokens.recruiter);
  browser = await openBrowser({ baseUrl: t.url, apiToken: org.tokens.recruiter });
  page = browser.page;
});
afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

/** The inbox polls every 10 s; reloading when the row is late keeps the test fast. */
async function waitForRow(row: Locator): Promise<void> {
  const deadline = Date.now() + TASK_WAIT_MS;
  for (;;) {
    try {
      return await row.waitFor({ timeout: INBOX_RELOAD_AFTER_MS });
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await page.reload();
    }
  }
}

async function fillRecommendation(form: Locator, value: string): Promise<void> {
  await form.locator(byTestId('feedback-recommendation')).selectOption(value);
}

test('a recruiter adds an applicant, scores them from the inbox, and sees the completed run and the pipeline', async () => {
  const { jobId, pipelineId } = await createHiringJob(recruiter);
  const suffix = Date.now().toString(36);
  const candidate = { firstName: 'Ada', lastName: `Lovelace-${suffix}`, email: `ada.${suffix}@example.com` };

  await withFailureScreenshot(browser, 'jobs', async () => {
    await page.goto('/');
    await page.locator(byTestId('nav-jobs')).click();
    const card = page.locator(byTestId('job-card', { 'job-id': jobId }));
    await card.locator(byTestId('add-applicant-button')).click();
    await card.locator(byTestId('applicant-first-name')).fill(candidate.firstName);
    await card.locator(byTestId('applicant-last-name')).fill(candidate.lastName);
    await card.locator(byTestId('applicant-email')).fill(candidate.email);
    await card.locator(byTestId('applicant-phone')).fill('+1 555 0100');
    await card.locator(byTestId('applicant-submit')).click();
    await page.locator(byTestId('applicant-added')).filter({ hasText: candidate.lastName }).waitFor();
  });

  const taskId = await withFailureScreenshot(browser, 'inbox', async () => {
    await page.locator(byTestId('nav-inbox')).click();
    const row = page.locator(byTestId('task-row', { 'task-kind': 'FEEDBACK' }), { hasText: candidate.lastName });
    await waitForRow(row);
    const id = (await row.getAttribute('data-task-id'))!;
    await row.locator(byTestId('task-feedback-button')).click();
    const form = page.locator(byTestId('feedback-form', { 'task-id': id }));
    await form.locator(byTestId('feedback-score-4')).check();
    await fillRecommendation(form, 'strong_yes');
    await form.locator(byTestId('feedback-notes')).fill('Clear reasoning about distributed systems.');
    await browser.screenshot('inbox');
    await form.locator(byTestId('feedback-submit')).click();
    await page.locator(byTestId('inbox-confirmation')).waitFor();
    return id;
  });

  const application = await waitFor('the application to reach the interview stage', async () => {
    const found = await t.prisma.application.findFirst({ where: { orgId: org.orgId, jobId, candidate: { email: candidate.email } }, include: { stage: true } });
    return found?.stage.key === 'interview' && found;
  });
  expect(application.source).toBe('manual');
  const run = await waitFor('the run to complete', async () => {
    const found = await t.prisma.run.findFirst({ where: { applicationId: application.id } });
    return found?.status === 'COMPLETED' && found;
  });
  expect(await t.prisma.task.findUniqueOrThrow({ where: { id: taskId } })).toMatchObject({ status: 'COMPLETED', completedById: org.userIds.recruiter });
  const mail = t.sink.messages().filter((m) => m.to.includes(candidate.email));
  expect(mail.map((m) => m.subject)).toEqual(['We received your application for Staff Engineer']);

  await withFailureScreenshot(browser, 'run-detail', async () => {
    await page.locator(byTestId('inbox-tab-completed')).click();
    await page.locator(byTestId('task-row', { 'task-id': taskId })).waitFor();
    await page.locator(byTestId('nav-runs')).click();
    await page.locator(byTestId('run-row', { 'run-id': run.id })).click();
    await page.locator(byTestId('run-status', { status: 'COMPLETED' })).waitFor();
    const steps = page.locator(byTestId('run-step'));
    await steps.last().waitFor();
    expect(await steps.evaluateAll((items) => items.map((item) => item.getAttribute('data-node-id')))).toEqual(['applied', 'acknowledge', 'screen', 'decide', 'to_interview', 'done']);
    expect(await page.locator(byTestId('temporal-link')).getAttribute('href')).toContain(`/workflows/${run.workflowId}/`);
    await browser.screenshot('run-detail');
  });

  await withFailureScreenshot(browser, 'pipeline-canvas', async () => {
    await page.locator(byTestId('nav-pipelines')).click();
    await page.locator(byTestId('pipeline-row', { 'pipeline-id': pipelineId })).click();
    const nodes = page.locator(byTestId('pipeline-node'));
    await waitFor('nine nodes on the canvas', async () => (await nodes.count()) === 9);
    await nodes.first().waitFor();
    await browser.screenshot('pipeline-canvas');
  });
  expect(browser.pageErrors).toEqual([]);
});
