// The embedded Temporal: the CLI's dev server as a child process, persisted in
// a SQLite file under the data directory, with its Web UI. It stops with the app.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { ensureTemporalCli } from './cli';

export interface DevServer {
  address: string;
  uiUrl: string;
  stop(): Promise<void>;
}

export interface DevServerOptions {
  dataDir: string;
  port: number;
  uiPort: number;
  namespace: string;
  /** Keep history in a SQLite file (default) or in memory (tests). */
  isPersistent?: boolean;
  log: (msg: string) => void;
}

async function waitForPort(port: number, child: ChildProcess | undefined, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`Temporal dev server exited with code ${child.exitCode}`);
    const isOpen = await new Promise<boolean>((resolve) => {
      const sock = net.connect(port, '127.0.0.1');
      sock.once('connect', () => (sock.destroy(), resolve(true)));
      sock.once('error', () => resolve(false));
    });
    if (isOpen) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Temporal dev server did not listen on :${port} within ${timeoutMs} ms`);
}

/** A file of /proc/<pid>/ (Linux); null when the process is gone or there is no /proc. */
function readProc(pid: number, file: 'cmdline' | 'stat'): string | null {
  try {
    return fs.readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return null;
  }
}

/**
 * A dev server left behind by an app that was killed (SIGKILL cannot stop its
 * children) still holds the ports and the SQLite file: stop it first. One whose
 * parent, a Node process, is alive belongs to a running app (`npm start`, the
 * seed): refuse rather than pull it from under that app.
 */
function stopOrphan(dataDir: string, pidFile: string, log: (msg: string) => void): void {
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8'));
  if (readProc(pid, 'cmdline')?.includes('start-dev')) {
    const stat = readProc(pid, 'stat');
    const owner = stat ? Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) : 0;
    if (owner > 1 && owner !== process.pid && /node|tsx/.test(readProc(owner, 'cmdline') ?? '')) {
      throw new Error(`the embedded Temporal dev server of ${dataDir} belongs to running process ${owner} (is \`npm start\` running?); stop it first, or set TEMPORAL_ADDRESS`);
    }
    try {
      process.kill(pid, 'SIGKILL');
      log(`stopped a Temporal dev server left over from an earlier run (pid ${pid})`);
    } catch {
      // Exited meanwhile.
    }
  }
  fs.rmSync(pidFile, { force: true });
}

/** Starts the CLI dev server and waits for its port; the error keeps the start and the end of what it printed. */
async function spawnAndWait(cli: string, args: string[], opts: DevServerOptions, pidFile: string): Promise<ChildProcess> {
  const child = spawn(cli, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: false });
  if (opts.isPersistent !== false && child.pid) fs.writeFileSync(pidFile, String(child.pid));
  let head = '';
  let tail = '';
  child.stderr?.on('data', (d: Buffer) => {
    if (head.length < 2000) head += d.toString().slice(0, 2000 - head.length);
    tail = (tail + d.toString()).slice(-2000);
  });
  child.stdout?.resume();
  try {
    await waitForPort(opts.port, child, 60_000);
    return child;
  } catch (err) {
    const isEarlyExit = child.exitCode !== null;
    child.kill('SIGKILL');
    const printed = head.length < 2000 ? head : `${head}\n...\n${tail}`;
    throw Object.assign(new Error(`${(err as Error).message}\n${printed}`), { isEarlyExit });
  }
}

export async function startDevServer(opts: DevServerOptions): Promise<DevServer> {
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const dbFile = path.join(opts.dataDir, 'temporal.sqlite');
  const pidFile = path.join(opts.dataDir, 'temporal.pid');
  if (opts.isPersistent !== false) stopOrphan(opts.dataDir, pidFile, opts.log);
  const cli = await ensureTemporalCli(opts.log);
  if (!cli) return startWithSdkDownload(opts, dbFile);

  const args = [
    'server', 'start-dev',
    '--ip', '127.0.0.1',
    '--port', String(opts.port),
    '--ui-port', String(opts.uiPort),
    '--namespace', opts.namespace,
    '--log-level', 'error',
  ];
  if (opts.isPersistent !== false) args.push('--db-filename', dbFile);
  const child = await spawnAndWait(cli, args, opts, pidFile).catch(async (err: Error & { isEarlyExit?: boolean }) => {
    // A server that dies while starting (seen once in CI, a Go panic while it was being built, right after
    // another server on the same files had stopped) gets one more try; a second failure is reported.
    if (!err.isEarlyExit) throw err;
    opts.log(`the Temporal dev server exited while starting; trying once more (${err.message.split('\n')[0]})`);
    await new Promise((r) => setTimeout(r, 2000));
    return spawnAndWait(cli, args, opts, pidFile);
  });
  return {
    address: `127.0.0.1:${opts.port}`,
    uiUrl: `http://localhost:${opts.uiPort}`,
    async stop() {
      if (opts.isPersistent !== false) fs.rmSync(pidFile, { force: true });
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Last resort on machines with internet: the SDK downloads and runs the CLI. */
async function startWithSdkDownload(opts: DevServerOptions, dbFile: string): Promise<DevServer> {
  const { TestWorkflowEnvironment } = await import('@temporalio/testing');
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'cached-download', downloadDir: path.join(opts.dataDir, 'temporal-cli') },
      ip: '127.0.0.1',
      port: opts.port,
      ui: true,
      uiPort: opts.uiPort,
      namespace: opts.namespace,
      dbFilename: opts.isPersistent === false ? undefined : dbFile,
    },
  });
  return { address: `127.0.0.1:${opts.port}`, uiUrl: `http://localhost:${opts.uiPort}`, stop: () => env.teardown() };
}
