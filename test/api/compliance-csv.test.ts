// CSV cells: quoting per RFC 4180 and formula starts neutralised.
import { csvCell, csvRow } from '../../api/services/compliance/csv';

test('formula starts become text', () => {
  for (const hostile of ['=1+1', '+1', '-2', '@SUM(A1)', '\tx', '\rx']) expect(csvCell(hostile).replace(/^"|"$/g, '').startsWith("'")).toBe(true);
  expect(csvCell('a-b')).toBe('a-b');
});

test('quotes, commas, line breaks and edge spaces are quoted; null is empty', () => {
  expect(csvCell('say "hi", ok')).toBe('"say ""hi"", ok"');
  expect(csvCell('two\nlines')).toBe('"two\nlines"');
  expect(csvCell(' padded')).toBe('" padded"');
  expect(csvCell(null)).toBe('');
  expect(csvRow(['a', 1, new Date('2026-01-02T03:04:05.000Z')])).toBe('a,1,2026-01-02T03:04:05.000Z\r\n');
});
