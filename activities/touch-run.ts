// Keeps the Run row's current node up to date, so the live overlay and run
// lists can be served from the database without asking Temporal. The node's
// entry time changes only when the node does: several activities of one node
// (a task, then its reminders) keep the time the run arrived there.
import type { PrismaClient } from '../generated/prisma/client';

export function touchRun(prisma: PrismaClient, runId: string, nodeId: string) {
  return prisma.$executeRaw`
    UPDATE "Run" SET "nodeEnteredAt" = CASE WHEN "currentNodeId" IS DISTINCT FROM ${nodeId} THEN now() ELSE "nodeEnteredAt" END,
                     "currentNodeId" = ${nodeId}, status = 'RUNNING'
     WHERE id = ${runId} AND status IN ('PENDING', 'RUNNING')`;
}
