// Cancels a task the run stopped waiting for (timeout). If the task was
// completed in the meantime, says so, and the run takes the submission.
import type { TCancelTaskInput, TCancelTaskResult } from '../workflows/graph/nodes/people-collect-feedback';
import type { ActivityDeps } from './dependencies';

export function cancelTask(deps: ActivityDeps) {
  return async (input: TCancelTaskInput): Promise<TCancelTaskResult> => {
    const { prisma } = deps;
    const { count } = await prisma.task.updateMany({
      where: { id: input.taskId, orgId: input.run.orgId, status: 'OPEN' },
      data: { status: 'CANCELLED', outcome: { cancelledBecause: input.reason } },
    });
    if (count === 1) return { status: 'CANCELLED' };
    const task = await prisma.task.findUniqueOrThrow({ where: { id: input.taskId } });
    if (task.status === 'COMPLETED') return { status: 'COMPLETED', outcome: (task.outcome ?? {}) as Record<string, unknown> };
    return { status: 'CANCELLED' };
  };
}
