-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "lastExportAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "AuditEntry" ADD COLUMN     "details" JSONB,
ALTER COLUMN "subjectUserId" DROP NOT NULL;
