// Submitting an application: candidate (found or created by email), the
// application, its first stage transition, the run row and the outbox start
// request commit together. If Temporal is down the start waits in the outbox;
// the deterministic workflow id makes it start exactly once.
import { z } from 'zod';
import type { Prisma as P } from '../../generated/prisma/client';
import { AppError, notFound } from '../errors';
import type { Services } from './services';
import { workflowIdForApplication } from '../../workflows/constants';
import type { PipelineRunInput } from '../../workflows/pipeline-run';
import type { Plan } from '../../workflows/graph/plan';
import { runSnapshot } from '../../workflows/graph/template-variables';
import { DIRECT_DELIVERY_LEASE_SECONDS, type OutboxRow, type StartWorkflowPayload } from './outbox-dispatcher';
import { signalCandidateRuns } from './run-signals';
import { prismaSqlClient } from '../platform/db/prisma-sql-client';
import { SURVIVING_CANDIDATE_SQL } from '../merge/surviving-candidate';

export const ZApplyRequest = z
  .object({
    jobId: z.string().min(1),
    candidate: z
      .object({
        firstName: z.string().trim().min(1).max(100),
        lastName: z.string().trim().min(1).max(100),
        email: z.string().trim().toLowerCase().email(),
        phone: z.string().trim().max(40).optional(),
        timeZone: z.string().max(64).optional(),
        location: z.string().max(200).optional(),
      })
      .strict(),
    source: z.string().max(100).optional(),
    utm: z.record(z.string().regex(/^utm_[a-z]+$/), z.string().max(200)).optional(),
  })
  .strict();
export type TApplyRequest = z.infer<typeof ZApplyRequest>;

/** Under a burst, wait for a pooled connection rather than fail after Prisma's default 2 s. */
const TRANSACTION_LIMITS = { maxWait: 15_000, timeout: 20_000 };

/** What the public apply path adds to a submission (api/apply/submit-public-application.ts). */
export interface TApplyExtras {
  /** Extra columns of the new application (answers, knockout result, auto-rejection). */
  application?: Omit<P.ApplicationUncheckedCreateInput, 'orgId' | 'jobId' | 'candidateId' | 'stageId'>;
  /** Written in the same transaction once the candidate and application exist. */
  afterCreate?: (tx: P.TransactionClient, created: { candidateId: string; applicationId: string }) => Promise<void>;
}

