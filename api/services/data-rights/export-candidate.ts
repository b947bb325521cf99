// Access and portability: everything the system holds about one person as one JSON document
// (format "trellis.candidate-export.v1"), for the person's own request. It covers every record
// of the person's merge tree (erasure-scope.ts). Resume files are included as base64, so the
// document is complete on its own. Left out, to protect other people: who wrote a note or a
// scorecard, approvers' internal offer notes, other candidates. EEO answers are the person's own
// data and are included, but only when an administrator exports (as everywhere else, only
// ADMIN routes read them). docs/crm.md (Data rights) lists the sections.
import type { Pool } from 'pg';
import { createResumeStorage, resumeStorageRoot } from '../../apply/resume-storage';
import type { AuthContext } from '../../auth';
import { recordAudit } from '../audit';
import type { Services } from '../services';
import { personRecords } from './erasure-scope';

export const EXPORT_FORMAT = 'trellis.candidate-export.v1';

type Rows = Record<string, unknown>[];

/** One query per section, $1 = the person's candidate ids, $2 = the organization. */
const SECTIONS: Record<string, string> = {
  records: `SELECT c.id, c.kind, c."firstName", c."lastName", c.email, c.phone, c."phoneE164", c."timeZone", c.location, c.city, c.region, c."countryCode",
      c.headline, c."yearsExperience", c.skills, c.source, c."sourceDetail", c.links, c.education, c.employers, c.tags, c."interestLevel",
      c."engagementScore", c."lastContactedAt", c."lastEngagedAt", c."lastRepliedAt", c.profile, c."resumeText", c."mergedIntoId", c."anonymizedAt", c."createdAt", c."updatedAt"
    FROM "Candidate" c WHERE c.id = ANY($1::text[]) AND c."orgId" = $2 ORDER BY c."createdAt", c.id`,
  applications: `SELECT a.id, a."candidateId", a.status, a.source, a.utm, a.answers, a."knockoutFailures", a."screeningScore", a."appliedAt", a."rejectedAt", a."hiredAt",
      COALESCE(rr.label, a."rejectionReason") AS "rejectionReason", j.id AS "jobId", j.title AS "jobTitle", s.name AS "stage",
      COALESCE((SELECT jsonb_agg(jsonb_build_object('from', fs.name, 'to', ts.name, 'at', t.at, 'reason', t.reason) ORDER BY t.at, t.id)
         FROM "StageTransition" t LEFT JOIN "Stage" fs ON fs.id = t."fromStageId" JOIN "Stage" ts ON ts.id = t."toStageId" WHERE t."applicationId" = a.id), '[]') AS "stageHistory"
    FROM "Application" a JOIN "Job" j ON j.id = a."jobId" JOIN "Stage" s ON s.id = a."stageId" LEFT JOIN "RejectionReason" rr ON rr.id = a."rejectionReasonId"
    WHERE a."candidateId" = ANY($1::text[]) AND a."orgId" = $2 ORDER BY a."appliedAt", a.id`,
  interviews: `SELECT i.id, i."applicationId", i.title, i.status, i."startsAt", i."endsAt", i."durationMinutes", i.location, i."meetingUrl", i."cancelledAt", i."completedAt"
    FROM "Interview" i JOIN "Application" a ON a.id = i."applicationId" WHERE a."candidateId" = ANY($1::text[]) AND a."orgId" = $2 ORDER BY i."createdAt", i.id`,
  scorecards: `SELECT sc.id, sc."applicationId", sc."interviewId", sc.score, sc.recommendation, sc.notes, sc."submittedAt",
      COALESCE((SELECT jsonb_agg(jsonb_build_object('attribute', r."attributeKey", 'rating', r.rating, 'note', r.note) ORDER BY r."attributeKey") FROM "ScorecardRating" r WHERE r."scorecardId" = sc.id), '[]') AS ratings
    FROM "Scorecard" sc JOIN "Application" a ON a.id = sc."applicationId" WHERE a."candidateId" = ANY($1::text[]) AND a."orgId" = $2 ORDER BY sc."submittedAt", sc.id`,
  offers: `SELECT o.id, o."applicationId", o.status, o."salaryAmount"::text AS "salaryAmount", o.currency, o."salaryUnit", o."startDate", o.equity, o.bonus,
      o."sentAt", o."respondedAt", o."expiresAt", o."createdAt"
    FROM "Offer" o JOIN "Application" a ON a.id = o."applicationId" WHERE a."candidateId" = ANY($1::text[]) AND a."orgId" = $2 ORDER BY o."createdAt", o.id`,
  messages: `SELECT m.id, m."candidateId", m.channel, m.direction, m.category, m.topic, m.status, m."fromAddress", m."toAddress", m.subject, m."bodyText",
      m."policyReason", m."createdAt", m."sentAt", m."openedAt", m."clickedAt", m."repliedAt", m."bouncedAt", m."campaignId", m."inReplyToId"
    FROM "Message" m WHERE m."candidateId" = ANY($1::text[]) AND m."orgId" = $2 ORDER BY m."createdAt", m.id`,
  engagement: `SELECT e.id, e.kind, e."messageId", e."campaignId", e."eventId", e."linkIndex", e.at
    FROM "EngagementEvent" e WHERE e."candidateId" = ANY($1::text[]) AND e."orgId" = $2 ORDER BY e.at, e.id`,
  consents: `SELECT cr.id, cr.purpose, cr.status, cr."textVersion", cr.source, cr.at, cr."applicationId", ct.body AS "textShown"
    FROM "ConsentRecord" cr LEFT JOIN "ConsentText" ct ON ct."orgId" = cr."orgId" AND ct.purpose = cr.purpose AND ct.version = cr."textVersion"
    WHERE cr."candidateId" = ANY($1::text[]) AND cr."orgId" = $2 ORDER BY cr.at, cr.id`,
  notes: `SELECT n.id, n."applicationId", n.body, n."createdAt", n."updatedAt" FROM "CandidateNote" n WHERE n."candidateId" = ANY($1::text[]) AND n."orgId" = $2 ORDER BY n."createdAt", n.id`,
  eventRegistrations: `SELECT r.id, r.status, r.source, r."checkedInAt", r."createdAt", e.name AS "eventName", e."startsAt" AS "eventStartsAt", e.location AS "eventLocation", e."isOnline"
    FROM "EventRegistration" r JOIN "RecruitingEvent" e ON e.id = r."eventId" WHERE r."candidateId" = ANY($1::text[]) AND r."orgId" = $2 ORDER BY r."createdAt", r.id`,
  talentPools: `SELECT p.name, m."addedAt" FROM "TalentPoolMember" m JOIN "TalentPool" p ON p.id = m."poolId" WHERE m."candidateId" = ANY($1::text[]) AND p."orgId" = $2 ORDER BY m."addedAt"`,
  jobAlerts: `SELECT ja.id, ja.criteria, ja.frequency, ja."isActive", ja."lastSentAt", ja."createdAt",
      (SELECT count(*)::int FROM "JobAlertDelivery" d WHERE d."alertId" = ja.id) AS "jobsSent"
    FROM "JobAlert" ja WHERE ja."candidateId" = ANY($1::text[]) AND ja."orgId" = $2 ORDER BY ja."createdAt", ja.id`,
  contactPreferences: `SELECT cp.topic, cp."isSubscribed", cp."updatedAt" FROM "ContactPreference" cp JOIN "Candidate" c ON c.id = cp."candidateId"
    WHERE cp."candidateId" = ANY($1::text[]) AND c."orgId" = $2 ORDER BY cp.topic`,
  suppressions: `SELECT s.reason, s."createdAt" FROM "Suppression" s WHERE s."candidateId" = ANY($1::text[]) AND s."orgId" = $2 ORDER BY s."createdAt"`,
  campaigns: `SELECT r.id AS "runId", cp.name AS "campaign", r.status, r."exitReason", r."startedAt", r."endedAt"
    FROM "Run" r JOIN "Campaign" cp ON cp.id = r."campaignId" WHERE r."candidateId" = ANY($1::text[]) AND r."orgId" = $2 ORDER BY r."startedAt", r.id`,
  merges: `SELECT m.id, m."survivorId", m."mergedId", m."mergedAt", m."undoneAt", m.snapshot->'merged' AS "mergedRecord"
    FROM "CandidateMerge" m WHERE m."orgId" = $2 AND (m."survivorId" = ANY($1::text[]) OR m."mergedId" = ANY($1::text[])) ORDER BY m."mergedAt", m.id`,
};

