// Config building blocks shared by several node types (this file is not a node
// type): port names, field paths, time zones, assignees, user id lists.
import { z } from 'zod';
import { isValidTimeZone } from '../time-windows';
import { ROLES } from './people-collect-feedback';

/** A port a graph author names (branch rules, split variants, event routes). */
export const ZPortName = z.string().min(1).max(50).regex(/^[a-z][a-z0-9_]*$/, 'lower-case letters, digits and _');

/** A dotted path into the run's data, e.g. interview.startsAt. */
export const ZFieldPath = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$/, 'a dotted field path such as interview.startsAt');

/** An IANA time zone name the runtime knows, e.g. Europe/Berlin. */
export const ZTimeZone = z.string().refine((tz) => tz.length <= 64 && isValidTimeZone(tz), 'not a known IANA time zone (e.g. Europe/Berlin)');

export const ZStageKey = z.string().min(1).max(100);

export const ZAssignee = z
  .object({ role: z.enum(ROLES).optional(), userId: z.string().min(1).optional() })
  .strict()
  .refine((a) => a.role || a.userId, 'name a role or a userId');

export const ZUserIds = z
  .array(z.string().min(1).max(100))
  .refine((ids) => new Set(ids).size === ids.length, 'a user is listed twice');
