// The analytics dashboards in headless Chromium against the real API and PostgreSQL, on a history written
// with fixed dates (applications and their stage transitions): the Hiring dashboard's applications report
// with its totals; a job filter narrows them (and lives in the address); a number opens the people behind
// it, linked to their profiles, and downloads them as CSV; the table exports as CSV; impossible filters are
// refused beside the filter that caused them; an empty period shows an empty chart, not NaN; a hiring
// manager sees their own job's numbers and no CRM dashboard; on the CRM dashboard (another organization, with
// the CRM reports' fixed-date history) a campaign and an event chosen in their pickers narrow the campaign and
// event reports to their own numbers. Also takes docs/screenshots/analytics-dashboard.png.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { createCrmHistory } from '../support/crm-history';
import { apiClient, createTestOrg, startTestSystem, type TestOrg, type TestSystem } from '../support/harness';
import { addOrgUser } from '../support/org-users';
import { parseCsv } from '../support/parse-csv';
import { assertUiBuilt, byTestId, openBrowser, withFailureScreenshot, type BrowserSession } from './browser';

let t: TestSystem;
let org: TestOrg;
let browser: BrowserSession;
let page: Page;
let backendJobId: string;
let hmToken: string;

const KINDS = ['APPLIED', 'INTERVIEW', 'HIRED', 'REJECTED'] as const;
type Kind = (typeof KINDS)[number];
/** name, applied at, source, moves (kind, at). */
type Person = [string, string, string, [Kind, string][]];

async function jobWithHistory(title: string, department: string, people: Person[]): Promise<string> {
  const p = t.prisma;
  const job = await p.job.create({ data: { orgId: org.orgId, title, status: 'OPEN', department } });
  const stages = Object.fromEntries(await Promise.all(KINDS.map(async (kind, position) => [kind, (await p.stage.create({ data: { jobId: job.id, key: kind.toLowerCase(), name: kind, kind, position } })).id])));
  for (const [name, appliedAt, source, moves] of people) {
    const candidate = await p.candidate.create({ data: { orgId: org.orgId, firstName: name, lastName: 'Test', email: `${name.toLowerCase()}.${job.id}@example.com` } });
    const last = moves[moves.length - 1]![0];
    const application = await p.application.create({
      data: { orgId: org.orgId, jobId: job.id, candidateId: candidate.id, stageId: stages[last]!, appliedAt: new Date(appliedAt), source, status: last === 'HIRED' ? 'HIRED' : last === 'REJECTED' ? 'REJECTED' : 'ACTIVE' },
    });
    let from: string | null = null;
    for (const [kind, at] of moves) {
      await p.stageTransition.create({ data: { orgId: org.orgId, applicationId: application.id, fromStageId: from, toStageId: stages[kind]!, actorType: 'SYSTEM', at: new Date(at) } });
      from = stages[kind]!;
    }
  }
  return job.id;
}

/** A steadier stream for the screenshot: a third job, 2 to 5 applicants a month from April to October (23), the first of each month hired a month later (7), the odd ones rejected (10). */
function salesPeople(): Person[] {
  const people: Person[] = [];
  for (let month = 4; month <= 10; month++) {
    const count = 2 + (month % 4);
    for (let i = 0; i < count; i++) {
      const day = String(3 + i * 5).padStart(2, '0');
      const applied = `2026-${String(month).padStart(2, '0')}-${day}T09:00:00Z`;
      const later = `2026-${String(month + 1).padStart(2, '0')}-${day}T09:00:00Z`;
      const moves: [Kind, string][] = [['APPLIED', applied]];
      if (i === 0) moves.push(['INTERVIEW', later.replace('T09', 'T08')], ['HIRED', later]);
      else if (i % 2 === 1) moves.push(['REJECTED', later]);
      people.push([`Sales${month}x${i}`, applied, i % 3 === 0 ? 'referral' : 'careers', moves]);
    }
  }
  return people;
}

