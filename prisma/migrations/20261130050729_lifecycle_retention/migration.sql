-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "purgeEndedFollowUpsAfterDays" INTEGER;

-- AlterTable
ALTER TABLE "FollowUp" ADD COLUMN     "endedAt" TIMESTAMPTZ(3),
ADD COLUMN     "endedReason" TEXT;

-- CreateIndex
CREATE INDEX "FollowUp_status_endedAt_idx" ON "FollowUp"("status", "endedAt");
