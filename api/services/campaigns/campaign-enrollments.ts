// A campaign's enrollments (its runs, one per person): one, a page of them (newest first, keyset), and
// stopping one by hand. Stopping a run that has not started yet ends it at once; a live one gets the
// reserved operator.exit event and ends where it waits (status EXITED, exitReason operator.exit).
import type { Pool } from 'pg';
import type { RunStatus } from '../../../generated/prisma/client';
import { AppError, notFound } from '../../errors';
import { OPERATOR_EXIT_EVENT } from '../../../workflows/constants';
import { recordAudit } from '../audit';
import { insertRunSignal, withRunSignals } from '../run-signals';
import type { Services } from '../services';
import { decodeTimelineCursor, encodeTimelineCursor } from '../candidates/timeline-cursor';

export interface EnrollmentView {
  runId: string;
  campaignId: string;
  candidateId: string;
  candidateName: string;
  status: RunStatus;
  /** Where a live run waits (the builder's node id) and since when. */
  currentNodeId: string | null;
  nodeEnteredAt: string | null;
  pipelineVersion: number;
  enrolledAt: string;
  endedAt: string | null;
  /** EXITED: the event that ended it (candidate.applied, candidate.replied, operator.exit...). */
  exitReason: string | null;
  workflowId: string;
}

const ENROLLMENT_SQL = `
  SELECT r.id AS "runId", r."campaignId", r."candidateId", c."firstName" || ' ' || c."lastName" AS "candidateName", r.status, r."currentNodeId",
         r."nodeEnteredAt", v.version AS "pipelineVersion", r."startedAt" AS "enrolledAt", r."endedAt", r."exitReason", r."workflowId"
    FROM "Run" r JOIN "Candidate" c ON c.id = r."candidateId" JOIN "PipelineVersion" v ON v.id = r."pipelineVersionId"`;

type EnrollmentRow = Omit<EnrollmentView, 'nodeEnteredAt' | 'enrolledAt' | 'endedAt'> & { nodeEnteredAt: Date | null; enrolledAt: Date; endedAt: Date | null };

const toView = (r: EnrollmentRow): EnrollmentView => ({
  ...r, nodeEnteredAt: r.nodeEnteredAt?.toISOString() ?? null, enrolledAt: r.enrolledAt.toISOString(), endedAt: r.endedAt?.toISOString() ?? null,
});

export async function getEnrollment(pool: Pick<Pool, 'query'>, orgId: string, campaignId: string, candidateId: string): Promise<EnrollmentView> {
  const { rows } = await pool.query<EnrollmentRow>(`${ENROLLMENT_SQL} WHERE r."campaignId" = $1 AND r."candidateId" = $2 AND r."orgId" = $3`, [campaignId, candidateId, orgId]);
  if (!rows[0]) throw new AppError('NOT_FOUND', `candidate ${candidateId} is not enrolled in campaign ${campaignId}`, [{ path: 'params.candidateId', message: 'not enrolled' }]);
  return toView(rows[0]);
}

export async function listEnrollments(
  services: Services, orgId: string, campaignId: string, q: { status?: RunStatus; cursor?: string; limit: number },
): Promise<{ enrollments: EnrollmentView[]; nextCursor: string | null }> {
  const { rowCount } = await services.pool.query(`SELECT 1 FROM "Campaign" WHERE id = $1 AND "orgId" = $2`, [campaignId, orgId]);
  if (!rowCount) throw notFound('Campaign', campaignId);
  const after = q.cursor ? decodeTimelineCursor(q.cursor) : null;
  const { rows } = await services.pool.query<EnrollmentRow>(
    `${ENROLLMENT_SQL}
      WHERE r."campaignId" = $1 AND r."orgId" = $2 AND ($3::"RunStatus" IS NULL OR r.status = $3::"RunStatus")
        AND ($4::timestamptz IS NULL OR (r."startedAt", r.id) < ($4::timestamptz, $5))
      ORDER BY r."startedAt" DESC, r.id DESC LIMIT $6`,
    [campaignId, orgId, q.status ?? null, after?.occurredAt ?? null, after?.id ?? null, q.limit + 1],
  );
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    enrollments: page.map(toView),
    nextCursor: rows.length > q.limit && last ? encodeTimelineCursor({ occurredAt: last.enrolledAt.toISOString(), id: last.runId }) : null,
  };
}

export async function stopEnrollment(services: Services, orgId: string, userId: string | null, campaignId: string, candidateId: string): Promise<EnrollmentView> {
  await withRunSignals(services, async (client, signals) => {
    const { rows } = await client.query<{ id: string; workflowId: string; status: RunStatus }>(
      `SELECT id, "workflowId", status FROM "Run" WHERE "campaignId" = $1 AND "candidateId" = $2 AND "orgId" = $3 FOR UPDATE`,
      [campaignId, candidateId, orgId],
    );
    const run = rows[0];
    if (!run) throw new AppError('NOT_FOUND', `candidate ${candidateId} is not enrolled in campaign ${campaignId}`, [{ path: 'params.candidateId', message: 'not enrolled' }]);
    if (run.status !== 'PENDING' && run.status !== 'RUNNING') {
      throw new AppError('CONFLICT', `the enrollment has ended (${run.status.toLowerCase()})`, [{ path: 'params.candidateId', message: `run is ${run.status}` }]);
    }
    if (run.status === 'PENDING') {
      await client.query(`UPDATE "Run" SET status = 'EXITED', "exitReason" = $2, "endedAt" = now() WHERE id = $1`, [run.id, OPERATOR_EXIT_EVENT]);
    } else {
      const dedupeKey = `${OPERATOR_EXIT_EVENT}:${run.id}`;
      const { rowCount } = await client.query(`SELECT 1 FROM "OutboxEvent" WHERE "dedupeKey" = $1`, [dedupeKey]);
      if (!rowCount) signals.push(await insertRunSignal(client, orgId, run.workflowId, { name: OPERATOR_EXIT_EVENT, payload: { userId, campaignId } }, dedupeKey));
    }
    await recordAudit(client, { orgId, actorType: 'USER', actorId: userId, action: 'campaign.enrollment_stopped', entityType: 'Run', entityId: run.id, before: { status: run.status }, after: { campaignId, candidateId } });
  });
  return getEnrollment(services.pool, orgId, campaignId, candidateId);
}