export async function submitApplication(services: Services, orgId: string, req: TApplyRequest, idempotencyKey?: string, extras: TApplyExtras = {}) {
  const { prisma } = services;
  if (idempotencyKey) {
    const previous = await prisma.application.findUnique({ where: { orgId_idempotencyKey: { orgId, idempotencyKey } }, include: { runs: true } });
    if (previous) return { application: previous, run: previous.runs[0] ?? null, isReplay: true };
  }
  const job = await prisma.job.findFirst({ where: { id: req.jobId, orgId }, include: { stages: { orderBy: { position: 'asc' } } } });
  if (!job) throw notFound('Job', req.jobId);
  if (job.status === 'CLOSED') throw new AppError('CONFLICT', `job ${job.id} is closed to applications`, [{ path: 'body.jobId', message: 'job is closed' }]);
  const firstStage = job.stages[0];
  if (!firstStage) throw new AppError('CONFLICT', `job ${job.id} has no stages`, [{ path: 'body.jobId', message: 'job has no stages' }]);
  const version = job.pipelineId
    ? await prisma.pipelineVersion.findFirst({ where: { pipelineId: job.pipelineId, status: 'PUBLISHED' }, orderBy: { version: 'desc' } })
    : null;

  const campaignExits: OutboxRow[] = [];
  const result = await prisma.$transaction(async (tx) => {
    campaignExits.length = 0; // a retried transaction starts over
    const c = req.candidate;
    // An email that belongs to a merged record applies as its survivor.
    const byEmail = await tx.candidate.findUnique({ where: { orgId_email: { orgId, email: c.email } }, select: { mergedIntoId: true } });
    const survivor = byEmail?.mergedIntoId
      ? (await tx.$queryRawUnsafe<{ id: string }[]>(SURVIVING_CANDIDATE_SQL, byEmail.mergedIntoId, orgId))[0]?.id ?? byEmail.mergedIntoId
      : null;
    const candidate = survivor ? await tx.candidate.update({ where: { id: survivor }, data: { kind: 'APPLICANT' } }) : await tx.candidate.upsert({
      where: { orgId_email: { orgId, email: c.email } },
      create: { orgId, kind: 'APPLICANT', firstName: c.firstName, lastName: c.lastName, email: c.email, phone: c.phone, timeZone: c.timeZone, location: c.location, source: req.source ?? 'api' },
      update: { kind: 'APPLICANT', phone: c.phone ?? undefined, timeZone: c.timeZone ?? undefined },
    });
    const duplicate = await tx.application.findUnique({ where: { jobId_candidateId: { jobId: job.id, candidateId: candidate.id } } });
    if (duplicate) {
      throw new AppError('CONFLICT', `this candidate already applied to job ${job.id}`, [{ path: 'body.candidate.email', message: 'duplicate application', code: 'duplicate' }]);
    }
    const application = await tx.application.create({
      data: { ...extras.application, orgId, jobId: job.id, candidateId: candidate.id, stageId: firstStage.id, source: req.source, utm: (req.utm ?? {}) as P.InputJsonValue, idempotencyKey },
    });
    await extras.afterCreate?.(tx, { candidateId: candidate.id, applicationId: application.id });
    // A prospect who applies leaves every nurture campaign (their graphs exit on candidate.applied).
    await signalCandidateRuns(prismaSqlClient(tx), campaignExits, orgId, candidate.id, { name: 'candidate.applied', payload: { applicationId: application.id, jobId: job.id } }, application.id, { only: 'campaign' });
    await tx.stageTransition.create({ data: { orgId, applicationId: application.id, toStageId: firstStage.id, actorType: 'CANDIDATE', reason: 'applied' } });
    await tx.auditEvent.create({ data: { orgId, actorType: 'CANDIDATE', actorId: candidate.id, action: 'application.created', entityType: 'Application', entityId: application.id, after: { jobId: job.id, stageId: firstStage.id } } });
    if (!version) return { application, run: null, outbox: null };

    const workflowId = workflowIdForApplication(application.id);
    const run = await tx.run.create({ data: { orgId, pipelineVersionId: version.id, candidateId: candidate.id, applicationId: application.id, workflowId } });
    const input: PipelineRunInput = {
      plan: version.plan as unknown as Plan,
      pipelineVersionId: version.id,
      run: { runId: run.id, workflowId, orgId, candidateId: candidate.id, applicationId: application.id },
      vars: runSnapshot({ candidate, application, job }),
    };
    const payload: StartWorkflowPayload = { workflowId, runId: run.id, args: [input] };
    // Leased to the direct delivery below; the poller takes over if that fails.
    const outbox = await tx.outboxEvent.create({
      data: { orgId, kind: 'START_WORKFLOW', dedupeKey: `start:${workflowId}`, payload: payload as unknown as P.InputJsonValue, availableAt: new Date(Date.now() + DIRECT_DELIVERY_LEASE_SECONDS * 1000) },
    });
    return { application, run, outbox };
  }, TRANSACTION_LIMITS);
  const { outbox, ...created } = result;
  // Not awaited: the application is safe once committed; Temporal being slow or down must not hold the response.
  if (outbox) void services.outbox.deliverNow([{ id: outbox.id, kind: 'START_WORKFLOW', payload: outbox.payload, attempts: 0 }]);
  void services.outbox.deliverNow(campaignExits);
  return { ...created, isReplay: false };
}

