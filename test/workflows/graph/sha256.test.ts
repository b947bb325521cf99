// The plain-TypeScript SHA-256 must agree with Node's, and canonical JSON must
// not depend on key order, or equal plans would hash differently.
import { createHash } from 'node:crypto';
import { canonicalJson, sha256Hex } from '../../../workflows/graph/sha256';

const nodeSha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('sha256Hex', () => {
  it('matches the published digest of "abc"', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it.each([
    ['the empty string', ''],
    ['"abc"', 'abc'],
    ['a 1000-character string', 'trellis '.repeat(125)],
    ['multi-byte unicode', 'Zoë Ørsted – 面接 🎉'],
    ['a plan-like JSON text', '{"formatVersion":1,"nodes":{"applied":{"next":{"out":"acknowledge"}}}}'],
  ])('matches node:crypto for %s', (_name, text) => {
    expect(sha256Hex(text)).toBe(nodeSha256(text));
  });

  // 55 bytes is the longest message whose padding fits in one block; 56-64 need a second.
  it.each([55, 56, 63, 64, 65, 119, 120, 128])('matches node:crypto at %i bytes (padding edges)', (length) => {
    const text = 'x'.repeat(length);

    expect(sha256Hex(text)).toBe(nodeSha256(text));
  });

  it('counts UTF-8 bytes, not UTF-16 units, at a padding edge', () => {
    const text = 'é'.repeat(28); // 28 chars, 56 bytes

    expect(sha256Hex(text)).toBe(nodeSha256(text));
  });
});

describe('canonicalJson', () => {
  it('does not depend on key order, at any depth', () => {
    const a = { b: 1, a: { y: [1, { q: 2, p: 3 }], x: 'x' } };
    const b = { a: { x: 'x', y: [1, { p: 3, q: 2 }] }, b: 1 };

    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"a":{"x":"x","y":[1,{"p":3,"q":2}]},"b":1}');
  });

  it('keeps array order', () => {
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
  });

  it('drops undefined properties, as JSON does', () => {
    expect(canonicalJson({ a: 1, label: undefined })).toBe(canonicalJson({ a: 1 }));
  });

  it('parses back to the same value', () => {
    const value = { name: 'Zoë "quoted"', list: [null, true, 1.5, 'two'], nested: { empty: {} } };

    expect(JSON.parse(canonicalJson(value))).toEqual(value);
  });
});
