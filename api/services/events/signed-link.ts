// Signed ids for links that act without a login: cancel an event registration,
// check in with a QR code, confirm or stop a job alert. A token is the record's
// id and an HMAC-SHA256 of the purpose and the id under a server key, so it
// names one record for one purpose, cannot be made for another record, and
// says nothing about anyone else. Nothing is stored: the handler still checks
// the record's state (a cancelled registration cannot be cancelled again).
import crypto from 'node:crypto';
import type { TConfig } from '../../platform/config';

export type TLinkPurpose = 'event-registration' | 'event-check-in' | 'job-alert-confirm' | 'job-alert-stop';

const ID_SHAPE = /^[A-Za-z0-9_-]{1,100}$/;
const TOKEN_SHAPE = /^([A-Za-z0-9_-]{1,100})\.([A-Za-z0-9_-]{32})$/;

/** A key for these links only, derived from LINK_SIGNING_KEY (the key of the links in candidate emails). */
export function linkKeyOf(config: Pick<TConfig, 'LINK_SIGNING_KEY'>): Buffer {
  return crypto.createHmac('sha256', config.LINK_SIGNING_KEY).update('trellis.record-link.v1').digest();
}

const mac = (key: Buffer, purpose: TLinkPurpose, id: string) => crypto.createHmac('sha256', key).update(`${purpose}:${id}`).digest('base64url').slice(0, 32);

export function signLink(key: Buffer, purpose: TLinkPurpose, id: string): string {
  if (!ID_SHAPE.test(id)) throw new Error('a signed link names an id of letters, digits, _ and -');
  return `${id}.${mac(key, purpose, id)}`;
}

/** The id a token names for this purpose, or null for anything forged, altered or made for another purpose. */
export function verifyLink(key: Buffer, purpose: TLinkPurpose, token: unknown): string | null {
  if (typeof token !== 'string') return null;
  const m = TOKEN_SHAPE.exec(token);
  if (!m) return null;
  const [, id, given] = m as unknown as [string, string, string];
  const expected = mac(key, purpose, id);
  return crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(given)) ? id : null;
}
