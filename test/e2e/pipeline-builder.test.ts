// The visual builder in headless Chromium against the real system: build a pipeline from an empty
// canvas by dragging nodes from the palette, connect them by their ports, configure an email
// template (with autocomplete), see a validation error and fix it, publish, start a run through the
// API and see the live count on the node where the run waits. Then the draft's safety nets: a
// second tab's save is a conflict, not an overwrite, and a reload restores unsaved edits.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { apiClient, createTestOrg, startTestSystem, waitFor, type TestOrg, type TestSystem } from '../support/harness';
import { byTestId, assertUiBuilt, openBrowser, SCREENSHOT_DIR, withFailureScreenshot, type BrowserSession } from './browser';

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

const nodeCard = (nodeId: string) => byTestId('pipeline-node', { 'node-id': nodeId });

async function createEmptyPipeline(name: string): Promise<string> {
  const created = await recruiter('POST', '/api/pipelines', { name, kind: 'NURTURE', graph: { nodes: [], edges: [] } });
  expect(created.status).toBe(201);
  return created.body.id as string;
}

async function dragFromPalette(nodeType: string, at: { x: number; y: number }): Promise<void> {
  await page.locator(byTestId('palette-item', { 'node-type': nodeType })).dragTo(page.locator(byTestId('pipeline-canvas')), { targetPosition: at });
}

/**
 * Drags from a node's output port to another node's input handle, as a person does with the mouse. Each end
 * is found where it is at that moment (hover waits for the handle to stand still, and scrolls it into view),
 * not measured once before the gesture, so a canvas still settling after the last edit cannot make the
 * drag land beside its target.
 */
async function connect(source: string, port: string, target: string): Promise<void> {
  const from = page.locator(`${nodeCard(source)} ${byTestId('node-port-handle', { port })}`);
  const to = page.locator(`${nodeCard(target)} ${byTestId('node-input-handle')}`);
  await from.hover();
  await page.mouse.down();
  const start = await from.boundingBox();
  // Leave the handle first (past React Flow's drag threshold), then travel to the input and settle on it.
  if (start) await page.mouse.move(start.x + start.width / 2 + 8, start.y + start.height / 2 + 8, { steps: 4 });
  await to.hover({ force: true });
  const end = await to.boundingBox();
  if (end) await page.mouse.move(end.x + end.width / 2 + 1, end.y + end.height / 2, { steps: 3 });
  await page.mouse.up();
}

async function draftOnServer(pipelineId: string) {
  return t.prisma.pipeline.findUniqueOrThrow({ where: { id: pipelineId } });
}

