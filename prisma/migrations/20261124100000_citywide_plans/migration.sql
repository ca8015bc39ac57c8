-- AlterEnum
ALTER TYPE "PlanKind" ADD VALUE 'CITYWIDE_PLAN';

-- AlterTable
ALTER TABLE "Objective" ADD COLUMN     "description" TEXT;

-- AlterTable
ALTER TABLE "Strategy" ADD COLUMN     "leadDepartmentId" INTEGER;

-- CreateTable
CREATE TABLE "ObjectivePillar" (
    "objectiveId" INTEGER NOT NULL,
    "pillarId" INTEGER NOT NULL,

    CONSTRAINT "ObjectivePillar_pkey" PRIMARY KEY ("objectiveId","pillarId")
);

-- CreateTable
CREATE TABLE "StrategyPartner" (
    "strategyId" INTEGER NOT NULL,
    "departmentId" INTEGER NOT NULL,

    CONSTRAINT "StrategyPartner_pkey" PRIMARY KEY ("strategyId","departmentId")
);

-- CreateIndex
CREATE INDEX "ObjectivePillar_pillarId_idx" ON "ObjectivePillar"("pillarId");

-- CreateIndex
CREATE INDEX "StrategyPartner_departmentId_idx" ON "StrategyPartner"("departmentId");

-- CreateIndex
CREATE INDEX "Strategy_leadDepartmentId_idx" ON "Strategy"("leadDepartmentId");

-- AddForeignKey
ALTER TABLE "ObjectivePillar" ADD CONSTRAINT "ObjectivePillar_objectiveId_fkey" FOREIGN KEY ("objectiveId") REFERENCES "Objective"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ObjectivePillar" ADD CONSTRAINT "ObjectivePillar_pillarId_fkey" FOREIGN KEY ("pillarId") REFERENCES "Objective"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Strategy" ADD CONSTRAINT "Strategy_leadDepartmentId_fkey" FOREIGN KEY ("leadDepartmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StrategyPartner" ADD CONSTRAINT "StrategyPartner_strategyId_fkey" FOREIGN KEY ("strategyId") REFERENCES "Strategy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StrategyPartner" ADD CONSTRAINT "StrategyPartner_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE CASCADE ON UPDATE CASCADE;

