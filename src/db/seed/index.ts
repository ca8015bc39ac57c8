// `reap seed`: the ORSE FY 2023-2024 work plan (real data, from the annual report), the
// Welcoming San José Plan 2.0's pillars (real data, from the City's page) linked to the
// work-plan objectives that serve them, City holidays, and demo departments, people and REAPs whose dates are placed around `now`,
// with each past quarter's snapshot rebuilt from the demo history.
//
// Every row is matched on its natural key and only written when it differs from what the
// seed wants, so a second run writes nothing: updatedAt stays put, and a strategy's
// optimistic-concurrency version only moves when the seed really changes it (a silent
// bump would make a user's open edit form fail for no visible reason). Fields the seed
// does not set (active, snoozedUntil, needsReassignment, archivedAt, revision…) are never
// touched, so re-seeding does not undo what people did in the app beyond the seeded values.
// Rows the seed no longer defines are left alone: nothing is ever deleted.
import { DateTime } from 'luxon';
import type { Prisma } from '../../generated/prisma/client.js';
import type { PlanKind, StrategyStatus } from '../../generated/prisma/enums.js';
import type { Prisma as AppPrisma } from '../client.js';
import { fiscalYearOf, parsePeriodKey, periodContaining, previousPeriod, type FiscalPeriod } from '../../domain/fiscal-calendar.js';
import { SEED_DEPARTMENTS } from './departments.js';
import { DEMO_PERSONAS } from './personas.js';
import {
  DEMO_REAPS,
  DEMO_REAP_FISCAL_END_YEAR,
  DEMO_REAP_FISCAL_START_YEAR,
  demoReapKey,
  type DemoReap,
  type DemoStrategy,
  type DemoUpdate,
} from './demo-reaps.js';
import { WORK_PLAN_TYPED_MEASURES, ORSE_WORK_PLAN_FY2023_2024 } from './orse-work-plan-fy2023-2024.js';
import { cityHolidaysForFiscalYear } from './holidays.js';
import { closeFinishedQuarters } from '../../services/period-snapshots.js';
import { ORSE_OBJECTIVE_PILLARS, WELCOMING_SAN_JOSE_PLAN } from './welcoming-san-jose-plan.js';

export { DEMO_PERSONAS, type DemoPersona } from './personas.js';
export { ORSE_WORK_PLAN_FY2023_2024 } from './orse-work-plan-fy2023-2024.js';
export { SEED_DEPARTMENTS } from './departments.js';
export { DEMO_REAPS, demoReapKey } from './demo-reaps.js';
export { cityHolidaysForFiscalYear } from './holidays.js';
export { ORSE_OBJECTIVE_PILLARS, WELCOMING_SAN_JOSE_PLAN } from './welcoming-san-jose-plan.js';

export const DEFAULT_SEED_TIME_ZONE = 'America/Los_Angeles';

export interface SeedOptions {
  /** The moment demo dates are placed around; default: the current time. */
  now?: Date;
  /** The City's zone, which decides "today" and the current reporting period. */
  timeZone?: string;
}

export interface SeedCounts {
  departments: number;
  members: number;
  managedDepartments: number;
  digestSubscriptions: number;
  plans: number;
  objectives: number;
  /** ORSE work-plan objectives linked to the citywide pillars they serve. */
  objectivePillars: number;
  strategies: number;
  milestones: number;
  progressUpdates: number;
  /** Each strategy's state at the close of every past quarter, rebuilt from the seeded history. */
  periodSnapshots: number;
  holidays: number;
  /** Typed measures of work-plan strategies (orse-work-plan-fy2023-2024.ts). */
  measures: number;
}

export interface SeedSummary {
  /** Rows the seed defines, per table (whether they were written this run or not). */
  counts: SeedCounts;
  /** Rows inserted and rows changed by this run; both 0 when run again with the same `now`. */
  created: number;
  updated: number;
  /** "Today" in the City's zone, as an ISO date. */
  today: string;
  timeZone: string;
  /** The fiscal quarter containing today, e.g. "FY2027-Q2". */
  currentQuarter: string;
  /** Fiscal years (by end year) whose holidays were seeded. */
  holidayFiscalYears: number[];
}

type Tx = Prisma.TransactionClient;

