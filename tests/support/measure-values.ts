// Test data: progress updates carrying one typed measure's value each, as the update form
// would have saved them, for tests of what is drawn from a measure's history.
import type { Prisma } from '../../src/db/client.js';
import { parsePeriodKey } from '../../src/domain/fiscal-calendar.js';

export interface ReportedValue {
  periodKey: string;
  value: number;
  /** When the update was submitted (ISO). */
  at: string;
  visibility?: 'INTERNAL' | 'REDI' | 'PUBLIC';
}

export async function reportMeasureValues(prisma: Prisma, measureId: number, authorId: number, values: readonly ReportedValue[]): Promise<void> {
  const measure = await prisma.measure.findUniqueOrThrow({ where: { id: measureId }, select: { strategyId: true } });
  for (const [i, v] of values.entries()) {
    const period = parsePeriodKey(v.periodKey);
    if (!period) throw new Error(`not a period key: ${v.periodKey}`);
    await prisma.progressUpdate.create({
      data: {
        strategyId: measure.strategyId,
        periodKey: period.key,
        periodStart: new Date(`${period.start}T00:00:00Z`),
        periodEnd: new Date(`${period.end}T00:00:00Z`),
        statusFrom: 'IN_PROGRESS',
        statusTo: 'IN_PROGRESS',
        narrative: `Reported ${v.value}.`,
        visibility: v.visibility ?? 'PUBLIC',
        authorId,
        idempotencyKey: `measure-values:${measureId}:${v.periodKey}:${v.at}:${i}`,
        createdAt: new Date(v.at),
        values: { create: [{ measureId, value: v.value }] },
      },
    });
  }
}
