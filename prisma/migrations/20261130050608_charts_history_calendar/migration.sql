-- AlterTable
ALTER TABLE "GoalRevision" ADD COLUMN     "evaluationId" TEXT;

-- CreateTable
CREATE TABLE "ChartFile" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "fileId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChartFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CalendarInvite" (
    "uid" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "cancelledAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CalendarInvite_pkey" PRIMARY KEY ("uid")
);

-- CreateIndex
CREATE UNIQUE INDEX "ChartFile_workspaceId_sha256_key" ON "ChartFile"("workspaceId", "sha256");

-- CreateIndex
CREATE INDEX "CalendarInvite_subjectId_idx" ON "CalendarInvite"("subjectId");

-- CreateIndex
CREATE INDEX "GoalRevision_evaluationId_idx" ON "GoalRevision"("evaluationId");

-- AddForeignKey
ALTER TABLE "GoalRevision" ADD CONSTRAINT "GoalRevision_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "Evaluation"("id") ON DELETE SET NULL ON UPDATE CASCADE;
