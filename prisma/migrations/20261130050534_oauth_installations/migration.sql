-- OAuth installations (issue 10). Nothing wrote the Installation table before this migration (the
-- app ran on one bot token from the environment), so it is empty and the new NOT NULL columns need
-- no default.
-- DropForeignKey
ALTER TABLE "Installation" DROP CONSTRAINT "Installation_workspaceId_fkey";

-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "enterpriseId" TEXT;

-- AlterTable
ALTER TABLE "Installation" DROP CONSTRAINT "Installation_pkey",
DROP COLUMN "workspaceId",
ADD COLUMN     "appId" TEXT,
ADD COLUMN     "botTokenExpiresAt" TIMESTAMPTZ(3),
ADD COLUMN     "encryptedRefreshToken" TEXT,
ADD COLUMN     "enterpriseId" TEXT,
ADD COLUMN     "enterpriseName" TEXT,
ADD COLUMN     "id" TEXT NOT NULL,
ADD COLUMN     "installerUserId" TEXT,
ADD COLUMN     "isEnterpriseInstall" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "keyId" TEXT NOT NULL,
ADD COLUMN     "scopes" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "teamId" TEXT,
ADD COLUMN     "teamName" TEXT,
ADD CONSTRAINT "Installation_pkey" PRIMARY KEY ("id");

-- CreateIndex
CREATE INDEX "Installation_enterpriseId_idx" ON "Installation"("enterpriseId");

-- CreateIndex
CREATE INDEX "Installation_teamId_idx" ON "Installation"("teamId");
