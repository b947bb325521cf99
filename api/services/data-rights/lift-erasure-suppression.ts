// A person whose data was erased comes back and applies on the careers site: by applying they ask to hear about
// this application (the acknowledgement, interview invitations), which the suppression their erasure left on
// their addresses (reason 'erased', the hash only) would silently block. The person's own application lifts
// it, in the application's transaction, with an audit entry that names no address. Only the person can:
// admins cannot remove an erasure's suppression by hand, and bounces, complaints and manual entries stay.
import type { Prisma as P } from '../../../generated/prisma/client';
import { addressHash } from '../messaging/address-hash';

export async function liftErasureSuppressionOnReturn(tx: P.TransactionClient, orgId: string, candidateId: string, addresses: (string | null | undefined)[]): Promise<number> {
  const hashes = addresses.filter((a): a is string => !!a).map((a) => addressHash(orgId, a));
  if (!hashes.length) return 0;
  const { count } = await tx.suppression.deleteMany({ where: { orgId, addressHash: { in: hashes }, reason: 'erased' } });
  if (count) {
    await tx.auditEvent.create({
      data: { orgId, actorType: 'CANDIDATE', actorId: candidateId, action: 'suppression.lifted_on_return', entityType: 'Candidate', entityId: candidateId, after: { reason: 'erased', addresses: count } },
    });
  }
  return count;
}
