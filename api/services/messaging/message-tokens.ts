// The signed tokens inside candidate emails: the open pixel, each tracked link,
// the unsubscribe link, the preference center, and the reply, bounce and
// mailto-unsubscribe addresses. A token names one message (or, for the
// preference center, one candidate) by its opaque id and nothing else, signed
// with HMAC-SHA256 under LINK_SIGNING_KEY and a context per use: a token for one
// purpose is never valid for another, and a tampered token is refused before
// anything is read from the database. Tokens do not expire: an unsubscribe link
// must keep working for as long as the email can be read.
import { createHmac, timingSafeEqual } from 'node:crypto';

export type TLinkTokenKind = 'open' | 'click' | 'unsubscribe' | 'preferences';
export type TAddressTokenKind = 'reply' | 'bounce' | 'unsubscribe';

/** Message ids: Prisma cuids and the send path's own ids (lower-case letters and digits). */
const ID_SHAPE = /^[a-z0-9]{8,40}$/;
/** Ids in links also name candidates, whose ids may be UUIDs (profiles made by imports and event sign-ups). */
const LINK_ID_SHAPE = /^[a-z0-9][a-z0-9-]{7,39}$/;
/** 128-bit MACs in URLs (base64url). */
const URL_MAC_BYTES = 16;
/** Email local parts are at most 64 characters and may be case-folded on the way: 104-bit MACs in lower-case hex. */
const ADDRESS_MAC_BYTES = 13;
/** Links past this many in one message are left untracked (click tokens carry at most three digits). */
export const MAX_TRACKED_LINKS = 1000;

function mac(key: string, context: string, payload: string, bytes: number): Buffer {
  return createHmac('sha256', key).update(`trellis.${context}.v1:${payload}`).digest().subarray(0, bytes);
}

function isSameMac(expected: Buffer, given: string, encoding: 'base64url' | 'hex'): boolean {
  const buf = Buffer.from(given, encoding);
  return buf.length === expected.length && timingSafeEqual(buf, expected);
}

export function signLinkToken(key: string, kind: TLinkTokenKind, id: string, linkIndex?: number): string {
  if (!LINK_ID_SHAPE.test(id)) throw new Error(`cannot sign a ${kind} token for id "${id}"`);
  const payload = kind === 'click' ? `${id}.${linkIndex}` : id;
  return `${payload}.${mac(key, `link.${kind}`, payload, URL_MAC_BYTES).toString('base64url')}`;
}

/** The id (and link index of a click token) a genuine token names; null for anything forged, tampered or malformed. */
export function verifyLinkToken(key: string, kind: TLinkTokenKind, token: string): { id: string; linkIndex?: number } | null {
  if (typeof token !== 'string' || token.length > 120) return null;
  const parts = token.split('.');
  if (parts.length !== (kind === 'click' ? 3 : 2)) return null;
  const signature = parts.pop()!;
  const [id, index] = parts as [string, string | undefined];
  if (!LINK_ID_SHAPE.test(id) || !/^[A-Za-z0-9_-]{22}$/.test(signature)) return null;
  if (kind === 'click' && !/^(0|[1-9]\d{0,2})$/.test(index ?? '')) return null;
  if (!isSameMac(mac(key, `link.${kind}`, parts.join('.'), URL_MAC_BYTES), signature, 'base64url')) return null;
  return kind === 'click' ? { id, linkIndex: Number(index) } : { id };
}

/** `reply+<messageId>.<mac>@domain` (and bounce+, unsubscribe+): addresses that lead back to one message. */
export function signedAddress(key: string, kind: TAddressTokenKind, messageId: string, domain: string): string {
  if (!ID_SHAPE.test(messageId)) throw new Error(`cannot sign a ${kind} address for id "${messageId}"`);
  return `${kind}+${messageId}.${mac(key, `address.${kind}`, messageId, ADDRESS_MAC_BYTES).toString('hex')}@${domain}`;
}

/** Which message a signed address names, and for what; null for any other address (forged, tampered, another domain). */
export function verifySignedAddress(key: string, address: string, domain: string): { kind: TAddressTokenKind; messageId: string } | null {
  const m = /^(reply|bounce|unsubscribe)\+([a-z0-9]{8,40})\.([0-9a-f]{26})@([^@\s]+)$/.exec(address.trim().toLowerCase());
  if (!m || m[4] !== domain.toLowerCase()) return null;
  const kind = m[1] as TAddressTokenKind;
  return isSameMac(mac(key, `address.${kind}`, m[2]!, ADDRESS_MAC_BYTES), m[3]!, 'hex') ? { kind, messageId: m[2]! } : null;
}
