// The quick start, as `npm start` runs it (scripts/start.ts in its own process):
// no DATABASE_URL (PGlite on disk), no TEMPORAL_ADDRESS (the CLI dev server with
// a SQLite file), no SMTP_URL (the in-process sink as the dev mailbox). An
// application flows end to end; Ctrl-C (SIGINT) stops everything; after a
// restart on the same data directory nothing is lost and the run resumes.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../api/platform/db/embedded-postgres';
import { apiClient, waitFor } from '../support/harness';
import { startApp, stopApp } from '../support/app-process';

// Starts whole processes (twice here): on a loaded 2-core machine that outlasts Jest's default.
const SLOW_PROCESS_TEST_MS = 300_000;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-embedded-'));
let app: ChildProcess | undefined;

async function npmStart(): Promise<{ url: string; uiPort: number }> {
  const [port, temporalPort, uiPort] = [await freePort(), await freePort(), await freePort()];
  const env: NodeJS.ProcessEnv = { ...process.env, TRELLIS_DATA_DIR: dataDir, PORT: String(port), TEMPORAL_DEV_PORT: String(temporalPort), TEMPORAL_DEV_UI_PORT: String(uiPort), LOG_LEVEL: 'warn' };
  for (const key of ['DATABASE_URL', 'TEMPORAL_ADDRESS', 'SMTP_URL', 'DEV_LOGIN']) delete env[key];
  const started = await startApp(env);
  app = started.app;
  expect(started.out).toContain(`Temporal Web UI:  http://localhost:${uiPort}`);
  return { url: `http://127.0.0.1:${port}`, uiPort };
}

async function ctrlC() {
  const exited = new Promise((r) => app!.once('exit', r));
  app!.kill('SIGINT');
  await exited;
  app = undefined;
}

const STOP_GRACE_MS = 20_000;

// Even after a failed or timed-out test: Ctrl-C, then SIGKILL if it has not stopped, so no child
// keeps Jest (and CI) from exiting.
afterAll(async () => {
  await stopApp(app, STOP_GRACE_MS);
  fs.rmSync(dataDir, { recursive: true, force: true });
}, STOP_GRACE_MS + 10_000);

test('npm start on embedded defaults: apply, dev mailbox, Ctrl-C, restart, nothing lost', async () => {
  const first = await npmStart();
  const anonymous = apiClient(first.url);
  expect((await anonymous('GET', '/api/health')).body).toEqual({ status: 'ok', database: 'up', temporal: 'up' });
  expect((await fetch(`http://127.0.0.1:${first.uiPort}/`)).status).toBe(200);
  expect(await (await fetch(first.url)).text()).toContain('<div id="root">');
  const session = await anonymous('GET', '/api/dev/session');
  expect(session.body.org.slug).toBe('acme');
  const admin = apiClient(first.url, session.body.token);

  const [job] = (await admin('GET', '/api/jobs')).body;
  expect(job.title).toBe('Senior Backend Engineer');
  const applied = await admin('POST', '/api/applications', { jobId: job.id, candidate: { firstName: 'Eve', lastName: 'Embedded', email: 'eve@example.com' } });
  expect(applied.status).toBe(201);
  const mail = await waitFor('the acknowledgement in the dev mailbox', async () => (await admin('GET', '/api/dev/mailbox')).body.find((m: any) => m.to.includes('eve@example.com')));
  expect(mail.subject).toBe('We received your application for Senior Backend Engineer');
  await waitFor('the feedback task', async () => (await admin('GET', '/api/tasks')).body.tasks.length === 1);

  await ctrlC();
  expect(fs.existsSync(path.join(dataDir, 'temporal.pid'))).toBe(false);
  expect(fs.existsSync(path.join(dataDir, 'temporal.sqlite'))).toBe(true);

  const second = await npmStart();
  const again = apiClient(second.url, session.body.token);
  const inbox = await again('GET', '/api/tasks');
  expect(inbox.body.tasks).toHaveLength(1);
  // The run survived in Temporal's SQLite file: the feedback resumes it.
  expect((await again('POST', `/api/tasks/${inbox.body.tasks[0].id}/feedback`, { score: 4, recommendation: 'yes' })).status).toBe(202);
  await waitFor('stage moved', async () => (await again('GET', `/api/applications/${applied.body.id}`)).body.stage.key === 'interview', 60_000);
  expect((await again('GET', '/api/dev/mailbox')).body.filter((m: any) => m.to.includes('eve@example.com'))).toHaveLength(1);
}, SLOW_PROCESS_TEST_MS);
