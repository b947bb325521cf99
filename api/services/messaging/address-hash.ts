// The key of a suppression: a SHA-256 of the organization and the normalised address. Unkeyed on
// purpose: a rotated secret must never silently reopen a suppression list, and an erased person's
// row must keep blocking sends without keeping their address (Suppression.address is then null).
import crypto from 'node:crypto';

/** Lower-cased, trimmed email; phone numbers are used as stored (E.164 where known). */
export function normaliseAddress(address: string): string {
  return address.trim().toLowerCase();
}

export function addressHash(orgId: string, address: string): string {
  return crypto.createHash('sha256').update(`suppression:${orgId}:${normaliseAddress(address)}`).digest('hex');
}
