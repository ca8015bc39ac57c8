-- AlterTable
ALTER TABLE "Briefing" ADD COLUMN     "charts" JSONB NOT NULL DEFAULT '[]';

