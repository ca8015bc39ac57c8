import { Command } from 'commander';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { formatSeedSummary, registerSeedCommand } from '../../src/cli/seed-command.js';
import type { Prisma } from '../../src/db/client.js';
import { DEMO_PERSONAS, seedDatabase, type SeedSummary } from '../../src/db/seed/index.js';
import { Role } from '../../src/generated/prisma/enums.js';
import { createTestDatabase, dropTestDatabase, type TestDatabase } from '../support/test-db.js';

const LA = 'America/Los_Angeles';
// A Monday afternoon in FY 2026-2027 Q2 (October-December 2026).
const NOW = new Date('2026-11-23T17:00:00Z');
// 01:30 on July 1 in San José: the first hour of a fiscal year, quarter and month, when
// "current period" updates can only have been submitted in the last hour and a half.
const LATER = new Date('2027-07-01T08:30:00Z');

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** Every row of every app table, updatedAt left out (it is the only column allowed to move). */
async function dumpAll(db: TestDatabase): Promise<Record<string, unknown[]>> {
  const s = await db.session();
  try {
    const tables = await s.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
        ORDER BY table_name`,
    );
    const out: Record<string, unknown[]> = {};
    for (const { table_name } of tables) {
      const rows = await s.query<Record<string, unknown>>(`SELECT * FROM "${table_name}" ORDER BY 1, 2`);
      out[table_name] = rows.map(({ updatedAt: _ignored, ...rest }) => rest);
    }
    return out;
  } finally {
    await s.release();
  }
}

async function tableCounts(prisma: Prisma) {
  return {
    departments: await prisma.department.count(),
    members: await prisma.member.count(),
    managedDepartments: await prisma.managedDepartment.count(),
    digestSubscriptions: await prisma.digestSubscription.count(),
    plans: await prisma.plan.count(),
    objectives: await prisma.objective.count(),
    objectivePillars: await prisma.objectivePillar.count(),
    strategies: await prisma.strategy.count(),
    milestones: await prisma.milestone.count(),
    progressUpdates: await prisma.progressUpdate.count(),
    periodSnapshots: await prisma.periodSnapshot.count(),
    holidays: await prisma.holiday.count(),
    measures: await prisma.measure.count(),
  };
}

/**
 * What the reminder, prompt and digest features need from the demo, checked against the
 * moment it was seeded for.
 */
async function expectDemoTimeline(prisma: Prisma, now: Date) {
  const today = DateTime.fromJSDate(now, { zone: LA }).toISODate()!;
  const in14 = DateTime.fromISO(today).plus({ days: 14 }).toISODate()!;
  const strategies = await prisma.strategy.findMany({
    where: { objective: { plan: { kind: 'DEPARTMENT_REAP' } } },
    include: { milestones: true, updates: { orderBy: { createdAt: 'asc' } }, objective: { include: { plan: true } } },
  });
  const open = strategies.filter((s) => s.status !== 'COMPLETED');
  const due = (d: Date | null) => (d ? iso(d) : null);
  expect(open.filter((s) => due(s.dueDate)! < today).length, 'overdue strategies').toBeGreaterThanOrEqual(2);
  expect(open.filter((s) => due(s.dueDate)! >= today && due(s.dueDate)! <= in14).length, 'strategies due within 14 days').toBeGreaterThanOrEqual(2);
  const milestones = strategies.flatMap((s) => s.milestones).filter((m) => m.completedAt === null);
  expect(milestones.filter((m) => iso(m.dueDate) < today).length, 'overdue milestones').toBeGreaterThanOrEqual(2);
  expect(milestones.filter((m) => iso(m.dueDate) >= today && iso(m.dueDate) <= in14).length, 'milestones due within 14 days').toBeGreaterThanOrEqual(2);

  const quarterStart = DateTime.fromJSDate(now, { zone: LA }).startOf('quarter');
  // Fiscal quarters line up with calendar quarters (July starts both).
  const quarterStartIso = quarterStart.toISODate()!;
  const updatedThisQuarter = (s: (typeof strategies)[number]) => s.updates.some((u) => iso(u.periodStart) >= quarterStartIso);
  expect(open.filter((s) => !updatedThisQuarter(s)).length, 'open strategies nobody updated this quarter').toBeGreaterThanOrEqual(3);
  expect(open.filter(updatedThisQuarter).length, 'strategies updated this quarter').toBeGreaterThanOrEqual(3);

  const fyEnd = (d: DateTime) => (d.month >= 7 ? d.year + 1 : d.year);
  const q = (d: DateTime) => `FY${fyEnd(d)}-Q${Math.floor(((d.month + 5) % 12) / 3) + 1}`;
  const nowLocal = DateTime.fromJSDate(now, { zone: LA });
  const keys = new Set(strategies.flatMap((s) => s.updates.map((u) => u.periodKey)));
  expect(keys).toContain(q(nowLocal));
  expect(keys).toContain(q(nowLocal.minus({ months: 3 })));

  for (const s of strategies) {
    for (const u of s.updates) {
      expect(u.createdAt.getTime(), u.idempotencyKey).toBeLessThanOrEqual(now.getTime());
      const submittedOn = DateTime.fromJSDate(u.createdAt, { zone: LA }).toISODate()!;
      expect(submittedOn >= iso(u.periodStart) && submittedOn <= iso(u.periodEnd), u.idempotencyKey).toBe(true);
      expect(u.idempotencyKey).toBe(`seed:${s.objective.plan.key}:${s.objective.number}.${s.number}:${u.periodKey}`);
    }
    const latest = s.updates.at(-1);
    if (latest) expect(s.status, `${s.objective.plan.key} ${s.objective.number}.${s.number}`).toBe(latest.statusTo);
  }
}

describe('seedDatabase', () => {
  let db: TestDatabase;
  let first: SeedSummary;

  beforeAll(async () => {
    db = await createTestDatabase();
    first = await seedDatabase(db.prisma, { now: NOW, timeZone: LA });
  });

  afterAll(async () => {
    await dropTestDatabase(db);
  });

  it('reports what it wrote, and the counts match the tables', async () => {
    const counts = await tableCounts(db.prisma);
    expect(first.counts).toEqual(counts);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    expect(first.created).toBe(total);
    expect(first.updated).toBe(0);
    expect(first).toMatchObject({ today: '2026-11-23', timeZone: LA, currentQuarter: 'FY2027-Q2', holidayFiscalYears: [2027, 2028] });
    // ORSE's work plan, six demo REAPs and the Welcoming San José Plan.
    expect(counts.plans).toBe(8);
    expect(counts.holidays).toBe(24);
  });

  it('changes nothing when run a second time', async () => {
    const before = await dumpAll(db);
    const again = await seedDatabase(db.prisma, { now: NOW, timeZone: LA });
    expect(again.created).toBe(0);
    expect(again.updated).toBe(0);
    expect(again.counts).toEqual(first.counts);
    expect(await tableCounts(db.prisma)).toEqual(first.counts);
    expect(await dumpAll(db)).toEqual(before);
  });

  it('names the departments of the report, with invented settings marked as demo', async () => {
    const departments = await db.prisma.department.findMany();
    const byCode = new Map(departments.map((d) => [d.code, d]));
    for (const code of ['HOUSING', 'LIB', 'DOT', 'SJCE', 'PRNS', 'SJPD', 'HR', 'ITD', 'BUDGET', 'OEDCA', 'ORSE']) {
      expect(byCode.has(code), code).toBe(true);
    }
    expect(byCode.get('LIB')!.name).toBe('San José Public Library');
    expect(departments.every((d) => d.isDemo)).toBe(true);
    const dedicated = departments.filter((d) => d.hasDedicatedEquityStaff && d.code !== 'ORSE').map((d) => d.code);
    expect(dedicated.sort()).toEqual(['DOT', 'HOUSING', 'LIB', 'PRNS', 'SJCE', 'SJPD']);
    const tiers = new Set(departments.map((d) => d.maturityTier));
    expect(tiers).toEqual(new Set(['BEGINNER', 'INTERMEDIATE', 'ADVANCED']));
    expect(byCode.get('LIB')!.maturityTier).toBe('ADVANCED');
    expect(byCode.get('DOT')!.maturityTier).toBe('ADVANCED');
    expect(departments.filter((d) => d.hasActiveEquityActionTeam).length).toBeGreaterThan(departments.length / 2);
    expect(departments.some((d) => d.hasActiveEquityActionTeam === false)).toBe(true);
    const channels = departments.map((d) => d.slackChannelId);
    expect(channels.filter((c) => c !== null).every((c) => /^C[A-Z0-9]{2,}$/.test(c!))).toBe(true);
    expect(channels).toContain(null);
    expect(channels.filter((c) => c !== null).length).toBeGreaterThanOrEqual(3);
    const monthly = departments.filter((d) => d.reportingCadence === 'MONTHLY').length;
    expect(monthly).toBeGreaterThanOrEqual(1);
    expect(monthly).toBeLessThanOrEqual(2);
  });

  it('has demo people in every role, matching the exported personas', async () => {
    const members = await db.prisma.member.findMany({
      include: { department: true, managedDepartments: { include: { department: true } }, subscriptions: true },
    });
    expect(members).toHaveLength(DEMO_PERSONAS.length);
    for (const m of members) {
      expect(m.slackUserId).toMatch(/^U[A-Z0-9]{2,}$/);
      expect(m.email).toMatch(/^[a-z.]+@sanjoseca\.gov\.example$/);
      expect(m.isDemo).toBe(true);
      const p = DEMO_PERSONAS.find((x) => x.slackUserId === m.slackUserId)!;
      expect(p, m.slackUserId).toBeDefined();
      expect({
        name: m.name,
        email: m.email,
        timeZone: m.timeZone,
        slackLocale: m.slackLocale,
        language: m.language,
        roles: m.roles,
        department: m.department?.code ?? null,
        managed: m.managedDepartments.map((d) => d.department.code).sort(),
        subscriptions: m.subscriptions
          .filter((s) => s.active)
          .map((s) => s.kind)
          .sort(),
      }).toEqual({
        name: p.name,
        email: p.email,
        timeZone: p.tz,
        slackLocale: p.locale,
        language: p.language,
        roles: [...p.roles],
        department: p.departmentCode,
        managed: [...p.managedDepartmentCodes].sort(),
        subscriptions: [...p.subscriptions].sort(),
      });
    }
    expect(new Set(members.flatMap((m) => m.roles))).toEqual(new Set(Object.values(Role)));
    expect(members.filter((m) => m.roles.includes('ORSE_ADMIN')).length).toBeGreaterThanOrEqual(2);
    const managers = members.filter((m) => m.roles.includes('MANAGER'));
    expect(managers).toHaveLength(2);
    expect(Math.max(...managers.map((m) => m.managedDepartments.length))).toBeGreaterThanOrEqual(2);
    const redi = members.filter((m) => m.roles.includes('REDI_MEMBER'));
    expect(redi.length).toBeGreaterThanOrEqual(3);
    for (const m of redi) expect(m.subscriptions.map((s) => s.kind)).toContain('REDI_DIGEST');
    expect(new Set(members.map((m) => m.language))).toEqual(new Set(['en', 'es', 'vi', null]));
    expect(members.filter((m) => m.timeZone === LA).length).toBeGreaterThan(members.length / 2);

    // Every department with a demo REAP has an equity lead in it.
    const reapDepartments = await db.prisma.plan.findMany({ where: { kind: 'DEPARTMENT_REAP' }, select: { departmentId: true } });
    for (const { departmentId } of reapDepartments) {
      expect(members.some((m) => m.departmentId === departmentId && m.roles.includes('EQUITY_LEAD'))).toBe(true);
    }
  });

  it('gives each department with dedicated equity staff a demo REAP for FY 2024-2026', async () => {
    const plans = await db.prisma.plan.findMany({
      where: { kind: 'DEPARTMENT_REAP' },
      include: {
        department: true,
        objectives: { include: { strategies: { include: { owner: true, milestones: true } } } },
      },
    });
    expect(plans.map((p) => p.key).sort()).toEqual(['DOT', 'HOUSING', 'LIB', 'PRNS', 'SJCE', 'SJPD'].map((c) => `${c}-FY2024-2026`));
    for (const plan of plans) {
      expect(plan).toMatchObject({ fiscalStartYear: 2024, fiscalEndYear: 2026, isDemo: true });
      expect(plan.key).toBe(`${plan.department!.code}-FY2024-2026`);
      expect(plan.objectives.length).toBeGreaterThanOrEqual(2);
      expect(plan.objectives.length).toBeLessThanOrEqual(3);
      const strategies = plan.objectives.flatMap((o) => o.strategies);
      expect(strategies.length).toBeGreaterThanOrEqual(3);
      expect(strategies.length).toBeLessThanOrEqual(5);
      for (const s of strategies) {
        expect(s.owner?.isDemo).toBe(true);
        expect(s.owner?.departmentId).toBe(plan.departmentId);
        expect(s.dueDate).not.toBeNull();
        expect(s.milestones.length).toBeGreaterThanOrEqual(1);
        expect(s.milestones.length).toBeLessThanOrEqual(3);
        expect(s.milestones.every((m) => m.ownerId !== null)).toBe(true);
      }
    }
    const all = plans.flatMap((p) => p.objectives.flatMap((o) => o.strategies));
    expect(all.some((s) => s.languageAccess)).toBe(true);
    expect(all.some((s) => s.disabilityAccess)).toBe(true);
    expect(all.some((s) => s.genderEquity)).toBe(true);
    expect(new Set(all.map((s) => s.status))).toEqual(new Set(['COMPLETED', 'IN_PROGRESS', 'ONGOING', 'NOT_STARTED']));
  });

  it('places due dates and updates around the seeding moment', async () => {
    await expectDemoTimeline(db.prisma, NOW);
    const updates = await db.prisma.progressUpdate.findMany();
    expect(updates.every((u) => u.isDemo)).toBe(true);
    expect(new Set(updates.map((u) => u.visibility))).toEqual(new Set(['INTERNAL', 'REDI', 'PUBLIC']));
    const shared = updates.filter((u) => u.visibility !== 'INTERNAL');
    expect(shared.some((u) => u.practices !== '')).toBe(true);
    expect(shared.some((u) => u.roadblocks !== '')).toBe(true);
    expect(updates.some((u) => u.onBehalfOfId !== null)).toBe(true);
    const keys = new Set(updates.map((u) => u.periodKey));
    // Quarterly departments report by quarter, monthly ones (Housing, SJCE) by fiscal month.
    expect([...keys].sort()).toEqual(['FY2027-M04', 'FY2027-M05', 'FY2027-Q1', 'FY2027-Q2']);
  });

  it('seeds the City holidays of the current and next fiscal year', async () => {
    const holidays = await db.prisma.holiday.findMany({ orderBy: { date: 'asc' } });
    expect(iso(holidays[0]!.date)).toBe('2026-07-03');
    expect(holidays[0]!.name).toBe('Independence Day (observed)');
    expect(iso(holidays.at(-1)!.date)).toBe('2028-06-19');
    expect(holidays.map((h) => `${iso(h.date)} ${h.name}`)).toEqual(
      expect.arrayContaining([
        '2026-11-26 Thanksgiving Day',
        '2026-11-27 Day after Thanksgiving',
        '2027-03-31 Cesar Chavez Day',
        '2027-06-18 Juneteenth (observed)',
        "2027-12-31 New Year's Day (observed)",
      ]),
    );
  });

  it('moves demo dates when seeded again later, bumping versions only where something changed', async () => {
    const versions = new Map((await db.prisma.strategy.findMany()).map((s) => [s.id, s.version]));
    const later = await seedDatabase(db.prisma, { now: LATER, timeZone: LA });
    expect(later).toMatchObject({ today: '2027-07-01', currentQuarter: 'FY2028-Q1', holidayFiscalYears: [2028, 2029] });
    expect(later.updated).toBeGreaterThan(0);
    await expectDemoTimeline(db.prisma, LATER);
    const after = await db.prisma.strategy.findMany({ include: { objective: { include: { plan: true } } } });
    for (const s of after) {
      // Demo due dates moved by seven months; the published plan did not change.
      expect(s.version, s.objective.plan.key).toBe(versions.get(s.id)! + (s.objective.plan.isDemo ? 1 : 0));
    }
    // FY 2028-2029 holidays were added; the earlier ones stay.
    expect(await db.prisma.holiday.count()).toBe(36);
    const again = await seedDatabase(db.prisma, { now: LATER, timeZone: LA });
    expect([again.created, again.updated]).toEqual([0, 0]);
  });

  it('puts back a seeded value someone changed, and bumps that strategy version', async () => {
    const s = await db.prisma.strategy.findFirstOrThrow({
      where: { objective: { number: 4, plan: { key: 'ORSE-FY2023-2024' } }, number: 6 },
    });
    await db.prisma.strategy.update({ where: { id: s.id }, data: { outputs: 'typo' } });
    const result = await seedDatabase(db.prisma, { now: LATER, timeZone: LA });
    expect([result.created, result.updated]).toEqual([0, 1]);
    const restored = await db.prisma.strategy.findUniqueOrThrow({ where: { id: s.id } });
    expect(restored.outputs).toBe(s.outputs);
    expect(restored.version).toBe(s.version + 1);
  });
});

describe('reap seed', () => {
  let db: TestDatabase;
  const saved = { ...process.env };

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    process.env = saved;
    await dropTestDatabase(db);
  });

  async function run(args: string[]): Promise<string> {
    // PGlite in memory is private to one process handle, so the CLI gets its own.
    process.env = { ...saved, DATABASE_URL: db.url ?? 'pglite:memory', LOG_LEVEL: 'silent' };
    for (const k of Object.keys(process.env)) if (k.startsWith('SLACK_')) delete process.env[k];
    const program = new Command().exitOverride().configureOutput({ writeErr: () => {} });
    registerSeedCommand(program);
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      await program.parseAsync(args, { from: 'user' });
      return log.mock.calls.map((c) => c.join(' ')).join('\n');
    } finally {
      log.mockRestore();
    }
  }

  it('prints the summary in two plain lines', async () => {
    const out = await run(['seed', '--now', '2026-11-23T09:00:00-08:00']);
    const lines = out.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(
      'Seeded 11 departments, 20 demo people, 8 plans (21 objectives, 54 strategies, 35 milestones, 20 progress updates) and 24 City holidays (FY2027, FY2028).',
    );
    expect(lines[1]).toMatch(/^\d+ rows created, 0 updated; demo dates are placed around 2026-11-23 \(FY2027-Q2, America\/Los_Angeles\)\.$/);
    if (db.url) {
      // On a server the second run reaches the same database.
      expect((await run(['seed', '--now', '2026-11-23T09:00:00-08:00'])).split('\n')[1]).toMatch(/^Nothing changed/);
    }
  });

  it('refuses a --now it cannot read', async () => {
    await expect(run(['seed', '--now', 'next tuesday'])).rejects.toThrow(/ISO date/);
  });

  it('formats a repeat run as nothing changed', () => {
    const text = formatSeedSummary({
      counts: {
        departments: 1,
        members: 2,
        managedDepartments: 0,
        digestSubscriptions: 0,
        plans: 1,
        objectives: 1,
        objectivePillars: 0,
        strategies: 1,
        milestones: 0,
        progressUpdates: 0,
        periodSnapshots: 0,
        holidays: 12,
        measures: 0,
      },
      created: 0,
      updated: 0,
      today: '2026-11-23',
      timeZone: LA,
      currentQuarter: 'FY2027-Q2',
      holidayFiscalYears: [2027],
    });
    expect(text.split('\n')[1]).toBe('Nothing changed: the database already held this seed (demo dates around 2026-11-23, FY2027-Q2, America/Los_Angeles).');
  });
});
