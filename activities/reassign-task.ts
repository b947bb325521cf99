// Side effect of an escalation step: hand an open task to the next person in
// the chain, recorded in the audit log. A retry of the same step changes nothing.
import type { TReassignTaskInput } from '../workflows/graph/nodes/people-create-task-v2';
import type { ActivityDeps } from './dependencies';
import { AppError } from '../api/errors';
import { leastBusyUser } from './create-task';

export function reassignTask(deps: ActivityDeps) {
  return async (input: TReassignTaskInput): Promise<{ assigneeId: string | null; isChanged: boolean }> => {
    const { prisma } = deps;
    const marker = `${input.taskId}/escalation/${input.step}`;
    const done = await prisma.auditEvent.findFirst({ where: { orgId: input.run.orgId, entityType: 'Task', entityId: input.taskId, action: 'task.escalated', after: { path: ['marker'], equals: marker } } });
    if (done) return { assigneeId: (done.after as { assigneeId: string | null }).assigneeId, isChanged: false };
    const task = await prisma.task.findFirst({ where: { id: input.taskId, orgId: input.run.orgId } });
    if (!task) throw new AppError('NOT_FOUND', `task ${input.taskId} not found`);
    if (task.status !== 'OPEN') return { assigneeId: task.assigneeId, isChanged: false };
    const assigneeId = input.assignee.userId ?? (await leastBusyUser(deps, input.run.orgId, input.assignee.role));
    await prisma.$transaction([
      prisma.task.update({ where: { id: task.id }, data: { assigneeId, assigneeRole: input.assignee.role ?? null } }),
      prisma.auditEvent.create({
        data: { orgId: input.run.orgId, actorType: 'WORKFLOW', actorId: input.run.workflowId, action: 'task.escalated', entityType: 'Task', entityId: task.id, before: { assigneeId: task.assigneeId }, after: { assigneeId, marker } },
      }),
    ]);
    return { assigneeId, isChanged: true };
  };
}
