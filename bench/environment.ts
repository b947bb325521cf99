// The one environment both benchmarks share, so Trellis and its peer meet the
// same Temporal dev server and the same PostgreSQL in one run: the integration
// tests' setup (fresh database, in-memory dev server), the real system (API +
// worker, SMTP to an in-process sink), and next to it the peer, a bare Worker
// on its own task queue with a bare client.
import crypto from 'node:crypto';
import { Client as PgClient, Pool } from 'pg';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, NativeConnection, Worker } from '@temporalio/worker';
import globalSetup from '../test/support/global-setup';
import globalTeardown from '../test/support/global-teardown';
import { apiClient, createTestOrg, startTestSystem, type TestSystem } from '../test/support/harness';
import { createHiringJob } from '../test/support/fixtures';
import { loadConfig } from '../api/platform/config';
import { createPeerActivities, createPeerTable } from './peer-activities';

export interface Peer {
  client: Client;
  taskQueue: string;
  pool: Pool;
}

export interface BenchEnvironment {
  system: TestSystem;
  peer: Peer;
  /** A dedicated connection for the benchmarks' own polling, off the system's and the peer's pools. */
  probe: PgClient;
  /** Name of this run's PostgreSQL database (fresh per run). */
  databaseName: string;
  stop(): Promise<void>;
}

/** A fresh organization with a job running the example application-review pipeline; calls as its recruiter. */
export async function createHiringOrg(env: BenchEnvironment) {
  const org = await createTestOrg(env.system.prisma);
  const recruiter = apiClient(env.system.url, org.tokens.recruiter);
  const { jobId } = await createHiringJob(recruiter);
  return { org, recruiter, jobId };
}

export async function startBenchEnvironment(): Promise<BenchEnvironment> {
  await globalSetup();
  try {
    return await startOnSetup();
  } catch (err) {
    await globalTeardown(); // drop the database, stop the dev server
    throw err;
  }
}

async function startOnSetup(): Promise<BenchEnvironment> {
  const databaseUrl = process.env.TEST_DATABASE_URL!;
  // The shipped outbox poll interval, not the tests' faster one.
  const system = await startTestSystem({ config: { OUTBOX_POLL_MS: String(loadConfig({}).OUTBOX_POLL_MS), LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'error' } });
  const address = system.system.temporalAddress;

  const pool = new Pool({ connectionString: databaseUrl, max: 10 });
  await createPeerTable(pool);
  const taskQueue = `bench-peer-${crypto.randomBytes(4).toString('hex')}`;
  const workerConnection = await NativeConnection.connect({ address });
  const worker = await Worker.create({
    connection: workerConnection,
    taskQueue,
    workflowBundle: await bundleWorkflowCode({ workflowsPath: require.resolve('./peer-workflows'), logger: { trace() {}, debug() {}, info() {}, warn() {}, error: console.error, log() {} } as never }),
    activities: createPeerActivities(pool),
  });
  const running = worker.run();
  const connection = await Connection.connect({ address });
  const probe = new PgClient({ connectionString: databaseUrl });
  await probe.connect();

  return {
    system,
    peer: { client: new Client({ connection }), taskQueue, pool },
    probe,
    databaseName: new URL(databaseUrl).pathname.slice(1),
    async stop() {
      await probe.end();
      await connection.close();
      worker.shutdown();
      await running.catch(() => undefined);
      await workerConnection.close();
      await pool.end();
      await system.stop();
      await globalTeardown();
    },
  };
}
