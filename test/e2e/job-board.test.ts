// The job board and the job editor in headless Chromium against the real system (API and worker on
// the run's Temporal and PostgreSQL, mail to a real SMTP sink). On the board: drag a card with the
// mouse into another column and find the move where the system records it (the application's
// stage, a StageTransition row, and the run the "stage entered" pipeline started, whose email
// arrives); a move the server refuses rolls back with a toast; moving to "Rejected" asks for a
// reason. In the editor: a server validation error shows next to its field, the fixed job saves,
// and it opens; a saved job is edited without losing its API-set labels, submitted to an approver
// and approved open. A hiring manager reads their job's board without moving cards and approves the
// job from its page.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { TGraph } from '../../workflows/graph/schema';
import { waitFor, type TestOrg, type TestSystem } from '../support/harness';
import { applicant } from '../support/fixtures';
import { hashToken, newToken } from '../../api/auth';
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

/** Runs when an application of `jobId` enters "interview": emails the candidate how interviews work. */
const interviewPrep = (jobId: string): TGraph => ({
  nodes: [
    { id: 'entered', type: 'trigger.stage_entered', typeVersion: 1, config: { stage: 'interview', jobId } },
    { id: 'prep', type: 'message.send_email', typeVersion: 1, config: { subject: 'Preparing for your interview', body: 'Hi {{candidate.firstName}}, here is how our interviews work.' } },
    { id: 'end', type: 'action.end', typeVersion: 1, config: {} },
  ],
  edges: [{ source: 'entered', sourcePort: 'out', target: 'prep' }, { source: 'prep', sourcePort: 'out', target: 'end' }],
});

const card = (applicationId: string) => page.locator(byTestId('board-card', { 'application-id': applicationId }));
const column = (stageKey: string) => page.locator(byTestId('board-column', { stage: stageKey }));
const cardIn = (stageKey: string, applicationId: string) => column(stageKey).locator(byTestId('board-card', { 'application-id': applicationId }));

/** Presses on the card, drags it in small steps to the middle of the column and lets go, as a person does with the mouse. */
async function dragCard(applicationId: string, toStageKey: string): Promise<void> {
  await column(toStageKey).scrollIntoViewIfNeeded();
  const from = await card(applicationId).boundingBox();
  const to = await column(toStageKey).boundingBox();
  if (!from || !to) throw new Error(`card ${applicationId} or column ${toStageKey} not visible`);
  await page.mouse.move(from.x + from.width / 2, from.y + 12);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 20, from.y + 30, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + Math.min(to.height / 2, 120), { steps: 15 });
  await page.mouse.up();
}

