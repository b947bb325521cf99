// Enrolling a campaign's audience as a bulk job with visible progress (POST .../enroll, activation, the
// auto-enroll sweep); one person by hand is enroll-candidate.ts. An enrollment is a Run row (PENDING, the
// pipeline's newest published version, workflow id campaign-<campaign>-<candidate>) inserted with
// ON CONFLICT DO NOTHING on (campaignId, candidateId): exactly one run per person per campaign, so
// enrolling again, or two enrollments at once, add nobody twice. The runs then start (start-campaign-runs.ts).
import type { Pool, PoolClient } from 'pg';
import { AppError } from '../../errors';
import { recordAudit } from '../audit';
import { createBulkJob, runBulkJob, toBulkJobView, type BulkJobView, type ProgressCounts } from '../bulk-jobs';
import type { Services } from '../services';
import { workflowIdForEnrollment } from '../../../workflows/constants';
import { ENROLLING_STATUSES, planFitIssues } from './campaign-rules';
import { classifyAudience, SKIP_REASONS, type AudienceMember, type TSkipReason } from './campaign-audience';
import { loadCampaignVersion, type CampaignVersion } from './read-campaigns';
import { RUN_TO_START_COLUMNS, startCampaignRuns, toRunToStart, type RunToStart, type StartTarget } from './start-campaign-runs';

/** Runs inserted per statement. */
const INSERT_BATCH = 1000;

export type TEnrollmentTrigger = 'manual' | 'activation' | 'sweep';

export interface EnrollmentReport {
  trigger: TEnrollmentTrigger;
  pipelineVersionId: string;
  /** People in the audience when the enrollment read it. */
  audience: number;
  /** Runs created by this enrollment. */
  enrolled: number;
  alreadyEnrolled: number;
  skipped: Record<TSkipReason, number>;
  /** Runs started in Temporal (new ones, and earlier ones still waiting to start). */
  started: number;
  startFailed: number;
  errors: string[];
}

/** Enrollments running in this process, by campaign: a second request gets the running job. */
const running = new Map<string, Promise<unknown> & { jobId: string }>();

/** The campaign, ready to enroll: active, and its newest published version fit to run it. */
export async function assertEnrollable(client: Pick<Pool, 'query'>, orgId: string, campaignId: string): Promise<CampaignVersion & { target: StartTarget }> {
  const campaign = await loadCampaignVersion(client, orgId, campaignId);
  if (!ENROLLING_STATUSES.includes(campaign.status)) {
    throw new AppError('CONFLICT', `campaign ${campaignId} is ${campaign.status.toLowerCase()}; only an active campaign enrolls people`, [{ path: 'params.id', message: `campaign is ${campaign.status}` }]);
  }
  if (!campaign.plan || !campaign.pipelineVersionId) throw new AppError('CONFLICT', `the campaign's pipeline has no published version`, [{ path: 'params.id', message: 'publish the pipeline first' }]);
  const issues = planFitIssues(campaign.plan, campaignId);
  if (issues.length) throw new AppError('CONFLICT', `the campaign's pipeline cannot run it: ${issues.join('; ')}`, issues.map((message) => ({ path: 'pipelineId', message })));
  return { ...campaign, target: { orgId, campaignId, pipelineVersionId: campaign.pipelineVersionId, plan: campaign.plan } };
}

/**
 * Inserts runs for these people (skipping any already enrolled) and returns them ready to start. Nothing
 * once the campaign is no longer active: a pause or an archive stops an enrollment between two batches.
 */
export async function insertRuns(client: Pick<Pool | PoolClient, 'query'>, target: StartTarget, candidateIds: string[]): Promise<RunToStart[]> {
  if (!candidateIds.length) return [];
  const { rows } = await client.query(
    `WITH ins AS (
       INSERT INTO "Run" (id, "orgId", "pipelineVersionId", "candidateId", "campaignId", "workflowId", status)
       SELECT gen_random_uuid()::text, $1, $2, x.candidate_id, $3, x.workflow_id, 'PENDING' FROM unnest($4::text[], $5::text[]) AS x(candidate_id, workflow_id)
        WHERE EXISTS (SELECT 1 FROM "Campaign" k WHERE k.id = $3 AND k.status = 'ACTIVE')
       ON CONFLICT ("campaignId", "candidateId") DO NOTHING
       RETURNING id, "workflowId", "candidateId")
     SELECT ins.id, ins."workflowId", ins."candidateId", ${RUN_TO_START_COLUMNS} FROM ins JOIN "Candidate" c ON c.id = ins."candidateId"`,
    [target.orgId, target.pipelineVersionId, target.campaignId, candidateIds, candidateIds.map((id) => workflowIdForEnrollment(target.campaignId, id))],
  );
  return rows.map(toRunToStart);
}

/** The campaign's status when it is no longer active (an enrollment stops there), else null. */
async function campaignStopped(pool: Pool, campaignId: string): Promise<string | null> {
  const { rows } = await pool.query<{ status: string }>(`SELECT status FROM "Campaign" WHERE id = $1`, [campaignId]);
  return rows[0]?.status === 'ACTIVE' ? null : (rows[0]?.status ?? 'deleted').toLowerCase();
}

