// The keyset cursor of lists in time order: the profile timeline's last entry's
// (occurredAt, id), and likewise segment and pool members, campaign enrollments.
// Opaque to clients; anything else sent back is a 400 naming the field.
import { z } from 'zod';
import { AppError } from '../../errors';

export interface TTimelineCursor {
  occurredAt: string;
  id: string;
}

const ZCursor = z.object({ t: z.iso.datetime(), i: z.string().min(1).max(200) }).strict();

export function encodeTimelineCursor(cursor: TTimelineCursor): string {
  return Buffer.from(JSON.stringify({ t: cursor.occurredAt, i: cursor.id })).toString('base64url');
}

export function decodeTimelineCursor(text: string, path = 'query.cursor'): TTimelineCursor {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    raw = undefined;
  }
  const parsed = ZCursor.safeParse(raw);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', `invalid ${path}: not a cursor returned by this list`, [{ path, message: 'not a cursor returned by this list', code: 'invalid_cursor' }]);
  return { occurredAt: parsed.data.t, id: parsed.data.i };
}
