// One structured (JSON) log stream for every part of the process. Personal data
// and secrets are redacted by path, so a stray `log.info({ candidate })` is safe.
import pino from 'pino';

export const REDACTED_PATHS = [
  'email', '*.email', 'phone', '*.phone', 'password', '*.password', 'token', '*.token',
  'authorization', '*.authorization', 'req.headers.authorization', 'req.headers.cookie',
  'candidate.firstName', 'candidate.lastName', 'bodyText', 'bodyHtml', '*.bodyText', '*.bodyHtml',
];

export function createLogger(level = process.env.LOG_LEVEL ?? 'info'): pino.Logger {
  return pino({ level, base: { app: 'trellis' }, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } });
}

export type Logger = pino.Logger;
