-- CreateEnum
CREATE TYPE "MeasureKind" AS ENUM ('YES_NO', 'COUNT', 'PERCENT', 'CURRENCY', 'RATING');

-- CreateEnum
CREATE TYPE "MeasureDirection" AS ENUM ('INCREASE', 'DECREASE', 'MAINTAIN');

-- CreateEnum
CREATE TYPE "EquityGroup" AS ENUM ('RACE_ETHNICITY', 'LANGUAGE', 'DISABILITY', 'GENDER');

-- CreateTable
CREATE TABLE "Measure" (
    "id" SERIAL NOT NULL,
    "strategyId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "label" VARCHAR(200) NOT NULL,
    "kind" "MeasureKind" NOT NULL,
    "unit" VARCHAR(40) NOT NULL DEFAULT '',
    "baseline" DECIMAL(14,2),
    "target" DECIMAL(14,2),
    "direction" "MeasureDirection" NOT NULL DEFAULT 'INCREASE',
    "dataSource" VARCHAR(300) NOT NULL DEFAULT '',
    "splitBy" "EquityGroup"[] DEFAULT ARRAY[]::"EquityGroup"[],
    "isPublic" BOOLEAN NOT NULL DEFAULT true,
    "archivedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Measure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeasureValue" (
    "id" SERIAL NOT NULL,
    "progressUpdateId" INTEGER NOT NULL,
    "measureId" INTEGER NOT NULL,
    "value" DECIMAL(14,2) NOT NULL,
    "note" VARCHAR(1000),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeasureValue_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Measure_strategyId_position_idx" ON "Measure"("strategyId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Measure_strategyId_label_key" ON "Measure"("strategyId", "label");

-- CreateIndex
CREATE INDEX "MeasureValue_measureId_idx" ON "MeasureValue"("measureId");

-- CreateIndex
CREATE UNIQUE INDEX "MeasureValue_progressUpdateId_measureId_key" ON "MeasureValue"("progressUpdateId", "measureId");

-- AddForeignKey
ALTER TABLE "Measure" ADD CONSTRAINT "Measure_strategyId_fkey" FOREIGN KEY ("strategyId") REFERENCES "Strategy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeasureValue" ADD CONSTRAINT "MeasureValue_progressUpdateId_fkey" FOREIGN KEY ("progressUpdateId") REFERENCES "ProgressUpdate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeasureValue" ADD CONSTRAINT "MeasureValue_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

