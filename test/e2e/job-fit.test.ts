// The job's Fit view in headless Chromium against the real system: a job naming its skills and place, and
// people with known skills, all set up through the API. From the board's "Fit" tab the applicants show in
// the order of their fit, the top one with the reasons for its points (matched and missing skills apart),
// "load more" brings the rest; the Prospects switch ranks the organization's other people, and "Add to job"
// makes one an applicant (the application the hand-off records). A job naming nothing says what to add in
// the editor. A hiring manager sees the applicants only, no Prospects switch, and the API's 403 when they
// ask for prospects by address.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { TestOrg, TestSystem } from '../support/harness';
import { applicant } from '../support/fixtures';
import { addOrgUser } from '../support/org-users';
import { byTestId, openBrowser, startRecruiterBrowserTest, withFailureScreenshot, type BrowserSession, type RecruiterBrowserTest } from './browser';

let world: RecruiterBrowserTest;
let t: TestSystem;
let org: TestOrg;
let recruiter: RecruiterBrowserTest['recruiter'];
let browser: BrowserSession;
let page: Page;

beforeAll(async () => {
  world = await startRecruiterBrowserTest();
  ({ t, org, recruiter, browser, page } = world);
});
afterAll(() => world?.stop());

type Person = { firstName: string; lastName: string; skills: string[]; city: string; countryCode: string; headline?: string };

/** Applies to the job through the API, then records what the resume would have told: skills, place, headline. */
async function applyWith(jobId: string, { firstName, lastName, ...profile }: Person): Promise<string> {
  const created = await recruiter('POST', '/api/applications', applicant(jobId, {
    candidate: { firstName, lastName, email: `${firstName.toLowerCase()}.${Date.now()}@example.com` },
  }));
  expect(created.status).toBe(201);
  const candidateId = created.body.candidateId as string;
  expect((await recruiter('PATCH', `/api/candidates/${candidateId}`, profile)).status).toBe(200);
  return candidateId;
}

const rows = (p: Page) => p.locator(byTestId('fit-row'));
const rowOf = (p: Page, candidateId: string) => p.locator(byTestId('fit-row', { 'candidate-id': candidateId }));
const shownOrder = (p: Page) => rows(p).evaluateAll((els) => els.map((el) => el.getAttribute('data-candidate-id')));

