-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "homeOpenedAt" TIMESTAMPTZ(3);
