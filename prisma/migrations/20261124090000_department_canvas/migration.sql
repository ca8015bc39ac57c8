-- CreateTable
CREATE TABLE "DepartmentCanvas" (
    "id" SERIAL NOT NULL,
    "departmentId" INTEGER NOT NULL,
    "channelId" VARCHAR(32) NOT NULL,
    "canvasId" VARCHAR(32) NOT NULL,
    "contentHash" VARCHAR(64),
    "sectionHashes" JSONB,
    "syncedAt" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedBy" VARCHAR(100),
    "lockedUntil" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "createdBy" VARCHAR(32) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DepartmentCanvas_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DepartmentCanvas_channelId_key" ON "DepartmentCanvas"("channelId");

-- CreateIndex
CREATE UNIQUE INDEX "DepartmentCanvas_canvasId_key" ON "DepartmentCanvas"("canvasId");

-- CreateIndex
CREATE INDEX "DepartmentCanvas_departmentId_idx" ON "DepartmentCanvas"("departmentId");

-- AddForeignKey
ALTER TABLE "DepartmentCanvas" ADD CONSTRAINT "DepartmentCanvas_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE CASCADE ON UPDATE CASCADE;
