// The enrollment sweep (every minute): each active campaign with isAutoEnroll enrolls the people who joined
// its audience since the last pass (a segment's new members, a pool's new members), and every active
// campaign starts runs still PENDING (a start that failed, a process that stopped mid-enrollment). Idempotent:
// a pass with nothing new writes nothing; a person is never enrolled twice (the run's unique key).
import type { PeriodicJob } from '../../platform/periodic-jobs';
import type { Services } from '../services';
import { enrollNewMembers, type EnrollmentReport } from './enroll-campaign';

export async function sweepCampaignEnrollments(services: Services): Promise<Record<string, EnrollmentReport>> {
  const { rows: campaigns } = await services.pool.query<{ id: string; orgId: string; isAutoEnroll: boolean }>(
    `SELECT k.id, k."orgId", k."isAutoEnroll" FROM "Campaign" k
      WHERE k.status = 'ACTIVE' AND (k."isAutoEnroll" OR EXISTS (SELECT 1 FROM "Run" r WHERE r."campaignId" = k.id AND r.status = 'PENDING'))
      ORDER BY k."activatedAt" NULLS LAST, k.id`,
  );
  const reports: Record<string, EnrollmentReport> = {};
  for (const campaign of campaigns) {
    try {
      const report = await enrollNewMembers(services, campaign.orgId, campaign.id, { isNewMembersIncluded: campaign.isAutoEnroll });
      if (report) reports[campaign.id] = report;
    } catch (err) {
      // One campaign that cannot enroll (its pipeline lost its exits, its segment was deleted) does not stop the others.
      services.log.warn({ campaignId: campaign.id, err: (err as Error).message }, 'campaign enrollment sweep skipped a campaign');
    }
  }
  return reports;
}

export const CAMPAIGN_AUTO_ENROLL_JOB: PeriodicJob = { name: 'campaign-auto-enroll', everyMs: 60_000, run: sweepCampaignEnrollments };