export async function seedDatabase(prisma: AppPrisma, options: SeedOptions = {}): Promise<SeedSummary> {
  const now = options.now ?? new Date();
  const timeZone = options.timeZone ?? DEFAULT_SEED_TIME_ZONE;
  if (!DateTime.now().setZone(timeZone).isValid) throw new Error(`unknown time zone: ${timeZone}`);
  checkSeedData();
  // One transaction: a failed seed leaves nothing half-written. The timeout is generous
  // because a first seed on embedded PGlite writes a few hundred rows one by one.
  return prisma.$transaction((tx) => new Seeder(tx, now, timeZone).run(), { timeout: 60_000, maxWait: 15_000 });
}

/** Static data mistakes are programming errors; fail before touching the database. */
function checkSeedData(): void {
  const codes = new Set(SEED_DEPARTMENTS.map((d) => d.code));
  const people = new Set(DEMO_PERSONAS.map((p) => p.slackUserId));
  for (const p of DEMO_PERSONAS) {
    if (!/^U[A-Z0-9]{2,}$/.test(p.slackUserId)) throw new Error(`seed: bad Slack user id ${p.slackUserId}`);
    for (const c of [p.departmentCode, ...p.managedDepartmentCodes]) {
      if (c !== null && !codes.has(c)) throw new Error(`seed: ${p.slackUserId} names unknown department ${c}`);
    }
  }
  for (const reap of DEMO_REAPS) {
    if (!codes.has(reap.departmentCode)) throw new Error(`seed: REAP for unknown department ${reap.departmentCode}`);
    for (const o of reap.objectives) {
      for (const s of o.strategies) {
        const who = [s.owner, ...s.milestones.map((m) => m.owner), ...s.updates.flatMap((u) => [u.author, u.onBehalfOf])];
        for (const id of who) {
          if (id !== undefined && !people.has(id)) throw new Error(`seed: unknown person ${id} in ${reap.departmentCode}`);
        }
        const last = s.updates.at(-1);
        if (last && last.statusTo !== s.status) {
          throw new Error(`seed: "${s.text}" has status ${s.status} but its latest update says ${last.statusTo}`);
        }
      }
    }
  }
}

type Row = Record<string, unknown>;

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

/** The fields of `desired` whose value differs in `existing`, or null when none do. */
function changes<T extends Row>(existing: Row, desired: T): Partial<T> | null {
  const out: Partial<T> = {};
  let any = false;
  for (const key of Object.keys(desired) as (keyof T & string)[]) {
    if (!same(existing[key], desired[key])) {
      out[key] = desired[key];
      any = true;
    }
  }
  return any ? out : null;
}

/** A calendar date (a @db.Date column) as Prisma wants it: midnight UTC. */
function dateOnly(iso: string): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}

class Seeder {
  private created = 0;
  private updated = 0;
  private readonly today: DateTime;
  private readonly departmentIds = new Map<string, number>();
  private readonly memberIds = new Map<string, number>();
  private readonly counts: SeedCounts = {
    departments: 0,
    members: 0,
    managedDepartments: 0,
    digestSubscriptions: 0,
    plans: 0,
    objectives: 0,
    objectivePillars: 0,
    strategies: 0,
    milestones: 0,
    progressUpdates: 0,
    periodSnapshots: 0,
    holidays: 0,
    measures: 0,
  };

  constructor(
    private readonly tx: Tx,
    private readonly now: Date,
    private readonly zone: string,
  ) {
    this.today = DateTime.fromJSDate(now, { zone }).startOf('day');
  }

  async run(): Promise<SeedSummary> {
    await this.departments();
    await this.members();
    const orseObjectives = await this.workPlan();
    await this.citywidePlan(orseObjectives);
    for (const reap of DEMO_REAPS) await this.demoReap(reap);
    await this.periodSnapshots();
    const holidayFiscalYears = await this.holidays();
    return {
      counts: this.counts,
      created: this.created,
      updated: this.updated,
      today: this.today.toISODate()!,
      timeZone: this.zone,
      currentQuarter: periodContaining(this.now, this.zone, 'QUARTERLY').key,
      holidayFiscalYears,
    };
  }

  private dueDate(offsetDays: number): Date {
    return dateOnly(this.today.plus({ days: offsetDays }).toISODate()!);
  }

