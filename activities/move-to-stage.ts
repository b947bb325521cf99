// Side effect of action.move_to_stage: update the application's stage and
// record the timestamped transition, once per node visit.
import type { TMoveToStageInput } from '../workflows/graph/nodes/action-move-to-stage';
import type { ActivityDeps } from './dependencies';
import { AppError } from '../api/errors';
import { touchRun } from './touch-run';

export function moveToStage(deps: ActivityDeps) {
  return async (input: TMoveToStageInput): Promise<{ stageId: string; transitionId: string }> => {
    const { prisma } = deps;
    const done = await prisma.stageTransition.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
    if (done) return { stageId: done.toStageId, transitionId: done.id };
    if (!input.run.applicationId) throw new AppError('BAD_REQUEST', 'move to stage needs a run with an application');
    const application = await prisma.application.findFirst({ where: { id: input.run.applicationId, orgId: input.run.orgId } });
    if (!application) throw new AppError('NOT_FOUND', `application ${input.run.applicationId} not found`);
    const stage = await prisma.stage.findUnique({ where: { jobId_key: { jobId: application.jobId, key: input.stage } } });
    if (!stage) throw new AppError('NOT_FOUND', `job has no stage "${input.stage}"`, [{ path: 'config.stage', message: 'unknown stage key' }]);
    const status = stage.kind === 'REJECTED' ? 'REJECTED' : stage.kind === 'HIRED' ? 'HIRED' : application.status;

    const [, transition] = await prisma.$transaction([
      prisma.application.update({ where: { id: application.id }, data: { stageId: stage.id, status, rejectionReason: stage.kind === 'REJECTED' ? input.reason ?? null : undefined } }),
      prisma.stageTransition.create({
        data: {
          orgId: application.orgId, applicationId: application.id, fromStageId: application.stageId, toStageId: stage.id,
          actorType: 'WORKFLOW', runId: input.run.runId, reason: input.reason, idempotencyKey: input.idempotencyKey,
        },
      }),
      prisma.auditEvent.create({
        data: {
          orgId: application.orgId, actorType: 'WORKFLOW', actorId: input.run.workflowId, action: 'application.stage_changed',
          entityType: 'Application', entityId: application.id, before: { stageId: application.stageId }, after: { stageId: stage.id, status },
        },
      }),
      touchRun(prisma, input.run.runId, input.nodeId),
    ]);
    return { stageId: stage.id, transitionId: transition.id };
  };
}
