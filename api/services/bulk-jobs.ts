// Long work with visible progress (BulkJob rows): CSV and JSON Resume imports, campaign enrollments,
// retention sweeps. The worker of a job reports processed/succeeded/failed as it goes (throttled to a
// write every PROGRESS_EVERY_MS), and finishes with a report; the UI polls GET /api/bulk-jobs/:id.
import type { Pool } from 'pg';
import type { Prisma, BulkJob } from '../../generated/prisma/client';
import type { Services } from './services';
import { notFound } from '../errors';

const PROGRESS_EVERY_MS = 250;

export type TBulkJobKind = 'import_csv' | 'import_json_resume' | 'campaign_enroll' | 'retention';

export interface BulkJobView {
  id: string;
  kind: string;
  status: BulkJob['status'];
  subjectId: string | null;
  total: number;
  processed: number;
  succeeded: number;
  failed: number;
  /** processed / total, 0..1 (1 when total is 0 and the job is finished). */
  progress: number;
  report: unknown;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export function toBulkJobView(job: BulkJob): BulkJobView {
  const isDone = job.status === 'SUCCEEDED' || job.status === 'FAILED';
  return {
    id: job.id, kind: job.kind, status: job.status, subjectId: job.subjectId, total: job.total, processed: job.processed,
    succeeded: job.succeeded, failed: job.failed, progress: job.total > 0 ? Math.min(1, job.processed / job.total) : isDone ? 1 : 0,
    report: job.report, error: job.error, createdAt: job.createdAt.toISOString(), startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

export async function createBulkJob(services: Services, input: { orgId: string; kind: TBulkJobKind; subjectId?: string; total?: number; createdById?: string }): Promise<BulkJob> {
  return services.prisma.bulkJob.create({ data: { orgId: input.orgId, kind: input.kind, subjectId: input.subjectId, total: input.total ?? 0, createdById: input.createdById } });
}

export interface ProgressCounts {
  total?: number;
  processed: number;
  succeeded: number;
  failed: number;
}

/** Reports progress of one job; `update` writes at most every PROGRESS_EVERY_MS, `flush` writes now. */
export function progressReporter(pool: Pool, jobId: string) {
  let lastWrite = 0;
  let pending: ProgressCounts | null = null;
  async function write(c: ProgressCounts) {
    lastWrite = Date.now();
    await pool.query(
      `UPDATE "BulkJob" SET status = 'RUNNING', "startedAt" = COALESCE("startedAt", now()), total = COALESCE($2, total), processed = $3, succeeded = $4, failed = $5 WHERE id = $1`,
      [jobId, c.total ?? null, c.processed, c.succeeded, c.failed],
    );
  }
  return {
    async update(c: ProgressCounts) {
      pending = c;
      if (Date.now() - lastWrite >= PROGRESS_EVERY_MS) {
        pending = null;
        await write(c);
      }
    },
    async flush() {
      if (pending) await write(pending);
      pending = null;
    },
  };
}

export async function finishBulkJob(services: Services, jobId: string, outcome: { counts: ProgressCounts; report?: Prisma.InputJsonValue; error?: string }): Promise<BulkJob> {
  const c = outcome.counts;
  return services.prisma.bulkJob.update({
    where: { id: jobId },
    data: {
      status: outcome.error ? 'FAILED' : 'SUCCEEDED', total: c.total ?? undefined, processed: c.processed, succeeded: c.succeeded, failed: c.failed,
      report: outcome.report ?? undefined, error: outcome.error ?? null, finishedAt: new Date(),
    },
  });
}

/**
 * Runs `work` in the background with progress, and returns the job at once (the caller answers 202).
 * A thrown error marks the job FAILED with its message; the work reports progress through `progress`.
 */
export function runBulkJob(
  services: Services,
  job: BulkJob,
  work: (progress: ReturnType<typeof progressReporter>) => Promise<{ counts: ProgressCounts; report?: Prisma.InputJsonValue }>,
): Promise<BulkJob> {
  const progress = progressReporter(services.pool, job.id);
  return work(progress)
    .then(async (outcome) => {
      await progress.flush();
      return finishBulkJob(services, job.id, outcome);
    })
    .catch(async (err) => {
      services.log.warn({ bulkJobId: job.id, kind: job.kind, err: (err as Error).message }, 'bulk job failed');
      const current = await services.prisma.bulkJob.findUniqueOrThrow({ where: { id: job.id } });
      return finishBulkJob(services, job.id, { counts: current, error: (err as Error).message });
    });
}

export async function getBulkJob(services: Services, orgId: string, id: string): Promise<BulkJobView> {
  const job = await services.prisma.bulkJob.findFirst({ where: { id, orgId } });
  if (!job) throw notFound('Bulk job', id);
  return toBulkJobView(job);
}

export async function listBulkJobs(services: Services, orgId: string, filter: { kind?: string; subjectId?: string; limit: number }): Promise<BulkJobView[]> {
  const jobs = await services.prisma.bulkJob.findMany({
    where: { orgId, kind: filter.kind, subjectId: filter.subjectId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: filter.limit,
  });
  return jobs.map(toBulkJobView);
}
