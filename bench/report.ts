// Writes a benchmark's result to bench/results/<name>.json (overwritten each
// run) with the machine it ran on, so a number is never read without its context.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Client as PgClient } from 'pg';
import { TEMPORAL_CLI_VERSION } from '../api/platform/temporal/cli';

export const RESULTS_DIR = path.join(__dirname, 'results');

export async function machineInfo(probe: PgClient) {
  const { rows } = await probe.query<{ version: string }>('SELECT version()');
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    totalMemoryGb: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    postgres: rows[0]?.version ?? 'unknown',
    temporalCli: TEMPORAL_CLI_VERSION,
    temporalSdk: (require('@temporalio/client/package.json') as { version: string }).version,
  };
}

export function writeResult(name: string, result: object): string {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.json`);
  fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}
