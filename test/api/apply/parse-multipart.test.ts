import { multipartBoundary, parseMultipart } from '../../../api/apply/parse-multipart';
import { AppError } from '../../../api/errors';

const B = 'XyZ123';
const body = (...parts: string[]) => Buffer.from(parts.map((p) => `--${B}\r\n${p}\r\n`).join('') + `--${B}--\r\n`, 'latin1');

describe('multipartBoundary', () => {
  test('reads quoted and bare boundaries, null for other types', () => {
    expect(multipartBoundary('multipart/form-data; boundary=abc')).toBe('abc');
    expect(multipartBoundary('multipart/form-data; boundary="a b"')).toBe('a b');
    expect(multipartBoundary('application/json')).toBeNull();
    expect(multipartBoundary(undefined)).toBeNull();
  });
  test('multipart without a boundary is a 400', () => {
    expect(() => multipartBoundary('multipart/form-data')).toThrow(AppError);
  });
});

describe('parseMultipart', () => {
  test('fields and a file, bytes kept exactly (CRLF inside the file too)', () => {
    const file = '%PDF-1.7\r\n\x00\xff binary\r\n--not-the-boundary';
    const parts = parseMultipart(body(
      'Content-Disposition: form-data; name="application"\r\n\r\n{"a":1}',
      `Content-Disposition: form-data; name="resume"; filename="../../etc/passwd.pdf"\r\nContent-Type: application/pdf\r\n\r\n${file}`,
    ), B);
    expect(parts.map((p) => p.name)).toEqual(['application', 'resume']);
    expect(parts[0]!.data.toString()).toBe('{"a":1}');
    expect(parts[1]!.fileName).toBe('../../etc/passwd.pdf');
    expect(parts[1]!.contentType).toBe('application/pdf');
    expect(parts[1]!.data.equals(Buffer.from(file, 'latin1'))).toBe(true);
  });
  test('escaped quotes in a file name', () => {
    const [part] = parseMultipart(body('Content-Disposition: form-data; name="resume"; filename="a \\"b\\".pdf"\r\n\r\nx'), B);
    expect(part!.fileName).toBe('a "b".pdf');
  });
  test('empty body of fields', () => {
    expect(parseMultipart(Buffer.from(`--${B}--\r\n`), B)).toEqual([]);
  });
  test.each([
    ['no boundary at all', Buffer.from('hello')],
    ['cut off before the closing boundary', Buffer.from(`--${B}\r\nContent-Disposition: form-data; name="a"\r\n\r\nvalue`)],
    ['a part without a name', body('Content-Disposition: form-data\r\n\r\nx')],
    ['a part that is not form-data', body('Content-Disposition: attachment; name="a"\r\n\r\nx')],
    ['headers without an end', Buffer.from(`--${B}\r\nContent-Disposition: form-data; name="a"${'x'.repeat(5000)}`)],
  ])('malformed: %s -> 400 on body', (_why, input) => {
    try {
      parseMultipart(input, B);
      throw new Error('expected a failure');
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('BAD_REQUEST');
      expect((err as AppError).details[0]!.path).toBe('body');
    }
  });
  test('more parts than the limit', () => {
    const many = Array.from({ length: 5 }, (_, i) => `Content-Disposition: form-data; name="f${i}"\r\n\r\nx`);
    expect(() => parseMultipart(body(...many), B, { maxParts: 3, maxHeaderBytes: 1000 })).toThrow(/more than 3 parts/);
  });
});
