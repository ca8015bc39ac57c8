// Guards the Welcoming San José Plan 2.0 seed: every pillar's title and description must
// appear word for word on the City's page, each pillar line reading "<title>: <description>",
// the seeded rows must hold exactly those, and the ORSE objectives must be linked to the
// pillars whose descriptions they restate.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORSE_OBJECTIVE_PILLARS, ORSE_WORK_PLAN_FY2023_2024, WELCOMING_SAN_JOSE_PLAN, seedDatabase } from '../../src/db/seed/index.js';
import { createTestDatabase, dropTestDatabase, type TestDatabase } from '../support/test-db.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PAGE = fs.readFileSync(path.resolve(REPO_ROOT, '../shared/seeds/004_ddf9bfe84c39c4dd.txt'), 'utf8');
const REPORT = fs.readFileSync(path.resolve(REPO_ROOT, '../shared/seeds/000_3efae15d370abf39.txt'), 'utf8');

const words = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, '')
    .split(/\s+/)
    .filter(Boolean);

describe('Welcoming San José Plan seed', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedDatabase(db.prisma, { now: new Date('2026-11-23T17:00:00Z') });
  });
  afterAll(async () => {
    await dropTestDatabase(db);
  });

  it('takes the title, the four pillars and their descriptions verbatim from the page', () => {
    expect(PAGE).toContain(WELCOMING_SAN_JOSE_PLAN.title);
    expect(PAGE).toContain('23 strategies across four core pillars');
    expect(WELCOMING_SAN_JOSE_PLAN.pillars).toHaveLength(4);
    for (const p of WELCOMING_SAN_JOSE_PLAN.pillars) {
      expect(PAGE).toContain(p.title);
      expect(PAGE).toContain(p.description);
      // Title and description come from the same line of the page, in that order.
      expect(PAGE.split('\n')).toContain(`${p.title}: ${p.description}`);
    }
  });

  it('stores the plan as a citywide plan with its pillars and no strategies', async () => {
    const plan = await db.prisma.plan.findUniqueOrThrow({
      where: { key: WELCOMING_SAN_JOSE_PLAN.key },
      include: { objectives: { orderBy: { number: 'asc' }, include: { strategies: true } } },
    });
    expect(plan).toMatchObject({ kind: 'CITYWIDE_PLAN', departmentId: null, fiscalStartYear: 2021, fiscalEndYear: 2024, isDemo: false });
    expect(plan.title).toBe(WELCOMING_SAN_JOSE_PLAN.title);
    expect(plan.objectives.map((o) => ({ number: o.number, title: o.title, description: o.description }))).toEqual(
      WELCOMING_SAN_JOSE_PLAN.pillars.map((p) => ({ number: p.number, title: p.title, description: p.description })),
    );
    // The page lists no strategies; none are invented.
    expect(plan.objectives.flatMap((o) => o.strategies)).toEqual([]);
  });

  it('links ORSE objectives 3 and 4 to the pillars whose descriptions they restate', async () => {
    const links = await db.prisma.objectivePillar.findMany({
      include: { objective: { include: { plan: true } }, pillar: { include: { plan: true } } },
      orderBy: { objectiveId: 'asc' },
    });
    expect(links.map((l) => [l.objective.plan.key, l.objective.number, l.pillar.plan.key, l.pillar.number])).toEqual([
      ['ORSE-FY2023-2024', 3, 'WSJ-2021-2024', 1],
      ['ORSE-FY2023-2024', 4, 'WSJ-2021-2024', 2],
    ]);
    for (const { orseObjective, pillar } of ORSE_OBJECTIVE_PILLARS) {
      const objective = ORSE_WORK_PLAN_FY2023_2024.objectives.find((o) => o.number === orseObjective)!;
      const description = WELCOMING_SAN_JOSE_PLAN.pillars.find((p) => p.number === pillar)!.description;
      // The report's own statement of the objective (the memo's list, not the table's).
      const stated = new RegExp(`\\*\\*Objective ${orseObjective}:\\*\\* ([^*]+)\\*`).exec(REPORT)![1]!;
      expect(objective.title.length).toBeGreaterThan(0);
      // Most of the pillar's words, in order, are the objective's own: a shared run of 12.
      const d = words(description).join(' ');
      const o = words(stated);
      const runs = o.slice(0, o.length - 11).map((_, i) => o.slice(i, i + 12).join(' '));
      expect(runs.some((r) => d.includes(r))).toBe(true);
    }
  });

  it('writes nothing when seeded again', async () => {
    const again = await seedDatabase(db.prisma, { now: new Date('2026-11-23T17:00:00Z') });
    expect(again.created).toBe(0);
    expect(again.updated).toBe(0);
    expect(again.counts.objectivePillars).toBe(2);
  });
});
