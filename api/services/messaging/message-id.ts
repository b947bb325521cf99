// Ids of the messages the send path records: 'm' + 24 base-36 characters (124
// random bits). Short enough for reply addresses (a local part is at most 64
// characters) and lower-case, so mail systems that case-fold keep them intact.
import crypto from 'node:crypto';

const ID_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

export function newMessageId(): string {
  let id = 'm';
  for (const b of crypto.randomBytes(24)) id += ID_ALPHABET[b % 36];
  return id;
}
