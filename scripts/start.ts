// `npm start` (everything in one process), `npm run api`, `npm run worker`.
// Ctrl-C (SIGINT) or SIGTERM stops every part cleanly, children included.
import { loadConfig } from '../api/platform/config';
import { createLogger } from '../api/platform/logger';
import { startSystem } from '../api/system';
import { ensureUiBuilt } from './ensure-ui-built';

async function main() {
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL);
  if (only && config.isEmbeddedDatabase) {
    log.warn('running api and worker as separate processes needs a shared DATABASE_URL (embedded PGlite allows one process)');
  }
  if (only !== 'worker') await ensureUiBuilt((msg) => log.info(msg));
  const system = await startSystem(config, { api: only !== 'worker', worker: only !== 'api' }, log);
  const lines = [
    '',
    '  Trellis is running',
    system.url ? `  App and API:      ${system.url}` : undefined,
    config.isEmbeddedTemporal ? `  Temporal Web UI:  ${system.temporalUiUrl}` : `  Temporal:         ${system.temporalAddress}`,
    system.mailbox && system.url ? `  Dev mailbox:      ${system.url}/#/mailbox` : undefined,
    '  Press Ctrl-C to stop.',
    '',
  ].filter(Boolean);
  process.stdout.write(lines.join('\n') + '\n');
  let isStopping = false;
  const shutdown = async (signal: string) => {
    if (isStopping) return;
    isStopping = true;
    log.info({ signal }, 'stopping');
    await system.stop();
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack ?? err.message : err);
  process.exit(1);
});
