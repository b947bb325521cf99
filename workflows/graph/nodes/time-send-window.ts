// Hold the run until the next moment inside a send window (days, hours, holidays, time zone).
import { z } from 'zod';
import { readField } from '../conditions';
import { defineNode } from '../node-definition';
import { isValidTimeZone, nextWindowStart, WEEKDAYS } from '../time-windows';
import { ZFieldPath, ZTimeZone } from './config-parts';

function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, month - 1, day));
  return date.getUTCFullYear() === y && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const ZHoliday = z.string().refine(isCalendarDate, 'a calendar date as YYYY-MM-DD');

export const ZSendWindowConfig = z
  .object({
    /** The window's time zone; also the fallback when timeZoneField is set but holds no known zone. */
    timeZone: ZTimeZone.default('UTC'),
    /** Read the zone from the run's data, e.g. candidate.timeZone. */
    timeZoneField: ZFieldPath.optional(),
    days: z
      .array(z.enum(WEEKDAYS))
      .min(1)
      .max(7)
      .refine((d) => new Set(d).size === d.length, 'a day is listed twice')
      .default(['mon', 'tue', 'wed', 'thu', 'fri']),
    startHour: z.number().int().min(0).max(23).default(9),
    endHour: z.number().int().min(1).max(24).default(17),
    holidays: z.array(ZHoliday).max(400).default([]),
  })
  .strict()
  .refine((c) => c.endHour > c.startHour, { message: 'endHour must be after startHour', path: ['endHour'] });
export type TSendWindowConfig = z.infer<typeof ZSendWindowConfig>;

export function windowTimeZone(config: TSendWindowConfig, vars: Readonly<Record<string, unknown>>): string {
  const fromData = config.timeZoneField ? readField(vars, config.timeZoneField) : undefined;
  return typeof fromData === 'string' && isValidTimeZone(fromData) ? fromData : config.timeZone;
}

export default defineNode({
  type: 'time.send_window',
  typeVersion: 1,
  category: 'time',
  label: 'Send window',
  docs:
    'Holds the run until the next moment inside a send window, then leaves by "out": allowed weekdays (default Monday ' +
    'to Friday), local hours from startHour to endHour (default 9 to 17) and no listed holiday (YYYY-MM-DD), in a time ' +
    'zone taken from the run\'s data (timeZoneField, e.g. candidate.timeZone) or else the configured zone. Inside the ' +
    'window it leaves at once. Place it before a message so candidates are not contacted at night.',
  config: ZSendWindowConfig,
  ports: () => ['out'],
  isDurableWait: true,
  start: (ctx) => {
    const opensAt = nextWindowStart(ctx.now, { ...ctx.config, timeZone: windowTimeZone(ctx.config, ctx.vars) });
    if (opensAt === null || opensAt <= ctx.now) return { kind: 'next', port: 'out' };
    return { kind: 'wait', signals: [], timeoutMs: opensAt - ctx.now };
  },
  resume: () => ({ kind: 'next', port: 'out' }),
});
