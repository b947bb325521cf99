// Checks that every named user (approver, interviewer) is an active member of
// the organization: a run cannot assign work to someone who left.
import type { PrismaClient } from '../generated/prisma/client';
import { AppError } from '../api/errors';

export async function assertActiveUsers(prisma: PrismaClient, orgId: string, userIds: readonly string[], path: string): Promise<void> {
  const found = await prisma.user.findMany({ where: { orgId, id: { in: [...userIds] }, deactivated: false }, select: { id: true } });
  const missing = userIds.filter((id) => !found.some((u) => u.id === id));
  if (missing.length) {
    throw new AppError('VALIDATION_FAILED', `not active users of this organization: ${missing.join(', ')}`, missing.map((id) => ({ path, message: `no active user ${id}` })));
  }
}
