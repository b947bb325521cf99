-- Second set of indexes for segment counts (docs/crm.md "Profiles, pools and segments"). Written by hand, as 0007:
-- Prisma's schema cannot express INCLUDE columns or extended statistics, so schema.prisma is unchanged.

-- Per-person application tests carry the orgId test (so "never hired" can read the organization's hired
-- applications instead of all of them); the covering index holds orgId so those probes stay index-only.
DROP INDEX IF EXISTS "Application_candidateId_cover_idx";
CREATE INDEX "Application_candidateId_cover_idx" ON "Application" ("candidateId") INCLUDE ("orgId", "jobId", "stageId", status, source, "appliedAt");

-- Applications by status across jobs, set-oriented ("never hired", "rejected somewhere").
CREATE INDEX "Application_orgId_status_idx" ON "Application" ("orgId", status) INCLUDE ("candidateId");

-- Statistics on lower(name), so "reached the stage named X" is estimated right (a hash join, not a look-up per stage).
CREATE STATISTICS "Stage_lower_name_stats" ON (lower(name)) FROM "Stage";
