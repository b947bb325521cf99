// Side effect of people.* nodes: an inbox task, created once per node visit.
import type { TCreateTaskInput } from '../workflows/graph/nodes/people-collect-feedback';
import type { ActivityDeps } from './dependencies';
import { touchRun } from './touch-run';

export function createTask(deps: ActivityDeps) {
  return async (input: TCreateTaskInput): Promise<{ taskId: string }> => {
    const { prisma } = deps;
    const existing = await prisma.task.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
    if (existing) return { taskId: existing.id };
    const assigneeId = input.assignee.userId ?? (await leastBusyUser(deps, input.run.orgId, input.assignee.role));
    const [task] = await prisma.$transaction([
      prisma.task.create({
        data: {
          orgId: input.run.orgId,
          kind: input.kind,
          title: input.title,
          assigneeId,
          assigneeRole: input.assignee.role,
          candidateId: input.run.candidateId,
          applicationId: input.run.applicationId,
          runId: input.run.runId,
          nodeId: input.nodeId,
          dueAt: input.dueInMs ? new Date(Date.now() + input.dueInMs) : null,
          idempotencyKey: input.idempotencyKey,
        },
      }),
      touchRun(prisma, input.run.runId, input.nodeId),
    ]);
    return { taskId: task.id };
  };
}

/** The least-loaded active user with the role (fewest open tasks), or null. Also used by escalations. */
export async function leastBusyUser(deps: ActivityDeps, orgId: string, role: string | undefined): Promise<string | null> {
  if (!role) return null;
  const users = await deps.prisma.user.findMany({
    where: { orgId, role: role as never, deactivated: false },
    select: { id: true, _count: { select: { tasks: { where: { status: 'OPEN' } } } } },
    orderBy: { createdAt: 'asc' },
  });
  users.sort((a, b) => a._count.tasks - b._count.tasks);
  return users[0]?.id ?? null;
}
