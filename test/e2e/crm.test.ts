// The CRM in headless Chromium against the real system (API and worker on the run's Temporal and PostgreSQL,
// mail to a real SMTP sink), as a recruiter uses it: import a CSV and watch the progress bar reach the report
// (a malformed row named by its line); build a segment and see its count change as a condition is added;
// create a campaign on that segment with a published nurture pipeline, activate it (the audience enrolls
// with a progress bar), enroll again (nobody twice), and find enrolled and sent on the dashboard and the
// emails in the sink, pause and resume; add people to a talent pool from candidate search; create and publish an
// event, check a registrant in at the door and a walk-in; the profile's CRM side, and a hand-off to a job. An
// admin sets the contact policy and retention, suppresses an address, exports and erases a person. Each step is
// also checked where the server keeps it.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type { Page } from 'playwright-core';
import { waitFor, type TestOrg, type TestSystem } from '../support/harness';
import { createNurturePipeline } from '../support/campaign-fixtures';
import { createHiringJob } from '../support/fixtures';
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

const run = crypto.randomBytes(3).toString('hex');
const email = (name: string) => `${name}.${run}@prospects.example`;
// Line 1 is the header; line 5 has no usable email and fails alone.
const CSV = [
  'First Name,Last Name,Email,Tags,Headline',
  `Ada,Lovelace,${email('ada')},backend;speaker,Backend engineer`,
  `Grace,Hopper,${email('grace')},backend,Compiler engineer`,
  `Linus,Torvalds,${email('linus')},frontend,Kernel hacker`,
  'Alan,Turing,not-an-email,backend,Mathematician',
].join('\n');

/** The id at the end of the address once the page navigated to `#/<section>/<id>`. */
async function idInHash(section: string): Promise<string> {
  await page.waitForFunction((s) => new RegExp(`^#/${s}/[^/]+$`).test(window.location.hash) && !window.location.hash.endsWith('/new'), section);
  return decodeURIComponent(new URL(page.url()).hash.split('/')[2]!);
}

const progress = (attrs: Record<string, string>) => page.locator(byTestId('bulk-job-progress', attrs));
const stat = (key: string, value: number) => page.locator(byTestId('campaign-stat', { stat: key, value: String(value) }));

