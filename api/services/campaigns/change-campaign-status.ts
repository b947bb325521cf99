// A campaign's life: DRAFT -> ACTIVE (activate: the pipeline must fit, then the audience enrolls at once) ->
// PAUSED (no enrollments) -> ACTIVE (resume) ... -> ARCHIVED (for good: runs not started yet end at once,
// live runs get operator.exit and end where they wait). A refused change is a 409 naming the status.
import { AppError } from '../../errors';
import { withTransaction } from '../../platform/db/transaction';
import { EVENT_SIGNAL, OPERATOR_EXIT_EVENT } from '../../../workflows/constants';
import { recordAudit } from '../audit';
import type { BulkJobView } from '../bulk-jobs';
import type { Services } from '../services';
import type { CampaignStatus } from '../../../generated/prisma/client';
import { nextCampaignStatus, planFitIssues, type TCampaignAction } from './campaign-rules';
import { loadCampaignVersion, getCampaign, type CampaignView } from './read-campaigns';
import { enrollAudience } from './enroll-campaign';

export interface CampaignStatusChange {
  campaign: CampaignView;
  /** activate: the enrollment of the audience it started (poll GET /api/bulk-jobs/:id). */
  enrollment?: BulkJobView;
  /** archive: runs ended at once (not started yet) and runs told to exit. */
  ended?: { notStarted: number; exiting: number };
}

export async function changeCampaignStatus(services: Services, orgId: string, userId: string | null, campaignId: string, action: TCampaignAction): Promise<CampaignStatusChange> {
  const ended = await withTransaction(services.pool, async (client) => {
    const campaign = await loadCampaignVersion(client, orgId, campaignId, { lock: true });
    const next = nextCampaignStatus(campaign.status, action);
    if ('refusal' in next) throw new AppError('CONFLICT', next.refusal, [{ path: 'params.id', message: `campaign is ${campaign.status}` }]);
    if (action === 'activate' || action === 'resume') {
      const issues = !campaign.plan ? ['the pipeline has no published version'] : planFitIssues(campaign.plan, campaignId);
      if (issues.length) throw new AppError('CONFLICT', `the campaign cannot run: ${issues.join('; ')}`, issues.map((message) => ({ path: 'pipelineId', message })));
    }
    await client.query(
      `UPDATE "Campaign" SET status = $2::"CampaignStatus", "activatedAt" = CASE WHEN $2 = 'ACTIVE' THEN COALESCE("activatedAt", now()) ELSE "activatedAt" END, "updatedAt" = now() WHERE id = $1`,
      [campaignId, next.to],
    );
    let ended: CampaignStatusChange['ended'];
    if (next.to === 'ARCHIVED') ended = await endAllRuns(client, campaignId);
    await recordAudit(client, {
      orgId, actorType: 'USER', actorId: userId, action: `campaign.${action === 'activate' ? 'activated' : `${action}d`}`, entityType: 'Campaign', entityId: campaignId,
      before: { status: campaign.status }, after: { status: next.to satisfies CampaignStatus, ...(ended ? { ended } : {}) },
    });
    return ended;
  });
  if (ended?.exiting) services.outbox.kick();
  const enrollment = action === 'activate' ? await enrollAudience(services, orgId, userId, campaignId, 'activation') : undefined;
  return { campaign: await getCampaign(services.pool, orgId, campaignId), ...(enrollment ? { enrollment } : {}), ...(ended ? { ended } : {}) };
}

/** Archiving: every run of the campaign ends (not started: at once; live: operator.exit through the outbox, once per run). */
async function endAllRuns(client: import('pg').PoolClient, campaignId: string) {
  const { rowCount: notStarted } = await client.query(
    `UPDATE "Run" SET status = 'EXITED', "exitReason" = $2, "endedAt" = now() WHERE "campaignId" = $1 AND status = 'PENDING'`,
    [campaignId, OPERATOR_EXIT_EVENT],
  );
  // One statement for any number of runs; the payload is insertRunSignal's (SignalWorkflowPayload).
  const { rowCount: exiting } = await client.query(
    `INSERT INTO "OutboxEvent" (id, "orgId", kind, payload, "dedupeKey", "availableAt")
     SELECT gen_random_uuid()::text, r."orgId", 'SIGNAL_WORKFLOW',
            jsonb_build_object('workflowId', r."workflowId", 'signal', $2::text,
              'args', jsonb_build_array(jsonb_build_object('name', $3::text, 'payload', jsonb_build_object('campaignId', r."campaignId", 'reason', 'campaign archived')))),
            $3::text || ':' || r.id, now()
       FROM "Run" r WHERE r."campaignId" = $1 AND r.status = 'RUNNING'
     ON CONFLICT ("dedupeKey") DO NOTHING`,
    [campaignId, EVENT_SIGNAL, OPERATOR_EXIT_EVENT],
  );
  return { notStarted: notStarted ?? 0, exiting: exiting ?? 0 };
}
