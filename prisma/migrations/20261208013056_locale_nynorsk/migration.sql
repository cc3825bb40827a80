-- AlterEnum
ALTER TYPE "Locale" ADD VALUE 'nn';
