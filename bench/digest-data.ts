// The weekly digest benchmarks' data: 60 departments × 30 strategies × 20 updates, with
// owners and milestones, and managers added in steps (digest.bench.ts, charts.bench.ts).
import type { Prisma } from '../src/db/client.js';
import { periodContaining } from '../src/domain/fiscal-calendar.js';

export const DEPARTMENTS = 60;
export const STRATEGIES_PER_DEPARTMENT = 30;
export const UPDATES_PER_STRATEGY = 20;
export const OWNERS_PER_DEPARTMENT = 5;
export const DEPARTMENTS_PER_MANAGER = 3;
export const ZONE = 'America/Los_Angeles';
export const FIRE = new Date('2026-11-16T16:00:00Z'); // Monday 08:00 in San José
const DAY = 86_400_000;
const STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'ONGOING', 'COMPLETED', 'DEFERRED'] as const;

async function chunked<T>(rows: T[], size: number, write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

export async function generate(p: Prisma): Promise<void> {
  await p.department.createMany({
    data: Array.from({ length: DEPARTMENTS }, (_, d) => ({
      code: `D${String(d).padStart(2, '0')}`,
      name: `Department ${d} of the City of San José`,
      reportingCadence: d % 4 ? ('QUARTERLY' as const) : ('MONTHLY' as const),
    })),
  });
  const departments = await p.department.findMany({ orderBy: { id: 'asc' } });
  await p.member.createMany({
    data: departments.flatMap((d, i) =>
      Array.from({ length: OWNERS_PER_DEPARTMENT }, (_, k) => ({
        slackUserId: `U0O${String(i).padStart(2, '0')}${k}`,
        name: `Owner ${i}.${k}`,
        roles: ['STAFF' as const],
        departmentId: d.id,
        language: (['en', 'es', 'vi'] as const)[k % 3],
      })),
    ),
  });
  const owners = await p.member.findMany({ where: { slackUserId: { startsWith: 'U0O' } }, orderBy: { id: 'asc' } });
  await p.plan.createMany({
    data: departments.map((d) => ({
      key: `${d.code}-FY2024-2026`,
      kind: 'DEPARTMENT_REAP' as const,
      title: `${d.name} REAP`,
      departmentId: d.id,
      fiscalStartYear: 2024,
      fiscalEndYear: 2026,
    })),
  });
  const plans = await p.plan.findMany({ orderBy: { id: 'asc' } });
  await p.objective.createMany({ data: plans.flatMap((pl) => [1, 2, 3].map((number) => ({ planId: pl.id, number, title: `Objective ${number}` }))) });
  const objectives = await p.objective.findMany({ orderBy: { id: 'asc' } });
  const perObjective = STRATEGIES_PER_DEPARTMENT / 3;
  await p.strategy.createMany({
    data: objectives.flatMap((o, oi) =>
      Array.from({ length: perObjective }, (_, n) => {
        const d = Math.floor(oi / 3);
        return {
          objectiveId: o.id,
          number: n + 1,
          text: `Strategy ${o.number}.${n + 1}: reach residents in equity priority areas with services in English, Spanish and Vietnamese, and measure who is served.`,
          status: STATUSES[(oi + n) % STATUSES.length]!,
          ownerId: owners[d * OWNERS_PER_DEPARTMENT + (n % OWNERS_PER_DEPARTMENT)]!.id,
          dueDate: new Date(FIRE.getTime() + ((n * 7 + oi) % 120) * DAY - 40 * DAY),
        };
      }),
    ),
  });
  const strategies = await p.strategy.findMany({ orderBy: { id: 'asc' }, select: { id: true, ownerId: true } });
  await p.milestone.createMany({
    data: strategies.map((s, i) => ({ strategyId: s.id, title: `Milestone of ${s.id}`, dueDate: new Date(FIRE.getTime() + ((i % 40) - 20) * DAY) })),
  });
  // 20 updates per strategy over the past 200 days: about 3 % of them in the digest's week.
  const updates = strategies.flatMap((s, i) =>
    Array.from({ length: UPDATES_PER_STRATEGY }, (_, u) => {
      const createdAt = new Date(FIRE.getTime() - (u * 10 + (i % 10)) * DAY - 3_600_000);
      const period = periodContaining(createdAt, ZONE, 'QUARTERLY');
      const from = STATUSES[(i + u + 1) % 3]!;
      return {
        strategyId: s.id,
        periodKey: period.key,
        periodStart: new Date(`${period.start}T00:00:00Z`),
        periodEnd: new Date(`${period.end}T00:00:00Z`),
        statusFrom: from,
        statusTo: u % 3 === 0 ? STATUSES[(i + u) % 4]! : from,
        narrative: `Update ${u} of strategy ${s.id}: what we did, whom we reached and what is next.`,
        authorId: s.ownerId!,
        idempotencyKey: `bench-${s.id}-${u}`,
        visibility: (['INTERNAL', 'REDI', 'PUBLIC'] as const)[u % 3],
        createdAt,
      };
    }),
  );
  await chunked(updates, 5000, (data) => p.progressUpdate.createMany({ data }));
}

/** Adds managers up to `total`, each managing DEPARTMENTS_PER_MANAGER departments; every 20th opted out. */
export async function addManagers(p: Prisma, from: number, total: number): Promise<void> {
  const departments = await p.department.findMany({ orderBy: { id: 'asc' }, select: { id: true } });
  await p.member.createMany({
    data: Array.from({ length: total - from }, (_, i) => ({
      slackUserId: `U0M${String(from + i).padStart(4, '0')}`,
      name: `Manager ${from + i}`,
      roles: ['MANAGER' as const],
      language: (['en', 'es', 'vi'] as const)[(from + i) % 3],
    })),
  });
  const managers = await p.member.findMany({ where: { slackUserId: { startsWith: 'U0M' } }, orderBy: { slackUserId: 'asc' }, skip: from });
  await p.managedDepartment.createMany({
    data: managers.flatMap((m, i) =>
      Array.from({ length: DEPARTMENTS_PER_MANAGER }, (_, k) => ({
        memberId: m.id,
        departmentId: departments[((from + i) * 7 + k * 13) % departments.length]!.id,
      })),
    ),
    skipDuplicates: true,
  });
  await p.digestSubscription.createMany({
    data: managers.filter((_, i) => (from + i) % 20 === 19).map((m) => ({ memberId: m.id, kind: 'WEEKLY_DIGEST' as const, active: false })),
  });
}
