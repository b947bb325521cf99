// Reading campaigns: the list (with enrolled / active counts), one campaign with what still stops it from
// being activated, and the newest published version of its pipeline (what enrollments run).
import type { Pool } from 'pg';
import type { CampaignStatus } from '../../../generated/prisma/client';
import { notFound } from '../../errors';
import type { Plan } from '../../../workflows/graph/plan';
import type { Services } from '../services';
import { planFitIssues } from './campaign-rules';
import { effectivePolicy, readContactPolicy, ZCampaignContactPolicy } from '../messaging/contact-policy';

export interface CampaignView {
  id: string;
  name: string;
  status: CampaignStatus;
  topic: string;
  isAutoEnroll: boolean;
  contactPolicy: unknown;
  pipeline: { id: string; name: string; kind: string; publishedVersion: { id: string; version: number } | null };
  audience: { kind: 'segment' | 'pool'; id: string; name: string };
  sender: { id: string; name: string; email: string } | null;
  /** Enrollments (one run per person) and the live ones among them. */
  counts: { enrolled: number; active: number };
  /** What keeps the campaign from activating or enrolling now (empty: ready). */
  issues: string[];
  createdById: string | null;
  createdAt: string;
  updatedAt: string;
  activatedAt: string | null;
}

const CAMPAIGN_SQL = `
  SELECT k.id, k.name, k.status, k.topic, k."isAutoEnroll", k."contactPolicy", k."createdById", k."createdAt", k."updatedAt", k."activatedAt",
         p.id AS "pipelineId", p.name AS "pipelineName", p.kind AS "pipelineKind",
         v.id AS "versionId", v.version, v.plan,
         CASE WHEN k."segmentId" IS NOT NULL THEN 'segment' ELSE 'pool' END AS "audienceKind",
         COALESCE(k."segmentId", k."poolId") AS "audienceId", COALESCE(s.name, tp.name) AS "audienceName",
         u.id AS "senderId", u.name AS "senderName", u.email AS "senderEmail",
         (SELECT count(*)::int FROM "Run" r WHERE r."campaignId" = k.id) AS enrolled,
         (SELECT count(*)::int FROM "Run" r WHERE r."campaignId" = k.id AND r.status IN ('PENDING', 'RUNNING')) AS active
    FROM "Campaign" k
    JOIN "Pipeline" p ON p.id = k."pipelineId"
    LEFT JOIN LATERAL (SELECT id, version, plan FROM "PipelineVersion" WHERE "pipelineId" = p.id AND status = 'PUBLISHED' ORDER BY version DESC LIMIT 1) v ON true
    LEFT JOIN "Segment" s ON s.id = k."segmentId"
    LEFT JOIN "TalentPool" tp ON tp.id = k."poolId"
    LEFT JOIN "User" u ON u.id = k."senderUserId"`;

interface CampaignRow {
  id: string; name: string; status: CampaignStatus; topic: string; isAutoEnroll: boolean; contactPolicy: unknown; createdById: string | null;
  createdAt: Date; updatedAt: Date; activatedAt: Date | null; pipelineId: string; pipelineName: string; pipelineKind: string;
  versionId: string | null; version: number | null; plan: Plan | null; audienceKind: 'segment' | 'pool'; audienceId: string; audienceName: string;
  senderId: string | null; senderName: string | null; senderEmail: string | null; enrolled: number; active: number;
}

function toView(r: CampaignRow): CampaignView {
  const issues = r.pipelineKind !== 'NURTURE' ? ['the pipeline is not a NURTURE pipeline'] : !r.plan ? ['the pipeline has no published version'] : planFitIssues(r.plan, r.id);
  return {
    id: r.id, name: r.name, status: r.status, topic: r.topic, isAutoEnroll: r.isAutoEnroll, contactPolicy: r.contactPolicy,
    pipeline: { id: r.pipelineId, name: r.pipelineName, kind: r.pipelineKind, publishedVersion: r.versionId ? { id: r.versionId, version: r.version! } : null },
    audience: { kind: r.audienceKind, id: r.audienceId, name: r.audienceName },
    sender: r.senderId ? { id: r.senderId, name: r.senderName!, email: r.senderEmail! } : null,
    counts: { enrolled: r.enrolled, active: r.active },
    issues,
    createdById: r.createdById, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(), activatedAt: r.activatedAt?.toISOString() ?? null,
  };
}

export async function getCampaign(pool: Pool, orgId: string, campaignId: string): Promise<CampaignView> {
  const { rows } = await pool.query<CampaignRow>(`${CAMPAIGN_SQL} WHERE k.id = $1 AND k."orgId" = $2`, [campaignId, orgId]);
  if (!rows[0]) throw notFound('Campaign', campaignId);
  return toView(rows[0]);
}

export async function listCampaigns(services: Services, orgId: string, filter: { status?: CampaignStatus; limit: number }): Promise<CampaignView[]> {
  const { rows } = await services.pool.query<CampaignRow>(
    `${CAMPAIGN_SQL} WHERE k."orgId" = $1 AND ($2::"CampaignStatus" IS NULL OR k.status = $2::"CampaignStatus") ORDER BY k."updatedAt" DESC, k.id DESC LIMIT $3`,
    [orgId, filter.status ?? null, filter.limit],
  );
  return rows.map(toView);
}

export interface CampaignVersion {
  campaignId: string;
  orgId: string;
  status: CampaignStatus;
  topic: string;
  segmentId: string | null;
  poolId: string | null;
  pipelineVersionId: string | null;
  plan: Plan | null;
  /** Consent purposes its marketing needs (the organization's and the campaign's policy). */
  consentPurposes: string[];
}

/** The campaign with the version its enrollments run now; `lock` takes the campaign row FOR UPDATE. */
export async function loadCampaignVersion(client: Pick<Pool, 'query'>, orgId: string, campaignId: string, opts: { lock?: boolean } = {}): Promise<CampaignVersion> {
  const { rows } = await client.query<Omit<CampaignVersion, 'consentPurposes'> & { orgPolicy: unknown; campaignPolicy: unknown }>(
    `SELECT k.id AS "campaignId", k."orgId", k.status, k.topic, k."segmentId", k."poolId", v.id AS "pipelineVersionId", v.plan,
            o.settings->'contactPolicy' AS "orgPolicy", k."contactPolicy" AS "campaignPolicy"
       FROM "Campaign" k JOIN "Organization" o ON o.id = k."orgId"
       LEFT JOIN LATERAL (SELECT id, plan FROM "PipelineVersion" WHERE "pipelineId" = k."pipelineId" AND status = 'PUBLISHED' ORDER BY version DESC LIMIT 1) v ON true
      WHERE k.id = $1 AND k."orgId" = $2${opts.lock ? ' FOR UPDATE OF k' : ''}`,
    [campaignId, orgId],
  );
  const row = rows[0];
  if (!row) throw notFound('Campaign', campaignId);
  const { orgPolicy, campaignPolicy, ...campaign } = row;
  const additions = ZCampaignContactPolicy.safeParse(campaignPolicy ?? {});
  return { ...campaign, consentPurposes: effectivePolicy(readContactPolicy(orgPolicy), additions.success ? additions.data : null).consentPurposes };
}
