// Shared by reject-application and hire-application: move the application to a
// stage of the matching kind, set its status, and record the transition and an
// audit entry in one transaction, once per idempotency key.
import type { TCloseApplicationInput, TCloseApplicationResult } from '../workflows/graph/nodes/action-reject';
import type { ActivityDeps } from './dependencies';
import { AppError } from '../api/errors';
import { touchRun } from './touch-run';
import { queueStageEnteredRuns } from './queue-stage-entered-runs';
import { withTransaction } from '../api/platform/db/transaction';
import { signalCandidateRuns } from '../api/services/run-signals';

export async function closeApplication(deps: ActivityDeps, input: TCloseApplicationInput, outcome: 'REJECTED' | 'HIRED'): Promise<TCloseApplicationResult> {
  const { prisma } = deps;
  const done = await prisma.stageTransition.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
  if (done) {
    await queueStageEnteredRuns(deps, { orgId: done.orgId, applicationId: done.applicationId, transitionId: done.id, stageId: done.toStageId });
    if (outcome === 'HIRED') await exitNurtureCampaigns(deps, done.orgId, done.applicationId);
    return { stageId: done.toStageId, transitionId: done.id };
  }
  if (!input.run.applicationId) throw new AppError('BAD_REQUEST', `${outcome === 'HIRED' ? 'hiring' : 'rejecting'} needs a run with an application`);
  const application = await prisma.application.findFirst({ where: { id: input.run.applicationId, orgId: input.run.orgId } });
  if (!application) throw new AppError('NOT_FOUND', `application ${input.run.applicationId} not found`);
  const stage = await prisma.stage.findUnique({ where: { jobId_key: { jobId: application.jobId, key: input.stage } } });
  if (!stage) throw new AppError('NOT_FOUND', `job has no stage "${input.stage}"`, [{ path: 'config.stage', message: 'unknown stage key' }]);
  if (stage.kind !== outcome) {
    throw new AppError('VALIDATION_FAILED', `stage "${input.stage}" is a ${stage.kind} stage, not ${outcome}`, [{ path: 'config.stage', message: `needs a stage of kind ${outcome}` }]);
  }

  const [, transition] = await prisma.$transaction([
    prisma.application.update({
      where: { id: application.id },
      data: { stageId: stage.id, status: outcome, ...(outcome === 'REJECTED' ? { rejectionReason: input.reason ?? null } : {}) },
    }),
    prisma.stageTransition.create({
      data: {
        orgId: application.orgId, applicationId: application.id, fromStageId: application.stageId, toStageId: stage.id,
        actorType: 'WORKFLOW', runId: input.run.runId, reason: input.reason, idempotencyKey: input.idempotencyKey,
      },
    }),
    prisma.auditEvent.create({
      data: {
        orgId: application.orgId, actorType: 'WORKFLOW', actorId: input.run.workflowId, action: outcome === 'HIRED' ? 'application.hired' : 'application.rejected',
        entityType: 'Application', entityId: application.id,
        before: { stageId: application.stageId, status: application.status }, after: { stageId: stage.id, status: outcome, reason: input.reason ?? null },
      },
    }),
    touchRun(prisma, input.run.runId, input.nodeId),
  ]);
  await queueStageEnteredRuns(deps, { orgId: application.orgId, applicationId: application.id, transitionId: transition.id, stageId: stage.id });
  if (outcome === 'HIRED') await exitNurtureCampaigns(deps, application.orgId, application.id);
  return { stageId: stage.id, transitionId: transition.id };
}

/**
 * Hired: the candidate's nurture campaigns stop (their graphs exit on candidate.hired). Once per application
 * (the event key), so a retried activity queues nothing twice; the outbox poller delivers the events.
 */
async function exitNurtureCampaigns(deps: ActivityDeps, orgId: string, applicationId: string): Promise<void> {
  await withTransaction(deps.pool, async (client) => {
    const { rows: [app] } = await client.query<{ candidateId: string }>(`SELECT "candidateId" FROM "Application" WHERE id = $1`, [applicationId]);
    if (app) await signalCandidateRuns(client, [], orgId, app.candidateId, { name: 'candidate.hired', payload: { applicationId } }, applicationId, { only: 'campaign' });
  });
}
