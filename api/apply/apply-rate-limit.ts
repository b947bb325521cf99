// The public apply endpoint's limit per client IP, on the shared fixed-window
// counters (api/sessions/rate-limit.ts). The IP is stored hashed, never raw.
import crypto from 'node:crypto';
import type { Pool } from 'pg';
import { enforceRateLimit, type TRateLimit } from '../sessions/rate-limit';

/** Generous for a shared office or campus NAT, low for a script. */
export const APPLY_PER_IP: TRateLimit = { name: 'apply:ip', max: 20, windowSeconds: 600 };

// A pseudonym for the bucket name, not a secret: it only keeps raw IPs out of the table.
const hashedIp = (ip: string) => crypto.createHash('sha256').update(`trellis-apply:${ip}`).digest('base64url').slice(0, 32);

export function enforceApplyRateLimit(pool: Pool, ip: string | undefined, now = new Date()): Promise<void> {
  return enforceRateLimit(pool, APPLY_PER_IP, hashedIp(ip ?? 'unknown'), now);
}
