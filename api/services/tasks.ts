// Completing inbox tasks. Feedback: the scorecard, the task completion and the
// signal to the waiting run commit together (the signal through the outbox).
import { z } from 'zod';
import type { Prisma as P } from '../../generated/prisma/client';
import { AppError, notFound } from '../errors';
import type { Services } from './services';
import { EVENT_SIGNAL } from '../../workflows/constants';
import { FEEDBACK_SUBMITTED } from '../../workflows/graph/nodes/people-collect-feedback';
import type { SignalWorkflowPayload } from './outbox-dispatcher';
import type { RunEvent } from '../../workflows/pipeline-run';

export const ZFeedbackRequest = z
  .object({
    score: z.number().int().min(1).max(4),
    recommendation: z.enum(['strong_no', 'no', 'yes', 'strong_yes']),
    notes: z.string().max(20_000).optional(),
    attributes: z.record(z.string().max(100), z.number().int().min(1).max(4)).optional(),
  })
  .strict();
export type TFeedbackRequest = z.infer<typeof ZFeedbackRequest>;

export async function submitFeedback(services: Services, orgId: string, userId: string, taskId: string, req: TFeedbackRequest) {
  const result = await services.prisma.$transaction(async (tx) => {
    const task = await tx.task.findFirst({ where: { id: taskId, orgId }, include: { run: true } });
    if (!task) throw notFound('Task', taskId);
    if (task.kind !== 'FEEDBACK') throw new AppError('CONFLICT', `task ${taskId} is a ${task.kind} task, not feedback`, [{ path: 'params.id', message: 'not a feedback task' }]);
    if (task.status !== 'OPEN') throw new AppError('CONFLICT', `task ${taskId} is already ${task.status.toLowerCase()}`, [{ path: 'params.id', message: `task is ${task.status}` }]);
    if (task.run && task.run.status !== 'RUNNING') throw new AppError('CONFLICT', `the run for task ${taskId} is ${task.run.status.toLowerCase()}`, [{ path: 'params.id', message: 'run finished' }]);
    if (!task.applicationId) throw new AppError('CONFLICT', `task ${taskId} has no application`);
    // Claims the task; a concurrent duplicate submission finds count 0.
    const { count } = await tx.task.updateMany({
      where: { id: taskId, status: 'OPEN' },
      data: { status: 'COMPLETED', completedAt: new Date(), completedById: userId, outcome: req as unknown as P.InputJsonValue },
    });
    if (count !== 1) throw new AppError('CONFLICT', `task ${taskId} was completed by someone else`);
    const scorecard = await tx.scorecard.create({
      data: { orgId, applicationId: task.applicationId, taskId, interviewerId: userId, score: req.score, recommendation: req.recommendation, notes: req.notes, attributes: (req.attributes ?? {}) as P.InputJsonValue },
    });
    await tx.auditEvent.create({ data: { orgId, actorType: 'USER', actorId: userId, action: 'feedback.submitted', entityType: 'Task', entityId: taskId, after: { scorecardId: scorecard.id, score: req.score } } });
    if (task.run) {
      const event: RunEvent = { name: FEEDBACK_SUBMITTED, payload: { taskId, ...req } };
      const payload: SignalWorkflowPayload = { workflowId: task.run.workflowId, signal: EVENT_SIGNAL, args: [event] };
      await tx.outboxEvent.create({ data: { orgId, kind: 'SIGNAL_WORKFLOW', dedupeKey: `signal:task:${taskId}`, payload: payload as unknown as P.InputJsonValue } });
    }
    return { taskId, scorecardId: scorecard.id };
  });
  services.outbox.kick();
  return result;
}
