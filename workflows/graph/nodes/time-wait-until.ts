// Wait until a date found in the run's data (e.g. the interview start), shifted by an offset.
import { z } from 'zod';
import { ZDuration, durationToMs } from '../schema';
import { readField } from '../conditions';
import { defineNode } from '../node-definition';
import { ZFieldPath } from './config-parts';

export const ZWaitUntilConfig = z
  .object({
    /** Where the date is, e.g. interview.startsAt: an ISO 8601 string with Z or an offset, a YYYY-MM-DD date (UTC), or epoch ms. */
    field: ZFieldPath,
    offset: ZDuration.optional(),
    direction: z.enum(['before', 'after']).default('before'),
  })
  .strict();
export type TWaitUntilConfig = z.infer<typeof ZWaitUntilConfig>;

// A date-time without Z or an offset would be read in each worker's local time zone: not deterministic, so refused.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** Epoch ms for a date value from run data, or null if it is missing or not an unambiguous instant. */
export function parseInstant(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string' || !ISO_INSTANT.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

export default defineNode({
  type: 'time.wait_until',
  typeVersion: 1,
  category: 'time',
  label: 'Wait until date',
  docs:
    'Waits until the date in a field of the run\'s data (e.g. interview.startsAt), moved earlier ("before") or later ' +
    '("after") by an optional offset, then leaves by "out"; e.g. a reminder one day before the interview. If that moment ' +
    'has already passed it leaves by "out" at once. If the field is missing or not a date (ISO 8601 with Z or an offset, ' +
    'YYYY-MM-DD, or epoch milliseconds) it leaves by "invalid".',
  config: ZWaitUntilConfig,
  ports: () => ['out', 'invalid'],
  isDurableWait: true,
  start: (ctx) => {
    const at = parseInstant(readField(ctx.vars, ctx.config.field));
    if (at === null) return { kind: 'next', port: 'invalid' };
    const offsetMs = ctx.config.offset ? durationToMs(ctx.config.offset) : 0;
    const target = ctx.config.direction === 'before' ? at - offsetMs : at + offsetMs;
    if (target <= ctx.now) return { kind: 'next', port: 'out' };
    return { kind: 'wait', signals: [], timeoutMs: target - ctx.now };
  },
  resume: () => ({ kind: 'next', port: 'out' }),
});