test('drag a card to "Interview": the stage, the transition and the stage-entered run are recorded; refused moves roll back; rejecting asks for a reason', async () => {
  const job = await recruiter('POST', '/api/jobs', { title: 'Platform Engineer', department: 'Engineering', locations: ['Berlin, DE'] });
  expect(job.status).toBe(201);
  const jobId = job.body.id as string;
  const pipeline = await recruiter('POST', '/api/pipelines', { name: 'Interview prep', graph: interviewPrep(jobId) });
  expect(pipeline.status).toBe(201);
  expect((await recruiter('POST', `/api/pipelines/${pipeline.body.id}/publish`)).status).toBe(201);
  const reason = await recruiter('POST', '/api/rejection-reasons', { label: 'Not enough distributed-systems experience' });
  expect(reason.status).toBe(201);

  const names = [['Ada', 'Lovelace'], ['Alan', 'Turing'], ['Barbara', 'Liskov'], ['Edsger', 'Dijkstra'], ['Frances', 'Allen']];
  const sources = ['linkedin', 'referral', 'careers_page', 'linkedin', 'indeed'];
  const applicants = names.map(([firstName, lastName], i) => applicant(jobId, {
    candidate: { firstName, lastName, email: `${firstName!.toLowerCase()}.${Date.now()}.${i}@example.com` }, source: sources[i],
  }));
  const ids: string[] = [];
  for (const body of applicants) {
    const created = await recruiter('POST', '/api/applications', body);
    expect(created.status).toBe(201);
    ids.push(created.body.id);
  }
  const [movedId, staleId, rejectedId, scoredId] = ids as [string, string, string, string];
  // What cards show besides the name: headline and tags, open tasks, the scorecards' average.
  await t.prisma.candidate.updateMany({ where: { orgId: org.orgId, email: applicants[0]!.candidate.email }, data: { headline: 'Backend Engineer at Globex', tags: ['referral'] } });
  await t.prisma.candidate.updateMany({ where: { orgId: org.orgId, email: applicants[3]!.candidate.email }, data: { headline: 'Staff Engineer at Initech', tags: ['senior', 'go'] } });
  const scored = await t.prisma.application.findUniqueOrThrow({ where: { id: scoredId } });
  await t.prisma.scorecard.create({ data: { orgId: org.orgId, applicationId: scoredId, score: 4, recommendation: 'strong_yes' } });
  await t.prisma.scorecard.create({ data: { orgId: org.orgId, applicationId: scoredId, score: 3, recommendation: 'yes' } });
  await t.prisma.task.create({ data: { orgId: org.orgId, kind: 'TODO', title: 'Check references', applicationId: scoredId, candidateId: scored.candidateId, idempotencyKey: `e2e-board-${scoredId}` } });

  await withFailureScreenshot(browser, 'job-board-load', async () => {
    await page.goto(`/#/jobs/${jobId}`);
    await page.locator(byTestId('board-column', { stage: 'applied', count: '5' })).waitFor();
    await expect(card(movedId).innerText()).resolves.toContain('Backend Engineer at Globex');
    await expect(card(scoredId).locator(byTestId('board-card-score')).textContent()).resolves.toContain('Strong yes · 2');
    await expect(card(scoredId).locator(byTestId('board-card-tasks')).textContent()).resolves.toBe('1 open task');
  });

  await withFailureScreenshot(browser, 'job-board-drag', async () => {
    await dragCard(movedId, 'interview');
    await cardIn('interview', movedId).waitFor();
    await page.locator(byTestId('board-column', { stage: 'interview', count: '1' })).waitFor();
    await page.locator(byTestId('board-column', { stage: 'applied', count: '4' })).waitFor();
    await page.locator(byTestId('board-toast', { tone: 'success' })).first().waitFor();
  });

  // Where the system records the move: the stage, the transition by this recruiter, and the run the
  // stage-entered trigger started, whose email reaches the candidate.
  const interviewStage = await t.prisma.stage.findFirstOrThrow({ where: { jobId, key: 'interview' } });
  const moved = await waitFor('the application in "interview"', async () => {
    const row = await t.prisma.application.findUniqueOrThrow({ where: { id: movedId } });
    return row.stageId === interviewStage.id && row;
  });
  expect(moved.status).toBe('ACTIVE');
  const transition = await t.prisma.stageTransition.findFirstOrThrow({ where: { applicationId: movedId, toStageId: interviewStage.id } });
  expect([transition.actorType, transition.actorId]).toEqual(['USER', org.userIds.recruiter]);
  const run = await waitFor('the stage-entered run', () => t.prisma.run.findFirst({ where: { applicationId: movedId, workflowId: { startsWith: 'stage-entered-' } }, include: { version: true } }));
  expect(run.version.pipelineId).toBe(pipeline.body.id);
  expect(run.workflowId).toContain(transition.id);
  await t.sink.waitFor((m) => m.to.includes(applicants[0]!.candidate.email) && m.subject === 'Preparing for your interview');
  expect(await t.prisma.run.count({ where: { applicationId: { in: [staleId, rejectedId] } } })).toBe(0);

  await withFailureScreenshot(browser, 'job-board-refused', async () => {
    // Someone else already moved this application; the board is stale, and the server says 409.
    expect((await recruiter('POST', `/api/applications/${staleId}/stage`, { stage: 'screen' })).status).toBe(200);
    await dragCard(staleId, 'screen');
    const toast = page.locator(byTestId('board-toast', { tone: 'error' }));
    await toast.waitFor();
    await expect(toast.innerText()).resolves.toContain('already in stage');
    await cardIn('applied', staleId).waitFor();
    await page.locator(byTestId('board-column', { stage: 'screen', count: '0' })).waitFor();
  });
  expect(await t.prisma.stageTransition.count({ where: { applicationId: staleId } })).toBe(2);

  await withFailureScreenshot(browser, 'job-board-reject', async () => {
    await dragCard(rejectedId, 'rejected');
    const dialog = page.locator(byTestId('reject-dialog'));
    await dialog.waitFor();
    await dialog.locator(byTestId('reject-confirm')).click();
    await dialog.getByRole('alert').waitFor();
    await dialog.locator(byTestId('reject-reason')).selectOption(reason.body.id);
    await dialog.locator(byTestId('reject-note')).fill('Strong on frontend, thin on backend.');
    await dialog.locator(byTestId('reject-notify')).uncheck();
    await dialog.locator(byTestId('reject-confirm')).click();
    await page.locator(`${byTestId('board-column', { stage: 'rejected' })} ${byTestId('board-card', { 'application-id': rejectedId, status: 'REJECTED' })}`).waitFor();
  });
  const rejected = await waitFor('the rejection', async () => {
    const row = await t.prisma.application.findUniqueOrThrow({ where: { id: rejectedId } });
    return row.status === 'REJECTED' && row;
  });
  expect([rejected.rejectionReasonId, rejected.rejectedById, rejected.rejectionReason]).toEqual([reason.body.id, org.userIds.recruiter, 'Strong on frontend, thin on backend.']);

  await withFailureScreenshot(browser, 'job-board-filter', async () => {
    await page.locator(byTestId('board-filter-status', { status: 'active' })).click();
    await page.locator(byTestId('board-column', { stage: 'rejected', count: '0' })).waitFor();
    await page.locator(byTestId('board-filter-status', { status: 'all' })).click();
    await page.locator(byTestId('board-column', { stage: 'rejected', count: '1' })).waitFor();
    // Let the toasts go and scroll the board back to its first column before the picture.
    await page.locator(byTestId('board-toast')).first().waitFor({ state: 'detached', timeout: 15_000 });
    await page.locator(byTestId('board-columns')).evaluate((element) => element.scrollTo({ left: 0 }));
  });
  const shot = await browser.screenshot('job-board');
  fs.copyFileSync(shot, path.resolve(__dirname, '../../docs/screenshots/job-board.png'));
  expect(browser.pageErrors).toEqual([]);
});

