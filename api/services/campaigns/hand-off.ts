// CRM -> ATS hand-off: a recruiter turns a prospect into an applicant for a job in one action. The same
// candidate record gets an application (source "crm", the campaign that nurtured them as utm_campaign), its
// first stage transition, an optional note, the job's hiring run (Run PENDING + START in the outbox, as an
// application does), and every live campaign run of theirs is told candidate.applied (so nurture stops), all
// in one transaction. Their history stays: the messages, clicks and replies of the CRM sit on the same profile.
import crypto from 'node:crypto';
import type { PoolClient } from 'pg';
import { AppError, notFound } from '../../errors';
import type { AuthContext } from '../../auth';
import { recordAudit } from '../audit';
import { DIRECT_DELIVERY_LEASE_SECONDS, type OutboxRow, type StartWorkflowPayload } from '../outbox-dispatcher';
import { signalCandidateRuns, withRunSignals } from '../run-signals';
import type { Services } from '../services';
import { queueStageEnteredRuns } from '../../../activities/queue-stage-entered-runs';
import { workflowIdForApplication } from '../../../workflows/constants';
import type { Plan } from '../../../workflows/graph/plan';
import { runSnapshot, type SnapshotSource } from '../../../workflows/graph/template-variables';
import type { PipelineRunInput } from '../../../workflows/pipeline-run';
import type { THandOff } from './campaign-input';

export const HAND_OFF_SOURCE = 'crm';

export interface HandOffResult {
  applicationId: string;
  candidateId: string;
  jobId: string;
  stageId: string;
  /** The job's hiring run (null when its pipeline has no published version). */
  run: { id: string; workflowId: string; status: 'PENDING' } | null;
  /** The campaign that nurtured them (their newest enrollment), recorded as the application's utm_campaign. */
  campaign: { id: string; name: string } | null;
  /** Campaign runs told to exit (candidate.applied). */
  campaignRunsExited: number;
}

type Candidate = SnapshotSource['candidate'] & { id: string; mergedIntoId: string | null; anonymizedAt: Date | null };

async function lockCandidate(client: PoolClient, orgId: string, candidateId: string): Promise<Candidate> {
  const { rows } = await client.query<Candidate>(
    `SELECT id, "mergedIntoId", "anonymizedAt", tags, source, location, "timeZone", "interestLevel", kind FROM "Candidate" WHERE id = $1 AND "orgId" = $2 FOR UPDATE`,
    [candidateId, orgId],
  );
  const candidate = rows[0];
  if (!candidate) throw notFound('Candidate', candidateId);
  if (candidate.mergedIntoId) throw new AppError('CONFLICT', `candidate ${candidateId} was merged into ${candidate.mergedIntoId}; hand off that profile`, [{ path: 'params.id', message: 'merged' }]);
  if (candidate.anonymizedAt) throw new AppError('CONFLICT', `candidate ${candidateId} was erased`, [{ path: 'params.id', message: 'anonymized' }]);
  return candidate;
}

async function targetStage(client: PoolClient, orgId: string, req: THandOff) {
  const { rows: [job] } = await client.query<{ id: string; title: string; department: string | null; status: string; pipelineId: string | null }>(
    `SELECT id, title, department, status, "pipelineId" FROM "Job" WHERE id = $1 AND "orgId" = $2`,
    [req.jobId, orgId],
  );
  if (!job) throw notFound('Job', req.jobId);
  if (job.status === 'CLOSED') throw new AppError('CONFLICT', `job ${job.id} is closed to applications`, [{ path: 'body.jobId', message: 'job is closed' }]);
  const { rows: stages } = await client.query<{ id: string; kind: string }>(`SELECT id, kind FROM "Stage" WHERE "jobId" = $1 ORDER BY position`, [job.id]);
  if (!stages.length) throw new AppError('CONFLICT', `job ${job.id} has no stages`, [{ path: 'body.jobId', message: 'job has no stages' }]);
  const stage = req.stageId ? stages.find((s) => s.id === req.stageId) : stages[0];
  if (!stage) throw new AppError('VALIDATION_FAILED', `stage ${req.stageId} is not a stage of job ${job.id}`, [{ path: 'body.stageId', message: 'not a stage of the job' }]);
  if (stage.kind === 'HIRED' || stage.kind === 'REJECTED') {
    throw new AppError('VALIDATION_FAILED', `a hand-off cannot start in a ${stage.kind.toLowerCase()} stage`, [{ path: 'body.stageId', message: `stage is ${stage.kind}` }]);
  }
  return { job, stage, isFirstStage: stage.id === stages[0]!.id };
}

