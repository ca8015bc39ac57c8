-- CreateTable
CREATE TABLE "PeriodSnapshot" (
    "id" SERIAL NOT NULL,
    "strategyId" INTEGER NOT NULL,
    "periodKey" VARCHAR(16) NOT NULL,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "status" "StrategyStatus" NOT NULL,
    "ownerId" INTEGER,
    "lastUpdateId" INTEGER,
    "reported" BOOLEAN NOT NULL DEFAULT false,
    "takenAt" TIMESTAMPTZ(3) NOT NULL,
    "derived" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "PeriodSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChartFile" (
    "hash" VARCHAR(64) NOT NULL,
    "fileId" VARCHAR(32) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChartFile_pkey" PRIMARY KEY ("hash")
);

-- CreateIndex
CREATE INDEX "PeriodSnapshot_periodKey_idx" ON "PeriodSnapshot"("periodKey");

-- CreateIndex
CREATE INDEX "PeriodSnapshot_lastUpdateId_idx" ON "PeriodSnapshot"("lastUpdateId");

-- CreateIndex
CREATE UNIQUE INDEX "PeriodSnapshot_strategyId_periodKey_key" ON "PeriodSnapshot"("strategyId", "periodKey");

-- AddForeignKey
ALTER TABLE "PeriodSnapshot" ADD CONSTRAINT "PeriodSnapshot_strategyId_fkey" FOREIGN KEY ("strategyId") REFERENCES "Strategy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeriodSnapshot" ADD CONSTRAINT "PeriodSnapshot_lastUpdateId_fkey" FOREIGN KEY ("lastUpdateId") REFERENCES "ProgressUpdate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

