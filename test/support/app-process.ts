// Trellis scripts as their own processes, for tests of the embedded setup:
// `npm start` is ready once it prints its banner, and is stopped with Ctrl-C
// (SIGKILL after a grace period, so no child keeps Jest from exiting).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export function spawnScript(script: string, env: NodeJS.ProcessEnv, args: string[] = [], stderr: 'pipe' | 'inherit' = 'pipe'): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', path.resolve(script), ...args], { env, stdio: ['ignore', 'pipe', stderr] });
}

/** scripts/start.ts with this environment, once it says it is running; `out` is what it printed until then. */
export async function startApp(env: NodeJS.ProcessEnv): Promise<{ app: ChildProcess; out: string }> {
  const app = spawnScript('scripts/start.ts', env, [], 'inherit');
  let out = '';
  await new Promise<void>((resolve, reject) => {
    app.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Press Ctrl-C to stop.')) resolve();
    });
    app.once('exit', (code) => reject(new Error(`npm start exited early with ${code}:\n${out}`)));
  });
  return { app, out };
}

/** Ctrl-C, then SIGKILL if it has not stopped within the grace period; nothing to do for a process that ended. */
export async function stopApp(child: ChildProcess | undefined, graceMs = 20_000): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGINT');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