const RESUME_FILES_SQL = `SELECT r.id, r."candidateId", r."applicationId", r.kind, r."mimeType", r."displayName", r."sizeBytes", r.sha256, r."storageKey",
    r."uploadedAt", r."parseStatus", r.text, r.parsed
  FROM "ResumeFile" r WHERE r."candidateId" = ANY($1::text[]) AND r."orgId" = $2 ORDER BY r."uploadedAt", r.id`;

const EEO_SQL = `SELECT e."applicationId", e.gender, e."raceEthnicity", e."veteranStatus", e."disabilityStatus", e."submittedAt"
  FROM "EeoResponse" e JOIN "Application" a ON a.id = e."applicationId" WHERE a."candidateId" = ANY($1::text[]) AND e."orgId" = $2 ORDER BY e."submittedAt"`;

async function readResumeFiles(pool: Pool, dataDir: string, ids: string[], orgId: string) {
  const storage = createResumeStorage(resumeStorageRoot(dataDir));
  const { rows } = await pool.query<Record<string, unknown> & { storageKey: string }>(RESUME_FILES_SQL, [ids, orgId]);
  return Promise.all(rows.map(async ({ storageKey, ...file }) => {
    const bytes = await storage.read(storageKey).catch(() => null);
    return { ...file, contentBase64: bytes ? bytes.toString('base64') : null, ...(bytes ? {} : { contentMissing: 'the stored file could not be read' }) };
  }));
}

