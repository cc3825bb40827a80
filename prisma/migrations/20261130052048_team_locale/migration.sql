-- AlterTable
ALTER TABLE "FollowUp" ADD COLUMN     "teamLocale" "Locale";