  /** Mid-afternoon local time, `daysAgo` days before today, never after now. */
  private daysAgoAt(daysAgo: number): Date {
    const t = this.today.minus({ days: daysAgo }).set({ hour: 15 }).toJSDate();
    return t.getTime() <= this.now.getTime() ? t : this.now;
  }

  private async departments(): Promise<void> {
    const existing = new Map((await this.tx.department.findMany({ where: { code: { in: SEED_DEPARTMENTS.map((d) => d.code) } } })).map((d) => [d.code, d]));
    for (const d of SEED_DEPARTMENTS) {
      const desired = {
        code: d.code,
        name: d.name,
        maturityTier: d.maturityTier,
        hasDedicatedEquityStaff: d.hasDedicatedEquityStaff,
        hasActiveEquityActionTeam: d.hasActiveEquityActionTeam,
        slackChannelId: d.slackChannelId,
        reportingCadence: d.reportingCadence,
        isDemo: true,
      };
      const row = existing.get(d.code);
      let id: number;
      if (!row) {
        id = (await this.tx.department.create({ data: desired, select: { id: true } })).id;
        this.created++;
      } else {
        id = row.id;
        const diff = changes(row, desired);
        if (diff) {
          await this.tx.department.update({ where: { id }, data: diff });
          this.updated++;
        }
      }
      this.departmentIds.set(d.code, id);
      this.counts.departments++;
    }
  }

  private departmentId(code: string): number {
    const id = this.departmentIds.get(code);
    if (id === undefined) throw new Error(`seed: department ${code} was not seeded`);
    return id;
  }

  private memberId(slackUserId: string): number {
    const id = this.memberIds.get(slackUserId);
    if (id === undefined) throw new Error(`seed: member ${slackUserId} was not seeded`);
    return id;
  }

  private async members(): Promise<void> {
    const ids = DEMO_PERSONAS.map((p) => p.slackUserId);
    const existing = new Map((await this.tx.member.findMany({ where: { slackUserId: { in: ids } } })).map((m) => [m.slackUserId, m]));
    for (const p of DEMO_PERSONAS) {
      const desired = {
        slackUserId: p.slackUserId,
        name: p.name,
        email: p.email,
        language: p.language,
        slackLocale: p.locale,
        timeZone: p.tz,
        departmentId: p.departmentCode === null ? null : this.departmentId(p.departmentCode),
        roles: [...p.roles],
        isDemo: true,
      };
      const row = existing.get(p.slackUserId);
      let id: number;
      if (!row) {
        id = (await this.tx.member.create({ data: desired, select: { id: true } })).id;
        this.created++;
      } else {
        id = row.id;
        const diff = changes(row, desired);
        if (diff) {
          await this.tx.member.update({ where: { id }, data: diff });
          this.updated++;
        }
      }
      this.memberIds.set(p.slackUserId, id);
      this.counts.members++;
    }

    const memberIds = [...this.memberIds.values()];
    const managed = new Set(
      (await this.tx.managedDepartment.findMany({ where: { memberId: { in: memberIds } } })).map((m) => `${m.memberId}:${m.departmentId}`),
    );
    const subs = new Map((await this.tx.digestSubscription.findMany({ where: { memberId: { in: memberIds } } })).map((s) => [`${s.memberId}:${s.kind}`, s]));
    for (const p of DEMO_PERSONAS) {
      const memberId = this.memberId(p.slackUserId);
      for (const code of p.managedDepartmentCodes) {
        const departmentId = this.departmentId(code);
        if (!managed.has(`${memberId}:${departmentId}`)) {
          await this.tx.managedDepartment.create({ data: { memberId, departmentId } });
          this.created++;
        }
        this.counts.managedDepartments++;
      }
      for (const kind of p.subscriptions) {
        const row = subs.get(`${memberId}:${kind}`);
        if (!row) {
          await this.tx.digestSubscription.create({ data: { memberId, kind, active: true } });
          this.created++;
        } else if (!row.active) {
          await this.tx.digestSubscription.update({ where: { id: row.id }, data: { active: true } });
          this.updated++;
        }
        this.counts.digestSubscriptions++;
      }
    }
  }

