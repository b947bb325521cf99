// One process at a time opens an embedded PGlite data directory: a lock file
// with the owner's pid, refused while that process lives, taken over once it is
// gone (an app killed outright), removed by its release.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { lockDataDir } from '../../../../api/platform/db/embedded-postgres';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-pglite-lock-'));
const lockFile = path.join(dataDir, 'pgdata.lock');

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

test('a live owner is refused and keeps its lock', () => {
  const other = spawn('sleep', ['60'], { stdio: 'ignore' });
  try {
    fs.writeFileSync(lockFile, String(other.pid));
    expect(() => lockDataDir(dataDir)).toThrow(`is in use by process ${other.pid} (is \`npm start\` running?)`);
    expect(fs.readFileSync(lockFile, 'utf8')).toBe(String(other.pid));
  } finally {
    other.kill('SIGKILL');
    fs.rmSync(lockFile, { force: true });
  }
});

test('a dead owner\'s lock is taken over; the release removes it', () => {
  fs.writeFileSync(lockFile, String(spawnSync('true').pid));
  const release = lockDataDir(dataDir);
  expect(fs.readFileSync(lockFile, 'utf8')).toBe(String(process.pid));
  release();
  expect(fs.existsSync(lockFile)).toBe(false);
});
