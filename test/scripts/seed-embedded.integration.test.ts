// `npm run seed` on the embedded defaults of a fresh clone, as separate
// processes: the seed (a few applicants) on an empty data directory, then
// `npm start` on it shows the data and the parked runs; a seed while the app
// runs refuses at once and leaves the database alone; a demo login works.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../api/platform/db/embedded-postgres';
import { apiClient } from '../support/harness';
import { spawnScript, startApp, stopApp } from '../support/app-process';

const SLOW_PROCESS_TEST_MS = 300_000;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-seed-embedded-'));
let env: NodeJS.ProcessEnv;
let app: ChildProcess | undefined;

/** Runs the seed to its end: exit code and output. */
function seed(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawnScript('scripts/seed.ts', env, args);
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, out, err })));
}

beforeAll(async () => {
  const [port, temporalPort, uiPort] = [await freePort(), await freePort(), await freePort()];
  env = { ...process.env, TRELLIS_DATA_DIR: dataDir, PORT: String(port), TEMPORAL_DEV_PORT: String(temporalPort), TEMPORAL_DEV_UI_PORT: String(uiPort), LOG_LEVEL: 'warn' };
  for (const key of ['DATABASE_URL', 'TEMPORAL_ADDRESS', 'SMTP_URL', 'DEV_LOGIN', 'PUBLIC_URL']) delete env[key];
});

afterAll(async () => {
  await stopApp(app);
  fs.rmSync(dataDir, { recursive: true, force: true });
}, 30_000);

test('seed a fresh data directory, then npm start shows it; a seed beside a running app refuses', async () => {
  const first = await seed(['--candidates', '4']);
  expect(first.err).not.toContain('seed failed');
  expect(first.code).toBe(0);
  expect(first.out).toContain('seed: candidates 4/4');
  expect(first.out).toMatch(/riley@acme\.test\s+recruiter\s+trellis-demo-password/);
  expect(fs.existsSync(path.join(dataDir, 'pgdata.lock'))).toBe(false);
  expect(fs.existsSync(path.join(dataDir, 'temporal.pid'))).toBe(false);

  app = (await startApp(env)).app;
  const url = `http://127.0.0.1:${env.PORT}`;

  const beside = await seed(['--candidates', '4']);
  expect(beside.code).toBe(1);
  expect(beside.err).toContain(`is in use by process ${app.pid}`);

  const session = await apiClient(url)('GET', '/api/dev/session');
  const admin = apiClient(url, session.body.token);
  const jobs = (await admin('GET', '/api/jobs')).body as Array<{ title: string; status: string }>;
  expect(jobs.map((j) => j.status).sort()).toEqual(['CLOSED', 'DRAFT', 'OPEN', 'OPEN', 'OPEN', 'PENDING_APPROVAL']);
  const runs = (await admin('GET', '/api/runs')).body as Array<{ status: string }>;
  expect(runs.filter((r) => r.status === 'RUNNING').length).toBeGreaterThan(0);

  const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'riley@acme.test', password: 'trellis-demo-password' }) });
  expect(login.status).toBe(200);
}, SLOW_PROCESS_TEST_MS);
