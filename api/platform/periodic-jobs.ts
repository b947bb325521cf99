// Work that runs on a clock inside the API process: the campaign enrollment sweep, job-alert digests,
// the retention sweep, no-show marking. Each job runs at most once at a time across every API process
// (a PostgreSQL advisory lock named after the job, held on its own connection; the embedded database has
// one connection and one process, so there the in-process guard is enough), never overlaps itself, and
// logs instead of crashing.
// Tests call `runNow(name)` to run one pass deterministically.
import crypto from 'node:crypto';
import type { Logger } from './logger';
import type { Services } from '../services/services';

export interface PeriodicJob {
  /** Stable name: the lock key and the log field. */
  name: string;
  everyMs: number;
  run: (services: Services) => Promise<unknown>;
}

export interface PeriodicJobRunner {
  start(): void;
  /** One pass of the named job, now (waits for a pass already running). */
  runNow(name: string): Promise<unknown>;
  stop(): Promise<void>;
}

/** Two 32-bit halves of a hash of the name: pg_try_advisory_lock(int, int). */
function lockKeys(name: string): [number, number] {
  const digest = crypto.createHash('sha256').update(`trellis-periodic:${name}`).digest();
  return [digest.readInt32BE(0), digest.readInt32BE(4)];
}

export function createPeriodicJobRunner(services: Services, jobs: readonly PeriodicJob[], log: Logger = services.log): PeriodicJobRunner {
  const running = new Map<string, Promise<unknown>>();
  const timers: NodeJS.Timeout[] = [];
  let stopped = false;

  async function pass(job: PeriodicJob): Promise<unknown> {
    if (services.config.isEmbeddedDatabase) return job.run(services);
    const client = await services.pool.connect();
    const [a, b] = lockKeys(job.name);
    try {
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS locked', [a, b]);
      if (!rows[0]!.locked) return undefined;
      try {
        return await job.run(services);
      } finally {
        await client.query('SELECT pg_advisory_unlock($1, $2)', [a, b]);
      }
    } finally {
      client.release();
    }
  }

  function trigger(job: PeriodicJob): Promise<unknown> {
    const current = running.get(job.name);
    if (current) return current;
    const started = pass(job).finally(() => running.delete(job.name));
    running.set(job.name, started);
    return started;
  }

  return {
    start() {
      for (const job of jobs) {
        const timer = setInterval(() => {
          if (stopped) return;
          trigger(job).catch((err) => log.warn({ job: job.name, err: (err as Error).message }, 'periodic job failed'));
        }, job.everyMs);
        timer.unref();
        timers.push(timer);
      }
    },
    runNow(name) {
      const job = jobs.find((j) => j.name === name);
      if (!job) throw new Error(`no periodic job named ${name}`);
      return trigger(job);
    },
    async stop() {
      stopped = true;
      for (const t of timers) clearInterval(t);
      await Promise.allSettled([...running.values()]);
    },
  };
}
