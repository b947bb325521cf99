// Starting a pipeline for a candidate by hand (a recruiter's "start sequence"
// or an integration): the run row and its start request commit together.
import crypto from 'node:crypto';
import { z } from 'zod';
import { AppError, notFound } from '../errors';
import type { Plan } from '../../workflows/graph/plan';
import { runSnapshot } from '../../workflows/graph/template-variables';
import type { PipelineRunInput } from '../../workflows/pipeline-run';
import { DIRECT_DELIVERY_LEASE_SECONDS, type OutboxRow, type StartWorkflowPayload } from './outbox-dispatcher';
import type { Services } from './services';

export const ZStartRun = z.object({ candidateId: z.string().min(1), applicationId: z.string().min(1).optional() }).strict();

export async function startManualRun(services: Services, orgId: string, userId: string | null, pipelineId: string, req: z.infer<typeof ZStartRun>) {
  const { prisma } = services;
  const version = await prisma.pipelineVersion.findFirst({ where: { pipelineId, orgId, status: 'PUBLISHED' }, orderBy: { version: 'desc' } });
  if (!version) throw new AppError('CONFLICT', `pipeline ${pipelineId} has no published version`, [{ path: 'params.id', message: 'publish it first' }]);
  const plan = version.plan as unknown as Plan;
  if (plan.nodes[plan.triggerNodeId]?.type !== 'trigger.manual') {
    throw new AppError('CONFLICT', `pipeline ${pipelineId} starts on "${plan.nodes[plan.triggerNodeId]?.type}", not by hand`, [{ path: 'params.id', message: 'trigger is not trigger.manual' }]);
  }
  const candidate = await prisma.candidate.findFirst({ where: { id: req.candidateId, orgId } });
  if (!candidate) throw notFound('Candidate', req.candidateId);
  if (req.applicationId && !(await prisma.application.findFirst({ where: { id: req.applicationId, orgId, candidateId: candidate.id } }))) throw notFound('Application', req.applicationId);

  const runId = crypto.randomUUID();
  const workflowId = `manual-${runId}`;
  const input: PipelineRunInput = {
    plan, pipelineVersionId: version.id,
    run: { runId, workflowId, orgId, candidateId: candidate.id, applicationId: req.applicationId },
    vars: runSnapshot({ candidate }),
  };
  const payload: StartWorkflowPayload = { workflowId, runId, args: [input] };
  const outboxId = crypto.randomUUID();
  await prisma.$transaction([
    prisma.run.create({ data: { id: runId, orgId, pipelineVersionId: version.id, candidateId: candidate.id, applicationId: req.applicationId, workflowId } }),
    prisma.outboxEvent.create({ data: { id: outboxId, orgId, kind: 'START_WORKFLOW', dedupeKey: `start:${workflowId}`, payload: payload as never, availableAt: new Date(Date.now() + DIRECT_DELIVERY_LEASE_SECONDS * 1000) } }),
    prisma.auditEvent.create({
      data: { orgId, actorType: 'USER', actorId: userId, action: 'run.started', entityType: 'Run', entityId: runId, after: { pipelineId, pipelineVersionId: version.id, version: version.version, candidateId: candidate.id, applicationId: req.applicationId ?? null } },
    }),
  ]);
  const row: OutboxRow = { id: outboxId, kind: 'START_WORKFLOW', payload, attempts: 0 };
  void services.outbox.deliverNow([row]);
  return { id: runId, workflowId, pipelineVersionId: version.id, status: 'PENDING' };
}