test('build from an empty canvas, configure a template, fix a validation error, publish, and see the live run count', async () => {
  const pipelineId = await createEmptyPipeline('Welcome sequence');
  await page.goto(`/#/pipelines/${pipelineId}`);
  await page.locator(byTestId('canvas-empty')).waitFor();

  await withFailureScreenshot(browser, 'builder-drag', async () => {
    // A column on the left of the canvas, clear of the minimap in the bottom-right corner (a drop
    // under it, or a connection ending over it, would land on the minimap instead).
    await dragFromPalette('trigger.manual', { x: 200, y: 40 });
    await dragFromPalette('message.send_email', { x: 200, y: 160 });
    await dragFromPalette('time.wait', { x: 200, y: 280 });
    await dragFromPalette('action.end', { x: 200, y: 400 });
    await waitFor('four nodes on the canvas', async () => (await page.locator(byTestId('pipeline-node')).count()) === 4);
    const edges = page.locator('.react-flow__edge');
    for (const [source, target] of [['manual_1', 'send_email_1'], ['send_email_1', 'wait_1'], ['wait_1', 'end_1']] as const) {
      const before = await edges.count();
      const hasEdge = async () => (await edges.count()) === before + 1;
      await connect(source, 'out', target);
      // On a loaded machine the browser can take the mouse-down after the pointer has already moved on, and the
      // gesture ends as a click on the target (seen in CI: End selected, no edge). A person drags again; so does
      // the test, once. A gesture that never connects still fails below.
      if (!(await waitFor(`an edge from ${source} to ${target}`, hasEdge, 5_000).catch(() => false))) {
        await page.keyboard.press('Escape');
        await connect(source, 'out', target);
      }
      await waitFor(`an edge from ${source} to ${target}`, hasEdge, 10_000);
    }
  });

  await withFailureScreenshot(browser, 'builder-refused-connection', async () => {
    // A port leads to one node: the canvas refuses a second connection from it and says why.
    await connect('manual_1', 'out', 'wait_1');
    await expect(page.locator(byTestId('builder-notice')).innerText()).resolves.toContain('already leads to "send_email_1"');
    expect(await page.locator('.react-flow__edge').count()).toBe(3);
    await page.locator(byTestId('builder-notice')).getByRole('button', { name: 'Dismiss' }).click();
  });

  await withFailureScreenshot(browser, 'builder-configure', async () => {
    await page.locator(nodeCard('send_email_1')).click();
    const panel = page.locator(byTestId('node-config-panel'));
    await panel.waitFor();
    const subject = panel.locator(`${byTestId('config-field', { field: 'subject' })} textarea, ${byTestId('config-field', { field: 'subject' })} input`).first();
    await subject.click();
    await subject.pressSequentially('Welcome, {{cand');
    await page.locator(byTestId('template-suggestion')).first().waitFor();
    await page.locator(byTestId('template-suggestion'), { hasText: 'candidate.firstName' }).first().click();
    await waitFor('the suggestion inserted', async () => (await subject.inputValue()) === 'Welcome, {{candidate.firstName}}', 10_000);

    // A variable no path provides: the validator marks the node and lists the problem.
    const body = panel.locator(`${byTestId('config-field', { field: 'body' })} textarea`).first();
    await body.fill('Hi {{candidate.favouriteColour}}, glad to meet you.');
    await page.locator(`${nodeCard('send_email_1')}[data-has-issue="true"]`).waitFor();
    await page.locator(byTestId('builder-tab-problems')).click();
    const problem = page.locator(byTestId('validation-error', { code: 'unknown_variable' }));
    await problem.waitFor();
    await expect(problem.innerText()).resolves.toContain('candidate.favouriteColour');
    await browser.screenshot('builder-validation-error');
    await problem.locator('button').click();
    await page.locator(`${nodeCard('send_email_1')}.is-selected`).waitFor();

    // Fix it; the preview renders the sample candidate.
    await page.locator(byTestId('builder-tab-node')).click();
    await panel.locator(`${byTestId('config-field', { field: 'body' })} textarea`).first().fill('Hi {{candidate.firstName}}, glad to meet you.');
    await page.locator(`${nodeCard('send_email_1')}[data-has-issue="false"]`).waitFor();
    await waitFor('the preview for the sample candidate', async () => (await panel.locator(byTestId('template-preview')).first().innerText()).includes('Sam'), 10_000);

    // The wait needs a duration.
    await page.locator(nodeCard('wait_1')).click();
    await panel.locator(`${byTestId('config-field', { field: 'duration' })} input`).first().fill('2');
    await page.locator(byTestId('issue-count', { count: '0' })).waitFor();
  });

  await withFailureScreenshot(browser, 'builder-publish', async () => {
    await page.locator(byTestId('save-status', { state: 'saved' })).waitFor();
    await page.locator(byTestId('publish-button')).click();
    await page.locator(byTestId('publish-success')).waitFor();
  });
  const version = await t.prisma.pipelineVersion.findFirstOrThrow({ where: { pipelineId } });
  expect(version.version).toBe(1);
  const saved = await draftOnServer(pipelineId);
  expect((saved.draft as { nodes: { id: string }[] }).nodes.map((n) => n.id).sort()).toEqual(['end_1', 'manual_1', 'send_email_1', 'wait_1']);

  // A run started through the API parks at the wait: the overlay shows it on that node.
  const candidate = await t.prisma.candidate.create({ data: { orgId: org.orgId, firstName: 'Lin', lastName: 'Builder', email: `lin.${Date.now()}@example.com` } });
  const started = await recruiter('POST', `/api/pipelines/${pipelineId}/runs`, { candidateId: candidate.id });
  expect(started.status).toBe(201);
  await waitFor('the welcome email', async () => t.sink.messages().some((m) => m.to.includes(candidate.email!) && m.subject === 'Welcome, Lin'));

  await withFailureScreenshot(browser, 'builder-overlay', async () => {
    const badge = page.locator(`${nodeCard('wait_1')} ${byTestId('overlay-badge', { count: '1' })}`);
    await badge.waitFor({ timeout: 30_000 });
    expect(await page.locator(byTestId('overlay-badge')).count()).toBe(1);
    await expect(page.locator(`${nodeCard('wait_1')} ${byTestId('overlay-versions')}`).innerText()).resolves.toContain('v1: 1');
    await badge.click();
    await page.locator(byTestId('cohort-panel')).waitFor();
    await page.locator(byTestId('cohort-run-row'), { hasText: 'Lin' }).waitFor();
    await browser.screenshot('builder-overlay');
  });
  expect(browser.pageErrors).toEqual([]);
});

