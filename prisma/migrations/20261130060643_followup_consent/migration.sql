-- AlterEnum
ALTER TYPE "FollowUpStatus" ADD VALUE 'PENDING';

-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "adminSetupSkipsConsent" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "FollowUp" ADD COLUMN     "invitedAt" TIMESTAMPTZ(3);