test('import, segment, campaign with enrollment and dashboard, pool from search, event check-in', async () => {
  // 1. Import a CSV: the progress bar runs to the report; the malformed line is reported and the rest import.
  await withFailureScreenshot(browser, 'crm-import', async () => {
    await page.goto('/#/import');
    await page.locator(byTestId('nav-group-crm')).waitFor();
    await page.locator(byTestId('import-file')).setInputFiles({ name: 'sourcing.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await page.locator(byTestId('import-source')).fill('meetup');
    await page.locator(byTestId('import-submit')).click();
    await progress({ phase: 'succeeded', percent: '100' }).waitFor();
    await page.locator(byTestId('import-report')).waitFor();
    await expect(page.locator(byTestId('import-created')).innerText()).resolves.toBe('3');
    await expect(page.locator(byTestId('import-failed')).innerText()).resolves.toBe('1');
    await expect(page.locator(byTestId('import-failure', { line: '5' })).innerText()).resolves.toContain('not an email address');
    await page.locator(byTestId('recent-import')).first().waitFor();
    await browser.screenshot('crm-import');
  });
  const importJob = await t.prisma.bulkJob.findFirstOrThrow({ where: { orgId: org.orgId, kind: 'import_csv' } });
  expect(importJob).toMatchObject({ status: 'SUCCEEDED', total: 4, processed: 4, failed: 1, createdById: org.userIds.recruiter });
  expect(importJob.report).toMatchObject({ created: 3, failed: 1, input: { fileName: 'sourcing.csv' } });
  const imported = await t.prisma.candidate.findMany({ where: { orgId: org.orgId }, orderBy: { email: 'asc' } });
  expect(imported.map((c) => [c.email, c.source, c.tags])).toEqual([
    [email('ada'), 'meetup', ['backend', 'speaker']], [email('grace'), 'meetup', ['backend']], [email('linus'), 'meetup', ['frontend']],
  ]);

  // 2. A segment: everyone at first, then the count follows a tags condition as it is typed; saved.
  let segmentId = '';
  await withFailureScreenshot(browser, 'crm-segment', async () => {
    await page.locator(byTestId('nav-segments')).click();
    await page.locator(byTestId('new-segment-button')).click();
    await page.locator(byTestId('segment-name')).fill('Backend people');
    // The new row (skills) is still empty, so it is not counted: the count is everyone.
    await page.locator(byTestId('segment-count', { count: '3', counting: 'false' })).waitFor();
    await page.locator(byTestId('segment-row-problem')).waitFor();
    const row = page.locator(byTestId('segment-row', { 'row-index': '0' }));
    await row.locator(byTestId('segment-field')).selectOption('tags');
    await row.locator(byTestId('segment-list')).fill('backend');
    await page.locator(byTestId('segment-count', { count: '2', counting: 'false' })).waitFor();
    await expect(page.locator(byTestId('segment-preview-member')).count()).resolves.toBe(2);
    // Another condition narrows it further, live; removing it brings the count back.
    await page.locator(byTestId('segment-add-field')).selectOption('location');
    await page.locator(byTestId('segment-add-condition')).click();
    await page.locator(byTestId('segment-row', { 'row-index': '1' })).locator(byTestId('segment-list')).fill('DE');
    await page.locator(byTestId('segment-count', { count: '0', counting: 'false' })).waitFor();
    await page.locator(byTestId('segment-row', { 'row-index': '1' })).locator(byTestId('segment-remove')).click();
    await page.locator(byTestId('segment-count', { count: '2', counting: 'false' })).waitFor();
    fs.copyFileSync(await browser.screenshot('crm-segment-editor'), path.resolve(__dirname, '../../docs/screenshots/segment-editor.png'));
    await page.locator(byTestId('segment-save')).click();
    segmentId = await idInHash('segments');
  });
  const segment = await t.prisma.segment.findUniqueOrThrow({ where: { id: segmentId } });
  expect(segment).toMatchObject({ orgId: org.orgId, name: 'Backend people', query: { conditions: [{ field: 'tags', match: 'all', values: ['backend'] }] } });

  // 3. A campaign on the segment, with a nurture pipeline published through the API.
  const pipelineId = await createNurturePipeline(recruiter, { gap: { days: 14 } });
  let campaignId = '';
  await withFailureScreenshot(browser, 'crm-campaign-create', async () => {
    await page.locator(byTestId('nav-campaigns')).click();
    await page.locator(byTestId('new-campaign-button')).click();
    await page.locator(byTestId('campaign-name')).fill('Backend nurture');
    await page.locator(byTestId('campaign-segment')).selectOption(segmentId);
    await page.locator(byTestId('campaign-audience-count'), { hasText: '2 people now' }).waitFor();
    await page.locator(byTestId('campaign-pipeline')).selectOption(pipelineId);
    await page.locator(byTestId('campaign-sender')).selectOption(org.userIds.recruiter);
    await browser.screenshot('crm-campaign-form');
    await page.locator(byTestId('campaign-save')).click();
    campaignId = await idInHash('campaigns');
    await page.locator(byTestId('campaign-status', { status: 'DRAFT' })).waitFor();
  });
  expect(await t.prisma.campaign.findUniqueOrThrow({ where: { id: campaignId } })).toMatchObject({ segmentId, pipelineId, senderUserId: org.userIds.recruiter, status: 'DRAFT', topic: 'jobs' });

  // Activating enrolls the audience at once: the progress bar completes with the report, the dashboard counts.
  await withFailureScreenshot(browser, 'crm-campaign-activate', async () => {
    await page.locator(byTestId('campaign-activate')).click();
    await page.locator(byTestId('campaign-status', { status: 'ACTIVE' })).waitFor();
    await progress({ phase: 'succeeded' }).waitFor();
    await expect(page.locator(byTestId('enrollment-report-enrolled')).innerText()).resolves.toBe('2');
    await stat('enrolled', 2).waitFor();
  });
  const mails = await t.sink.waitFor((m) => [email('ada'), email('grace')].some((a) => m.to.includes(a)), { count: 2, timeoutMs: 60_000 });
  expect(mails.map((m) => m.to[0]).sort()).toEqual([email('ada'), email('grace')]);
  expect(t.sink.messages().some((m) => m.to.includes(email('linus')))).toBe(false);
  await withFailureScreenshot(browser, 'crm-campaign-dashboard', async () => {
    await stat('sent', 2).waitFor({ timeout: 30_000 });
    await page.locator(`${byTestId('campaign-stat', { stat: 'opened' })} .stat-note`).getByText('unreliable: privacy proxies open mail').waitFor();
    await page.locator(byTestId('campaign-enrollment', { status: 'RUNNING' })).nth(1).waitFor();
  });
  fs.copyFileSync(await browser.screenshot('campaign-dashboard'), path.resolve(__dirname, '../../docs/screenshots/campaign-dashboard.png'));
  const runs = await t.prisma.run.findMany({ where: { campaignId }, include: { candidate: true } });
  expect(runs.map((r) => r.candidate.email).sort()).toEqual([email('ada'), email('grace')]);

  // "Enroll audience" again: a second job runs to the end and enrolls nobody twice.
  const firstJobId = await progress({ phase: 'succeeded' }).getAttribute('data-job-id');
  await withFailureScreenshot(browser, 'crm-campaign-enroll', async () => {
    await page.locator(byTestId('campaign-enroll')).click();
    await page.locator(`${byTestId('bulk-job-progress', { phase: 'succeeded' })}:not([data-job-id="${firstJobId}"])`).waitFor();
    await expect(page.locator(byTestId('enrollment-report-enrolled')).innerText()).resolves.toBe('0');
  });
  expect(await t.prisma.bulkJob.count({ where: { orgId: org.orgId, kind: 'campaign_enroll', subjectId: campaignId, status: 'SUCCEEDED' } })).toBe(2);
  expect(await t.prisma.run.count({ where: { campaignId } })).toBe(2);

  // Paused, it offers no enrollment; resumed, it runs again.
  await withFailureScreenshot(browser, 'crm-campaign-pause', async () => {
    await page.locator(byTestId('campaign-pause')).click();
    await page.locator(byTestId('campaign-status', { status: 'PAUSED' })).waitFor();
    await page.locator(byTestId('campaign-enroll')).waitFor({ state: 'detached' });
    expect((await t.prisma.campaign.findUniqueOrThrow({ where: { id: campaignId } })).status).toBe('PAUSED');
    await page.locator(byTestId('campaign-resume')).click();
    await page.locator(byTestId('campaign-status', { status: 'ACTIVE' })).waitFor();
  });

  // 4. A talent pool, filled from candidate search: select two rows, "Add to pool".
  const pool = await recruiter('POST', '/api/talent-pools', { name: 'Speakers' });
  expect(pool.status).toBe(201);
  const ada = imported.find((c) => c.email === email('ada'))!;
  const linus = imported.find((c) => c.email === email('linus'))!;
  await withFailureScreenshot(browser, 'crm-pool-from-search', async () => {
    await page.goto('/#/search');
    for (const id of [ada.id, linus.id]) await page.locator(byTestId('search-hit', { 'candidate-id': id })).locator(byTestId('search-hit-select')).check();
    await page.locator(byTestId('selection-pool')).selectOption(pool.body.id);
    await page.locator(byTestId('selection-add-to-pool')).click();
    await expect(page.locator(byTestId('selection-notice')).innerText()).resolves.toContain('Added 2 to Speakers');
    await page.goto(`/#/pools/${pool.body.id}`);
    await page.locator(byTestId('pool-member')).nth(1).waitFor();
    await browser.screenshot('crm-pool');
  });
  const members = await t.prisma.talentPoolMember.findMany({ where: { poolId: pool.body.id } });
  expect(members.map((m) => m.candidateId).sort()).toEqual([ada.id, linus.id].sort());

  // 5. An event an hour from now: created, published, someone registers, and the recruiter checks them in.
  const startsAt = new Date(Date.now() + 3_600_000);
  const wallClockUtc = startsAt.toISOString().slice(0, 16);
  let eventId = '';
  await withFailureScreenshot(browser, 'crm-event-create', async () => {
    await page.locator(byTestId('nav-events')).click();
    await page.locator(byTestId('new-event-button')).click();
    await page.locator(byTestId('event-name')).fill('Backend meetup');
    await page.locator(byTestId('event-time-zone')).fill('UTC');
    await page.locator(byTestId('event-starts-at')).fill(wallClockUtc);
    await page.locator(byTestId('event-location')).fill('Factory Berlin');
    await page.locator(byTestId('event-capacity')).fill('20');
    await page.locator(byTestId('event-save')).click();
    eventId = await idInHash('events');
    await page.locator(byTestId('event-publish')).click();
    await page.locator(byTestId('event-status', { status: 'PUBLISHED' })).waitFor();
  });
  const event = await t.prisma.recruitingEvent.findUniqueOrThrow({ where: { id: eventId } });
  expect(event).toMatchObject({ status: 'PUBLISHED', capacity: 20, timeZone: 'UTC', location: 'Factory Berlin' });
  expect(event.startsAt.toISOString()).toBe(`${wallClockUtc}:00.000Z`);
  const registered = await recruiter('POST', `/api/events/${eventId}/registrations`, { candidateId: ada.id, sendConfirmation: false });
  expect(registered.status).toBe(201);

  await withFailureScreenshot(browser, 'crm-event-check-in', async () => {
    await page.reload();
    await page.locator(byTestId('registration-row', { status: 'REGISTERED' })).waitFor();
    await page.locator(byTestId('check-in-search')).fill('lovel');
    await page.locator(byTestId('check-in-match')).locator(byTestId('check-in-button')).click();
    await expect(page.locator(byTestId('check-in-confirmation')).innerText()).resolves.toBe('Ada Lovelace is checked in.');
    await page.locator(byTestId('registration-row', { status: 'ATTENDED' })).waitFor();
    await page.locator(byTestId('event-stat', { stat: 'attended', value: '1' })).waitFor();
    // Someone who did not register walks in: registered and checked in at once.
    await page.locator(byTestId('walk-in-toggle')).click();
    await page.locator(byTestId('walk-in-first-name')).fill('Margaret');
    await page.locator(byTestId('walk-in-last-name')).fill('Hamilton');
    await page.locator(byTestId('walk-in-email')).fill(email('margaret'));
    await page.locator(byTestId('walk-in-submit')).click();
    await page.locator(byTestId('check-in-confirmation'), { hasText: 'Margaret Hamilton is checked in (walk-in).' }).waitFor();
    await page.locator(byTestId('event-stat', { stat: 'attended', value: '2' })).waitFor();
    await browser.screenshot('crm-event');
  });
  const registration = await t.prisma.eventRegistration.findFirstOrThrow({ where: { eventId, candidateId: ada.id } });
  expect(registration).toMatchObject({ status: 'ATTENDED', checkedInById: org.userIds.recruiter });
  const walkIn = await t.prisma.eventRegistration.findFirstOrThrow({ where: { eventId, candidate: { email: email('margaret') } } });
  expect(walkIn).toMatchObject({ status: 'ATTENDED', source: 'walk_in', checkedInById: org.userIds.recruiter });

  // 6. Ada's profile shows it all: her pool, her campaign, the event she came to; her interest level is edited.
  await withFailureScreenshot(browser, 'crm-profile', async () => {
    await page.goto(`/#/candidates/${ada.id}`);
    await page.locator(byTestId('profile-pools')).getByText('Speakers').waitFor();
    await page.locator(byTestId('profile-enrollment', { status: 'RUNNING' })).getByText('Backend nurture').waitFor();
    await page.locator(byTestId('profile-registration', { status: 'ATTENDED' })).getByText('Backend meetup').waitFor();
    await page.locator(byTestId('contact-marketing', { outcome: 'SEND' })).waitFor();
    await page.locator(byTestId('relationship-edit')).click();
    await page.locator(byTestId('relationship-interest')).selectOption('HOT');
    await page.locator(byTestId('relationship-save')).click();
    await page.locator(byTestId('relationship-interest-value')).getByText('Hot').waitFor();
    await browser.screenshot('crm-profile');
  });
  expect((await t.prisma.candidate.findUniqueOrThrow({ where: { id: ada.id } })).interestLevel).toBe('HOT');

  // 7. Grace is ready: "Move to a job" makes her an applicant; her nurture run exits, her history stays.
  const { jobId } = await createHiringJob(recruiter);
  const grace = imported.find((c) => c.email === email('grace'))!;
  await withFailureScreenshot(browser, 'crm-hand-off', async () => {
    await page.goto(`/#/candidates/${grace.id}`);
    await page.locator(byTestId('hand-off-button')).click();
    await page.locator(byTestId('hand-off-job')).selectOption(jobId);
    await page.locator(byTestId('hand-off-note')).fill('Warm after the meetup; straight to the screen.');
    await page.locator(byTestId('hand-off-submit')).click();
    await page.locator(byTestId('hand-off-done')).waitFor();
    await page.locator(byTestId('relationship-kind')).getByText('Applicant').waitFor();
  });
  const application = await t.prisma.application.findFirstOrThrow({ where: { candidateId: grace.id, jobId } });
  expect(application).toMatchObject({ status: 'ACTIVE', source: 'crm' });
  const exited = await waitFor('Grace\'s nurture run to exit', async () => {
    const r = await t.prisma.run.findFirstOrThrow({ where: { campaignId, candidateId: grace.id } });
    return r.status === 'EXITED' && r;
  });
  expect(exited.exitReason).toBe('candidate.applied');
  expect(browser.pageErrors).toEqual([]);
});

test('an admin sets the contact policy and retention, suppresses an address, exports a person and erases them', async () => {
  const admin = await openBrowser({ baseUrl: t.url, apiToken: org.tokens.admin });
  const adminPage = admin.page;
  try {
    await withFailureScreenshot(admin, 'crm-settings', async () => {
      await adminPage.goto('/#/crm-settings');
      await adminPage.locator(byTestId('policy-has-cap')).check();
      await adminPage.locator(byTestId('policy-cap-max')).fill('2');
      await adminPage.locator(byTestId('policy-cap-days')).fill('7');
      await adminPage.locator(byTestId('policy-save')).click();
      await adminPage.locator(byTestId('policy-saved')).waitFor();
      await adminPage.locator(byTestId('retention-enabled')).check();
      await adminPage.locator(byTestId('retention-months')).fill('24');
      await adminPage.locator(byTestId('retention-preview-button')).click();
      await adminPage.locator(byTestId('retention-preview')).waitFor();
      await adminPage.locator(byTestId('retention-save')).click();
      await adminPage.locator(byTestId('suppression-address')).fill(`blocked.${run}@example.com`);
      await adminPage.locator(byTestId('suppression-add')).click();
      await adminPage.locator(byTestId('suppression-row', { reason: 'manual' })).getByText(`blocked.${run}@example.com`).waitFor();
      await admin.screenshot('crm-settings');
    });
    const settings = (await t.prisma.organization.findUniqueOrThrow({ where: { id: org.orgId } })).settings as { contactPolicy: unknown; retention: unknown };
    expect(settings.contactPolicy).toMatchObject({ frequencyCap: { max: 2, perDays: 7 }, stopOnReply: true, requireConsentPurpose: null });
    expect(settings.retention).toMatchObject({ isEnabled: true, months: 24, renewalNoticeDays: 30 });
    expect(await t.prisma.suppression.count({ where: { orgId: org.orgId, reason: 'manual' } })).toBe(1);

    const linus = await t.prisma.candidate.findFirstOrThrow({ where: { orgId: org.orgId, email: email('linus') } });
    await withFailureScreenshot(admin, 'crm-export-erase', async () => {
      await adminPage.goto(`/#/candidates/${linus.id}`);
      const download = adminPage.waitForEvent('download');
      await adminPage.locator(byTestId('export-button')).click();
      const file = await (await download).path();
      const exported = JSON.parse(fs.readFileSync(file!, 'utf8')) as unknown;
      expect(JSON.stringify(exported)).toContain(email('linus'));
      await adminPage.locator(byTestId('erase-button')).click();
      await expect(adminPage.locator(byTestId('erase-submit')).isDisabled()).resolves.toBe(true);
      await adminPage.locator(byTestId('erase-confirmation')).fill('ERASE');
      await adminPage.locator(byTestId('erase-submit')).click();
      await adminPage.locator(byTestId('erase-form')).waitFor({ state: 'detached' });
      await adminPage.locator(byTestId('export-button')).waitFor({ state: 'detached' });
    });
    const erased = await t.prisma.candidate.findUniqueOrThrow({ where: { id: linus.id } });
    expect(erased.anonymizedAt).not.toBeNull();
    expect(erased.email).toBeNull();
    expect(admin.pageErrors).toEqual([]);
  } finally {
    await admin.close();
  }
});
