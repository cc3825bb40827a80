-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "allowSharedTeamChannels" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "FollowUp" ADD COLUMN     "proposedTeamChannelId" TEXT;
