-- AlterTable
ALTER TABLE "StageTransition" ADD COLUMN     "rejectionReasonId" TEXT;

-- AlterTable
ALTER TABLE "Offer" ADD COLUMN     "withdrawnAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "cancelledAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "EventRegistration" ADD COLUMN     "cancelledAt" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "Offer_orgId_sentAt_idx" ON "Offer"("orgId", "sentAt");

-- CreateIndex
CREATE INDEX "Run_campaignId_startedAt_idx" ON "Run"("campaignId", "startedAt");

-- CreateIndex
CREATE INDEX "Task_orgId_dueAt_idx" ON "Task"("orgId", "dueAt");


-- Status-change times for as-of reports (docs/metrics.md): set by the database whenever the status changes,
-- so every code path that cancels or withdraws records the moment, including ones written later.
CREATE FUNCTION "trellis_stamp_status_time"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status::text = TG_ARGV[0] AND OLD.status IS DISTINCT FROM NEW.status THEN
    IF TG_ARGV[1] = 'cancelledAt' THEN NEW."cancelledAt" := COALESCE(NEW."cancelledAt", now());
    ELSIF TG_ARGV[1] = 'withdrawnAt' THEN NEW."withdrawnAt" := COALESCE(NEW."withdrawnAt", now());
    END IF;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "Task_cancelledAt" BEFORE UPDATE OF status ON "Task"
  FOR EACH ROW EXECUTE FUNCTION "trellis_stamp_status_time"('CANCELLED', 'cancelledAt');
CREATE TRIGGER "Offer_withdrawnAt" BEFORE UPDATE OF status ON "Offer"
  FOR EACH ROW EXECUTE FUNCTION "trellis_stamp_status_time"('WITHDRAWN', 'withdrawnAt');
CREATE TRIGGER "EventRegistration_cancelledAt" BEFORE UPDATE OF status ON "EventRegistration"
  FOR EACH ROW EXECUTE FUNCTION "trellis_stamp_status_time"('CANCELLED', 'cancelledAt');

-- Rows cancelled or withdrawn before this migration: the last update is the best time known.
UPDATE "EventRegistration" SET "cancelledAt" = "updatedAt" WHERE status = 'CANCELLED';
UPDATE "Offer" SET "withdrawnAt" = "updatedAt" WHERE status = 'WITHDRAWN';
-- Tasks have no update time: a cancelled task without cancelledAt is treated as cancelled from creation.

-- Rejections already recorded: the application's reason on its moves into a rejected stage.
UPDATE "StageTransition" t SET "rejectionReasonId" = a."rejectionReasonId"
  FROM "Application" a, "Stage" s
 WHERE a.id = t."applicationId" AND s.id = t."toStageId" AND s.kind = 'REJECTED' AND a."rejectionReasonId" IS NOT NULL;

-- Events report: an event's registrations' facts (check-ins, follow-ups) by person. Partial: most
-- engagement events belong to messages, not events.
CREATE INDEX "EngagementEvent_eventId_idx" ON "EngagementEvent" ("eventId", "candidateId", kind, at) WHERE "eventId" IS NOT NULL;
