// Keeps the Run row's current node up to date, so the live overlay and run
// lists can be served from the database without asking Temporal.
import type { PrismaClient } from '../generated/prisma/client';

export function touchRun(prisma: PrismaClient, runId: string, nodeId: string) {
  return prisma.run.updateMany({ where: { id: runId, status: { in: ['PENDING', 'RUNNING'] } }, data: { currentNodeId: nodeId, status: 'RUNNING' } });
}
