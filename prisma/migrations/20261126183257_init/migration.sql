-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Locale" AS ENUM ('nb', 'en');

-- CreateEnum
CREATE TYPE "FollowUpStatus" AS ENUM ('ACTIVE', 'ENDED');

-- CreateEnum
CREATE TYPE "Cadence" AS ENUM ('WEEKLY', 'BIWEEKLY', 'MONTHLY', 'NONE');

-- CreateEnum
CREATE TYPE "GoalKind" AS ENUM ('PERSONAL', 'PROFESSIONAL');

-- CreateEnum
CREATE TYPE "GoalStatus" AS ENUM ('ACTIVE', 'ACHIEVED', 'ADJUSTED', 'DROPPED');

-- CreateEnum
CREATE TYPE "DevelopmentKind" AS ENUM ('COURSE', 'PROGRAMME', 'COACHING', 'MENTORING');

-- CreateEnum
CREATE TYPE "DevelopmentStatus" AS ENUM ('PLANNED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "Assessment" AS ENUM ('ON_TRACK', 'AT_RISK', 'OFF_TRACK', 'ACHIEVED');

-- CreateEnum
CREATE TYPE "BarrierKind" AS ENUM ('PERSONAL', 'ORGANISATIONAL', 'RESOURCE');

-- CreateEnum
CREATE TYPE "BarrierStatus" AS ENUM ('OPEN', 'IN_PROGRESS', 'RESOLVED');

-- CreateEnum
CREATE TYPE "ActionStatus" AS ENUM ('OPEN', 'DONE');

-- CreateEnum
CREATE TYPE "ReminderStatus" AS ENUM ('SCHEDULED', 'CANCELLED', 'DONE');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('CLAIMED', 'SENT', 'FAILED');

-- CreateTable
CREATE TABLE "Workspace" (
    "id" TEXT NOT NULL,
    "name" TEXT,
    "defaultLocale" "Locale",
    "defaultTimezone" TEXT,
    "defaultReminderHour" INTEGER NOT NULL DEFAULT 9,
    "installedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "uninstalledAt" TIMESTAMPTZ(3),
    "tokensRevokedAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Workspace_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Installation" (
    "workspaceId" TEXT NOT NULL,
    "botUserId" TEXT,
    "botId" TEXT,
    "encryptedBotToken" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Installation_pkey" PRIMARY KEY ("workspaceId")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "slackUserId" TEXT NOT NULL,
    "displayName" TEXT,
    "realName" TEXT,
    "slackTz" TEXT,
    "tzOverride" TEXT,
    "slackLocale" TEXT,
    "localeOverride" "Locale",
    "reminderHour" INTEGER,
    "reminderMinute" INTEGER NOT NULL DEFAULT 0,
    "workingDays" INTEGER[] DEFAULT ARRAY[1, 2, 3, 4, 5]::INTEGER[],
    "isAdmin" BOOLEAN NOT NULL DEFAULT false,
    "isBot" BOOLEAN NOT NULL DEFAULT false,
    "deleted" BOOLEAN NOT NULL DEFAULT false,
    "dmChannelId" TEXT,
    "profileFetchedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FollowUp" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "seniorId" TEXT NOT NULL,
    "leaderId" TEXT NOT NULL,
    "teamChannelId" TEXT,
    "oneToOneCadence" "Cadence" NOT NULL DEFAULT 'BIWEEKLY',
    "evaluationEveryWeeks" INTEGER NOT NULL DEFAULT 6,
    "reflectionCadence" "Cadence" NOT NULL DEFAULT 'BIWEEKLY',
    "startDate" DATE NOT NULL,
    "nextEvaluationOn" DATE,
    "status" "FollowUpStatus" NOT NULL DEFAULT 'ACTIVE',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "FollowUp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Goal" (
    "id" TEXT NOT NULL,
    "followUpId" TEXT NOT NULL,
    "kind" "GoalKind" NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "expectations" TEXT,
    "qualitativeCriteria" TEXT,
    "metricName" TEXT,
    "metricUnit" TEXT,
    "baseline" DOUBLE PRECISION,
    "target" DOUBLE PRECISION,
    "currentValue" DOUBLE PRECISION,
    "currentConfidence" INTEGER,
    "targetDate" DATE,
    "status" "GoalStatus" NOT NULL DEFAULT 'ACTIVE',
    "achievedAt" TIMESTAMPTZ(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "sourceKey" TEXT,

    CONSTRAINT "Goal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GoalRevision" (
    "id" TEXT NOT NULL,
    "goalId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "authorId" TEXT NOT NULL,
    "reason" TEXT,
    "snapshot" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GoalRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Milestone" (
    "id" TEXT NOT NULL,
    "goalId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "dueDate" DATE,
    "position" INTEGER NOT NULL,
    "doneAt" TIMESTAMPTZ(3),
    "doneById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Milestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CheckIn" (
    "id" TEXT NOT NULL,
    "goalId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "value" DOUBLE PRECISION,
    "confidence" INTEGER NOT NULL,
    "note" TEXT,
    "sourceKey" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CheckIn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Conversation" (
    "id" TEXT NOT NULL,
    "followUpId" TEXT NOT NULL,
    "heldOn" DATE NOT NULL,
    "agenda" JSONB NOT NULL,
    "notes" TEXT,
    "loggedById" TEXT NOT NULL,
    "sourceKey" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Conversation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Feedback" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "giverId" TEXT NOT NULL,
    "receiverId" TEXT NOT NULL,
    "works" TEXT NOT NULL,
    "improve" TEXT NOT NULL,
    "advice" TEXT NOT NULL,
    "messageTs" TEXT,
    "sourceKey" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Feedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Reflection" (
    "id" TEXT NOT NULL,
    "followUpId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "prompts" JSONB NOT NULL,
    "answers" JSONB NOT NULL,
    "sharedWithSenior" BOOLEAN NOT NULL DEFAULT false,
    "sourceKey" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Reflection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DevelopmentActivity" (
    "id" TEXT NOT NULL,
    "followUpId" TEXT NOT NULL,
    "kind" "DevelopmentKind" NOT NULL,
    "title" TEXT NOT NULL,
    "provider" TEXT,
    "startsOn" DATE,
    "endsOn" DATE,
    "status" "DevelopmentStatus" NOT NULL DEFAULT 'PLANNED',
    "createdById" TEXT NOT NULL,
    "sourceKey" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DevelopmentActivity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Evaluation" (
    "id" TEXT NOT NULL,
    "followUpId" TEXT NOT NULL,
    "heldOn" DATE NOT NULL,
    "authorId" TEXT NOT NULL,
    "summary" TEXT,
    "nextEvaluationOn" DATE,
    "sourceKey" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Evaluation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvaluationItem" (
    "id" TEXT NOT NULL,
    "evaluationId" TEXT NOT NULL,
    "goalId" TEXT NOT NULL,
    "assessment" "Assessment" NOT NULL,
    "comment" TEXT,

    CONSTRAINT "EvaluationItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Barrier" (
    "id" TEXT NOT NULL,
    "followUpId" TEXT NOT NULL,
    "kind" "BarrierKind" NOT NULL,
    "description" TEXT NOT NULL,
    "status" "BarrierStatus" NOT NULL DEFAULT 'OPEN',
    "createdById" TEXT NOT NULL,
    "sourceKey" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Barrier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionItem" (
    "id" TEXT NOT NULL,
    "followUpId" TEXT NOT NULL,
    "what" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "dueDate" DATE,
    "status" "ActionStatus" NOT NULL DEFAULT 'OPEN',
    "barrierId" TEXT,
    "conversationId" TEXT,
    "snoozedUntil" DATE,
    "doneAt" TIMESTAMPTZ(3),
    "createdById" TEXT NOT NULL,
    "sourceKey" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ActionItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Learning" (
    "id" TEXT NOT NULL,
    "followUpId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "whatHappened" TEXT NOT NULL,
    "learned" TEXT NOT NULL,
    "nextExperiment" TEXT,
    "sharedToChannel" BOOLEAN NOT NULL DEFAULT false,
    "sharedTs" TEXT,
    "sourceKey" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Learning_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Question" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "step" INTEGER,
    "text" TEXT NOT NULL,
    "locale" "Locale",
    "createdById" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Question_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Reminder" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "recipientId" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "followUpId" TEXT,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "status" "ReminderStatus" NOT NULL DEFAULT 'SCHEDULED',
    "payload" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Reminder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Delivery" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "channelId" TEXT,
    "recipientId" TEXT,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'CLAIMED',
    "messageTs" TEXT,
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "notifiedAt" TIMESTAMPTZ(3),
    "claimedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMPTZ(3),

    CONSTRAINT "Delivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProcessedRequest" (
    "key" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProcessedRequest_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Person_workspaceId_slackUserId_key" ON "Person"("workspaceId", "slackUserId");

-- CreateIndex
CREATE INDEX "FollowUp_leaderId_idx" ON "FollowUp"("leaderId");

-- CreateIndex
CREATE INDEX "FollowUp_workspaceId_idx" ON "FollowUp"("workspaceId");

-- CreateIndex
CREATE UNIQUE INDEX "FollowUp_seniorId_leaderId_key" ON "FollowUp"("seniorId", "leaderId");

-- CreateIndex
CREATE UNIQUE INDEX "Goal_sourceKey_key" ON "Goal"("sourceKey");

-- CreateIndex
CREATE INDEX "Goal_followUpId_idx" ON "Goal"("followUpId");

-- CreateIndex
CREATE UNIQUE INDEX "GoalRevision_goalId_number_key" ON "GoalRevision"("goalId", "number");

-- CreateIndex
CREATE INDEX "Milestone_goalId_idx" ON "Milestone"("goalId");

-- CreateIndex
CREATE UNIQUE INDEX "CheckIn_sourceKey_key" ON "CheckIn"("sourceKey");

-- CreateIndex
CREATE INDEX "CheckIn_goalId_createdAt_idx" ON "CheckIn"("goalId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Conversation_sourceKey_key" ON "Conversation"("sourceKey");

-- CreateIndex
CREATE INDEX "Conversation_followUpId_heldOn_idx" ON "Conversation"("followUpId", "heldOn");

-- CreateIndex
CREATE UNIQUE INDEX "Feedback_sourceKey_key" ON "Feedback"("sourceKey");

-- CreateIndex
CREATE INDEX "Feedback_receiverId_idx" ON "Feedback"("receiverId");

-- CreateIndex
CREATE INDEX "Feedback_giverId_idx" ON "Feedback"("giverId");

-- CreateIndex
CREATE UNIQUE INDEX "Reflection_sourceKey_key" ON "Reflection"("sourceKey");

-- CreateIndex
CREATE INDEX "Reflection_followUpId_createdAt_idx" ON "Reflection"("followUpId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "DevelopmentActivity_sourceKey_key" ON "DevelopmentActivity"("sourceKey");

-- CreateIndex
CREATE INDEX "DevelopmentActivity_followUpId_idx" ON "DevelopmentActivity"("followUpId");

-- CreateIndex
CREATE UNIQUE INDEX "Evaluation_sourceKey_key" ON "Evaluation"("sourceKey");

-- CreateIndex
CREATE INDEX "Evaluation_followUpId_heldOn_idx" ON "Evaluation"("followUpId", "heldOn");

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationItem_evaluationId_goalId_key" ON "EvaluationItem"("evaluationId", "goalId");

-- CreateIndex
CREATE UNIQUE INDEX "Barrier_sourceKey_key" ON "Barrier"("sourceKey");

-- CreateIndex
CREATE INDEX "Barrier_followUpId_status_idx" ON "Barrier"("followUpId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ActionItem_sourceKey_key" ON "ActionItem"("sourceKey");

-- CreateIndex
CREATE INDEX "ActionItem_followUpId_status_idx" ON "ActionItem"("followUpId", "status");

-- CreateIndex
CREATE INDEX "ActionItem_ownerId_status_idx" ON "ActionItem"("ownerId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Learning_sourceKey_key" ON "Learning"("sourceKey");

-- CreateIndex
CREATE INDEX "Learning_followUpId_createdAt_idx" ON "Learning"("followUpId", "createdAt");

-- CreateIndex
CREATE INDEX "Question_workspaceId_idx" ON "Question"("workspaceId");

-- CreateIndex
CREATE UNIQUE INDEX "Reminder_key_key" ON "Reminder"("key");

-- CreateIndex
CREATE INDEX "Reminder_status_dueAt_idx" ON "Reminder"("status", "dueAt");

-- CreateIndex
CREATE INDEX "Reminder_recipientId_status_dueAt_idx" ON "Reminder"("recipientId", "status", "dueAt");

-- CreateIndex
CREATE INDEX "Reminder_subjectId_idx" ON "Reminder"("subjectId");

-- CreateIndex
CREATE UNIQUE INDEX "Delivery_key_key" ON "Delivery"("key");

-- CreateIndex
CREATE INDEX "Delivery_workspaceId_status_idx" ON "Delivery"("workspaceId", "status");

-- AddForeignKey
ALTER TABLE "Installation" ADD CONSTRAINT "Installation_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_seniorId_fkey" FOREIGN KEY ("seniorId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_leaderId_fkey" FOREIGN KEY ("leaderId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Goal" ADD CONSTRAINT "Goal_followUpId_fkey" FOREIGN KEY ("followUpId") REFERENCES "FollowUp"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GoalRevision" ADD CONSTRAINT "GoalRevision_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "Goal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "Goal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckIn" ADD CONSTRAINT "CheckIn_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "Goal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Conversation" ADD CONSTRAINT "Conversation_followUpId_fkey" FOREIGN KEY ("followUpId") REFERENCES "FollowUp"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reflection" ADD CONSTRAINT "Reflection_followUpId_fkey" FOREIGN KEY ("followUpId") REFERENCES "FollowUp"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DevelopmentActivity" ADD CONSTRAINT "DevelopmentActivity_followUpId_fkey" FOREIGN KEY ("followUpId") REFERENCES "FollowUp"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_followUpId_fkey" FOREIGN KEY ("followUpId") REFERENCES "FollowUp"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationItem" ADD CONSTRAINT "EvaluationItem_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "Evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationItem" ADD CONSTRAINT "EvaluationItem_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "Goal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Barrier" ADD CONSTRAINT "Barrier_followUpId_fkey" FOREIGN KEY ("followUpId") REFERENCES "FollowUp"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_followUpId_fkey" FOREIGN KEY ("followUpId") REFERENCES "FollowUp"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_barrierId_fkey" FOREIGN KEY ("barrierId") REFERENCES "Barrier"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Learning" ADD CONSTRAINT "Learning_followUpId_fkey" FOREIGN KEY ("followUpId") REFERENCES "FollowUp"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Question" ADD CONSTRAINT "Question_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