test('create a job in the editor: a server validation error shows next to its field; fixed, it saves as a draft and opens', async () => {
  const title = `Data Engineer ${Date.now().toString(36)}`;
  await withFailureScreenshot(browser, 'job-editor-invalid', async () => {
    await page.goto('/#/jobs');
    // The list shows the board test's job with its applications per stage.
    await page.locator(`${byTestId('job-card')} ${byTestId('job-stage-count', { stage: 'interview', count: '1' })}`).waitFor();
    await browser.screenshot('jobs-list');
    await page.locator(byTestId('new-job-button')).click();
    const form = page.locator(byTestId('job-editor-form'));
    await form.waitFor();
    await form.locator(byTestId('job-title-input')).fill(title);
    await form.locator(byTestId('job-department-input')).fill('Data');
    await form.locator(byTestId('job-salary-min')).fill('90000');
    await form.locator(byTestId('job-salary-max')).fill('70000');
    await form.locator(byTestId('job-add-member')).click();
    await form.locator(byTestId('job-team-user')).selectOption(org.userIds.admin);
    await form.locator(byTestId('job-description-input')).fill('## About the role\n\nBuild our **data platform**.');
    await form.locator(byTestId('job-description-preview-tab')).click();
    await form.locator(`${byTestId('job-description-preview')} strong`, { hasText: 'data platform' }).waitFor();
    await form.locator(byTestId('job-save-button')).click();
    const error = form.locator(byTestId('field-error', { field: 'salary.max' }));
    await error.waitFor();
    await expect(error.innerText()).resolves.toContain('max must be at least min');
    await browser.screenshot('job-editor-validation-error');
  });
  expect(await t.prisma.job.count({ where: { orgId: org.orgId, title } })).toBe(0);

  const jobId = await withFailureScreenshot(browser, 'job-editor-save', async () => {
    const form = page.locator(byTestId('job-editor-form'));
    await form.locator(byTestId('job-salary-max')).fill('120000');
    await form.locator(byTestId('job-save-button')).click();
    await page.locator(byTestId('job-actions', { status: 'DRAFT' })).waitFor();
    expect(new URL(page.url()).hash).toMatch(/^#\/jobs\/[^/]+\/edit$/);
    return decodeURIComponent(new URL(page.url()).hash.split('/')[2]!);
  });
  const saved = await t.prisma.job.findUniqueOrThrow({ where: { id: jobId }, include: { members: true, stages: { orderBy: { position: 'asc' } } } });
  expect(saved).toMatchObject({ orgId: org.orgId, title, department: 'Data', status: 'DRAFT', salaryCurrency: 'EUR', salaryUnit: 'YEAR', description: '## About the role\n\nBuild our **data platform**.' });
  expect([Number(saved.salaryMin), Number(saved.salaryMax)]).toEqual([90000, 120000]);
  expect(saved.members.map((m) => [m.userId, m.role])).toEqual([[org.userIds.admin, 'HIRING_MANAGER']]);
  expect(saved.stages.map((s) => s.key)).toEqual(['applied', 'screen', 'interview', 'offer', 'hired', 'rejected']);

  await withFailureScreenshot(browser, 'job-editor-open', async () => {
    await page.locator(byTestId('job-open-button')).click();
    await page.locator(byTestId('job-actions', { status: 'OPEN' })).waitFor();
  });
  expect((await t.prisma.job.findUniqueOrThrow({ where: { id: jobId } })).status).toBe('OPEN');
  expect(await t.prisma.auditEvent.count({ where: { entityType: 'Job', entityId: jobId, action: 'job.opened' } })).toBe(1);
  expect(browser.pageErrors).toEqual([]);
});

test('edit a saved job: labels set through the API survive, it goes to the chosen approver, who approves it open', async () => {
  const created = await recruiter('POST', '/api/jobs', {
    title: 'Support Lead', department: 'Support', locations: ['Remote (EU)'], remotePolicy: 'REMOTE', status: 'DRAFT', requiredApprovals: 1,
  });
  expect(created.status).toBe(201);
  const jobId = created.body.id as string;

  await withFailureScreenshot(browser, 'job-editor-edit', async () => {
    await page.goto(`/#/jobs/${jobId}/edit`);
    const form = page.locator(byTestId('job-editor-form'));
    await form.locator(byTestId('job-title-input')).fill('Support Team Lead');
    await form.locator(byTestId('job-add-question')).click();
    const question = form.locator(byTestId('job-question')).first();
    await question.locator(byTestId('job-question-label')).fill('Do you need visa sponsorship?');
    await question.locator(byTestId('job-question-key')).fill('visa');
    await question.getByLabel('Knockout: disqualify when the answer is').selectOption('yes');
    await form.locator(byTestId('job-save-button')).click();
    await page.locator(byTestId('job-saved')).waitFor();
  });
  const saved = await t.prisma.job.findUniqueOrThrow({ where: { id: jobId }, include: { questions: true } });
  expect(saved).toMatchObject({ title: 'Support Team Lead', locations: ['Remote (EU)'], remotePolicy: 'REMOTE', status: 'DRAFT' });
  expect(saved.questions.map((q) => [q.key, q.type, q.knockout])).toEqual([['visa', 'YES_NO', { answer: true }]]);

  await withFailureScreenshot(browser, 'job-editor-approval', async () => {
    const actions = page.locator(byTestId('job-actions', { status: 'DRAFT' }));
    await actions.locator(byTestId('job-approver-option', { 'user-id': org.userIds.recruiter })).check();
    await actions.locator(byTestId('job-submit-button')).click();
    const pending = page.locator(byTestId('job-actions', { status: 'PENDING_APPROVAL' }));
    await pending.waitFor();
    await page.locator(byTestId('job-locked')).waitFor();
    expect(await page.locator(byTestId('job-save-button')).isDisabled()).toBe(true);
    await pending.locator(byTestId('job-approve-button')).click();
    await page.locator(byTestId('job-actions', { status: 'OPEN' })).waitFor();
  });
  const approval = await t.prisma.jobApproval.findFirstOrThrow({ where: { jobId } });
  expect([approval.approverId, approval.decision]).toEqual([org.userIds.recruiter, 'APPROVED']);
  expect((await t.prisma.job.findUniqueOrThrow({ where: { id: jobId } })).status).toBe('OPEN');
  // The decision and the opening share a transaction (and its timestamp): compared as a set.
  const actions = (await t.prisma.auditEvent.findMany({ where: { entityType: 'Job', entityId: jobId } })).map((e) => e.action);
  expect(actions.sort()).toEqual(['job.approval_decided', 'job.created', 'job.opened', 'job.submitted', 'job.updated']);
  expect(browser.pageErrors).toEqual([]);
});

test('a hiring manager reads the board of their job without moving cards, and approves the job from its page', async () => {
  const manager = await t.prisma.user.create({ data: { orgId: org.orgId, role: 'HIRING_MANAGER', email: `hm.${Date.now()}@example.test`, name: 'Harper Manager' } });
  const token = newToken();
  await t.prisma.apiToken.create({ data: { orgId: org.orgId, userId: manager.id, name: 'hm', tokenHash: hashToken(token) } });
  const created = await recruiter('POST', '/api/jobs', { title: 'Field Engineer', status: 'DRAFT', requiredApprovals: 1, members: [{ userId: manager.id, role: 'HIRING_MANAGER' }] });
  expect(created.status).toBe(201);
  const jobId = created.body.id as string;
  expect((await recruiter('POST', `/api/jobs/${jobId}/submit`, { approverIds: [manager.id] })).status).toBe(200);
  const { body: application } = await recruiter('POST', '/api/applications', applicant(jobId));

  const managerBrowser = await openBrowser({ baseUrl: t.url, apiToken: token });
  try {
    await withFailureScreenshot(managerBrowser, 'job-board-hiring-manager', async () => {
      const hmPage = managerBrowser.page;
      await hmPage.goto(`/#/jobs/${jobId}`);
      const hmCard = hmPage.locator(byTestId('board-card', { 'application-id': application.id }));
      await hmCard.waitFor();
      expect(await hmCard.getAttribute('draggable')).toBe('false');
      expect(await hmCard.locator(byTestId('board-card-move')).count()).toBe(0);
      await hmPage.locator(byTestId('board-edit-job')).click();
      await hmPage.locator(byTestId('job-read-only')).waitFor();
      const pending = hmPage.locator(byTestId('job-actions', { status: 'PENDING_APPROVAL' }));
      await expect(pending.locator(byTestId('job-approvals')).innerText()).resolves.toContain('You: pending');
      expect(await pending.locator(byTestId('job-close-button')).count()).toBe(0);
      await pending.locator(byTestId('job-approve-button')).click();
      await hmPage.locator(byTestId('job-actions', { status: 'OPEN' })).waitFor();
      expect(await hmPage.locator(byTestId('error-notice')).count()).toBe(0);
    });
    expect(managerBrowser.pageErrors).toEqual([]);
  } finally {
    await managerBrowser.close();
  }
  expect((await t.prisma.job.findUniqueOrThrow({ where: { id: jobId } })).status).toBe('OPEN');
  expect((await t.prisma.jobApproval.findFirstOrThrow({ where: { jobId } })).decision).toBe('APPROVED');
});
