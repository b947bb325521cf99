// Finds the Temporal CLI, or builds it. Order: TEMPORAL_CLI_PATH, `temporal` on
// PATH, a copy built earlier (user cache), `go install` when Go is present
// (minutes, once, with progress), and last the SDK's own download (machines with
// internet access only).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const TEMPORAL_CLI_VERSION = 'v1.5.1';
const GO_PACKAGE = `github.com/temporalio/cli/cmd/temporal@${TEMPORAL_CLI_VERSION}`;

type Log = (msg: string) => void;

export function cliCacheDir(): string {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'trellis', 'temporal-cli', TEMPORAL_CLI_VERSION);
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, name);
    if (dir && isExecutable(candidate)) return candidate;
  }
  return undefined;
}

/** The CLI without building anything, or undefined. */
export function findTemporalCli(): string | undefined {
  const explicit = process.env.TEMPORAL_CLI_PATH;
  if (explicit) {
    if (!isExecutable(explicit)) throw new Error(`TEMPORAL_CLI_PATH=${explicit} is not an executable file`);
    return explicit;
  }
  return onPath('temporal') ?? (isExecutable(path.join(cliCacheDir(), 'temporal')) ? path.join(cliCacheDir(), 'temporal') : undefined);
}

function findGo(): string | undefined {
  return onPath('go') ?? (isExecutable('/usr/local/go/bin/go') ? '/usr/local/go/bin/go' : undefined);
}

/** Builds the CLI with `go install` into the cache dir, printing progress as modules download and compile. */
export async function buildTemporalCli(go: string, log: Log): Promise<string> {
  const dir = cliCacheDir();
  fs.mkdirSync(dir, { recursive: true });
  log(`Building the Temporal CLI ${TEMPORAL_CLI_VERSION} with Go (once; a few minutes) into ${dir}`);
  const started = Date.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(go, ['install', '-v', GO_PACKAGE], {
      env: { ...process.env, GOBIN: dir, GOFLAGS: process.env.GOFLAGS ?? '-mod=mod' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let downloaded = 0;
    let compiled = 0;
    let lastReport = 0;
    const report = (force = false) => {
      if (!force && Date.now() - lastReport < 5000) return;
      lastReport = Date.now();
      const secs = Math.round((Date.now() - started) / 1000);
      log(`  temporal CLI build: ${downloaded} modules downloaded, ${compiled} packages compiled, ${secs}s elapsed`);
    };
    let tail = '';
    child.stderr.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        if (!line.trim()) continue;
        if (line.startsWith('go: downloading')) downloaded++;
        else compiled++;
        tail = (tail + line + '\n').slice(-4000);
      }
      report();
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      report(true);
      if (code === 0) resolve();
      else reject(new Error(`go install ${GO_PACKAGE} failed (exit ${code}):\n${tail}`));
    });
  });
  const bin = path.join(dir, 'temporal');
  if (!isExecutable(bin)) throw new Error(`go install finished but ${bin} is missing`);
  log(`Temporal CLI ready: ${bin}`);
  return bin;
}

/**
 * Resolves the CLI, building it when it is nowhere to be found. Returns
 * undefined when neither a CLI nor Go is available: the caller then lets the
 * SDK download the CLI (see dev-server.ts), which needs internet access.
 */
export async function ensureTemporalCli(log: Log = console.log): Promise<string | undefined> {
  const found = findTemporalCli();
  if (found) return found;
  const go = findGo();
  if (go) return buildTemporalCli(go, log);
  log('No Temporal CLI and no Go toolchain: the Temporal SDK will download the CLI (needs internet access)');
  return undefined;
}

/** `temporal --version`, for logs and troubleshooting. */
export function temporalCliVersion(bin: string): string {
  const out = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  return (out.stdout || out.stderr).trim();
}
