// `npm run seed [-- --candidates N]`: demo data for a living system. Boots the
// same system `npm start` runs (database and migrations, Temporal, a worker,
// mail, the outbox; the HTTP API on a random loopback port nobody needs), writes
// through the real services, waits until the runs are parked, and stops. Runs
// live on in Temporal (the embedded dev server's SQLite file) and resume on the
// next `npm start`. With embedded PGlite, a running `npm start` holds the data
// directory and the seed refuses to start. Safe to run again: it adds only
// what is missing.
import { loadConfig } from '../api/platform/config';
import { createLogger } from '../api/platform/logger';
import { startSystem, type RunningSystem } from '../api/system';
import { DEFAULT_CANDIDATES, seedDemo } from './seed/seed-demo';
import { loginLines, seedSummary } from './seed/seed-summary';

const USAGE = `Usage: npm run seed [-- --candidates N]

Creates the demo organization "acme": a user per role, six jobs with published pipelines,
N candidates (default ${DEFAULT_CANDIDATES}) with PDF resumes applying through the public apply path, their
interviews, scorecards, rejections, a hire, notes and inbox tasks, and pipeline runs parked at
their waits. Running it again adds only what is missing.`;

function parseArgs(argv: string[]): { candidates: number } | null {
  let candidates = DEFAULT_CANDIDATES;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return null;
    const value = arg.startsWith('--candidates=') ? arg.slice('--candidates='.length) : arg === '--candidates' ? argv[++i] : undefined;
    if (value === undefined) throw new Error(`unknown argument ${arg}\n\n${USAGE}`);
    candidates = Number(value);
    if (!Number.isInteger(candidates) || candidates < 1 || candidates > 999) throw new Error(`--candidates must be a whole number from 1 to 999, not ${value}`);
  }
  return { candidates };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!args) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const env = process.env;
  const base = loadConfig(env);
  // No fixed port (npm start may hold it); links in the demo emails point where npm start will serve.
  const config = loadConfig({ ...env, PORT: '0', LOG_LEVEL: env.LOG_LEVEL || 'warn', PUBLIC_URL: env.PUBLIC_URL || `http://${base.HOST}:${base.PORT}` });
  const log = createLogger(config.LOG_LEVEL);
  const say = (line: string) => process.stdout.write(`${line}\n`);
  say(`seed: starting ${config.isEmbeddedDatabase ? `the embedded database in ${config.TRELLIS_DATA_DIR}` : 'against DATABASE_URL'}, ` +
    `${config.isEmbeddedTemporal ? 'the embedded Temporal (the first run builds its CLI, a few minutes)' : `Temporal at ${config.TEMPORAL_ADDRESS}`} and a worker`);
  let system: RunningSystem | undefined;
  let isStopping = false;
  const stop = async (code: number) => {
    if (isStopping) return;
    isStopping = true;
    await system?.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(130));
  process.on('SIGTERM', () => void stop(143));

  system = await startSystem(config, { api: true, worker: true }, log);
  try {
    const started = Date.now();
    const result = await seedDemo(system.services!, { candidates: args.candidates, report: (line) => say(`seed: ${line}`) });
    const summary = await seedSummary(system.db.prisma, result);
    say(`\n  Demo data for "${result.org.name}" ready in ${Math.round((Date.now() - started) / 1000)} s`);
    for (const line of summary) say(line);
    say('\n  Logins (demo passwords, for local use only):');
    for (const line of loginLines(result.org)) say(line);
    say(`\n  Run \`npm start\` and open http://${base.HOST}:${base.PORT} (the dev login is the admin), or sign in as anyone above.\n`);
  } catch (err) {
    isStopping = true;
    await system.stop();
    throw err;
  }
  await stop(0);
}

main().catch((err) => {
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`seed failed: ${message}\n`);
  if (process.env.LOG_LEVEL === 'debug' && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  process.exit(1);
});
