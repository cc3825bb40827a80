-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "defaultHolidayCountry" TEXT;

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "holidayCountry" TEXT;
