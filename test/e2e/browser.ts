// Headless Chromium for the browser tests: the system's Chromium driven by playwright-core (no
// downloaded browsers), a throwaway profile per session, an API token placed in localStorage
// before the app boots, and screenshots under test-artifacts/e2e/ (gitignored).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { UI_DIST } from '../../api/app';
import { apiClient, createTestOrg, startTestSystem, type TestOrg, type TestSystem } from '../support/harness';

export const SCREENSHOT_DIR = path.resolve(__dirname, '../../test-artifacts/e2e');

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Quiet, offline, sandbox-free: the browser talks to the local test server and nothing else.
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
// Must match TOKEN_STORAGE_KEY in builder-ui/src/api.ts.
const TOKEN_STORAGE_KEY = 'trellis.apiToken';
const ACTION_TIMEOUT_MS = 20_000;

export interface BrowserSession {
  page: Page;
  context: BrowserContext;
  /** Uncaught exceptions thrown in the page (a React crash shows up here). */
  pageErrors: Error[];
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export async function openBrowser(opts: { baseUrl: string; apiToken: string }): Promise<BrowserSession> {
  if (!fs.existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH} (set CHROMIUM_PATH)`);
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-e2e-chromium-'));
  // A persistent context on a fresh directory: the default context of a brand-new profile.
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    baseURL: opts.baseUrl,
    viewport: { width: 1440, height: 900 },
  });
  // Only the app's own document: sandboxed frames (the mailbox's HTML view) have no localStorage.
  await context.addInitScript(([key, token]) => {
    if (window === window.top) window.localStorage.setItem(key, token);
  }, [TOKEN_STORAGE_KEY, opts.apiToken] as const);
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: Error[] = [];
  page.on('pageerror', (err) => pageErrors.push(err));
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });

  return {
    page,
    context,
    pageErrors,
    async screenshot(name) {
      const file = path.join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    async close() {
      await context.close().catch(() => undefined);
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Runs a browser step; on failure saves `failure-<name>.png` next to the other screenshots. */
export async function withFailureScreenshot<T>(session: BrowserSession, name: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (err) {
    await session.screenshot(`failure-${name}`).catch(() => undefined);
    // An exception in the page (a render crash leaves it blank) explains the failure better than a timeout.
    if (session.pageErrors.length > 0 && err instanceof Error) {
      err.message += `\nerrors in the page:\n${session.pageErrors.map((e) => `  ${e.stack ?? e.message}`).join('\n')}`;
    }
    throw err;
  }
}

/** Browser tests drive the built UI; say so plainly when it is missing. */
export function assertUiBuilt(): void {
  if (!fs.existsSync(path.join(UI_DIST, 'index.html'))) throw new Error(`the UI is not built (${UI_DIST}): run \`npm run build\` first`);
}

/** `[data-testid="x"][data-a="b"]`: the selector of an element by test id and data attributes. */
export const byTestId = (testId: string, attrs: Record<string, string> = {}) =>
  `[data-testid="${testId}"]${Object.entries(attrs).map(([k, v]) => `[data-${k}="${v}"]`).join('')}`;

/** What most browser tests start from: the real system, a fresh organization, and Chromium signed in as its recruiter. */
export interface RecruiterBrowserTest {
  t: TestSystem;
  org: TestOrg;
  /** The API as the same recruiter, for setting the scene and checking outcomes. */
  recruiter: ReturnType<typeof apiClient>;
  browser: BrowserSession;
  page: Page;
  stop(): Promise<void>;
}

export async function startRecruiterBrowserTest(): Promise<RecruiterBrowserTest> {
  assertUiBuilt();
  const t = await startTestSystem();
  const org = await createTestOrg(t.prisma);
  const browser = await openBrowser({ baseUrl: t.url, apiToken: org.tokens.recruiter });
  return {
    t, org, browser, page: browser.page, recruiter: apiClient(t.url, org.tokens.recruiter),
    async stop() {
      await browser.close();
      await t.stop();
    },
  };
}
