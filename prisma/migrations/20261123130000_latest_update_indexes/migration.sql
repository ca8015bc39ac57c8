-- CreateIndex
CREATE INDEX "ProgressUpdate_strategyId_createdAt_idx" ON "ProgressUpdate"("strategyId", "createdAt");

-- CreateIndex
CREATE INDEX "ProgressUpdate_strategyId_periodStart_idx" ON "ProgressUpdate"("strategyId", "periodStart");

