-- AlterTable
ALTER TABLE "ProgressUpdate" ADD COLUMN     "channelPostChannel" VARCHAR(32),
ADD COLUMN     "channelPostTs" VARCHAR(32);
