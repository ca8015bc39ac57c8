// The reading use cases must not grow their number of queries with the data: the same
// calls on a world ten times larger issue exactly as many queries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dropTestDatabase, type TestDatabase } from '../../support/test-db.js';
import { loadActor } from '../../../src/services/authz.js';
import { citywideStatus, departmentStatus } from '../../../src/services/status.js';
import { myDeadlines } from '../../../src/services/deadlines.js';
import { planView } from '../../../src/services/plans.js';
import { getUpdateFormDefaults, listReportableStrategies } from '../../../src/services/progress-updates.js';
import { workPlanTable } from '../../../src/services/reports.js';
import { buildWorld, resetDatabase, serviceContext, type World } from './support/world.js';
import { countingClient } from './support/query-counter.js';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await dropTestDatabase(db);
});

type Probe = (ctx: ReturnType<typeof serviceContext>, world: World) => Promise<unknown>;

const PROBES: Record<string, Probe> = {
  departmentStatus: async (ctx) => departmentStatus(ctx, await loadActor(ctx, 'ULIBLEAD')),
  'departmentStatus by name': async (ctx) => departmentStatus(ctx, await loadActor(ctx, 'UADMIN'), 'housing'),
  citywideStatus: async (ctx) => citywideStatus(ctx, await loadActor(ctx, 'UADMIN')),
  myDeadlines: async (ctx) => myDeadlines(ctx, await loadActor(ctx, 'ULIBSTAFF'), ctx.now(), { horizonDays: 60 }),
  planView: async (ctx) => planView(ctx, await loadActor(ctx, 'ULIBLEAD'), undefined, 1, 50),
  listReportableStrategies: async (ctx) => listReportableStrategies(ctx, await loadActor(ctx, 'ULIBSTAFF')),
  workPlanTable: async (ctx) => workPlanTable(ctx, await loadActor(ctx, 'ULIBLEAD'), 'FY2024-2026 library'),
  getUpdateFormDefaults: async (ctx, world) => getUpdateFormDefaults(ctx, await loadActor(ctx, 'ULIBLEAD'), world.strategy.lib11),
};

async function countQueries(scale: number): Promise<Record<string, { queries: number; result: unknown }>> {
  await resetDatabase(db.prisma);
  const world = await buildWorld(db.prisma, { scale });
  const counter = countingClient(db.prisma);
  const ctx = serviceContext(counter.prisma);
  const out: Record<string, { queries: number; result: unknown }> = {};
  for (const [name, probe] of Object.entries(PROBES)) {
    counter.reset();
    const result = await probe(ctx, world);
    out[name] = { queries: counter.count(), result };
  }
  return out;
}

describe('query count', () => {
  it('stays the same on ten times the data', async () => {
    const small = await countQueries(2);
    const large = await countQueries(20);
    for (const name of Object.keys(PROBES)) {
      expect({ name, queries: large[name]!.queries }).toEqual({ name, queries: small[name]!.queries });
      // Loading the actor plus a handful of grouped queries, nothing per row.
      expect(small[name]!.queries).toBeGreaterThanOrEqual(2);
      expect(small[name]!.queries).toBeLessThanOrEqual(7);
    }
    // The larger world really is larger where it matters.
    const strategiesIn = (r: unknown) => (r as { total: number }).total;
    expect(strategiesIn(large.departmentStatus!.result)).toBeGreaterThan(5 * strategiesIn(small.departmentStatus!.result));
  });
});
