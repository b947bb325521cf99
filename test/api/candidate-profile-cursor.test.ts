// The profile timeline's cursor: what the API hands out it takes back; anything
// else is a 400 naming query.cursor.
import { decodeTimelineCursor, encodeTimelineCursor } from '../../api/services/candidates/timeline-cursor';
import { AppError } from '../../api/errors';

test('a cursor decodes to the entry it was made from', () => {
  const cursor = { occurredAt: '2026-03-02T09:14:00.123Z', id: 'note:abc' };
  expect(decodeTimelineCursor(encodeTimelineCursor(cursor))).toEqual(cursor);
});

test.each([
  ['not base64 JSON', 'not-a-cursor'],
  ['a date that is not ISO', Buffer.from(JSON.stringify({ t: 'yesterday', i: 'x' })).toString('base64url')],
  ['an extra field', Buffer.from(JSON.stringify({ t: '2026-03-02T09:14:00.123Z', i: 'x', sql: '1=1' })).toString('base64url')],
  ['no id', Buffer.from(JSON.stringify({ t: '2026-03-02T09:14:00.123Z' })).toString('base64url')],
])('%s is refused at query.cursor', (_what, text) => {
  try {
    decodeTimelineCursor(text);
    throw new Error('accepted');
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).details).toEqual([expect.objectContaining({ path: 'query.cursor', code: 'invalid_cursor' })]);
  }
});
