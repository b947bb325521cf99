// Inbox cursors: round trip, and anything a client could forge is refused with the field.
import { decodeInboxCursor, encodeInboxCursor } from '../../api/services/inbox-cursor';

test('round trip with and without a due time', () => {
  for (const c of [{ dueAt: '2026-12-01T09:00:00.000Z', id: 'task1' }, { dueAt: null, id: 'task2' }]) expect(decodeInboxCursor(encodeInboxCursor(c))).toEqual(c);
});

test('forged cursors are refused at query.cursor', () => {
  const forged = [Buffer.from('{"a":1}').toString('base64url'), Buffer.from('["not a date","x"]').toString('base64url'), Buffer.from('[null, 5]').toString('base64url'), '%%%', Buffer.from('[null,""]').toString('base64url')];
  for (const raw of forged) {
    expect(() => decodeInboxCursor(raw)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ path: 'query.cursor' })] }));
  }
});

