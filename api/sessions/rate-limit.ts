// Fixed-window rate limits shared by every API process (RateLimitCounter, an
// UNLOGGED table): one upsert per limited request. Callers pass a bucket that
// already hides the raw key (keyedHash of an IP or an email).
import type { Pool } from 'pg';
import { AppError } from '../errors';

export interface TRateLimit {
  /** e.g. "login:ip" */
  name: string;
  max: number;
  windowSeconds: number;
}

/** Counts one hit; returns the count in the current window. */
export async function hitRateLimit(pool: Pool, limit: TRateLimit, key: string, now = new Date()): Promise<number> {
  const windowMs = limit.windowSeconds * 1000;
  const windowStart = windowOf(limit, now);
  const { rows } = await pool.query<{ count: number }>(
    `INSERT INTO "RateLimitCounter" (bucket, "windowStart", count, "expiresAt") VALUES ($1, $2, 1, $3)
     ON CONFLICT (bucket, "windowStart") DO UPDATE SET count = "RateLimitCounter".count + 1
     RETURNING count`,
    [`${limit.name}:${key}`, windowStart, new Date(windowStart.getTime() + windowMs)],
  );
  return rows[0]!.count;
}

const windowOf = (limit: TRateLimit, now: Date) => {
  const windowMs = limit.windowSeconds * 1000;
  return new Date(Math.floor(now.getTime() / windowMs) * windowMs);
};

/** The current window's count without counting (limits that count only failures check first). */
export async function peekRateLimit(pool: Pool, limit: TRateLimit, key: string, now = new Date()): Promise<number> {
  const { rows } = await pool.query<{ count: number }>(`SELECT count FROM "RateLimitCounter" WHERE bucket = $1 AND "windowStart" = $2`, [`${limit.name}:${key}`, windowOf(limit, now)]);
  return rows[0]?.count ?? 0;
}

export const rateLimited = (limit: TRateLimit) =>
  new AppError('RATE_LIMITED', 'too many attempts; try again later', [{ path: limit.name, message: `at most ${limit.max} per ${limit.windowSeconds} s` }]);

/** Counts this request and throws 429 once the window's count passes the limit. */
export async function enforceRateLimit(pool: Pool, limit: TRateLimit, key: string, now = new Date()): Promise<void> {
  const count = await hitRateLimit(pool, limit, key, now);
  if (count > limit.max) throw rateLimited(limit);
}

export async function sweepRateLimits(pool: Pool, now = new Date()): Promise<number> {
  const { rowCount } = await pool.query(`DELETE FROM "RateLimitCounter" WHERE "expiresAt" < $1`, [now]);
  return rowCount ?? 0;
}
