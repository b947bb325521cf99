// The API alone, as its own process, for the benchmarks that compare it with plain SQL: started by
// startApiBeside (bench/side-by-side.ts) so the benchmark's client, its direct pool and the API do not share
// one event loop (in one process the client's own work was counted in the API's latency). Reads the database
// from BENCH_API_DATABASE_URL, prints one line `{"url": ...}` once it listens, stops on SIGTERM or SIGINT.
import { loadConfig } from '../api/platform/config';
import { createLogger } from '../api/platform/logger';
import { startSystem } from '../api/system';

async function main() {
  const databaseUrl = process.env.BENCH_API_DATABASE_URL;
  if (!databaseUrl) throw new Error('BENCH_API_DATABASE_URL is not set');
  // No worker: Temporal and SMTP are never dialled by the routes measured.
  const config = loadConfig({ DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: '127.0.0.1:1', SMTP_URL: 'smtp://127.0.0.1:1', PORT: '0', DEV_LOGIN: 'false', LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'error' });
  const system = await startSystem(config, { api: true, worker: false }, createLogger(config.LOG_LEVEL));
  const stop = () => void system.stop().then(() => process.exit(0), () => process.exit(1));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  process.stdout.write(`${JSON.stringify({ url: system.url })}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
