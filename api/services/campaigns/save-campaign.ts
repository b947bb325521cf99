// Creating and editing a campaign: every reference (pipeline, segment or pool, sender) must be a record of the
// organization; the pipeline a published NURTURE graph that starts on trigger.campaign_enrolled; the change and
// its audit entry commit together. Which fields may change in which status: campaign-rules.ts.
import crypto from 'node:crypto';
import type { PoolClient } from 'pg';
import { AppError, notFound } from '../../errors';
import { withTransaction } from '../../platform/db/transaction';
import { changedFields, recordAudit } from '../audit';
import type { Services } from '../services';
import type { Plan } from '../../../workflows/graph/plan';
import { CAMPAIGN_TRIGGER, editRefusal } from './campaign-rules';
import type { TCreateCampaign, TUpdateCampaign } from './campaign-input';
import { getCampaign, type CampaignView } from './read-campaigns';

const COLUMNS = `name, "pipelineId", "segmentId", "poolId", "contactPolicy", topic, "senderUserId", "isAutoEnroll", status`;

interface CampaignColumns {
  name: string;
  pipelineId: string;
  segmentId: string | null;
  poolId: string | null;
  contactPolicy: unknown;
  topic: string;
  senderUserId: string | null;
  isAutoEnroll: boolean;
  status: string;
}

async function assertPipeline(client: PoolClient, orgId: string, pipelineId: string, campaignId: string | null): Promise<void> {
  const { rows } = await client.query<{ kind: string; plan: Plan | null }>(
    `SELECT p.kind, (SELECT v.plan FROM "PipelineVersion" v WHERE v."pipelineId" = p.id AND v.status = 'PUBLISHED' ORDER BY v.version DESC LIMIT 1) AS plan
       FROM "Pipeline" p WHERE p.id = $1 AND p."orgId" = $2`,
    [pipelineId, orgId],
  );
  const pipeline = rows[0];
  if (!pipeline) throw notFound('Pipeline', pipelineId);
  if (pipeline.kind !== 'NURTURE') throw new AppError('VALIDATION_FAILED', `pipeline ${pipelineId} is a ${pipeline.kind} pipeline; a campaign runs a NURTURE pipeline`, [{ path: 'body.pipelineId', message: 'not a NURTURE pipeline' }]);
  if (!pipeline.plan) throw new AppError('CONFLICT', `pipeline ${pipelineId} has no published version`, [{ path: 'body.pipelineId', message: 'publish it first' }]);
  const trigger = pipeline.plan.nodes[pipeline.plan.triggerNodeId];
  if (trigger?.type !== CAMPAIGN_TRIGGER) {
    throw new AppError('CONFLICT', `pipeline ${pipelineId} starts on "${trigger?.type}", not on ${CAMPAIGN_TRIGGER}`, [{ path: 'body.pipelineId', message: `trigger is not ${CAMPAIGN_TRIGGER}` }]);
  }
  const only = (trigger.config as { campaignId?: string }).campaignId;
  if (only && only !== campaignId) throw new AppError('CONFLICT', `pipeline ${pipelineId} only runs campaign ${only}`, [{ path: 'body.pipelineId', message: 'trigger limited to another campaign' }]);
}

async function assertReferences(client: PoolClient, orgId: string, ref: { segmentId?: string | null; poolId?: string | null; senderUserId?: string | null }) {
  if (ref.segmentId) {
    const { rowCount } = await client.query(`SELECT 1 FROM "Segment" WHERE id = $1 AND "orgId" = $2`, [ref.segmentId, orgId]);
    if (!rowCount) throw notFound('Segment', ref.segmentId);
  }
  if (ref.poolId) {
    const { rowCount } = await client.query(`SELECT 1 FROM "TalentPool" WHERE id = $1 AND "orgId" = $2`, [ref.poolId, orgId]);
    if (!rowCount) throw notFound('Talent pool', ref.poolId);
  }
  if (ref.senderUserId) {
    const { rowCount } = await client.query(`SELECT 1 FROM "User" WHERE id = $1 AND "orgId" = $2 AND NOT deactivated`, [ref.senderUserId, orgId]);
    if (!rowCount) throw new AppError('VALIDATION_FAILED', `user ${ref.senderUserId} is not an active user of the organization`, [{ path: 'body.senderUserId', message: 'unknown or deactivated user' }]);
  }
}