export async function pendingRuns(pool: Pool, runIds: string[]): Promise<RunToStart[]> {
  const { rows } = await pool.query(
    `SELECT r.id, r."workflowId", r."candidateId", ${RUN_TO_START_COLUMNS} FROM "Run" r JOIN "Candidate" c ON c.id = r."candidateId" WHERE r.id = ANY($1::text[]) AND r.status = 'PENDING'`,
    [runIds],
  );
  return rows.map(toRunToStart);
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Enrolls the classified audience: counts, inserts in batches as the starts consume them, starts. */
async function enrollMembers(
  services: Services, target: StartTarget, members: AudienceMember[], trigger: TEnrollmentTrigger, progress?: { update(c: ProgressCounts): Promise<void> },
): Promise<{ report: EnrollmentReport; counts: ProgressCounts }> {
  const skipped = Object.fromEntries(SKIP_REASONS.map((r) => [r, 0])) as Record<TSkipReason, number>;
  const toEnroll: string[] = [];
  const waiting: string[] = [];
  let alreadyEnrolled = 0;
  for (const m of members) {
    if (m.runStatus === 'PENDING') waiting.push(m.runId!);
    else if (m.runStatus) alreadyEnrolled++;
    else if (m.skip) skipped[m.skip]++;
    else toEnroll.push(m.id);
  }
  let enrolled = 0;
  let interruptedBy: string | null = null;
  // People settled without a start: skipped, or enrolled before (or meanwhile, by a concurrent enrollment).
  const settled = () => alreadyEnrolled + Object.values(skipped).reduce((a, b) => a + b, 0);
  async function* batches(): AsyncGenerator<RunToStart[]> {
    for (const ids of chunks(waiting, INSERT_BATCH)) yield await pendingRuns(services.pool, ids);
    for (const ids of chunks(toEnroll, INSERT_BATCH)) {
      const runs = await insertRuns(services.pool, target, ids);
      if (runs.length < ids.length && (interruptedBy = await campaignStopped(services.pool, target.campaignId))) return;
      enrolled += runs.length;
      alreadyEnrolled += ids.length - runs.length;
      yield runs;
    }
  }
  const total = members.length;
  const countsOf = (o: { started: number; failed: number }): ProgressCounts => ({ total, processed: settled() + o.started + o.failed, succeeded: o.started, failed: o.failed });
  let reporting = Promise.resolve();
  const outcome = await startCampaignRuns(services, target, batches(), {
    onProgress: (o) => void (reporting = reporting.then(() => progress?.update(countsOf(o))).catch(() => undefined)),
  });
  await reporting;
  const report: EnrollmentReport = {
    trigger, pipelineVersionId: target.pipelineVersionId, audience: total, enrolled, alreadyEnrolled, skipped,
    started: outcome.started, startFailed: outcome.failed, errors: interruptedBy ? [...outcome.errors, `stopped: the campaign was ${interruptedBy} meanwhile`] : outcome.errors,
  };
  return { report, counts: countsOf(outcome) };
}

/**
 * Enrolls the campaign's audience in the background and returns the bulk job at once (the caller answers 202).
 * While one runs in this process for the campaign, a second call returns it instead of starting another.
 */
export async function enrollAudience(services: Services, orgId: string, userId: string | null, campaignId: string, trigger: TEnrollmentTrigger): Promise<BulkJobView> {
  const campaign = await assertEnrollable(services.pool, orgId, campaignId);
  const current = running.get(campaignId);
  if (current) return toBulkJobView(await services.prisma.bulkJob.findUniqueOrThrow({ where: { id: current.jobId } }));
  const job = await createBulkJob(services, { orgId, kind: 'campaign_enroll', subjectId: campaignId, createdById: userId ?? undefined });
  await recordAudit(services.pool, { orgId, actorType: userId ? 'USER' : 'SYSTEM', actorId: userId, action: 'campaign.enrollment_started', entityType: 'Campaign', entityId: campaignId, after: { bulkJobId: job.id, trigger } });
  const work = runBulkJob(services, job, async (progress) => {
    const members = await classifyAudience(services.pool, campaign);
    await progress.update({ total: members.length, processed: 0, succeeded: 0, failed: 0 });
    const { report, counts } = await enrollMembers(services, campaign.target, members, trigger, progress);
    return { counts, report: report as never };
  }).finally(() => running.delete(campaignId));
  running.set(campaignId, Object.assign(work, { jobId: job.id }));
  return toBulkJobView(job);
}

/**
 * The sweep's pass over one campaign: starts its runs still PENDING and, with `isNewMembersIncluded`, enrolls
 * people who joined its audience, recording a bulk job only when there was something to do. Returns its
 * report, or null when there was nothing (or an enrollment of the campaign is running here already).
 */
export async function enrollNewMembers(services: Services, orgId: string, campaignId: string, opts: { isNewMembersIncluded: boolean }): Promise<EnrollmentReport | null> {
  if (running.has(campaignId)) return null;
  const campaign = await assertEnrollable(services.pool, orgId, campaignId);
  const joined = opts.isNewMembersIncluded ? (await classifyAudience(services.pool, campaign, { isNewOnly: true })).filter((m) => !m.skip) : [];
  const { rows: waiting } = await services.pool.query<AudienceMember>(
    `SELECT "candidateId" AS id, NULL AS skip, id AS "runId", status AS "runStatus" FROM "Run" WHERE "campaignId" = $1 AND status = 'PENDING'`,
    [campaignId],
  );
  const members = [...waiting, ...joined];
  if (!members.length) return null;
  const job = await createBulkJob(services, { orgId, kind: 'campaign_enroll', subjectId: campaignId, total: members.length });
  let report: EnrollmentReport | null = null;
  const work = runBulkJob(services, job, async (progress) => {
    const result = await enrollMembers(services, campaign.target, members, 'sweep', progress);
    report = result.report;
    return { counts: result.counts, report: result.report as never };
  }).finally(() => running.delete(campaignId));
  running.set(campaignId, Object.assign(work, { jobId: job.id }));
  await work;
  return report;
}
