-- CreateTable
CREATE TABLE "AgendaPick" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "questionKey" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AgendaPick_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AgendaPick_workspaceId_idx" ON "AgendaPick"("workspaceId");

-- CreateIndex
CREATE UNIQUE INDEX "AgendaPick_personId_questionKey_key" ON "AgendaPick"("personId", "questionKey");
