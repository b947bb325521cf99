// Who a campaign would enroll: its audience (the segment's members now, or the pool's members), each
// classified in one statement as already enrolled (with the run's status), not contactable (merged into
// another profile, anonymized, no email, suppressed address, unsubscribed from the campaign's topic or from
// all marketing, missing the consent the contact policy requires), or to enroll. The send path checks suppression and preferences again at send time; skipping here keeps
// runs that could never send anything out of the campaign and its counts.
import type { Pool, PoolClient } from 'pg';
import type { RunStatus } from '../../../generated/prisma/client';
import { AppError } from '../../errors';
import { ZSegmentQuery } from '../segments/segment-query';
import { segmentMembersSql, SUPPRESSION_HASH_OF_EMAIL } from '../segments/segment-sql';
import { ALL_MARKETING } from '../messaging/contact-policy';

export const SKIP_REASONS = ['merged', 'anonymized', 'no_email', 'suppressed', 'unsubscribed', 'no_consent'] as const;
export type TSkipReason = (typeof SKIP_REASONS)[number];

export interface AudienceMember {
  id: string;
  skip: TSkipReason | null;
  /** The candidate's run in this campaign, when enrolled already. */
  runId: string | null;
  runStatus: RunStatus | null;
}

export interface AudienceRef {
  orgId: string;
  campaignId: string;
  topic: string;
  segmentId: string | null;
  poolId: string | null;
  /** Consent its marketing needs (the latest record of each purpose must be GRANTED). */
  consentPurposes: string[];
}

type Queryable = Pick<Pool | PoolClient, 'query'>;

/** `SELECT c.id FROM "Candidate" c ...` of the audience, its values numbered after `values`. */
async function audienceSql(client: Queryable, ref: AudienceRef, values: unknown[]): Promise<{ text: string; values: unknown[] }> {
  if (ref.poolId) {
    values.push(ref.poolId);
    return { text: `SELECT m."candidateId" AS id FROM "TalentPoolMember" m WHERE m."poolId" = $${values.length}`, values };
  }
  const { rows } = await client.query<{ query: unknown }>(`SELECT query FROM "Segment" WHERE id = $1 AND "orgId" = $2`, [ref.segmentId, ref.orgId]);
  if (!rows[0]) throw new AppError('CONFLICT', `the campaign's segment ${ref.segmentId} no longer exists`, [{ path: 'segmentId', message: 'segment not found' }]);
  const query = ZSegmentQuery.safeParse(rows[0].query);
  if (!query.success) throw new AppError('CONFLICT', `the campaign's segment ${ref.segmentId} holds a query this version cannot read`, [{ path: 'segmentId', message: query.error.message }]);
  return segmentMembersSql(ref.orgId, query.data, { values });
}

/**
 * The audience (or, with `candidateIds`, just those people, in the audience or not), classified. One row per
 * person; `isNewOnly` leaves out people already enrolled (the sweep's question: who joined since?).
 */
export async function classifyAudience(client: Queryable, ref: AudienceRef, opts: { candidateIds?: string[]; isNewOnly?: boolean } = {}): Promise<AudienceMember[]> {
  const values: unknown[] = [ref.orgId, ref.campaignId, [ref.topic, ALL_MARKETING], ref.consentPurposes];
  const source = opts.candidateIds ? (values.push(opts.candidateIds), { text: `SELECT unnest($${values.length}::text[]) AS id`, values }) : await audienceSql(client, ref, values);
  const { rows } = await client.query<AudienceMember>(
    `SELECT c.id,
            CASE WHEN c."mergedIntoId" IS NOT NULL THEN 'merged'
                 WHEN c."anonymizedAt" IS NOT NULL THEN 'anonymized'
                 WHEN c.email IS NULL OR btrim(c.email) = '' THEN 'no_email'
                 WHEN EXISTS (SELECT 1 FROM "Suppression" s WHERE s."orgId" = c."orgId" AND s."addressHash" = ${SUPPRESSION_HASH_OF_EMAIL}) THEN 'suppressed'
                 WHEN EXISTS (SELECT 1 FROM "ContactPreference" p WHERE p."candidateId" = c.id AND p.topic = ANY($3::text[]) AND NOT p."isSubscribed") THEN 'unsubscribed'
                 WHEN EXISTS (SELECT 1 FROM unnest($4::text[]) AS purpose
                               WHERE (SELECT cr.status FROM "ConsentRecord" cr WHERE cr."candidateId" = c.id AND cr.purpose = purpose ORDER BY cr.at DESC LIMIT 1) IS DISTINCT FROM 'GRANTED') THEN 'no_consent'
            END AS skip,
            r.id AS "runId", r.status AS "runStatus"
       FROM "Candidate" c
       LEFT JOIN "Run" r ON r."campaignId" = $2 AND r."candidateId" = c.id
      WHERE c."orgId" = $1 AND c.id IN (${source.text})${opts.isNewOnly ? ' AND r.id IS NULL' : ''}
      ORDER BY c.id`,
    source.values,
  );
  return rows;
}
