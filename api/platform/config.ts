// Configuration, checked once at boot. Every variable has its embedded default
// spelled out here: with no environment at all, Trellis runs on PGlite, the
// Temporal CLI dev server and an in-process SMTP sink.
import crypto from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';

const ZBool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

export const ZConfig = z.object({
  /** HTTP port for the API and the built UI. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Interface to bind; embedded mode binds loopback only. */
  HOST: z.string().default('127.0.0.1'),
  /** Where embedded state lives: PGlite data, Temporal SQLite file, built CLI. */
  TRELLIS_DATA_DIR: z.string().default(path.resolve('.trellis')),
  /** PostgreSQL URL; unset = embedded PGlite persisted in TRELLIS_DATA_DIR/pgdata. */
  DATABASE_URL: z.string().url().optional(),
  /** host:port of a Temporal frontend; unset = start the Temporal CLI dev server. */
  TEMPORAL_ADDRESS: z.string().optional(),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  /** Temporal Cloud / mTLS: client certificate and key files (PEM). */
  TEMPORAL_TLS_CERT_PATH: z.string().optional(),
  TEMPORAL_TLS_KEY_PATH: z.string().optional(),
  /** Temporal Cloud API key (alternative to mTLS). */
  TEMPORAL_API_KEY: z.string().optional(),
  /** Base URL of the Temporal Web UI, for run links; default follows the dev server. */
  TEMPORAL_UI_URL: z.string().optional(),
  /** Ports of the embedded Temporal dev server. */
  TEMPORAL_DEV_PORT: z.coerce.number().int().default(7233),
  TEMPORAL_DEV_UI_PORT: z.coerce.number().int().default(8233),
  /** Explicit path of the Temporal CLI binary (checked first). */
  TEMPORAL_CLI_PATH: z.string().optional(),
  TEMPORAL_TASK_QUEUE: z.string().default('trellis'),
  /** smtp://user:pass@host:port relay; unset = in-process SMTP sink shown as a dev mailbox. */
  SMTP_URL: z.string().optional(),
  /** Port of the embedded SMTP sink (0 = any free port). */
  SMTP_SINK_PORT: z.coerce.number().int().default(0),
  /** Default sender for messages without an explicit from. */
  MAIL_FROM: z.string().default('Trellis Recruiting <recruiting@trellis.localhost>'),
  /** Fetch interviewers' ICS feeds from loopback and private addresses (off: a feed URL cannot reach internal services). */
  CALENDAR_FEED_ALLOW_PRIVATE: ZBool.default(false),
  /** Public base URL, used in links inside messages. */
  PUBLIC_URL: z.string().optional(),
  /** Allow GET /api/dev/session to hand the seeded admin token to loopback callers. Default: on in embedded mode. */
  DEV_LOGIN: ZBool.optional(),
  /** Session cookies: Secure and the __Host- prefix. Default: on when PUBLIC_URL is https. */
  SESSION_COOKIE_SECURE: ZBool.optional(),
  /** A session unused this long ends (minutes). */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(120),
  /** A session ends this long after login whatever its use (hours). */
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(12),
  /** Key for HMACs of client addresses and emails (rate-limit buckets, Session.ipHash). Default: derived from DATABASE_URL (or the data dir), so every API process of one deployment agrees. */
  AUTH_HMAC_KEY: z.string().min(16).optional(),
  /** Key for the signed links and addresses in candidate emails (open pixel, click redirect, unsubscribe, preference center, reply and bounce addresses). Default: derived like AUTH_HMAC_KEY, under its own prefix. */
  LINK_SIGNING_KEY: z.string().min(32).optional(),
  /** Domain of the reply addresses (reply+<token>@domain) that thread candidates' replies back; its MX must reach the inbound SMTP listener. Default: the domain of MAIL_FROM. */
  REPLY_DOMAIN: z.string().regex(/^[A-Za-z0-9.-]+$/, 'a domain name').max(200).optional(),
  /** Port of the inbound SMTP listener for replies and bounces (0 = any free port, logged at start). */
  INBOUND_SMTP_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  /** Do not start the inbound SMTP listener (replies then arrive only through POST /api/inbound/email). */
  INBOUND_SMTP_DISABLED: ZBool.default(false),
  /** Shared secret of the inbound mail webhooks (POST /api/inbound/email, /api/inbound/bounce; header X-Trellis-Inbound-Secret). Unset = the webhooks refuse every call. */
  INBOUND_WEBHOOK_SECRET: z.string().min(16).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** How often the outbox dispatcher polls for undelivered work, in ms. */
  OUTBOX_POLL_MS: z.coerce.number().int().min(10).default(1000),
  /** Do not start the clock-driven jobs (api/services/periodic-job-list.ts); tests run them with runNow. */
  PERIODIC_JOBS_DISABLED: ZBool.default(false),
});

export type TConfig = z.infer<typeof ZConfig> & { SESSION_COOKIE_SECURE: boolean; AUTH_HMAC_KEY: string; LINK_SIGNING_KEY: string; REPLY_DOMAIN: string; isEmbeddedDatabase: boolean; isEmbeddedTemporal: boolean; isEmbeddedMail: boolean };

export function loadConfig(env: NodeJS.ProcessEnv = process.env): TConfig {
  // An empty variable means unset (so PORT= does not become port 0).
  const set = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ZConfig.safeParse(set);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const isEmbeddedDatabase = !c.DATABASE_URL;
  return {
    ...c,
    isEmbeddedDatabase,
    isEmbeddedTemporal: !c.TEMPORAL_ADDRESS,
    isEmbeddedMail: !c.SMTP_URL,
    DEV_LOGIN: c.DEV_LOGIN ?? isEmbeddedDatabase,
    SESSION_COOKIE_SECURE: c.SESSION_COOKIE_SECURE ?? (c.PUBLIC_URL ?? '').startsWith('https:'),
    AUTH_HMAC_KEY: c.AUTH_HMAC_KEY ?? crypto.createHash('sha256').update(`trellis-auth:${c.DATABASE_URL ?? c.TRELLIS_DATA_DIR}`).digest('base64url'),
    LINK_SIGNING_KEY: c.LINK_SIGNING_KEY ?? crypto.createHash('sha256').update(`trellis-links:${c.DATABASE_URL ?? c.TRELLIS_DATA_DIR}`).digest('base64url'),
    REPLY_DOMAIN: c.REPLY_DOMAIN ?? (/@([A-Za-z0-9.-]+)>?\s*$/.exec(c.MAIL_FROM)?.[1] ?? 'trellis.localhost'),
  };
}
