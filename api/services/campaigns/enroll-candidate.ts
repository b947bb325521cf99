// Enrolling one person in a campaign by hand (in its audience or not): classified like the audience (409 with
// the reason when they cannot be contacted), inserted under the same unique key, audited, and started before
// the answer. Enrolled already: that enrollment, and nothing new.
import { AppError, notFound } from '../../errors';
import { withTransaction } from '../../platform/db/transaction';
import { recordAudit } from '../audit';
import type { Services } from '../services';
import { classifyAudience } from './campaign-audience';
import { getEnrollment, type EnrollmentView } from './campaign-enrollments';
import { assertEnrollable, insertRuns, pendingRuns } from './enroll-campaign';
import { startCampaignRuns } from './start-campaign-runs';

/**
 * Enrolls one person by hand (in the audience or not). Enrolled already: that enrollment, isNew false.
 * Refused with 409 when the person cannot be contacted. The run is started before the answer.
 */
export async function enrollCandidate(services: Services, orgId: string, userId: string | null, campaignId: string, candidateId: string): Promise<{ enrollment: EnrollmentView; isNew: boolean }> {
  const campaign = await assertEnrollable(services.pool, orgId, campaignId);
  const [member] = await classifyAudience(services.pool, campaign, { candidateIds: [candidateId] });
  if (!member) throw notFound('Candidate', candidateId);
  if (member.runId && member.runStatus !== 'PENDING') return { enrollment: await getEnrollment(services.pool, orgId, campaignId, candidateId), isNew: false };
  if (!member.runId && member.skip) {
    throw new AppError('CONFLICT', `candidate ${candidateId} cannot be contacted (${member.skip.replace('_', ' ')})`, [{ path: 'body.candidateId', message: member.skip, code: member.skip }]);
  }
  const runs = member.runId
    ? await pendingRuns(services.pool, [member.runId])
    : await withTransaction(services.pool, async (client) => {
        const inserted = await insertRuns(client, campaign.target, [candidateId]);
        for (const run of inserted) {
          await recordAudit(client, { orgId, actorType: 'USER', actorId: userId, action: 'campaign.enrollment_added', entityType: 'Run', entityId: run.id, after: { campaignId, candidateId } });
        }
        return inserted;
      });
  await startCampaignRuns(services, campaign.target, (async function* () { yield runs; })(), { concurrency: 1 });
  return { enrollment: await getEnrollment(services.pool, orgId, campaignId, candidateId), isNew: !member.runId && runs.length > 0 };
}
