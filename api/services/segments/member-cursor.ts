// Keyset cursor of member lists (a segment's members by profile creation, a pool's by when they joined):
// the last row's time and id, opaque to clients. Anything else sent back is a 400 naming the field.
import { z } from 'zod';
import { AppError } from '../../errors';

export interface TMemberCursor {
  at: string;
  id: string;
}

const ZCursor = z.object({ t: z.iso.datetime(), i: z.string().min(1).max(64) }).strict();

export function encodeMemberCursor(cursor: TMemberCursor): string {
  return Buffer.from(JSON.stringify({ t: cursor.at, i: cursor.id })).toString('base64url');
}

export function decodeMemberCursor(text: string, path: string): TMemberCursor {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    raw = undefined;
  }
  const parsed = ZCursor.safeParse(raw);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', `invalid ${path}: not a cursor returned by this list`, [{ path, message: 'not a cursor returned by this list', code: 'invalid_cursor' }]);
  return { at: parsed.data.t, id: parsed.data.i };
}
