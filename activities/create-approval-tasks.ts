// Side effect of people.approval: one APPROVE task per approver, each keyed by
// the node visit and the approver, so a retried activity creates none twice.
import type { TCreateApprovalTasksInput, TCreateApprovalTasksResult } from '../workflows/graph/nodes/people-approval';
import type { ActivityDeps } from './dependencies';
import { assertActiveUsers } from './assert-active-users';
import { touchRun } from './touch-run';

export function createApprovalTasks(deps: ActivityDeps) {
  return async (input: TCreateApprovalTasksInput): Promise<TCreateApprovalTasksResult> => {
    const { prisma } = deps;
    const keyOf = (userId: string) => `${input.idempotencyKey}/approver/${userId}`;
    const keys = input.approverUserIds.map(keyOf);
    const idsInOrder = async () => {
      const tasks = await prisma.task.findMany({ where: { idempotencyKey: { in: keys } }, select: { id: true, idempotencyKey: true } });
      return tasks.length === keys.length ? keys.map((k) => tasks.find((t) => t.idempotencyKey === k)!.id) : null;
    };
    const done = await idsInOrder();
    if (done) return { taskIds: done };

    await assertActiveUsers(prisma, input.run.orgId, input.approverUserIds, 'config.approverUserIds');
    const dueAt = input.dueInMs ? new Date(Date.now() + input.dueInMs) : null;
    await prisma.$transaction([
      prisma.task.createMany({
        data: input.approverUserIds.map((userId) => ({
          orgId: input.run.orgId, kind: input.kind ?? 'APPROVE', title: input.title, assigneeId: userId,
          candidateId: input.run.candidateId, applicationId: input.run.applicationId, runId: input.run.runId, nodeId: input.nodeId,
          dueAt, idempotencyKey: keyOf(userId),
        })),
        skipDuplicates: true,
      }),
      touchRun(prisma, input.run.runId, input.nodeId),
    ]);
    return { taskIds: (await idsInOrder())! };
  };
}
