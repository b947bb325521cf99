-- Indexes for segment counts (docs/crm.md "Profiles, pools and segments", docs/benchmarks.md "Segment counts").
-- Written by hand: Prisma's schema cannot express partial indexes or INCLUDE columns, so schema.prisma is
-- unchanged and this SQL is the only definition. A Candidate row is large (resume text, search vector), so a
-- count that reads the heap for a large share of a million people takes seconds; these let the segment
-- conditions be answered from indexes (index-only scans).

-- Live profiles of an organization: the count of everyone, and id look-ups of semi-joins (pools, engagement).
CREATE INDEX "Candidate_live_idx" ON "Candidate" ("orgId", id) INCLUDE (email, kind)
  WHERE "mergedIntoId" IS NULL AND "anonymizedAt" IS NULL;

-- The scalar conditions (interest, engagement score, last contacted/engaged/replied, created, country, source,
-- kind, email, tags) answered from the index alone.
CREATE INDEX "Candidate_live_facts_idx" ON "Candidate" ("orgId", "interestLevel", "engagementScore")
  INCLUDE ("lastContactedAt", "lastEngagedAt", "lastRepliedAt", "createdAt", "countryCode", source, kind, email, tags)
  WHERE "mergedIntoId" IS NULL AND "anonymizedAt" IS NULL;

-- A person's applications with what the `applications` condition tests.
CREATE INDEX "Application_candidateId_cover_idx" ON "Application" ("candidateId") INCLUDE ("jobId", "stageId", status, source, "appliedAt");

-- `stage_reached`: who is in a stage now, and who passed through it.
CREATE INDEX "Application_stageId_idx" ON "Application" ("stageId") INCLUDE ("candidateId");
CREATE INDEX "StageTransition_toStageId_idx" ON "StageTransition" ("toStageId") INCLUDE ("applicationId");

-- `engagement`: who clicked, replied or attended in a window, set-oriented.
CREATE INDEX "EngagementEvent_orgId_kind_at_idx" ON "EngagementEvent" ("orgId", kind, at) INCLUDE ("candidateId", "campaignId", "eventId");
