// The read benchmarks' data, generated straight into the tables with createMany: 60
// departments × 30 strategies × 20 quarterly updates, a lead and five staff per department,
// and an ORSE admin. Shared by slack-read.bench.ts and read-profile.bench.ts.
import type { Prisma } from '../src/db/client.js';
import type { StrategyStatus } from '../src/generated/prisma/enums.js';

export const DEPARTMENTS = 60;
export const STRATEGIES_PER_DEPARTMENT = 30;
export const UPDATES_PER_STRATEGY = 20;
export const STAFF_PER_DEPARTMENT = 5;

export interface People {
  leads: string[];
  staff: string[];
  admin: string;
}

export const leadId = (d: number) => `UL${String(d).padStart(3, '0')}`;
export const staffId = (d: number, i: number) => `US${String(d).padStart(3, '0')}${i}`;
export const ADMIN = 'UADMIN0';

export function people(): People {
  const leads = Array.from({ length: DEPARTMENTS }, (_, d) => leadId(d));
  const staff = Array.from({ length: DEPARTMENTS }, (_, d) => Array.from({ length: STAFF_PER_DEPARTMENT }, (_, i) => staffId(d, i))).flat();
  return { leads, staff, admin: ADMIN };
}

/** "FY2027-Q2" for a quarter starting on `start` (fiscal years end in June). */
const periodKeyOf = (start: Date) => {
  const m = start.getUTCMonth() + 1;
  return `FY${m >= 7 ? start.getUTCFullYear() + 1 : start.getUTCFullYear()}-Q${Math.floor(((m + 5) % 12) / 3) + 1}`;
};
const day = (offset: number) => new Date(Date.UTC(2026, 10, 18 + offset));
const STATUSES: StrategyStatus[] = ['COMPLETED', 'IN_PROGRESS', 'ONGOING', 'NOT_STARTED', 'DEFERRED'];

export async function loadData(prisma: Prisma): Promise<{ strategies: number; updates: number; ms: number }> {
  const t0 = performance.now();
  await prisma.department.createMany({
    data: Array.from({ length: DEPARTMENTS }, (_, d) => ({ code: `D${String(d).padStart(3, '0')}`, name: `Department number ${d} of the City of San José` })),
  });
  const departments = await prisma.department.findMany({ orderBy: { id: 'asc' }, select: { id: true } });
  await prisma.member.createMany({
    data: [
      { slackUserId: ADMIN, name: 'Bench Admin', roles: ['ORSE_ADMIN'] },
      ...departments.flatMap((d, i) => [
        { slackUserId: leadId(i), name: `Lead ${i}`, roles: ['EQUITY_LEAD' as const], departmentId: d.id },
        ...Array.from({ length: STAFF_PER_DEPARTMENT }, (_, k) => ({
          slackUserId: staffId(i, k),
          name: `Staff ${i}.${k}`,
          roles: ['STAFF' as const],
          departmentId: d.id,
        })),
      ]),
    ],
  });
  const members = new Map((await prisma.member.findMany({ select: { id: true, slackUserId: true } })).map((m) => [m.slackUserId, m.id]));
  await prisma.plan.createMany({
    data: departments.map((d, i) => ({
      key: `D${String(i).padStart(3, '0')}-FY2024-2026`,
      kind: 'DEPARTMENT_REAP' as const,
      title: `REAP ${i}`,
      departmentId: d.id,
      fiscalStartYear: 2024,
      fiscalEndYear: 2026,
    })),
  });
  const plans = await prisma.plan.findMany({ orderBy: { id: 'asc' }, select: { id: true } });
  await prisma.objective.createMany({
    data: plans.flatMap((p) => Array.from({ length: 5 }, (_, o) => ({ planId: p.id, number: o + 1, title: `Objective ${o + 1}` }))),
  });
  const objectives = await prisma.objective.findMany({ orderBy: { id: 'asc' }, select: { id: true, planId: true } });
  const planIndex = new Map(plans.map((p, i) => [p.id, i]));
  await prisma.strategy.createMany({
    data: objectives.flatMap((o, oi) =>
      Array.from({ length: STRATEGIES_PER_DEPARTMENT / 5 }, (_, s) => {
        const d = planIndex.get(o.planId)!;
        const n = oi * 6 + s;
        return {
          objectiveId: o.id,
          number: s + 1,
          text: `Strategy ${n}: extend language access and disability access to every program of the department, with community partners.`,
          status: STATUSES[n % 5]!,
          ownerId: members.get(staffId(d, n % STAFF_PER_DEPARTMENT))!,
          dueDate: day((n % 180) - 60),
          performanceMeasures: '% of participants who rate the sessions as good or better',
          outputs: '# of sessions, # of participants',
        };
      }),
    ),
  });
  const strategies = await prisma.strategy.findMany({ orderBy: { id: 'asc' }, select: { id: true, ownerId: true } });
  await prisma.milestone.createMany({
    data: strategies.map((s, i) => ({ strategyId: s.id, title: `Milestone of ${s.id}`, dueDate: day((i % 40) - 10), ownerId: s.ownerId })),
  });
  // 20 quarterly updates per strategy, the latest one in the previous quarter for most.
  const updates = strategies.flatMap((s, i) =>
    Array.from({ length: UPDATES_PER_STRATEGY }, (_, u) => {
      const quarterBack = UPDATES_PER_STRATEGY - u - (i % 4 === 0 ? 1 : 0);
      const start = new Date(Date.UTC(2026, 9 - 3 * quarterBack, 1));
      const end = new Date(Date.UTC(2026, 12 - 3 * quarterBack, 0));
      return {
        strategyId: s.id,
        periodKey: periodKeyOf(start),
        periodStart: start,
        periodEnd: end,
        statusFrom: 'IN_PROGRESS' as const,
        statusTo: 'IN_PROGRESS' as const,
        narrative: 'Held two sessions in Spanish and Vietnamese; 40 residents took part.',
        authorId: s.ownerId!,
        idempotencyKey: `bench:${s.id}:${u}`,
        createdAt: new Date(end.getTime() + 5 * 86_400_000),
      };
    }),
  );
  for (let i = 0; i < updates.length; i += 5000) await prisma.progressUpdate.createMany({ data: updates.slice(i, i + 5000) });
  // Statistics, as a live database has them (autovacuum on PostgreSQL, the upkeep on
  // PGlite): without them the planner reads every update for one department's.
  await prisma.$executeRawUnsafe('ANALYZE');
  return { strategies: strategies.length, updates: updates.length, ms: performance.now() - t0 };
}
