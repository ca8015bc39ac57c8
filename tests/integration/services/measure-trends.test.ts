// What the measure charts draw: for the quarterly briefing, the ORSE work plan's measures
// marked for open data with a target, from PUBLIC updates up to the briefing's quarter, one
// value per quarter, the three most recently reported; for App Home, the two most recently
// reported measures with a target on the strategies a person owns.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownedMeasureTrends, workPlanMeasureTrends } from '../../../src/services/measure-trends.js';
import { reportMeasureValues } from '../../support/measure-values.js';
import { createTestDatabase, dropTestDatabase, type TestDatabase } from '../../support/test-db.js';

let db: TestDatabase;
let author: number;
let owner: number;
const measures: Record<string, number> = {};

beforeAll(async () => {
  db = await createTestDatabase();
  const p = db.prisma;
  author = (await p.member.create({ data: { slackUserId: 'U0ORSE01', name: 'Analyst' } })).id;
  owner = (await p.member.create({ data: { slackUserId: 'U0LIB03', name: 'Grace' } })).id;
  const plan = await p.plan.create({
    data: { key: 'ORSE-FY2023-2024', kind: 'ORSE_WORK_PLAN', title: 'Work plan', fiscalStartYear: 2023, fiscalEndYear: 2024 },
  });
  const objective = await p.objective.create({ data: { planId: plan.id, number: 1, title: 'Build capacity' } });
  const training = await p.strategy.create({ data: { objectiveId: objective.id, number: 6, text: 'Train the workforce', ownerId: owner } });
  const outreach = await p.strategy.create({ data: { objectiveId: objective.id, number: 7, text: 'Reach the community' } });
  const add = async (
    name: string,
    strategyId: number,
    position: number,
    data: { kind: 'RATING' | 'COUNT' | 'PERCENT'; target: number | null; isPublic?: boolean },
  ) => {
    measures[name] = (await p.measure.create({ data: { strategyId, position, label: name, unit: '', ...data } })).id;
  };
  await add('Rating on ORE trainings', training.id, 1, { kind: 'RATING', target: 4.5 });
  await add('Share trained (internal only)', training.id, 2, { kind: 'PERCENT', target: 90, isPublic: false });
  await add('Trainings', training.id, 3, { kind: 'COUNT', target: null });
  await add('Sessions held', training.id, 4, { kind: 'COUNT', target: 10 });
  await add('Participants', outreach.id, 1, { kind: 'COUNT', target: 400 });
  await add('Languages offered', outreach.id, 2, { kind: 'COUNT', target: 5 });

  const report = (name: string, values: Parameters<typeof reportMeasureValues>[3]) => reportMeasureValues(p, measures[name]!, author, values);
  await report('Rating on ORE trainings', [
    { periodKey: 'FY2024-Q1', value: 4.2, at: '2023-09-15T18:00:00Z' },
    { periodKey: 'FY2024-Q2', value: 4.4, at: '2023-11-15T18:00:00Z' },
    // A correction later in the quarter replaces its figure.
    { periodKey: 'FY2024-Q2', value: 4.6, at: '2023-12-20T18:00:00Z' },
    // Internal figures are never charted in a briefing; nor is what came after its quarter.
    { periodKey: 'FY2024-Q3', value: 1, at: '2024-01-10T18:00:00Z', visibility: 'INTERNAL' },
    { periodKey: 'FY2024-Q4', value: 4.9, at: '2024-05-10T18:00:00Z' },
  ]);
  // Reported by month: January and February both fall in Q3, and February's counts.
  await report('Participants', [
    { periodKey: 'FY2024-M07', value: 120, at: '2024-01-31T18:00:00Z' },
    { periodKey: 'FY2024-M08', value: 150, at: '2024-02-28T18:00:00Z' },
  ]);
  await report('Sessions held', [{ periodKey: 'FY2024-Q1', value: 6, at: '2023-08-15T18:00:00Z' }]);
  await report('Languages offered', [{ periodKey: 'FY2024-Q1', value: 3, at: '2023-09-01T18:00:00Z' }]);
  await report('Share trained (internal only)', [{ periodKey: 'FY2024-Q3', value: 70, at: '2024-03-01T18:00:00Z' }]);
  await report('Trainings', [{ periodKey: 'FY2024-Q3', value: 15, at: '2024-03-02T18:00:00Z' }]);
});
afterAll(async () => {
  await dropTestDatabase(db);
});

describe('the briefing’s measures', () => {
  it('charts the three most recently reported public measures with a target, one value per quarter, in the plan’s order', async () => {
    const trends = await workPlanMeasureTrends(db, 'FY2024-Q3');
    expect(trends.map((t) => [t.label, t.target, t.points])).toEqual([
      [
        'Rating on ORE trainings',
        4.5,
        [
          { periodKey: 'FY2024-Q1', value: 4.2 },
          { periodKey: 'FY2024-Q2', value: 4.6 },
        ],
      ],
      // One quarter of values is still charted: a first figure against the target.
      ['Participants', 400, [{ periodKey: 'FY2024-Q3', value: 150 }]],
      ['Languages offered', 5, [{ periodKey: 'FY2024-Q1', value: 3 }]],
    ]);
  });

  it('shows a later quarter’s briefing the later values, and an earlier one none of them', async () => {
    const q4 = await workPlanMeasureTrends(db, 'FY2024-Q4');
    expect(q4[0]!.points.at(-1)).toEqual({ periodKey: 'FY2024-Q4', value: 4.9 });
    expect((await workPlanMeasureTrends(db, 'FY2023-Q4')).length).toBe(0);
    expect(await workPlanMeasureTrends(db, 'not a quarter')).toEqual([]);
  });
});

describe('an owner’s measures on App Home', () => {
  it('gives the two most recently reported with a target, every value of theirs by period', async () => {
    const trends = await ownedMeasureTrends(db, { memberId: owner });
    expect(trends.map((t) => [t.label, t.points])).toEqual([
      [
        'Rating on ORE trainings',
        [
          { periodKey: 'FY2024-Q1', value: 4.2 },
          { periodKey: 'FY2024-Q2', value: 4.6 },
          // Their own internal figure counts on their own Home.
          { periodKey: 'FY2024-Q3', value: 1 },
          { periodKey: 'FY2024-Q4', value: 4.9 },
        ],
      ],
      ['Share trained (internal only)', [{ periodKey: 'FY2024-Q3', value: 70 }]],
    ]);
    expect(await ownedMeasureTrends(db, { memberId: author })).toEqual([]);
  });
});