  private async upsertPlan(desired: {
    key: string;
    kind: PlanKind;
    title: string;
    departmentId: number | null;
    fiscalStartYear: number;
    fiscalEndYear: number;
    vision: string | null;
    mission: string | null;
    isDemo: boolean;
  }): Promise<number> {
    this.counts.plans++;
    const row = await this.tx.plan.findUnique({ where: { key: desired.key } });
    if (!row) {
      this.created++;
      return (await this.tx.plan.create({ data: desired, select: { id: true } })).id;
    }
    const diff = changes(row, desired);
    if (diff) {
      await this.tx.plan.update({ where: { id: row.id }, data: diff });
      this.updated++;
    }
    return row.id;
  }

  /** `description` only for pillars: other objectives' descriptions are not the seed's. */
  private async upsertObjective(planId: number, number: number, title: string, description?: string): Promise<number> {
    this.counts.objectives++;
    const desired = description === undefined ? { title } : { title, description };
    const row = await this.tx.objective.findUnique({ where: { planId_number: { planId, number } } });
    if (!row) {
      this.created++;
      return (await this.tx.objective.create({ data: { planId, number, ...desired }, select: { id: true } })).id;
    }
    const diff = changes(row, desired);
    if (diff) {
      await this.tx.objective.update({ where: { id: row.id }, data: diff });
      this.updated++;
    }
    return row.id;
  }

  private async upsertStrategy(
    objectiveId: number,
    number: number,
    desired: {
      text: string;
      status: StrategyStatus;
      ownerId: number | null;
      dueDate: Date | null;
      performanceMeasures: string;
      outputs: string;
      languageAccess: boolean;
      disabilityAccess: boolean;
      genderEquity: boolean;
      priorityCommunities: boolean;
    },
    /** When a new row says it was made (history: never changed by a later seed). */
    createdAt?: Date,
  ): Promise<number> {
    this.counts.strategies++;
    const row = await this.tx.strategy.findUnique({ where: { objectiveId_number: { objectiveId, number } } });
    if (!row) {
      this.created++;
      return (await this.tx.strategy.create({ data: { objectiveId, number, ...desired, ...(createdAt ? { createdAt } : {}) }, select: { id: true } })).id;
    }
    const diff = changes(row, desired);
    if (diff) {
      // A real change must invalidate edit forms opened before it (optimistic concurrency).
      await this.tx.strategy.update({ where: { id: row.id }, data: { ...diff, version: { increment: 1 } } });
      this.updated++;
    }
    return row.id;
  }

  /** The work plan's objective ids by number, for the pillars they serve. */
  private async workPlan(): Promise<Map<number, number>> {
    const objectiveIds = new Map<number, number>();
    const plan = ORSE_WORK_PLAN_FY2023_2024;
    const planId = await this.upsertPlan({
      key: plan.key,
      kind: 'ORSE_WORK_PLAN',
      title: plan.title,
      departmentId: this.departmentId('ORSE'),
      fiscalStartYear: plan.fiscalStartYear,
      fiscalEndYear: plan.fiscalEndYear,
      vision: plan.vision,
      mission: plan.mission,
      // Published City data, not invented: it stays when demo data is cleared.
      isDemo: false,
    });
    for (const o of plan.objectives) {
      const objectiveId = await this.upsertObjective(planId, o.number, o.title);
      objectiveIds.set(o.number, objectiveId);
      for (const s of o.strategies) {
        // The report names no owners or due dates; the table is reproduced as published.
        const strategyId = await this.upsertStrategy(objectiveId, s.number, {
          text: s.text,
          status: s.status,
          ownerId: null,
          dueDate: null,
          performanceMeasures: s.performanceMeasures,
          outputs: s.outputs,
          languageAccess: false,
          disabilityAccess: false,
          genderEquity: false,
          priorityCommunities: false,
        });
        await this.typedMeasures(strategyId, WORK_PLAN_TYPED_MEASURES[`${o.number}.${s.number}`] ?? []);
      }
    }
    return objectiveIds;
  }

  /** Adds a strategy's typed measures by label; what people changed since is left alone. */
  private async typedMeasures(strategyId: number, measures: readonly { label: string; kind: 'COUNT' | 'RATING' | 'PERCENT'; unit: string }[]): Promise<void> {
    if (measures.length === 0) return;
    const existing = new Set((await this.tx.measure.findMany({ where: { strategyId }, select: { label: true } })).map((m) => m.label));
    for (const [i, m] of measures.entries()) {
      this.counts.measures++;
      if (existing.has(m.label)) continue;
      await this.tx.measure.create({ data: { strategyId, position: i + 1, label: m.label, kind: m.kind, unit: m.unit } });
      this.created++;
    }
  }