async function assertNameFree(client: PoolClient, orgId: string, name: string, exceptId: string | null) {
  const { rowCount } = await client.query(`SELECT 1 FROM "Campaign" WHERE "orgId" = $1 AND name = $2 AND id IS DISTINCT FROM $3`, [orgId, name, exceptId]);
  if (rowCount) throw new AppError('CONFLICT', `a campaign named "${name}" already exists`, [{ path: 'body.name', message: 'must be unique in the organization' }]);
}

export async function createCampaign(services: Services, orgId: string, userId: string | null, input: TCreateCampaign): Promise<CampaignView> {
  const id = crypto.randomUUID();
  await withTransaction(services.pool, async (client) => {
    await assertNameFree(client, orgId, input.name, null);
    await assertPipeline(client, orgId, input.pipelineId, id);
    await assertReferences(client, orgId, input);
    await client.query(
      `INSERT INTO "Campaign" (id, "orgId", name, "pipelineId", "segmentId", "poolId", "contactPolicy", topic, "senderUserId", "isAutoEnroll", "createdById", "updatedAt")
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10, $11, now())`,
      [id, orgId, input.name, input.pipelineId, input.segmentId ?? null, input.poolId ?? null, JSON.stringify(input.contactPolicy), input.topic, input.senderUserId ?? null, input.isAutoEnroll, userId],
    );
    await recordAudit(client, { orgId, actorType: 'USER', actorId: userId, action: 'campaign.created', entityType: 'Campaign', entityId: id, after: { ...input, status: 'DRAFT' } });
  });
  return getCampaign(services.pool, orgId, id);
}

export async function updateCampaign(services: Services, orgId: string, userId: string | null, campaignId: string, input: TUpdateCampaign): Promise<CampaignView> {
  await withTransaction(services.pool, async (client) => {
    const { rows } = await client.query<CampaignColumns>(`SELECT ${COLUMNS} FROM "Campaign" WHERE id = $1 AND "orgId" = $2 FOR UPDATE`, [campaignId, orgId]);
    const before = rows[0];
    if (!before) throw notFound('Campaign', campaignId);
    const after: CampaignColumns = {
      ...before,
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.pipelineId !== undefined ? { pipelineId: input.pipelineId } : {}),
      ...(input.segmentId !== undefined ? { segmentId: input.segmentId, poolId: null } : {}),
      ...(input.poolId !== undefined ? { poolId: input.poolId, segmentId: null } : {}),
      ...(input.contactPolicy !== undefined ? { contactPolicy: input.contactPolicy } : {}),
      ...(input.topic !== undefined ? { topic: input.topic } : {}),
      ...(input.senderUserId !== undefined ? { senderUserId: input.senderUserId } : {}),
      ...(input.isAutoEnroll !== undefined ? { isAutoEnroll: input.isAutoEnroll } : {}),
    };
    const diff = changedFields(before as unknown as Record<string, unknown>, after as unknown as Record<string, unknown>);
    const changed = Object.keys(diff.after);
    if (!changed.length) return;
    const refusal = editRefusal(before.status as never, changed);
    if (refusal) throw new AppError('CONFLICT', refusal, changed.map((f) => ({ path: `body.${f}`, message: refusal })));
    if (changed.includes('name')) await assertNameFree(client, orgId, after.name, campaignId);
    if (changed.includes('pipelineId')) await assertPipeline(client, orgId, after.pipelineId, campaignId);
    await assertReferences(client, orgId, { segmentId: changed.includes('segmentId') ? after.segmentId : null, poolId: changed.includes('poolId') ? after.poolId : null, senderUserId: changed.includes('senderUserId') ? after.senderUserId : null });
    await client.query(
      `UPDATE "Campaign" SET name = $2, "pipelineId" = $3, "segmentId" = $4, "poolId" = $5, "contactPolicy" = $6::jsonb, topic = $7, "senderUserId" = $8, "isAutoEnroll" = $9, "updatedAt" = now() WHERE id = $1`,
      [campaignId, after.name, after.pipelineId, after.segmentId, after.poolId, JSON.stringify(after.contactPolicy), after.topic, after.senderUserId, after.isAutoEnroll],
    );
    await recordAudit(client, { orgId, actorType: 'USER', actorId: userId, action: 'campaign.updated', entityType: 'Campaign', entityId: campaignId, ...diff });
  });
  return getCampaign(services.pool, orgId, campaignId);
}