/** The export document of the person `candidateId` belongs to; the export itself is audited (section sizes only). */
export async function exportCandidate(services: Services, auth: AuthContext, candidateId: string) {
  const { survivorId, candidateIds } = await personRecords(services.pool, auth.orgId, candidateId);
  const sections: Record<string, Rows> = {};
  for (const [name, sql] of Object.entries(SECTIONS)) sections[name] = (await services.pool.query(sql, [candidateIds, auth.orgId])).rows;
  const resumeFiles = await readResumeFiles(services.pool, services.config.TRELLIS_DATA_DIR, candidateIds, auth.orgId);
  const isAdmin = auth.role === 'ADMIN';
  const eeo = isAdmin ? (await services.pool.query(EEO_SQL, [candidateIds, auth.orgId])).rows : null;
  const { rows: [org] } = await services.pool.query<{ name: string }>(`SELECT name FROM "Organization" WHERE id = $1`, [auth.orgId]);
  const sizes = Object.fromEntries([...Object.entries(sections).map(([k, v]) => [k, v.length]), ['resumeFiles', resumeFiles.length]]);
  await recordAudit(services.pool, {
    orgId: auth.orgId, actorType: 'USER', actorId: auth.userId, action: 'candidate.exported', entityType: 'Candidate', entityId: survivorId,
    after: { records: candidateIds.length, sections: sizes, includesEeo: isAdmin },
  });
  const person = sections.records!.find((r) => r.id === survivorId) ?? null;
  return {
    format: EXPORT_FORMAT,
    exportedAt: new Date().toISOString(),
    organization: org?.name ?? null,
    candidateId: survivorId,
    person,
    ...sections,
    resumeFiles,
    eeo: isAdmin ? eeo : { omitted: 'EEO answers are exported by administrators only' },
  };
}
