-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "hrAnonymityThreshold" INTEGER NOT NULL DEFAULT 5;

-- CreateTable
CREATE TABLE "HrPartner" (
    "workspaceId" TEXT NOT NULL,
    "slackUserId" TEXT NOT NULL,
    "namedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HrPartner_pkey" PRIMARY KEY ("workspaceId","slackUserId")
);
