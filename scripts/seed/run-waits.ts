// Waiting on the real runs: the seed acts the way people do, after the
// pipeline has asked (an open task at a node, the run parked there), and at
// the end waits until every run is parked or finished and the outbox is empty.
import type { PrismaClient, Task } from '../../generated/prisma/client';
import { workflowIdForApplication } from '../../workflows/constants';

const POLL_MS = 150;

async function poll<T>(what: string, probe: () => Promise<T | null | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`seed: timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

async function applicationRun(prisma: PrismaClient, applicationId: string) {
  const run = await prisma.run.findUnique({ where: { workflowId: workflowIdForApplication(applicationId) } });
  if (run?.status === 'FAILED' || run?.status === 'CANCELLED') throw new Error(`seed: the run of application ${applicationId} ended ${run.status}`);
  return run;
}

/** The open task the application's run created at `nodeId`, once the run is parked there. */
export function waitForTaskAt(prisma: PrismaClient, applicationId: string, nodeId: string, timeoutMs = 180_000): Promise<Task> {
  return poll(`application ${applicationId} to wait at ${nodeId}`, async () => {
    const run = await applicationRun(prisma, applicationId);
    if (run?.status !== 'RUNNING' || run.currentNodeId !== nodeId) return null;
    return prisma.task.findFirst({ where: { runId: run.id, nodeId, status: 'OPEN' }, orderBy: { createdAt: 'desc' } });
  }, timeoutMs);
}

/** Resolves once the application's run has finished (completed or exited). */
export function waitForRunEnd(prisma: PrismaClient, applicationId: string, timeoutMs = 180_000) {
  return poll(`the run of application ${applicationId} to finish`, async () => {
    const run = await applicationRun(prisma, applicationId);
    return run && (run.status === 'COMPLETED' || run.status === 'EXITED') ? run : null;
  }, timeoutMs);
}

/**
 * Every run of the organization started and parked at a node (or finished),
 * and no workflow start or signal left in the outbox: what `npm start` resumes.
 */
export function waitForQuiet(prisma: PrismaClient, orgId: string, timeoutMs = 300_000) {
  return poll('runs to park and the outbox to drain', async () => {
    const [unparked, pending] = await Promise.all([
      prisma.run.count({ where: { orgId, OR: [{ status: 'PENDING' }, { status: 'RUNNING', currentNodeId: null }] } }),
      prisma.outboxEvent.count({ where: { orgId, status: 'PENDING' } }),
    ]);
    return unparked === 0 && pending === 0;
  }, timeoutMs);
}
