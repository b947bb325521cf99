// Row ids derived from an idempotency key, for side effects recorded in tables
// without a key column (audit notes, interviews): a second insert for the same
// key collides on the primary key instead of duplicating the row.
import crypto from 'node:crypto';

export function idForKey(prefix: string, idempotencyKey: string): string {
  return `${prefix}_${crypto.createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 24)}`;
}