/** The job's hiring run, queued as an application's is: Run PENDING and its START in the outbox (leased for direct delivery). */
async function queueHiringRun(client: PoolClient, orgId: string, ids: { candidateId: string; applicationId: string }, snapshot: SnapshotSource, pipelineId: string | null): Promise<{ run: HandOffResult['run']; start: OutboxRow | null }> {
  if (!pipelineId) return { run: null, start: null };
  const { rows: [version] } = await client.query<{ id: string; plan: Plan }>(
    `SELECT id, plan FROM "PipelineVersion" WHERE "pipelineId" = $1 AND status = 'PUBLISHED' ORDER BY version DESC LIMIT 1`,
    [pipelineId],
  );
  if (!version) return { run: null, start: null };
  const runId = crypto.randomUUID();
  const workflowId = workflowIdForApplication(ids.applicationId);
  await client.query(
    `INSERT INTO "Run" (id, "orgId", "pipelineVersionId", "candidateId", "applicationId", "workflowId") VALUES ($1, $2, $3, $4, $5, $6)`,
    [runId, orgId, version.id, ids.candidateId, ids.applicationId, workflowId],
  );
  const input: PipelineRunInput = { plan: version.plan, pipelineVersionId: version.id, run: { runId, workflowId, orgId, ...ids }, vars: runSnapshot(snapshot) };
  const payload: StartWorkflowPayload = { workflowId, runId, args: [input] };
  const outboxId = crypto.randomUUID();
  await client.query(
    `INSERT INTO "OutboxEvent" (id, "orgId", kind, payload, "dedupeKey", "availableAt") VALUES ($1, $2, 'START_WORKFLOW', $3::jsonb, $4, now() + make_interval(secs => $5))`,
    [outboxId, orgId, JSON.stringify(payload), `start:${workflowId}`, DIRECT_DELIVERY_LEASE_SECONDS],
  );
  return { run: { id: runId, workflowId, status: 'PENDING' }, start: { id: outboxId, kind: 'START_WORKFLOW', payload, attempts: 0 } };
}

export async function handOffCandidate(services: Services, auth: AuthContext, candidateId: string, req: THandOff): Promise<HandOffResult> {
  const result = await withRunSignals(services, async (client, signals) => {
    const candidate = await lockCandidate(client, auth.orgId, candidateId);
    const { job, stage, isFirstStage } = await targetStage(client, auth.orgId, req);
    const { rows: [existing] } = await client.query<{ id: string; status: string }>(`SELECT id, status FROM "Application" WHERE "jobId" = $1 AND "candidateId" = $2`, [job.id, candidateId]);
    if (existing) {
      const message = existing.status === 'ACTIVE' ? 'already has an active application for this job' : `already applied to this job (application ${existing.status.toLowerCase()})`;
      throw new AppError('CONFLICT', `candidate ${candidateId} ${message}`, [{ path: 'body.jobId', message, code: 'duplicate' }]);
    }
    const { rows: [campaign] } = await client.query<{ id: string; name: string }>(
      `SELECT k.id, k.name FROM "Run" r JOIN "Campaign" k ON k.id = r."campaignId" WHERE r."candidateId" = $1 AND r."orgId" = $2 ORDER BY r."startedAt" DESC LIMIT 1`,
      [candidateId, auth.orgId],
    );
    const applicationId = crypto.randomUUID();
    const utm = campaign ? { utm_source: 'trellis', utm_medium: 'crm', utm_campaign: campaign.name } : {};
    const { rows: [application] } = await client.query<{ source: string | null; utm: unknown }>(
      `INSERT INTO "Application" (id, "orgId", "jobId", "candidateId", "stageId", source, utm, "updatedAt") VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, now()) RETURNING source, utm`,
      [applicationId, auth.orgId, job.id, candidateId, stage.id, HAND_OFF_SOURCE, JSON.stringify(utm)],
    );
    await client.query(`UPDATE "Candidate" SET kind = 'APPLICANT', "updatedAt" = now() WHERE id = $1`, [candidateId]);
    const transitionId = crypto.randomUUID();
    await client.query(
      `INSERT INTO "StageTransition" (id, "orgId", "applicationId", "toStageId", "actorType", "actorId", reason) VALUES ($1, $2, $3, $4, 'USER', $5, 'handed off from the CRM')`,
      [transitionId, auth.orgId, applicationId, stage.id, auth.userId],
    );
    if (req.note) {
      await client.query(
        `INSERT INTO "CandidateNote" (id, "orgId", "candidateId", "applicationId", "authorId", body, "updatedAt") VALUES ($1, $2, $3, $4, $5, $6, now())`,
        [crypto.randomUUID(), auth.orgId, candidateId, applicationId, auth.userId, req.note],
      );
    }
    await recordAudit(client, {
      orgId: auth.orgId, actorType: 'USER', actorId: auth.userId, action: 'application.created', entityType: 'Application', entityId: applicationId,
      after: { jobId: job.id, stageId: stage.id, via: 'hand-off', campaignId: campaign?.id ?? null },
    });
    const snapshot: SnapshotSource = { candidate: { ...candidate, kind: 'APPLICANT' }, application: application!, job };
    const { run, start } = await queueHiringRun(client, auth.orgId, { candidateId, applicationId }, snapshot, job.pipelineId);
    if (start) signals.push(start);
    const campaignRunsExited = await signalCandidateRuns(
      client, signals, auth.orgId, candidateId, { name: 'candidate.applied', payload: { applicationId, jobId: job.id, via: 'hand-off' } }, applicationId, { only: 'campaign' },
    );
    return { applicationId, candidateId, jobId: job.id, stageId: stage.id, run, campaign: campaign ?? null, campaignRunsExited, transitionId, isFirstStage };
  });
  const { transitionId, isFirstStage, ...handOff } = result;
  // A hand-off straight into a later stage starts that stage's pipelines, as a stage move would.
  if (!isFirstStage) await queueStageEnteredRuns(services, { orgId: auth.orgId, applicationId: handOff.applicationId, transitionId, stageId: handOff.stageId });
  return handOff;
}
