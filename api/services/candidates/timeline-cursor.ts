// The profile timeline's keyset cursor: the last entry's (occurredAt, id),
// opaque to clients. Anything else sent back is a 400 naming query.cursor.
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

export function decodeTimelineCursor(text: string): TTimelineCursor {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    raw = undefined;
  }
  const parsed = ZCursor.safeParse(raw);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', 'invalid query.cursor: not a cursor returned by this timeline', [{ path: 'query.cursor', message: 'not a cursor returned by this timeline', code: 'invalid_cursor' }]);
  return { occurredAt: parsed.data.t, id: parsed.data.i };
}
