// A candidate's profile as one viewer sees it: contact, links, parsed resume
// facts, the current resume file's metadata, and the applications the viewer
// reaches (with the scorecards the independence rule still hides from them).
// The recruiting team (org-wide roles) also gets the CRM side: interest level,
// referrer, engagement score and recency, and the talent pools the person is in.
import type { Pool } from 'pg';
import type { AuthContext } from '../../auth';
import { notFound } from '../../errors';
import { candidateVisibility } from './candidate-visibility';
import { poolsOfCandidate } from '../crm/pool-members';

interface ProfileRow {
  id: string; kind: string; firstName: string; lastName: string; email: string | null; phone: string | null; timeZone: string | null;
  location: string | null; city: string | null; region: string | null; countryCode: string | null; headline: string | null;
  yearsExperience: number | null; skills: string[]; tags: string[]; source: string | null; links: Record<string, unknown>;
  education: unknown[]; employers: unknown[]; mergedIntoId: string | null; anonymizedAt: Date | null; createdAt: Date; updatedAt: Date;
  crm: { interestLevel: string | null; sourceDetail: unknown; referrer: { id: string; name: string } | null; engagementScore: number;
    lastContactedAt: Date | null; lastEngagedAt: Date | null; lastRepliedAt: Date | null } | null;
  resume: { id: string; displayName: string; mimeType: string; sizeBytes: number; uploadedAt: string; parseStatus: string; pageCount: number | null } | null;
}

export async function getCandidateProfile(pool: Pool, auth: AuthContext, candidateId: string) {
  const { rows: [candidate] } = await pool.query<ProfileRow>(
    `SELECT c.id, c.kind, c."firstName", c."lastName", c.email, c.phone, c."timeZone", c.location, c.city, c.region, c."countryCode", c.headline,
            c."yearsExperience", c.skills, c.tags, c.source, c.links, c.education, c.employers, c."mergedIntoId", c."anonymizedAt", c."createdAt", c."updatedAt",
            jsonb_build_object('interestLevel', c."interestLevel", 'sourceDetail', c."sourceDetail",
              'referrer', (SELECT jsonb_build_object('id', u.id, 'name', u.name) FROM "User" u WHERE u.id = c."referrerId"),
              'engagementScore', c."engagementScore", 'lastContactedAt', c."lastContactedAt", 'lastEngagedAt', c."lastEngagedAt", 'lastRepliedAt', c."lastRepliedAt") AS crm,
            CASE WHEN r.id IS NULL THEN NULL ELSE jsonb_build_object('id', r.id, 'displayName', r."displayName", 'mimeType', r."mimeType", 'sizeBytes', r."sizeBytes",
              'uploadedAt', r."uploadedAt", 'parseStatus', r."parseStatus", 'pageCount', r."pageCount") END AS resume
       FROM "Candidate" c LEFT JOIN "ResumeFile" r ON r.id = c."currentResumeId"
      WHERE c.id = $1 AND c."orgId" = $2`,
    [candidateId, auth.orgId],
  );
  if (!candidate) throw notFound('Candidate', candidateId);
  const seen = await candidateVisibility(pool, auth, candidateId);
  const { rows: applications } = await pool.query(
    `SELECT a.id, a.status, a.source, a."appliedAt", a."rejectedAt", a."hiredAt",
            jsonb_build_object('id', j.id, 'title', j.title, 'status', j.status) AS job,
            jsonb_build_object('id', s.id, 'key', s.key, 'name', s.name, 'kind', s.kind) AS stage,
            rr.label AS "rejectionReason",
            CASE WHEN a.id = ANY($4::text[]) THEN (SELECT count(*)::int FROM "Scorecard" sc WHERE sc."applicationId" = a.id AND sc."interviewerId" IS DISTINCT FROM $3) ELSE 0 END AS "hiddenScorecardCount"
       FROM "Application" a JOIN "Job" j ON j.id = a."jobId" JOIN "Stage" s ON s.id = a."stageId" LEFT JOIN "RejectionReason" rr ON rr.id = a."rejectionReasonId"
      WHERE a.id = ANY($1::text[]) AND a."orgId" = $2
      ORDER BY a."appliedAt" DESC, a.id DESC`,
    [seen.applicationIds, auth.orgId, auth.userId, seen.ownScorecardsOnlyIds],
  );
  // CRM facts (interest, referrer, engagement, pools) are the recruiting team's, like the campaigns behind them.
  if (!seen.isOrgWide) return { ...candidate, crm: null, pools: [], applications, isOrgWideView: false };
  return { ...candidate, pools: await poolsOfCandidate(pool, auth.orgId, candidateId), applications, isOrgWideView: true };
}
