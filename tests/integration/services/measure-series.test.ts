// A measure's values per reporting period, as the trend chart draws them: one value per
// period (a correction later in the period replaces the first figure), oldest first.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { measureSeries } from '../../../src/services/measures.js';
import { importSources } from '../../../src/services/import-export/index.js';
import { createTestDatabase, dropTestDatabase, type TestDatabase } from '../../support/test-db.js';

let db: TestDatabase;

beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(async () => {
  await dropTestDatabase(db);
});

describe('measureSeries', () => {
  it('gives one value per period, the latest update of the period, oldest period first', async () => {
    const plans = [
      'plan_key,plan_kind,plan_title,department_code,fiscal_start_year,fiscal_end_year,objective_number,objective_title,strategy_number,strategy_text,typed_measures',
      'ORSE-FY2024,department_reap,ORSE plan,ORSE,2023,2024,1,Build capacity,1,Train the workforce,Workforce trained | percent | | | 98',
    ].join('\n');
    const r = await importSources(db.prisma, [
      { name: 'departments.csv', content: Buffer.from('code,name\nORSE,Office of Racial Equity\n') },
      { name: 'plans.csv', content: Buffer.from(plans) },
    ]);
    expect(r.ok).toBe(true);
    const measure = await db.prisma.measure.findFirstOrThrow();
    const author = await db.prisma.member.create({ data: { slackUserId: 'U0ORSE01', name: 'Analyst' } });
    const report = async (key: string, periodKey: string, start: string, end: string, at: string, value: number) => {
      const u = await db.prisma.progressUpdate.create({
        data: {
          strategyId: measure.strategyId,
          periodKey,
          periodStart: new Date(start),
          periodEnd: new Date(end),
          statusFrom: 'IN_PROGRESS',
          statusTo: 'IN_PROGRESS',
          narrative: 'Trainings held.',
          authorId: author.id,
          idempotencyKey: key,
          createdAt: new Date(at),
        },
      });
      await db.prisma.measureValue.create({ data: { progressUpdateId: u.id, measureId: measure.id, value } });
    };
    await report('a', 'FY2024-Q3', '2024-01-01', '2024-03-31', '2024-02-01T18:00:00Z', 80);
    await report('b', 'FY2024-Q2', '2023-10-01', '2023-12-31', '2023-11-01T18:00:00Z', 61.5);
    // A correction later in the same quarter replaces its figure.
    await report('c', 'FY2024-Q3', '2024-01-01', '2024-03-31', '2024-03-20T18:00:00Z', 85.25);

    const series = await measureSeries(db.prisma, [measure.id]);
    expect(series.get(measure.id)).toEqual([
      { periodKey: 'FY2024-Q2', periodStart: '2023-10-01', value: 61.5 },
      { periodKey: 'FY2024-Q3', periodStart: '2024-01-01', value: 85.25 },
    ]);
    expect((await measureSeries(db.prisma, [])).size).toBe(0);
  });
});
