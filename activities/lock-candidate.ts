// Read-modify-write of a candidate profile (tags, fields) under a row lock, so
// a concurrent change by a recruiter or another run is never overwritten with
// stale data.
import type { Candidate, Prisma, PrismaClient } from '../generated/prisma/client';
import type { RunRef } from '../workflows/graph/node-definition';
import { AppError } from '../api/errors';

export function withLockedCandidate<T>(prisma: PrismaClient, run: RunRef, change: (tx: Prisma.TransactionClient, candidate: Candidate) => Promise<T>): Promise<T> {
  return prisma.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Candidate" WHERE id = ${run.candidateId} AND "orgId" = ${run.orgId} FOR UPDATE`;
    if (!locked.length) throw new AppError('NOT_FOUND', `candidate ${run.candidateId} not found`);
    return change(tx, await tx.candidate.findUniqueOrThrow({ where: { id: run.candidateId } }));
  });
}