beforeAll(async () => {
  assertUiBuilt();
  t = await startTestSystem({ parts: { api: true, worker: false } });
  org = await createTestOrg(t.prisma);
  backendJobId = await jobWithHistory('Backend Engineer', 'Engineering', [
    ['Ada', '2026-01-05T10:00:00Z', 'referral', [['APPLIED', '2026-01-05T10:00:00Z'], ['INTERVIEW', '2026-01-20T10:00:00Z'], ['HIRED', '2026-02-10T10:00:00Z']]],
    ['Grace', '2026-01-25T10:00:00Z', 'careers', [['APPLIED', '2026-01-25T10:00:00Z'], ['REJECTED', '2026-03-02T10:00:00Z']]],
    ['Linus', '2026-02-14T10:00:00Z', 'careers', [['APPLIED', '2026-02-14T10:00:00Z']]],
  ]);
  await jobWithHistory('Product Designer', 'Design', [
    ['Mia', '2026-01-10T10:00:00Z', 'careers', [['APPLIED', '2026-01-10T10:00:00Z'], ['INTERVIEW', '2026-02-01T10:00:00Z']]],
    ['Noor', '2026-03-03T10:00:00Z', 'careers', [['APPLIED', '2026-03-03T10:00:00Z'], ['REJECTED', '2026-03-20T10:00:00Z']]],
  ]);
  await jobWithHistory('Account Executive', 'Sales', salesPeople());
  const hm = await addOrgUser(t.prisma, org, 'HIRING_MANAGER', 'hm', 'Hanna Manager');
  await t.prisma.jobMember.create({ data: { jobId: backendJobId, userId: hm.id, role: 'HIRING_MANAGER' } });
  hmToken = hm.token;
  browser = await openBrowser({ baseUrl: t.url, apiToken: org.tokens.recruiter });
  page = browser.page;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

const card = (report: string) => page.locator(byTestId('report-card', { report }));
/** The applications report's totals row as [applications, hired, rejected], once it shows `expected`. */
async function totalsRead(expected: [number, number, number]): Promise<void> {
  const totals = card('applications').locator(byTestId('report-totals'));
  for (const [column, value] of [['applications', expected[0]], ['hired', expected[1]], ['rejected', expected[2]]] as const) {
    await totals.locator(`td[data-column="${column}"][data-value="${value}"]`).waitFor();
  }
}
const rowCells = async (row: string) => card('applications').locator(`${byTestId('report-row')}[data-row="${row}"] td`).allInnerTexts();
async function download(click: () => Promise<void>): Promise<string> {
  const event = page.waitForEvent('download');
  await click();
  const file = await (await event).path();
  return fs.readFileSync(file!, 'utf8');
}

test('the Hiring dashboard: totals, a job filter, the people behind a number, CSV of both', async () => {
  await withFailureScreenshot(browser, 'analytics-hiring', async () => {
    await page.goto('/#/analytics/hiring?from=2026-01-01&to=2026-04-01');
    await page.locator(byTestId('nav-analytics')).waitFor();
    // Both engineering and design: January 3 (Ada, Mia, Grace), 1 hired (Ada), 1 rejected (Grace); March: Noor rejected.
    await totalsRead([5, 1, 2]);
    expect(await rowCells('2026-01-01')).toEqual(['2026-01-01', '3', '1', '1']);
    expect(await rowCells('2026-03-01')).toEqual(['2026-03-01', '1', '0', '1']);
    await card('applications').locator(byTestId('report-chart', { kind: 'line' })).waitFor();
    expect(await card('applications').locator(byTestId('chart-point')).count()).toBe(9);
    expect(await card('applications').locator(byTestId('chart-point')).first().locator('title').textContent()).toBe('Applications, 2026-01-01: 3');

    // The definition, and a job filter: the numbers narrow to the backend job and the address carries it.
    await card('applications').locator(byTestId('report-definition-toggle')).click();
    await expect(card('applications').locator(byTestId('report-definition-anchor')).innerText()).resolves.toBe('docs/metrics.md#applications');
    // The definition's words and query, as docs/metrics.md writes them.
    await expect(card('applications').locator(byTestId('report-definition-text')).innerText()).resolves.toMatch(/Applications received per period[\s\S]*SELECT date_trunc/);
    await page.locator(`${byTestId('filter-jobs')} summary`).click();
    await page.locator(byTestId('filter-jobs-option', { value: backendJobId })).check();
    await totalsRead([3, 1, 1]);
    expect(await rowCells('2026-01-01')).toEqual(['2026-01-01', '2', '1', '1']);
    expect(new URL(page.url()).hash).toBe(`#/analytics/hiring?from=2026-01-01&to=2026-04-01&jobIds=${backendJobId}`);
    await page.locator(`${byTestId('filter-jobs')} summary`).click();

    // The 2 applications of January: Ada and Grace, by applied date, each linked to their profile.
    await card('applications').locator(byTestId('drill-button', { row: '2026-01-01', column: 'applications' })).click();
    const drill = card('applications').locator(byTestId('drill-panel', { row: '2026-01-01', column: 'applications' }));
    await drill.locator(byTestId('drill-row')).nth(1).waitFor();
    expect(await drill.locator(byTestId('drill-candidate')).allInnerTexts()).toEqual(['Ada Test', 'Grace Test']);
    const ada = await t.prisma.candidate.findFirstOrThrow({ where: { orgId: org.orgId, firstName: 'Ada' } });
    await expect(drill.locator(byTestId('drill-candidate')).first().getAttribute('href')).resolves.toBe(`#/candidates/${ada.id}`);
    expect(await drill.locator(byTestId('drill-row')).first().locator('td').allInnerTexts()).toEqual(['Ada Test', 'Backend Engineer', '2026-01-05', 'referral']);
    const people = parseCsv(await download(() => drill.locator(byTestId('drill-download')).click()));
    expect(people.map((r) => r.slice(0, 2))).toEqual([['Candidate', 'Job'], ['Ada Test', 'Backend Engineer'], ['Grace Test', 'Backend Engineer']]);
    await browser.screenshot('analytics-drill');

    // The table as CSV, with the same filters.
    const table = parseCsv(await download(() => card('applications').locator(byTestId('report-export')).click()));
    expect(table).toEqual([['Month', 'Applications', 'Hired', 'Rejected'], ['2026-01-01', '2', '1', '1'], ['2026-02-01', '1', '0', '0'], ['2026-03-01', '0', '0', '0'], ['Total', '3', '1', '1']]);
  });
});

test('impossible filters are refused beside the filter; an empty period shows an empty chart, never NaN', async () => {
  await withFailureScreenshot(browser, 'analytics-refused', async () => {
    await page.goto('/#/analytics/hiring?from=2026-03-01&to=2026-02-01');
    const refusal = page.locator(byTestId('filter-error', { field: 'to' }));
    await refusal.waitFor();
    expect(await refusal.innerText()).toMatch(/^to ends before it starts \(from 2026-03-01T00:00:00.000Z\) \(.*Applications/);
    await card('applications').locator(byTestId('error-detail')).first().waitFor();
    // Fixing the filter from the bar clears the refusal.
    await page.locator(byTestId('filter-to')).fill('2026-04-01');
    await totalsRead([1, 0, 1]); // March: Noor, rejected on the 20th
    await refusal.waitFor({ state: 'detached' });

    await page.goto('/#/analytics/hiring?from=2025-01-01&to=2025-03-01');
    await totalsRead([0, 0, 0]);
    await card('applications').locator(byTestId('report-chart-empty')).waitFor();
    expect(await card('applications').locator(byTestId('report-chart-svg')).count()).toBe(0);
    expect(await page.locator(byTestId('analytics-page')).innerText()).not.toMatch(/NaN|undefined/);
  });
});

test('the screenshot: the Hiring dashboard over the year, by month', async () => {
  await withFailureScreenshot(browser, 'analytics-screenshot', async () => {
    await page.goto('/#/analytics/hiring?from=2026-01-01&to=2026-12-01');
    await page.locator(byTestId('period-preset', { preset: '12m' })).waitFor();
    await totalsRead([5 + 23, 1 + 7, 2 + 10]);
    await page.locator(byTestId('report-chart-svg')).first().waitFor();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    fs.copyFileSync(await browser.screenshot('analytics-dashboard'), path.resolve(__dirname, '../../docs/screenshots/analytics-dashboard.png'));
  });
  // Every report of the catalog renders on "All reports" (a table, or the API's refusal), whatever its shape.
  await withFailureScreenshot(browser, 'analytics-all', async () => {
    const catalog = (await apiClient(t.url, org.tokens.recruiter)('GET', '/api/analytics/reports')).body as { id: string }[];
    await page.locator(byTestId('dashboard-tab', { dashboard: 'all' })).click();
    for (const { id } of catalog) await card(id).locator(`${byTestId('report-table')}, ${byTestId('error-notice')}`).first().waitFor();
    expect(await page.locator(byTestId('report-card')).count()).toBe(catalog.length);
    expect(await page.locator(byTestId('analytics-page')).innerText()).not.toMatch(/NaN/);
  });
  expect(browser.pageErrors).toEqual([]);
});

test('a hiring manager: their own job, the hiring and forecast dashboards, no CRM', async () => {
  const hm = await openBrowser({ baseUrl: t.url, apiToken: hmToken });
  try {
    await withFailureScreenshot(hm, 'analytics-hiring-manager', async () => {
      await hm.page.goto('/#/analytics/hiring?from=2026-01-01&to=2026-04-01');
      const totals = hm.page.locator(`${byTestId('report-card', { report: 'applications' })} ${byTestId('report-totals')}`);
      await totals.locator('td[data-column="applications"][data-value="3"]').waitFor();
      await hm.page.locator(byTestId('dashboard-tab', { dashboard: 'forecast' })).waitFor();
      expect(await hm.page.locator(byTestId('dashboard-tab')).evaluateAll((tabs) => tabs.map((tab) => tab.getAttribute('data-dashboard')))).toEqual(['hiring', 'team', 'forecast', 'all']);
      expect(await hm.page.locator(byTestId('filter-recruiters')).count()).toBe(0);
    });
    const catalog = await apiClient(t.url, hmToken)('GET', '/api/analytics/reports');
    expect(catalog.body.every((r: { area: string }) => r.area !== 'crm')).toBe(true);
    expect(hm.pageErrors).toEqual([]);
  } finally {
    await hm.close();
  }
});

test('the CRM dashboard: a campaign and an event chosen in their pickers narrow their reports, in the address', async () => {
  // Its own organization, so the CRM history's applications stay out of the hiring numbers above.
  const crmOrg = await createTestOrg(t.prisma);
  const history = await createCrmHistory(t.prisma, crmOrg.orgId);
  const crm = await openBrowser({ baseUrl: t.url, apiToken: crmOrg.tokens.recruiter });
  const period = 'from=2026-09-01&to=2026-11-30&asOf=2026-11-30';
  const crmCard = (report: string) => crm.page.locator(byTestId('report-card', { report }));
  const total = (report: string, column: string, value: number) => crmCard(report).locator(`${byTestId('report-totals')} td[data-column="${column}"][data-value="${value}"]`).waitFor();
  try {
    await withFailureScreenshot(crm, 'analytics-crm-filters', async () => {
      await crm.page.goto(`/#/analytics/crm?${period}`);
      // Alpha enrolled 4 in the period and Beta 2; the meetup had 3 registered and the open house 1.
      await total('campaigns', 'enrolled', 6);
      await total('events', 'registered', 4);
      // The CRM dashboard's reports read campaigns and events; none of them reads segments.
      expect(await crm.page.locator(byTestId('filter-segments')).count()).toBe(0);
      await crm.page.locator(`${byTestId('filter-campaigns')} summary`).click();
      const campaignOptions = crm.page.locator(`${byTestId('filter-campaigns')} label`);
      await campaignOptions.nth(2).waitFor();
      expect(await campaignOptions.allInnerTexts()).toEqual(['Alpha nurture', 'Beta nurture', 'Gamma nurture']);
      await crm.page.locator(byTestId('filter-campaigns-option', { value: history.campaigns.alpha })).check();
      await total('campaigns', 'enrolled', 4);
      expect(new URL(crm.page.url()).hash).toBe(`#/analytics/crm?${period}&campaignIds=${history.campaigns.alpha}`);
      expect(await crmCard('campaigns').locator(byTestId('report-row')).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row')))).toEqual([history.campaigns.alpha]);
      expect(await crm.page.locator(`${byTestId('filter-campaigns')} summary`).innerText()).toBe('Alpha nurture');
      // The events report does not read campaigns: it keeps its numbers and says so.
      await expect(crmCard('events').locator(byTestId('report-unread')).innerText()).resolves.toMatch(/Not filtered by: Campaigns/);
      await total('events', 'registered', 4);
      await crm.page.locator(`${byTestId('filter-campaigns')} summary`).click();

      await crm.page.locator(`${byTestId('filter-events')} summary`).click();
      const eventOptions = crm.page.locator(`${byTestId('filter-events')} label`);
      await eventOptions.nth(2).waitFor();
      expect(await eventOptions.allInnerTexts()).toEqual(['open house, 2026-11-20', 'draft fair, 2026-10-01 (draft)', 'go meetup, 2026-09-20']);
      await crm.page.locator(byTestId('filter-events-option', { value: history.events.meetup })).check();
      await total('events', 'registered', 3);
      expect(new URL(crm.page.url()).hash).toBe(`#/analytics/crm?${period}&campaignIds=${history.campaigns.alpha}&eventIds=${history.events.meetup}`);
      await total('campaigns', 'enrolled', 4);

      // The Hiring dashboard reads no CRM audience: no picker, the chosen ones kept in the address.
      await crm.page.locator(byTestId('dashboard-tab', { dashboard: 'hiring' })).click();
      await crm.page.locator(byTestId('analytics-page', { dashboard: 'hiring' })).waitFor();
      expect(await crm.page.locator(`${byTestId('filter-campaigns')}, ${byTestId('filter-events')}, ${byTestId('filter-segments')}`).count()).toBe(0);
      // All reports: the segments report reads segments, so its picker is there.
      await crm.page.locator(byTestId('dashboard-tab', { dashboard: 'all' })).click();
      await crm.page.locator(byTestId('filter-segments')).waitFor();
    });
    expect(crm.pageErrors).toEqual([]);
  } finally {
    await crm.close();
  }
});
