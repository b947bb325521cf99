// The embedded Temporal dev server of a data directory: one still owned by a
// live Node process (a running `npm start`, or the seed) is left alone and the
// second start refuses; one orphaned by a killed app is stopped and replaced.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../../api/platform/db/embedded-postgres';
import { startDevServer } from '../../../api/platform/temporal/dev-server';
import { waitFor } from '../../support/harness';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-dev-server-'));
let owner: ChildProcess | undefined;
let standIn = 0;

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Gone, or a zombie its new parent has not reaped yet. */
const isGone = (pid: number) => {
  try {
    return !isAlive(pid) || fs.readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z');
  } catch {
    return true;
  }
};

afterAll(() => {
  for (const pid of [owner?.pid, standIn]) if (pid && isAlive(pid)) process.kill(pid, 'SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('a dev server whose app is alive is refused, an orphan is replaced', async () => {
  // A Node "app" whose child looks like a dev server (start-dev on its command line).
  owner = spawn(process.execPath, ['-e', `
    const child = require('node:child_process').spawn('/bin/sh', ['-c', 'sleep 120', 'start-dev'], { stdio: 'ignore' });
    console.log(child.pid);
    setInterval(() => {}, 1000);
  `], { stdio: ['ignore', 'pipe', 'inherit'] });
  standIn = await new Promise<number>((resolve) => owner!.stdout!.once('data', (d: Buffer) => resolve(Number(d.toString().trim()))));
  fs.writeFileSync(path.join(dataDir, 'temporal.pid'), String(standIn));
  const options = { dataDir, port: await freePort(), uiPort: await freePort(), namespace: 'default', log: () => undefined };

  await expect(startDevServer(options)).rejects.toThrow(`belongs to running process ${owner.pid}`);
  expect(isAlive(standIn)).toBe(true);
  expect(fs.existsSync(path.join(dataDir, 'temporal.pid'))).toBe(true);

  // The app is killed outright: its dev server is an orphan now.
  owner.kill('SIGKILL');
  await waitFor('the app to exit', async () => !isAlive(owner!.pid!));
  const messages: string[] = [];
  const server = await startDevServer({ ...options, log: (m) => messages.push(m) });
  try {
    expect(messages).toContain(`stopped a Temporal dev server left over from an earlier run (pid ${standIn})`);
    await waitFor('the orphan to be gone', async () => isGone(standIn));
  } finally {
    await server.stop();
  }
}, 120_000);
