-- AlterTable
ALTER TABLE "Briefing" ADD COLUMN     "asCanvas" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "canvasId" VARCHAR(40);