test('the Fit view ranks applicants with their reasons, pages on, ranks prospects and adds one to the job; a job naming nothing says what to add; a hiring manager sees applicants only', async () => {
  const manager = await addOrgUser(t.prisma, org, 'HIRING_MANAGER', 'hm', 'Hanna Manager');
  // Required: kafka, postgresql, rust (50 points); nice to have: terraform (10); Berlin, on site (15). No years asked.
  const job = await recruiter('POST', '/api/jobs', {
    title: 'Backend Engineer', status: 'OPEN', remotePolicy: 'ONSITE', jobLocations: [{ city: 'Berlin', countryCode: 'DE' }],
    description: 'We build in Rust and Postgres, with Kafka.\n\n## Nice to have\nTerraform',
    members: [{ userId: manager.id, role: 'HIRING_MANAGER' }],
  });
  expect(job.status).toBe(201);
  const jobId = job.body.id as string;
  // Ada: every required skill, Berlin: (50 + 15) / 75. Grace: 2 of 3 required, the nice one, Munich (same
  // country, on site: half): (33.3 + 10 + 7.5) / 75. Linus: 1 of 3, Lisbon: 16.7 / 75.
  const linus = await applyWith(jobId, { firstName: 'Linus', lastName: 'Fit', skills: ['rust'], city: 'Lisbon', countryCode: 'PT' });
  const ada = await applyWith(jobId, { firstName: 'Ada', lastName: 'Fit', skills: ['rust', 'postgresql', 'kafka'], city: 'Berlin', countryCode: 'DE', headline: 'Backend Engineer at Globex' });
  const grace = await applyWith(jobId, { firstName: 'Grace', lastName: 'Fit', skills: ['rust', 'postgresql', 'terraform'], city: 'Munich', countryCode: 'DE' });
  const prospect = await recruiter('POST', '/api/candidates', {
    candidate: { firstName: 'Paula', lastName: 'Prospect', email: `paula.${Date.now()}@example.com`, skills: ['kafka', 'rust'], city: 'Berlin', countryCode: 'DE' },
  });
  expect(prospect.status).toBe(201);
  const paula = prospect.body.candidateId as string;

  const shot = await withFailureScreenshot(browser, 'job-fit-applicants', async () => {
    await page.goto(`/#/jobs/${jobId}`);
    await page.locator(byTestId('job-view-tab', { view: 'fit' })).click();
    await page.locator(byTestId('job-fit-page', { kind: 'applicants' })).waitFor();
    expect(new URL(page.url()).hash).toBe(`#/jobs/${jobId}/fit`);
    await page.locator(byTestId('fit-list', { count: '3' })).waitFor();
    expect(await shownOrder(page)).toEqual([ada, grace, linus]);
    const top = rowOf(page, ada);
    await expect(top.innerText()).resolves.toContain('Backend Engineer at Globex');
    expect(await top.getAttribute('data-score')).toBe('86.7');
    const required = top.locator(byTestId('fit-reason', { key: 'requiredSkills' }));
    await required.waitFor();
    await expect(required.innerText()).resolves.toContain('50 / 50');
    const matched = await required.locator(byTestId('fit-skill', { matched: 'true' })).allInnerTexts();
    expect(matched.map((s) => s.replace(/^\W+/, ''))).toEqual(['kafka', 'postgresql', 'rust']);
    await expect(top.locator(byTestId('fit-reason', { key: 'location' })).innerText()).resolves.toContain('in Berlin, DE, job is in Berlin, DE');
    // Grace misses kafka: shown on the missing side, and the same-country reason for Munich.
    await rowOf(page, grace).locator(`${byTestId('fit-reason', { key: 'requiredSkills' })} ${byTestId('fit-skill', { skill: 'kafka', matched: 'false' })}`).waitFor();
    await expect(page.locator(byTestId('fit-not-scored')).innerText()).resolves.toContain('the job asks no years of experience');
    await expect(rowOf(page, ada).locator(byTestId('fit-candidate-link')).getAttribute('href')).resolves.toBe(`#/candidates/${ada}`);
    expect(await page.locator(byTestId('fit-add-to-job')).count()).toBe(0);
    return browser.screenshot('job-fit');
  });
  fs.copyFileSync(shot, path.resolve(__dirname, '../../docs/screenshots/job-fit.png'));

  await withFailureScreenshot(browser, 'job-fit-load-more', async () => {
    await page.goto(`/#/jobs/${jobId}/fit?limit=2`);
    await page.locator(byTestId('fit-list', { count: '2' })).waitFor();
    expect(await shownOrder(page)).toEqual([ada, grace]);
    await page.locator(byTestId('fit-load-more')).click();
    await page.locator(byTestId('fit-list', { count: '3' })).waitFor();
    expect(await shownOrder(page)).toEqual([ada, grace, linus]);
    expect(await page.locator(byTestId('fit-load-more')).count()).toBe(0);
  });

  await withFailureScreenshot(browser, 'job-fit-prospects', async () => {
    await page.locator(byTestId('fit-kind', { kind: 'prospects' })).click();
    await page.locator(byTestId('job-fit-page', { kind: 'prospects' })).waitFor();
    await page.locator(byTestId('fit-list', { count: '1' })).waitFor();
    const row = rowOf(page, paula);
    expect(await row.getAttribute('data-kind')).toBe('prospect');
    await row.locator(byTestId('fit-add-to-job')).click();
    await page.locator(byTestId('fit-row', { 'candidate-id': paula, kind: 'applicant' })).waitFor();
    expect(await row.locator(byTestId('fit-add-to-job')).count()).toBe(0);
  });
  const handedOff = await t.prisma.application.findFirstOrThrow({ where: { jobId, candidateId: paula } });
  expect([handedOff.orgId, handedOff.source, handedOff.status]).toEqual([org.orgId, 'crm', 'ACTIVE']);

  await withFailureScreenshot(browser, 'job-fit-all', async () => {
    // Paula (2 of 3 required, Berlin: (33.3 + 15) / 75 = 64.4) now ranks among the applicants, after Grace (67.7).
    await page.locator(byTestId('fit-kind', { kind: 'applicants' })).click();
    await page.locator(byTestId('job-fit-page', { kind: 'applicants' })).waitFor();
    await page.locator(byTestId('fit-list', { count: '2' })).waitFor();
    await page.locator(byTestId('fit-load-more')).click();
    await page.locator(byTestId('fit-list', { count: '4' })).waitFor();
    expect(await shownOrder(page)).toEqual([ada, grace, paula, linus]);
  });

  await withFailureScreenshot(browser, 'job-fit-no-requirements', async () => {
    const bare = await recruiter('POST', '/api/jobs', { title: 'Office Manager', status: 'OPEN', description: 'Keep the office running.' });
    expect(bare.status).toBe(201);
    await page.goto(`/#/jobs/${bare.body.id}/fit`);
    const empty = page.locator(byTestId('fit-no-requirements'));
    await empty.waitFor();
    await expect(empty.innerText()).resolves.toContain('5+ years');
    await expect(empty.locator(byTestId('fit-edit-job')).getAttribute('href')).resolves.toBe(`#/jobs/${bare.body.id}/edit`);
  });
  expect(browser.pageErrors).toEqual([]);

  const managerBrowser = await openBrowser({ baseUrl: t.url, apiToken: manager.token });
  try {
    await withFailureScreenshot(managerBrowser, 'job-fit-hiring-manager', async () => {
      const hmPage = managerBrowser.page;
      await hmPage.goto(`/#/jobs/${jobId}/fit`);
      await hmPage.locator(byTestId('job-fit-page', { 'viewer-role': 'HIRING_MANAGER' })).waitFor();
      await hmPage.locator(byTestId('fit-list', { count: '4' })).waitFor();
      expect(await shownOrder(hmPage)).toEqual([ada, grace, paula, linus]);
      expect(await hmPage.locator(byTestId('fit-kind')).evaluateAll((els) => els.map((el) => el.getAttribute('data-kind')))).toEqual(['applicants']);
      // Asked by address, prospects are refused by the API, and the page says why.
      await hmPage.goto(`/#/jobs/${jobId}/fit?kind=prospects`);
      const error = hmPage.locator(byTestId('error-notice'));
      await error.waitFor();
      await expect(error.innerText()).resolves.toContain('403');
      await expect(error.innerText()).resolves.toContain('applicants only');
      expect(await hmPage.locator(byTestId('fit-row')).count()).toBe(0);
    });
    expect(managerBrowser.pageErrors).toEqual([]);
  } finally {
    await managerBrowser.close();
  }
});
