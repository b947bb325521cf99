// A sourcing import as a BulkJob: the rows (CSV lines or JSON Resume files) are checked up front, the job is
// created with the row count as its total, and the work runs in the background in batches, each batch one
// transaction (upsert-prospects.ts) followed by a progress write, so GET /api/bulk-jobs/:id shows a moving
// bar. The report counts created, merged (matched an existing person), unchanged and failed rows, lists
// failures by line (or file) with the reason, and the merges with what they changed.
import type { Services } from '../services';
import type { AuthContext } from '../../auth';
import { AppError } from '../../errors';
import { createBulkJob, runBulkJob, toBulkJobView, type BulkJobView, type TBulkJobKind } from '../bulk-jobs';
import { withTransaction } from '../../platform/db/transaction';
import { recordAudit } from '../audit';
import { z } from 'zod';
import { MAX_TAGS, ZTag, type TProspect } from './prospect';
import { upsertProspects, type TUpsertResult } from './upsert-prospects';

export const IMPORT_BATCH_ROWS = 500;
/** The report lists at most this many failures and merges (the counts are always complete). */
export const MAX_REPORTED_ROWS = 1_000;

/** Where a row came from, as the report names it. */
export type TImportPlace = { line: number } | { file: number; fileName?: string };

export type TImportRow = { place: TImportPlace; prospect: TProspect } | { place: TImportPlace; error: string };

/** Options of an import (query string of a text/csv upload, or the `options` part of a multipart one). */
export const ZImportOptions = z
  .object({
    /** Everyone imported (created or matched) joins this pool. */
    poolId: z.string().min(1).max(64).optional(),
    /** Added to everyone imported; a list, or one comma-separated string in a query. */
    tags: z.union([z.array(ZTag).max(MAX_TAGS), z.string().max(2000).transform((s) => s.split(',').map((t) => t.trim()).filter(Boolean))]).pipe(z.array(ZTag).max(MAX_TAGS)).optional(),
    /** Source of new profiles whose row names none. Default "import". */
    source: z.string().trim().min(1).max(100).optional(),
  })
  .strict();

export interface TImportOptions {
  poolId?: string;
  tags: string[];
  source: string;
}

export interface TImportReport {
  created: number;
  merged: number;
  unchanged: number;
  failed: number;
  failures: (TImportPlace & { reason: string })[];
  merges: (TImportPlace & { candidateId: string; matchedBy: string; changedFields: string[] })[];
  /** More failures or merges happened than are listed. */
  isTruncated: boolean;
  /** What the runner was told about the input (columns recognised, encoding...). */
  input: Record<string, unknown>;
}

/** A pool named by an import must be the organization's own (another's is a 404, as everywhere). */
export async function assertPoolOfOrg(services: Services, orgId: string, poolId: string | undefined, path: string) {
  if (!poolId) return;
  const { rowCount } = await services.pool.query(`SELECT 1 FROM "TalentPool" WHERE id = $1 AND "orgId" = $2`, [poolId, orgId]);
  if (!rowCount) throw new AppError('NOT_FOUND', `talent pool ${poolId} not found`, [{ path, message: 'no talent pool with this id in your organization' }]);
}

export async function startProspectImport(
  services: Services, auth: AuthContext,
  input: { kind: Extract<TBulkJobKind, 'import_csv' | 'import_json_resume'>; subjectId: string; rows: TImportRow[]; options: TImportOptions; description: Record<string, unknown> },
): Promise<BulkJobView> {
  const job = await createBulkJob(services, { orgId: auth.orgId, kind: input.kind, subjectId: input.subjectId, total: input.rows.length, createdById: auth.userId });
  await recordAudit(services.pool, {
    orgId: auth.orgId, actorType: 'USER', actorId: auth.userId, action: 'import.started', entityType: 'BulkJob', entityId: job.id,
    after: { kind: input.kind, rows: input.rows.length, poolId: input.options.poolId ?? null, tags: input.options.tags, source: input.options.source },
  });
  // Not awaited: the caller answers 202 with the job; progress and the report land on the BulkJob row.
  void runBulkJob(services, job, async (progress) => {
    const report: TImportReport = { created: 0, merged: 0, unchanged: 0, failed: 0, failures: [], merges: [], isTruncated: false, input: input.description };
    const fail = (place: TImportPlace, reason: string) => {
      report.failed++;
      if (report.failures.length < MAX_REPORTED_ROWS) report.failures.push({ ...place, reason });
      else report.isTruncated = true;
    };
    let processed = 0;
    for (let at = 0; at < input.rows.length; at += IMPORT_BATCH_ROWS) {
      const batch = input.rows.slice(at, at + IMPORT_BATCH_ROWS);
      const valid = batch.filter((r): r is Extract<TImportRow, { prospect: TProspect }> => 'prospect' in r);
      for (const r of batch) if ('error' in r) fail(r.place, r.error);
      const results = valid.length ? await upsertBatch(services, auth, job.id, input.options, valid.map((r) => r.prospect)) : [];
      results.forEach((result, i) => count(report, valid[i]!.place, result, fail));
      processed += batch.length;
      await progress.update({ processed, succeeded: report.created + report.merged + report.unchanged, failed: report.failed });
    }
    await recordAudit(services.pool, {
      orgId: auth.orgId, actorType: 'USER', actorId: auth.userId, action: 'import.finished', entityType: 'BulkJob', entityId: job.id,
      after: { created: report.created, merged: report.merged, unchanged: report.unchanged, failed: report.failed },
    });
    return { counts: { total: input.rows.length, processed, succeeded: report.created + report.merged + report.unchanged, failed: report.failed }, report: report as never };
  });
  return toBulkJobView(job);
}

/** One batch in one transaction; a concurrent writer taking the same email first makes the batch run again. */
async function upsertBatch(services: Services, auth: AuthContext, jobId: string, options: TImportOptions, prospects: TProspect[]): Promise<TUpsertResult[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await withTransaction(services.pool, (client) =>
        upsertProspects(client, {
          orgId: auth.orgId, actor: { type: 'USER', id: auth.userId }, tags: options.tags, source: options.source, poolId: options.poolId,
          sourceDetail: { bulkJobId: jobId }, auditActions: { created: 'candidate.imported', changed: 'candidate.import_merged' }, auditDetail: { bulkJobId: jobId },
        }, prospects),
      );
    } catch (err) {
      if ((err as { code?: string }).code !== '23505' || attempt >= 3) throw err;
    }
  }
}

function count(report: TImportReport, place: TImportPlace, result: TUpsertResult, fail: (place: TImportPlace, reason: string) => void) {
  switch (result.outcome) {
    case 'failed':
      return fail(place, result.reason);
    case 'created':
      report.created++;
      return;
    case 'unchanged':
      report.unchanged++;
      return;
    case 'merged':
      report.merged++;
      if (report.merges.length < MAX_REPORTED_ROWS) report.merges.push({ ...place, candidateId: result.candidateId, matchedBy: result.matchedBy, changedFields: result.changedFields });
      else report.isTruncated = true;
  }
}