  private async citywidePlan(orseObjectives: ReadonlyMap<number, number>): Promise<void> {
    const plan = WELCOMING_SAN_JOSE_PLAN;
    const planId = await this.upsertPlan({
      key: plan.key,
      kind: 'CITYWIDE_PLAN',
      title: plan.title,
      // The whole City's plan: strategies name their own lead and partner departments.
      departmentId: null,
      fiscalStartYear: plan.fiscalStartYear,
      fiscalEndYear: plan.fiscalEndYear,
      vision: null,
      mission: null,
      isDemo: false,
    });
    const pillarIds = new Map<number, number>();
    for (const p of plan.pillars) pillarIds.set(p.number, await this.upsertObjective(planId, p.number, p.title, p.description));
    const links = ORSE_OBJECTIVE_PILLARS.map((l) => {
      const objectiveId = orseObjectives.get(l.orseObjective);
      const pillarId = pillarIds.get(l.pillar);
      if (objectiveId === undefined || pillarId === undefined) throw new Error(`seed: no objective ${l.orseObjective} or pillar ${l.pillar}`);
      return { objectiveId, pillarId };
    });
    const existing = new Set(
      (await this.tx.objectivePillar.findMany({ where: { objectiveId: { in: links.map((l) => l.objectiveId) } } })).map(
        (l) => `${l.objectiveId}:${l.pillarId}`,
      ),
    );
    for (const l of links) {
      this.counts.objectivePillars++;
      if (existing.has(`${l.objectiveId}:${l.pillarId}`)) continue;
      await this.tx.objectivePillar.create({ data: l });
      this.created++;
    }
  }

  private async demoReap(reap: DemoReap): Promise<void> {
    const key = demoReapKey(reap.departmentCode);
    const department = SEED_DEPARTMENTS.find((d) => d.code === reap.departmentCode)!;
    const planId = await this.upsertPlan({
      key,
      kind: 'DEPARTMENT_REAP',
      title: reap.title,
      departmentId: this.departmentId(reap.departmentCode),
      fiscalStartYear: DEMO_REAP_FISCAL_START_YEAR,
      fiscalEndYear: DEMO_REAP_FISCAL_END_YEAR,
      vision: reap.vision ?? null,
      mission: reap.mission ?? null,
      isDemo: true,
    });
    // Updates are reported per the department's cadence: "FY2027-Q2" or "FY2027-M05".
    const current = periodContaining(this.now, this.zone, department.reportingCadence);
    const periods = { current, previous: previousPeriod(current) };
    // Demo work exists since the start of last quarter, so every demo strategy has a
    // snapshot of last quarter's close to compare with (periodSnapshots below).
    const since = DateTime.fromISO(previousPeriod(periodContaining(this.now, this.zone, 'QUARTERLY')).start, { zone: this.zone })
      .set({ hour: 9 })
      .toJSDate();
    for (const [oi, o] of reap.objectives.entries()) {
      const objectiveNumber = oi + 1;
      const objectiveId = await this.upsertObjective(planId, objectiveNumber, o.title);
      for (const [si, s] of o.strategies.entries()) {
        const strategyNumber = si + 1;
        const strategyId = await this.upsertStrategy(
          objectiveId,
          strategyNumber,
          {
            text: s.text,
            status: s.status,
            ownerId: this.memberId(s.owner),
            dueDate: this.dueDate(s.dueInDays),
            performanceMeasures: s.performanceMeasures,
            outputs: s.outputs ?? '',
            languageAccess: s.languageAccess ?? false,
            disabilityAccess: s.disabilityAccess ?? false,
            genderEquity: s.genderEquity ?? false,
            priorityCommunities: s.priorityCommunities ?? false,
          },
          since,
        );
        await this.milestones(strategyId, s);
        for (const u of s.updates) {
          await this.progressUpdate(strategyId, `seed:${key}:${objectiveNumber}.${strategyNumber}`, periods[u.period], u);
        }
      }
    }
  }