test('a second tab saving the same draft gets a conflict, and nothing is overwritten', async () => {
  const pipelineId = await createEmptyPipeline('Two tabs');
  const other = await browser.context.newPage();
  try {
    await page.goto(`/#/pipelines/${pipelineId}`);
    await other.goto(`/#/pipelines/${pipelineId}`);
    await page.locator(byTestId('canvas-empty')).waitFor();
    await other.locator(byTestId('canvas-empty')).waitFor();

    await page.locator(byTestId('palette-item', { 'node-type': 'trigger.manual' })).click();
    await page.locator(byTestId('save-status', { state: 'saved' })).filter({ hasText: 'revision 1' }).waitFor();

    await other.locator(byTestId('palette-item', { 'node-type': 'trigger.stage_entered' })).click();
    await other.locator(byTestId('draft-conflict')).waitFor();
    const onServer = await draftOnServer(pipelineId);
    expect(onServer.draftRevision).toBe(1);
    expect((onServer.draft as { nodes: { type: string }[] }).nodes.map((n) => n.type)).toEqual(['trigger.manual']);

    // The second tab keeps its edit in the browser; a reload still shows the conflict, not a loss.
    await other.reload();
    await other.locator(byTestId('draft-conflict')).waitFor();
    expect(await other.locator(byTestId('pipeline-node', { 'node-id': 'stage_entered_1' })).count()).toBe(1);
    await other.locator(byTestId('take-theirs-button')).click();
    await other.locator(byTestId('pipeline-node', { 'node-id': 'manual_1' })).waitFor();
    expect(await other.locator(byTestId('pipeline-node')).count()).toBe(1);
  } finally {
    await other.close();
  }
});

test('a reload before the autosave restores the unsaved edit, then saves it', async () => {
  const pipelineId = await createEmptyPipeline('Reload');
  await page.goto(`/#/pipelines/${pipelineId}`);
  await page.locator(byTestId('canvas-empty')).waitFor();
  await page.locator(byTestId('palette-item', { 'node-type': 'trigger.manual' })).click();
  await page.reload();
  await page.locator(byTestId('draft-restored')).waitFor();
  await page.locator(nodeCard('manual_1')).waitFor();
  await waitFor('the restored draft saved on the server', async () => (await draftOnServer(pipelineId)).draftRevision === 1);
  expect(((await draftOnServer(pipelineId)).draft as { nodes: { id: string }[] }).nodes.map((n) => n.id)).toEqual(['manual_1']);
  expect(browser.pageErrors).toEqual([]);
});

test('the standard hiring template on the canvas, with its problems panel and the live overlay (the screenshot in docs/)', async () => {
  const created = await recruiter('POST', '/api/pipelines', { name: 'Standard hiring', templateId: 'standard-hiring' });
  expect(created.status).toBe(201);
  const pipelineId = created.body.id as string;
  const job = await recruiter('POST', '/api/jobs', { title: 'Platform Engineer', department: 'Engineering', pipelineId });
  expect(job.status).toBe(201);
  expect((await recruiter('POST', `/api/pipelines/${pipelineId}/publish`)).status).toBe(201);
  for (const [firstName, lastName] of [['Ada', 'Lovelace'], ['Alan', 'Turing'], ['Grace', 'Hopper']] as const) {
    const email = `${firstName.toLowerCase()}.${Date.now()}@example.com`;
    const applied = await recruiter('POST', '/api/applications', { jobId: job.body.id, candidate: { firstName, lastName, email }, source: 'manual' });
    expect(applied.status).toBe(201);
  }
  await waitFor('three runs parked at the screen', async () => (await t.prisma.run.count({ where: { version: { pipelineId }, currentNodeId: 'screen' } })) === 3);

  await withFailureScreenshot(browser, 'builder-standard-hiring', async () => {
    await page.setViewportSize({ width: 1680, height: 1050 });
    await page.goto(`/#/pipelines/${pipelineId}`);
    await page.locator(`${nodeCard('screen')} ${byTestId('overlay-badge', { count: '3' })}`).waitFor({ timeout: 30_000 });
    await page.locator(byTestId('builder-tab-problems')).click();
    await page.locator(byTestId('no-problems')).waitFor();
    // Zoom towards the screening step, so the cards and the count read well in the picture.
    const screen = (await page.locator(nodeCard('screen')).boundingBox())!;
    await page.mouse.move(screen.x + screen.width / 2, screen.y + screen.height / 2);
    for (let i = 0; i < 3; i++) {
      await page.mouse.wheel(0, -250);
      await page.waitForTimeout(150);
    }
    await page.mouse.move(5, 5);
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'builder-standard-hiring.png') });
  });
  await page.setViewportSize({ width: 1440, height: 900 });
  expect(browser.pageErrors).toEqual([]);
});

