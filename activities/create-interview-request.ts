// Side effect of scheduling.schedule_interview: an Interview row in status
// REQUESTED (its id derived from the idempotency key, so a retry creates one)
// and an audit entry carrying what the scheduler needs: mode and length. In
// self_schedule mode the candidate is then emailed a signed link to book a slot.
import type { TCreateInterviewRequestInput, TCreateInterviewRequestResult } from '../workflows/graph/nodes/scheduling-schedule-interview';
import type { ActivityDeps } from './dependencies';
import { AppError } from '../api/errors';
import { assertActiveUsers } from './assert-active-users';
import { idForKey } from './id-for-key';
import { touchRun } from './touch-run';
import { offerInterviewSlots } from './offer-interview-slots';

export function createInterviewRequest(deps: ActivityDeps) {
  return async (input: TCreateInterviewRequestInput): Promise<TCreateInterviewRequestResult> => {
    const { prisma } = deps;
    const interviewId = idForKey('interview', input.idempotencyKey);
    if (!(await prisma.interview.findUnique({ where: { id: interviewId } }))) await create(input, interviewId);
    if (input.mode === 'self_schedule') await offerInterviewSlots(deps, interviewId);
    return { interviewId };
  };

  async function create(input: TCreateInterviewRequestInput, interviewId: string) {
    const { prisma } = deps;
    if (!input.run.applicationId) throw new AppError('BAD_REQUEST', 'scheduling an interview needs a run with an application');
    const application = await prisma.application.findFirst({ where: { id: input.run.applicationId, orgId: input.run.orgId } });
    if (!application) throw new AppError('NOT_FOUND', `application ${input.run.applicationId} not found`);
    await assertActiveUsers(prisma, input.run.orgId, input.interviewerIds, 'config.interviewerIds');

    await prisma.$transaction([
      prisma.interview.create({
        data: { id: interviewId, orgId: input.run.orgId, applicationId: application.id, title: input.title, status: 'REQUESTED', interviewerIds: input.interviewerIds, durationMinutes: input.durationMinutes },
      }),
      prisma.auditEvent.create({
        data: {
          orgId: input.run.orgId, actorType: 'WORKFLOW', actorId: input.run.workflowId, action: 'interview.requested', entityType: 'Interview', entityId: interviewId,
          after: { mode: input.mode, durationMinutes: input.durationMinutes, interviewerIds: input.interviewerIds, runId: input.run.runId, nodeId: input.nodeId },
        },
      }),
      touchRun(prisma, input.run.runId, input.nodeId),
    ]);
  }
}
