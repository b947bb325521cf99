// Timing one thing against its peer on a shared machine: both sides take turns in rounds at the same
// concurrency (so a burst of load from elsewhere falls on both), and the server's own execution time of a
// statement with its plan (EXPLAIN ANALYZE), for the benchmarks that compare the API with plain SQL.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { Client as PgClient, Pool } from 'pg';
import { forEachConcurrently, now, round, summarize, type Summary } from './stats';

/**
 * The API alone (no worker, no Temporal or SMTP needed) on a benchmark database, in a process of its own
 * (bench/api-process.ts), a direct pool of the API's size (10, so both sides queue alike), a probe connection
 * and the bearer headers of a recruiter's token. The API has its own event loop, as in production; the
 * benchmark's client and the direct side share this one.
 */
export async function startApiBeside(databaseUrl: string, token: string) {
  const api = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'api-process.ts')], {
    env: { ...process.env, BENCH_API_DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    api.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve((JSON.parse(line) as { url: string }).url);
    });
    api.once('exit', (code) => reject(new Error(`the API process exited with ${code} before it listened`)));
  });
  const direct = new Pool({ connectionString: databaseUrl, max: 10 });
  const probe = new PgClient({ connectionString: databaseUrl });
  await probe.connect();
  return {
    url, direct, probe, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    async stop() {
      await probe.end();
      await direct.end();
      if (api.exitCode === null) {
        const exited = new Promise((r) => api.once('exit', r));
        api.kill('SIGTERM');
        await exited;
      }
    },
  };
}

/**
 * Latencies of each side at `concurrency`: first warm caches and connections, then ROUNDS slices of
 * samples / ROUNDS per side in turn.
 */
const ROUNDS = 5;
export async function measureSideBySide(samples: number, concurrency: number, sides: Record<string, () => Promise<void>>): Promise<Record<string, Summary>> {
  const latencies: Record<string, number[]> = {};
  for (const [name, fn] of Object.entries(sides)) {
    latencies[name] = [];
    for (let i = 0; i < concurrency * 2; i++) await fn();
  }
  for (let r = 0; r < ROUNDS; r++) {
    for (const [name, fn] of Object.entries(sides)) {
      await forEachConcurrently(Math.ceil(samples / ROUNDS), concurrency, async () => {
        const t0 = now();
        await fn();
        latencies[name]!.push(now() - t0);
      });
    }
  }
  return Object.fromEntries(Object.entries(latencies).map(([name, xs]) => [name, summarize(xs)]));
}

/** Server-side execution time (EXPLAIN ANALYZE, median of 5) and the plan's top nodes: what the query costs without any client. */
export async function explain(pool: Pool, statement: { text: string; values: unknown[] }) {
  const times: number[] = [];
  let plan = '';
  for (let i = 0; i < 5; i++) {
    const { rows } = await pool.query<{ 'QUERY PLAN': [{ 'Execution Time': number; Plan: { 'Node Type': string; Plans?: { 'Node Type': string; 'Index Name'?: string; Plans?: { 'Node Type': string; 'Index Name'?: string }[] }[] } }] }>(
      `EXPLAIN (ANALYZE, FORMAT JSON) ${statement.text}`, statement.values);
    const top = rows[0]!['QUERY PLAN'][0];
    times.push(top['Execution Time']);
    const walk = (node: { 'Node Type': string; 'Index Name'?: string; Plans?: unknown[] }): string =>
      `${node['Node Type']}${node['Index Name'] ? ` on ${node['Index Name']}` : ''}${node.Plans?.length ? ` > ${(node.Plans as typeof node[]).map(walk).join(', ')}` : ''}`;
    plan = walk(top.Plan);
  }
  return { executionMs: round(times.sort((a, b) => a - b)[2]!, 2), plan };
}