test('simulate the canvas graph, compare two versions on the canvas, and roll back', async () => {
  const name = `Silver medalists ${Date.now()}`;
  await withFailureScreenshot(browser, 'builder-new-from-template', async () => {
    await page.goto('/#/pipelines');
    await page.locator(byTestId('new-pipeline-button')).click();
    await page.locator(byTestId('new-pipeline-name')).fill(name);
    await page.locator(byTestId('template-option', { 'template-id': 'silver-medalist-nurture' })).click();
    await page.locator(byTestId('new-pipeline-submit')).click();
    await page.locator(byTestId('pipeline-node')).first().waitFor();
  });
  const pipelineId = (await t.prisma.pipeline.findFirstOrThrow({ where: { orgId: org.orgId, name } })).id;
  expect(page.url()).toContain(pipelineId);
  expect((await recruiter('POST', `/api/pipelines/${pipelineId}/publish`)).status).toBe(201);

  await withFailureScreenshot(browser, 'builder-simulate', async () => {
    await page.locator(byTestId('builder-tab-simulate')).click();
    await page.locator(byTestId('simulation-run-button')).click();
    await page.locator(byTestId('simulation-entry', { kind: 'email' })).first().waitFor();
    await page.locator(byTestId('simulation-outcome')).waitFor();
    // The path the dry run took is drawn on the canvas.
    await page.locator('[data-testid="pipeline-node"].is-on-path').first().waitFor();
    await browser.screenshot('builder-simulation');
  });

  // Version 2 renames the trigger; compare v1 with v2, then roll back to v1 (published as v3).
  const detail = await recruiter('GET', `/api/pipelines/${pipelineId}`);
  const graph = detail.body.draft as { nodes: { id: string; type: string }[]; edges: unknown[] };
  const renamed = { ...graph, nodes: graph.nodes.map((node) => (node.type === 'trigger.manual' ? { ...node, label: 'Started by a recruiter' } : node)) };
  expect((await recruiter('PUT', `/api/pipelines/${pipelineId}/draft`, { graph: renamed, revision: detail.body.draftRevision })).status).toBe(200);
  expect((await recruiter('POST', `/api/pipelines/${pipelineId}/publish`)).status).toBe(201);

  await withFailureScreenshot(browser, 'builder-versions', async () => {
    await page.reload();
    await page.locator(byTestId('builder-tab-versions')).click();
    await page.locator(`${byTestId('version-row', { version: '1' })} input[type="checkbox"]`).check();
    await page.locator(`${byTestId('version-row', { version: '2' })} input[type="checkbox"]`).check();
    await page.locator(byTestId('compare-versions-button')).click();
    await page.locator(byTestId('diff-banner')).waitFor();
    await page.locator(byTestId('diff-summary', { changed: '1' })).waitFor();
    await page.locator('[data-testid="pipeline-node"].diff-changed').waitFor();
    await browser.screenshot('builder-version-diff');
    await page.locator(byTestId('close-diff-button')).click();

    await page.locator(byTestId('rollback-button', { version: '1' })).click();
    await page.locator(byTestId('confirm-rollback-button')).click();
    await page.locator(byTestId('rollback-notice', { kind: 'done' })).waitFor();
  });
  const versions = await t.prisma.pipelineVersion.findMany({ where: { pipelineId }, orderBy: { version: 'asc' } });
  expect(versions.map((v) => v.version)).toEqual([1, 2, 3]);
  expect(versions[2]!.hash).toBe(versions[0]!.hash);
  expect(browser.pageErrors).toEqual([]);
});
