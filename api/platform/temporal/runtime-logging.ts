// Sends the Temporal SDK's own logs (worker state, core) into our one structured
// log stream instead of its default console format. Installed once per process.
import { DefaultLogger, Runtime, type LogLevel } from '@temporalio/worker';
import type { Logger } from '../logger';

let isInstalled = false;

const LEVELS: Record<LogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' };

export function installTemporalLogging(log: Logger): void {
  if (isInstalled) return;
  isInstalled = true;
  const temporalLog = log.child({ component: 'temporal-sdk' });
  Runtime.install({
    logger: new DefaultLogger('INFO', (entry) => temporalLog[LEVELS[entry.level]]({ ...(entry.meta ?? {}) }, entry.message)),
  });
}
