-- CreateIndex
CREATE INDEX "Application_orgId_appliedAt_idx" ON "Application"("orgId", "appliedAt");

