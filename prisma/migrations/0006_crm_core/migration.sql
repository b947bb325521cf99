-- CRM core (issue 6). Before this migration no code wrote Suppression, Segment, Campaign, RecruitingEvent or
-- EventRegistration; the backfills below only keep a hand-made row from failing the NOT NULL columns.

-- CreateEnum
CREATE TYPE "EngagementKind" AS ENUM ('SENT', 'OPENED', 'CLICKED', 'REPLIED', 'BOUNCED', 'UNSUBSCRIBED', 'COMPLAINED', 'REGISTERED', 'ATTENDED', 'NO_SHOW', 'APPLIED');

-- CreateEnum
CREATE TYPE "CampaignStatus" AS ENUM ('DRAFT', 'ACTIVE', 'PAUSED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "BulkJobStatus" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED');

-- CreateEnum
CREATE TYPE "RecruitingEventStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "RegistrationStatus" AS ENUM ('REGISTERED', 'WAITLISTED', 'ATTENDED', 'NO_SHOW', 'CANCELLED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "MessageStatus" ADD VALUE 'DEFERRED';
ALTER TYPE "MessageStatus" ADD VALUE 'RECEIVED';

-- DropIndex
DROP INDEX "Suppression_orgId_address_key";

-- AlterTable
ALTER TABLE "Candidate" ADD COLUMN     "engagementScore" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "lastContactedAt" TIMESTAMPTZ(3),
ADD COLUMN     "lastEngagedAt" TIMESTAMPTZ(3),
ADD COLUMN     "lastRepliedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "Run" ADD COLUMN     "exitReason" TEXT;

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "bouncedAt" TIMESTAMPTZ(3),
ADD COLUMN     "campaignId" TEXT,
ADD COLUMN     "clickedAt" TIMESTAMPTZ(3),
ADD COLUMN     "deferredUntil" TIMESTAMPTZ(3),
ADD COLUMN     "inReplyToId" TEXT,
ADD COLUMN     "links" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "openedAt" TIMESTAMPTZ(3),
ADD COLUMN     "policyReason" TEXT,
ADD COLUMN     "repliedAt" TIMESTAMPTZ(3),
ADD COLUMN     "topic" TEXT;

-- AlterTable
ALTER TABLE "Suppression" ADD COLUMN     "addressHash" TEXT NOT NULL,
ADD COLUMN     "candidateId" TEXT,
ALTER COLUMN "address" DROP NOT NULL;

-- AlterTable
ALTER TABLE "TalentPool" ADD COLUMN     "createdById" TEXT,
ADD COLUMN     "description" TEXT;

-- AlterTable
ALTER TABLE "TalentPoolMember" ADD COLUMN     "addedById" TEXT;

-- AlterTable
ALTER TABLE "Segment" ADD COLUMN     "createdById" TEXT,
ADD COLUMN     "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "Campaign" DROP COLUMN "audience",
ADD COLUMN     "activatedAt" TIMESTAMPTZ(3),
ADD COLUMN     "createdById" TEXT,
ADD COLUMN     "isAutoEnroll" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "poolId" TEXT,
ADD COLUMN     "segmentId" TEXT,
ADD COLUMN     "senderUserId" TEXT,
ADD COLUMN     "topic" TEXT NOT NULL DEFAULT 'jobs',
ADD COLUMN     "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
DROP COLUMN "status",
ADD COLUMN     "status" "CampaignStatus" NOT NULL DEFAULT 'DRAFT';

-- AlterTable
ALTER TABLE "RecruitingEvent" ADD COLUMN     "createdById" TEXT,
ADD COLUMN     "description" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'meetup',
ADD COLUMN     "onlineUrl" TEXT,
ADD COLUMN     "poolId" TEXT,
ADD COLUMN     "slug" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "status" "RecruitingEventStatus" NOT NULL DEFAULT 'DRAFT',
ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'UTC',
ADD COLUMN     "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
UPDATE "RecruitingEvent" SET "slug" = "id" WHERE "slug" = '';
ALTER TABLE "RecruitingEvent" ALTER COLUMN "slug" DROP DEFAULT;

-- AlterTable
ALTER TABLE "EventRegistration" ADD COLUMN     "checkedInById" TEXT,
ADD COLUMN     "orgId" TEXT,
ADD COLUMN     "source" TEXT,
ADD COLUMN     "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
DROP COLUMN "status",
ADD COLUMN     "status" "RegistrationStatus" NOT NULL DEFAULT 'REGISTERED';

UPDATE "EventRegistration" r SET "orgId" = e."orgId" FROM "RecruitingEvent" e WHERE e.id = r."eventId";
ALTER TABLE "EventRegistration" ALTER COLUMN "orgId" SET NOT NULL;