  private async milestones(strategyId: number, s: DemoStrategy): Promise<void> {
    const existing = new Map((await this.tx.milestone.findMany({ where: { strategyId } })).map((m) => [m.title, m]));
    for (const m of s.milestones) {
      this.counts.milestones++;
      const desired = {
        dueDate: this.dueDate(m.dueInDays),
        ownerId: this.memberId(m.owner ?? s.owner),
        completedAt: m.completedDaysAgo === undefined ? null : this.daysAgoAt(m.completedDaysAgo),
      };
      const row = existing.get(m.title);
      if (!row) {
        await this.tx.milestone.create({ data: { strategyId, title: m.title, ...desired } });
        this.created++;
        continue;
      }
      const diff = changes(row, desired);
      if (diff) {
        await this.tx.milestone.update({ where: { id: row.id }, data: diff });
        this.updated++;
      }
    }
  }

  /** When an update was "submitted": inside its period, and never in the future. */
  private submittedAt(period: FiscalPeriod, dayInPeriod: number): Date {
    const start = DateTime.fromISO(period.start, { zone: this.zone });
    const end = DateTime.fromISO(period.end, { zone: this.zone }).set({ hour: 17 });
    let at = start.plus({ days: dayInPeriod }).set({ hour: 10 });
    if (at > end) at = end;
    const latest = this.now.getTime() - 60_000;
    const ms = Math.max(start.toMillis(), Math.min(at.toMillis(), latest));
    return new Date(ms);
  }

  private async progressUpdate(strategyId: number, keyPrefix: string, period: FiscalPeriod, u: DemoUpdate): Promise<void> {
    this.counts.progressUpdates++;
    // Guards the key format other code parses (periodKey must round-trip).
    if (!parsePeriodKey(period.key)) throw new Error(`seed: bad period key ${period.key}`);
    const idempotencyKey = `${keyPrefix}:${period.key}`;
    const desired = {
      strategyId,
      periodKey: period.key,
      periodStart: dateOnly(period.start),
      periodEnd: dateOnly(period.end),
      statusFrom: u.statusFrom,
      statusTo: u.statusTo,
      narrative: u.narrative,
      measureValues: u.measureValues ?? '',
      outputs: u.outputs ?? '',
      roadblocks: u.roadblocks ?? '',
      helpNeeded: u.helpNeeded ?? '',
      practices: u.practices ?? '',
      visibility: u.visibility,
      evidenceUrl: u.evidenceUrl ?? null,
      communitiesReached: u.communitiesReached ?? '',
      languagesServed: u.languagesServed ?? '',
      accessibilityNotes: u.accessibilityNotes ?? '',
      authorId: this.memberId(u.author),
      onBehalfOfId: u.onBehalfOf === undefined ? null : this.memberId(u.onBehalfOf),
      isDemo: true,
    };
    const row = await this.tx.progressUpdate.findUnique({ where: { idempotencyKey } });
    if (!row) {
      await this.tx.progressUpdate.create({
        data: { ...desired, idempotencyKey, createdAt: this.submittedAt(period, u.dayInPeriod) },
      });
      this.created++;
      return;
    }
    // createdAt is when it was submitted: history, kept as first seeded.
    const diff = changes(row, desired);
    if (diff) {
      await this.tx.progressUpdate.update({ where: { id: row.id }, data: diff });
      this.updated++;
    }
  }

  /**
   * The snapshots the period-snapshots job would have taken of the past quarters, so "since
   * last quarter" has something to compare with in the sandbox. Only missing ones are written.
   */
  private async periodSnapshots(): Promise<void> {
    const closed = await closeFinishedQuarters({ prisma: this.tx, config: { timeZone: this.zone } }, this.now);
    this.created += closed.written;
    this.counts.periodSnapshots = await this.tx.periodSnapshot.count();
  }

  private async holidays(): Promise<number[]> {
    const fy = fiscalYearOf(this.now, this.zone);
    const years = [fy, fy + 1];
    const wanted = years.flatMap(cityHolidaysForFiscalYear);
    const existing = new Map(
      (await this.tx.holiday.findMany({ where: { date: { in: wanted.map((h) => dateOnly(h.date)) } } })).map((h) => [h.date.toISOString().slice(0, 10), h]),
    );
    for (const h of wanted) {
      this.counts.holidays++;
      const row = existing.get(h.date);
      if (!row) {
        await this.tx.holiday.create({ data: { date: dateOnly(h.date), name: h.name } });
        this.created++;
      } else if (row.name !== h.name) {
        await this.tx.holiday.update({ where: { id: row.id }, data: { name: h.name } });
        this.updated++;
      }
    }
    return years;
  }
}
