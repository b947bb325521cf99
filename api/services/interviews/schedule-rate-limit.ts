// The public self-scheduling link's limit per client IP, on the shared
// fixed-window counters. Tokens cannot be guessed (HMAC), so this bounds load
// and hammering of one link, not guessing. The IP is stored hashed, never raw.
import crypto from 'node:crypto';
import type { Pool } from 'pg';
import { enforceRateLimit, type TRateLimit } from '../../sessions/rate-limit';

/** A candidate opens the page, maybe changes zone, books: a handful of requests. */
export const SCHEDULE_PER_IP: TRateLimit = { name: 'schedule:ip', max: 60, windowSeconds: 600 };

const hashedIp = (ip: string) => crypto.createHash('sha256').update(`trellis-schedule:${ip}`).digest('base64url').slice(0, 32);

export function enforceScheduleRateLimit(pool: Pool, ip: string | undefined, now = new Date()): Promise<void> {
  return enforceRateLimit(pool, SCHEDULE_PER_IP, hashedIp(ip ?? 'unknown'), now);
}
