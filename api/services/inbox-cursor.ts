// Keyset cursors for the inbox: the (dueAt, id) of the last task on a page,
// opaque to clients. Tasks without a due time sort last, so a cursor may carry
// a null dueAt; the next page then continues on id among those.
import { AppError } from '../errors';

export interface TInboxCursor {
  dueAt: string | null;
  id: string;
}

export const encodeInboxCursor = (c: TInboxCursor) => Buffer.from(JSON.stringify([c.dueAt, c.id])).toString('base64url');

export function decodeInboxCursor(raw: string): TInboxCursor {
  const invalid = () => new AppError('VALIDATION_FAILED', 'invalid inbox cursor', [{ path: 'query.cursor', message: 'not a cursor this API issued' }]);
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(value) || value.length !== 2) throw invalid();
  const [dueAt, id] = value as unknown[];
  if (typeof id !== 'string' || !id || id.length > 100) throw invalid();
  if (dueAt !== null && (typeof dueAt !== 'string' || Number.isNaN(Date.parse(dueAt)))) throw invalid();
  return { dueAt: dueAt as string | null, id };
}

/**
 * The WHERE fragment continuing after `cursor` in `ORDER BY dueAt ASC NULLS LAST, id`,
 * with its parameters numbered from `next`.
 */
export function afterCursorSql(cursor: TInboxCursor, next: number): { sql: string; params: unknown[] } {
  if (cursor.dueAt === null) return { sql: `(t."dueAt" IS NULL AND t.id > $${next})`, params: [cursor.id] };
  return {
    sql: `((t."dueAt", t.id) > ($${next}::timestamptz, $${next + 1}) OR t."dueAt" IS NULL)`,
    params: [cursor.dueAt, cursor.id],
  };
}
