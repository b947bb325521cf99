-- The inbox's three keyset indexes also hold "snoozedUntil", so its counts (open, overdue, due today, snoozed
-- over the 1,001 soonest-due open tasks, api/services/inbox.ts) read the index only instead of fetching each
-- task's row: 17 ms -> 1.1 ms on the server for a recruiter with 25,000 open tasks at 1,000,000 candidates
-- (docs/benchmarks.md, section 5). Same names and key columns as schema.prisma declares; Prisma's schema cannot
-- express INCLUDE columns, so this is written by hand and schema.prisma is unchanged but for a comment.
DROP INDEX IF EXISTS "Task_orgId_status_dueAt_id_idx";
CREATE INDEX "Task_orgId_status_dueAt_id_idx" ON "Task" ("orgId", status, "dueAt", id) INCLUDE ("snoozedUntil");

DROP INDEX IF EXISTS "Task_orgId_assigneeId_status_dueAt_id_idx";
CREATE INDEX "Task_orgId_assigneeId_status_dueAt_id_idx" ON "Task" ("orgId", "assigneeId", status, "dueAt", id) INCLUDE ("snoozedUntil");

DROP INDEX IF EXISTS "Task_orgId_jobId_status_dueAt_id_idx";
CREATE INDEX "Task_orgId_jobId_status_dueAt_id_idx" ON "Task" ("orgId", "jobId", status, "dueAt", id) INCLUDE ("snoozedUntil");
