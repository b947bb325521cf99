// Hiring records as CSV: one row per application with its source and UTM, stage
// history, decision (rejection reason and note, who and when), hire, and latest
// offer. Streamed in keyset batches on (appliedAt, id), so the export has no
// row cap and holds one batch in memory; the response waits on the socket's
// drain, so a slow client slows the export instead of filling memory.
import type { Response } from 'express';
import { z } from 'zod';
import type { Services } from '../services';
import { csvRow, startCsvDownload } from './csv';

export const ZHiringRecordsQuery = z
  .object({
    jobId: z.string().min(1).max(100).optional(),
    from: z.coerce.date().optional(),
    to: z.coerce.date().optional(),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from < q.to, { message: 'from must be before to', path: ['from'] });

export const HIRING_RECORD_COLUMNS = [
  'application_id', 'applied_at', 'candidate_id', 'first_name', 'last_name', 'email', 'job_id', 'job_title', 'requisition_id', 'source',
  'utm_source', 'utm_medium', 'utm_campaign', 'stage', 'status', 'stage_history', 'rejection_reason', 'rejection_note', 'rejected_at', 'rejected_by',
  'hired_at', 'offer_status', 'offer_amount', 'offer_currency', 'offer_unit', 'offer_start_date', 'offer_approved_at', 'offer_responded_at',
] as const;

const BATCH = 500;

interface RecordRow {
  id: string; appliedAt: Date; candidateId: string; firstName: string; lastName: string; email: string | null; jobId: string; title: string;
  requisitionId: string | null; source: string | null; utm: Record<string, string>; stage: string; status: string; history: string | null;
  reason: string | null; note: string | null; rejectedAt: Date | null; rejectedBy: string | null; hiredAt: Date | null;
  offerStatus: string | null; amount: string | null; currency: string | null; unit: string | null; startDate: string | null; approvedAt: Date | null; respondedAt: Date | null;
}

export async function streamHiringRecords(services: Services, orgId: string, q: z.infer<typeof ZHiringRecordsQuery>, res: Response) {
  const write = startCsvDownload(res, `hiring-records-${new Date().toISOString().slice(0, 10)}.csv`);
  await write(csvRow(HIRING_RECORD_COLUMNS));
  let after: [Date, string] | null = null;
  for (;;) {
    const params: unknown[] = [orgId, q.jobId ?? null, q.from ?? null, q.to ?? null, BATCH];
    const cursor: string = after ? `AND (a."appliedAt", a.id) > ($6, $7)` : '';
    if (after) params.push(after[0], after[1]);
    const { rows }: { rows: RecordRow[] } = await services.pool.query<RecordRow>(
      `SELECT a.id, a."appliedAt", c.id AS "candidateId", c."firstName", c."lastName", c.email, j.id AS "jobId", j.title, j."requisitionId", a.source, a.utm,
              s.name AS stage, a.status,
              (SELECT string_agg(ts.key || '@' || to_char(st.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), ' > ' ORDER BY st.at, st.id)
                 FROM "StageTransition" st JOIN "Stage" ts ON ts.id = st."toStageId" WHERE st."applicationId" = a.id) AS history,
              rr.label AS reason, a."rejectionReason" AS note, a."rejectedAt", ru.email AS "rejectedBy", a."hiredAt",
              o.status AS "offerStatus", o."salaryAmount"::text AS amount, o.currency, o."salaryUnit" AS unit, to_char(o."startDate", 'YYYY-MM-DD') AS "startDate",
              o."approvedAt", o."respondedAt"
         FROM "Application" a
         JOIN "Candidate" c ON c.id = a."candidateId"
         JOIN "Job" j ON j.id = a."jobId"
         JOIN "Stage" s ON s.id = a."stageId"
         LEFT JOIN "RejectionReason" rr ON rr.id = a."rejectionReasonId"
         LEFT JOIN "User" ru ON ru.id = a."rejectedById"
         LEFT JOIN LATERAL (SELECT * FROM "Offer" o WHERE o."applicationId" = a.id ORDER BY o."createdAt" DESC LIMIT 1) o ON true
        WHERE a."orgId" = $1 AND ($2::text IS NULL OR a."jobId" = $2)
          AND ($3::timestamptz IS NULL OR a."appliedAt" >= $3) AND ($4::timestamptz IS NULL OR a."appliedAt" < $4) ${cursor}
        ORDER BY a."appliedAt", a.id LIMIT $5`,
      params,
    );
    for (const r of rows) {
      const utm = r.utm ?? {};
      await write(csvRow([
        r.id, r.appliedAt, r.candidateId, r.firstName, r.lastName, r.email, r.jobId, r.title, r.requisitionId, r.source,
        utm.utm_source, utm.utm_medium, utm.utm_campaign, r.stage, r.status, r.history, r.reason, r.note, r.rejectedAt, r.rejectedBy,
        r.hiredAt, r.offerStatus, r.amount, r.currency, r.unit, r.startDate, r.approvedAt, r.respondedAt,
      ]));
    }
    if (rows.length < BATCH || res.destroyed) break;
    const last = rows[rows.length - 1]!;
    after = [last.appliedAt, last.id];
  }
  res.end();
}