-- CreateTable
CREATE TABLE "ContactPreference" (
    "candidateId" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "isSubscribed" BOOLEAN NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ContactPreference_pkey" PRIMARY KEY ("candidateId","topic")
);

-- CreateTable
CREATE TABLE "EngagementEvent" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "kind" "EngagementKind" NOT NULL,
    "messageId" TEXT,
    "campaignId" TEXT,
    "eventId" TEXT,
    "linkIndex" INTEGER,
    "dedupeKey" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EngagementEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BulkJob" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" "BulkJobStatus" NOT NULL DEFAULT 'QUEUED',
    "subjectId" TEXT,
    "total" INTEGER NOT NULL DEFAULT 0,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "succeeded" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "report" JSONB NOT NULL DEFAULT '{}',
    "error" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "BulkJob_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobAlert" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "criteria" JSONB NOT NULL,
    "frequency" TEXT NOT NULL DEFAULT 'WEEKLY',
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "lastSentAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JobAlert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobAlertDelivery" (
    "alertId" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "messageId" TEXT,
    "sentAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JobAlertDelivery_pkey" PRIMARY KEY ("alertId","jobId")
);

-- CreateIndex
CREATE UNIQUE INDEX "EngagementEvent_dedupeKey_key" ON "EngagementEvent"("dedupeKey");

-- CreateIndex
CREATE INDEX "EngagementEvent_candidateId_at_idx" ON "EngagementEvent"("candidateId", "at");

-- CreateIndex
CREATE INDEX "EngagementEvent_campaignId_kind_idx" ON "EngagementEvent"("campaignId", "kind");

-- CreateIndex
CREATE INDEX "BulkJob_orgId_kind_createdAt_idx" ON "BulkJob"("orgId", "kind", "createdAt");

-- CreateIndex
CREATE INDEX "JobAlert_orgId_isActive_frequency_idx" ON "JobAlert"("orgId", "isActive", "frequency");

-- CreateIndex
CREATE INDEX "JobAlert_candidateId_idx" ON "JobAlert"("candidateId");

-- CreateIndex
CREATE INDEX "Candidate_orgId_engagementScore_idx" ON "Candidate"("orgId", "engagementScore");

-- CreateIndex
CREATE INDEX "Candidate_orgId_lastContactedAt_idx" ON "Candidate"("orgId", "lastContactedAt");

-- CreateIndex
CREATE INDEX "Run_candidateId_status_idx" ON "Run"("candidateId", "status");

-- CreateIndex
CREATE INDEX "Message_candidateId_category_sentAt_idx" ON "Message"("candidateId", "category", "sentAt");

-- CreateIndex
CREATE INDEX "Message_campaignId_status_idx" ON "Message"("campaignId", "status");

-- CreateIndex
CREATE INDEX "Message_providerMessageId_idx" ON "Message"("providerMessageId");

-- CreateIndex
CREATE UNIQUE INDEX "Suppression_orgId_addressHash_key" ON "Suppression"("orgId", "addressHash");

-- CreateIndex
CREATE INDEX "TalentPoolMember_candidateId_idx" ON "TalentPoolMember"("candidateId");

-- CreateIndex
CREATE UNIQUE INDEX "Segment_orgId_name_key" ON "Segment"("orgId", "name");

-- CreateIndex
CREATE INDEX "Campaign_orgId_status_idx" ON "Campaign"("orgId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Campaign_orgId_name_key" ON "Campaign"("orgId", "name");

-- CreateIndex
CREATE INDEX "RecruitingEvent_orgId_startsAt_idx" ON "RecruitingEvent"("orgId", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "RecruitingEvent_orgId_slug_key" ON "RecruitingEvent"("orgId", "slug");

-- CreateIndex
CREATE INDEX "EventRegistration_candidateId_idx" ON "EventRegistration"("candidateId");

-- CreateIndex
CREATE INDEX "EventRegistration_eventId_status_idx" ON "EventRegistration"("eventId", "status");

-- AddForeignKey
ALTER TABLE "ContactPreference" ADD CONSTRAINT "ContactPreference_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EngagementEvent" ADD CONSTRAINT "EngagementEvent_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EngagementEvent" ADD CONSTRAINT "EngagementEvent_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_segmentId_fkey" FOREIGN KEY ("segmentId") REFERENCES "Segment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_poolId_fkey" FOREIGN KEY ("poolId") REFERENCES "TalentPool"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BulkJob" ADD CONSTRAINT "BulkJob_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobAlert" ADD CONSTRAINT "JobAlert_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobAlert" ADD CONSTRAINT "JobAlert_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobAlertDelivery" ADD CONSTRAINT "JobAlertDelivery_alertId_fkey" FOREIGN KEY ("alertId") REFERENCES "JobAlert"("id") ON DELETE CASCADE ON UPDATE CASCADE;

