// Plain data shaped like the reading services' results, at sizes no real department has,
// for the Block Kit builders' tests (status, deadlines, plan, home). Texts are the longest
// the services accept and full of characters mrkdwn must escape.
import type { StrategyStatus } from '../../../src/generated/prisma/enums.js';
import type { DeadlineItem, MyDeadlines } from '../../../src/services/deadlines.js';
import { COVERAGE_REASONS, groupByReason, type CoverageReason } from '../../../src/domain/owner-coverage.js';
import type { CoverageItem, OwnerCoverage } from '../../../src/services/owner-coverage.js';
import type { PlanView } from '../../../src/services/plans.js';
import type { ReportableStrategy } from '../../../src/services/progress-updates.js';
import type { CitywideStatus, DepartmentRow, DepartmentStatus, StrategyStatusItem } from '../../../src/services/status.js';
import { validateBlocks, validateView } from '../../../src/sandbox/fake-slack/index.js';

export const TODAY = '2026-11-18';
export const NOW = new Date('2026-11-18T17:00:00Z');
export const STATUSES: StrategyStatus[] = ['COMPLETED', 'IN_PROGRESS', 'ONGOING', 'NOT_STARTED', 'DEFERRED'];
export const NASTY = 'Reach <!channel> & <@U123> with *bold* claims > 100% ';
export const longText = (i: number) => `${i}: ${NASTY}${'word '.repeat(400)}`.slice(0, 2000);

const QUARTER = { key: 'FY2027-Q2', fiscalYearEnd: 2027, cadence: 'QUARTERLY' as const, index: 2, start: '2026-10-01', end: '2026-12-31' };
const counts = (n: number): Record<StrategyStatus, number> => ({ COMPLETED: n, IN_PROGRESS: n + 1, ONGOING: n, NOT_STARTED: 1, DEFERRED: 0 });

export function statusItem(i: number, over: Partial<StrategyStatusItem> = {}): StrategyStatusItem {
  return {
    id: 1000 + i,
    label: `${1 + Math.floor(i / 10)}.${(i % 10) + 1}`,
    text: longText(i),
    status: STATUSES[i % 4]!,
    dueDate: '2026-11-10',
    daysUntilDue: -8,
    owner: { slackUserId: `U0OWNER${i}`, name: `Owner ${i}` },
    needsReassignment: i % 7 === 0,
    planKey: 'LIB-FY2024-2026',
    lastUpdateAt: i % 3 === 0 ? null : new Date('2026-08-05T17:00:00Z'),
    lastPeriodStart: null,
    canUpdate: i % 2 === 0,
    canManage: false,
    ...over,
  };
}

export function departmentStatus(n: number, name = 'San José Public Library & Friends <of> the Library'): DepartmentStatus {
  const items = Array.from({ length: n }, (_, i) => statusItem(i));
  return {
    department: { id: 1, code: 'LIB', name, reportingCadence: 'QUARTERLY' },
    today: TODAY,
    quarter: QUARTER,
    period: QUARTER,
    summary: { reported: 0, notReported: n, overdue: n, dueSoon: n },
    dueSoonDays: 14,
    total: n,
    byStatus: counts(n),
    overdue: items,
    dueSoon: items.map((s) => ({ ...s, daysUntilDue: 3, dueDate: '2026-11-21' })),
    notUpdatedThisQuarter: items,
    needsReassignment: items.filter((s) => s.needsReassignment),
    lastUpdateAt: n ? new Date('2026-10-10T17:00:00Z') : null,
    lastUpdateAgeDays: n ? 39 : null,
  };
}

export function citywide(departments: number): CitywideStatus {
  const rows: DepartmentRow[] = Array.from({ length: departments }, (_, i) => ({
    department: { id: i + 1, code: `D${String(i).padStart(3, '0')}XYZW`, name: `Department of Very Long Names and Public Works & <Services> number ${i}` },
    total: i % 5 === 0 ? 0 : 30,
    byStatus: i % 5 === 0 ? counts(0) : counts(7),
    overdue: i % 4,
    dueSoon: i % 3,
    notUpdatedThisQuarter: i % 6,
    updatesThisQuarter: i % 2,
    lastUpdateAt: i % 3 === 0 ? null : new Date('2026-10-10T17:00:00Z'),
    lastUpdateAgeDays: i % 3 === 0 ? null : 39,
    silent: i % 2 === 0 && i % 5 !== 0,
  }));
  return {
    today: TODAY,
    quarter: QUARTER,
    dueSoonDays: 14,
    departments: rows,
    totals: { total: 30 * departments, byStatus: counts(7 * departments), overdue: 99, dueSoon: 42 },
    silentDepartments: rows.filter((r) => r.silent).map((r) => r.department),
  };
}

/**
 * `n` strategies needing coverage, each meeting a different mix of reasons (every fourth
 * has no owner, some owners left, most were never updated, half are overdue).
 */
export function coverageItem(i: number, over: Partial<CoverageItem> = {}): CoverageItem {
  return {
    id: 6000 + i,
    label: `${1 + Math.floor(i / 10)}.${(i % 10) + 1}`,
    text: longText(i),
    status: STATUSES[1 + (i % 4)]!,
    dueDate: i % 2 === 0 ? '2026-11-10' : '2027-03-01',
    planKey: 'D001-FY2024-2026',
    department: { id: 1 + (i % 3), code: `D${String(i % 3).padStart(3, '0')}XYZW`, name: `Department <${i % 3}> & Services` },
    owner: i % 4 === 0 ? null : { slackUserId: `U0OWNER${i}`, name: `Owner ${i}`, active: i % 4 !== 1 },
    needsReassignment: i % 8 === 2,
    hasUpdate: i % 3 === 0,
    ...over,
  };
}

export function ownerCoverage(n: number, department: OwnerCoverage['department'] = null): OwnerCoverage {
  const groups = groupByReason(
    Array.from({ length: n }, (_, i) => coverageItem(i)),
    TODAY,
  );
  const counts = Object.fromEntries(COVERAGE_REASONS.map((r) => [r, groups[r].length])) as Record<CoverageReason, number>;
  return { today: TODAY, department, groups, counts, total: new Set(COVERAGE_REASONS.flatMap((r) => groups[r].map((x) => x.id))).size };
}

export function deadlineItem(i: number, over: Partial<DeadlineItem> = {}): DeadlineItem {
  return {
    kind: i % 2 === 0 ? 'milestone' : 'strategy',
    id: 500 + i,
    title: i % 2 === 0 ? `Milestone ${i} ${NASTY}`.padEnd(300, 'm') : longText(i),
    dueDate: '2026-11-21',
    daysUntilDue: 3,
    strategy: { id: 2000 + i, label: `2.${i}`, text: longText(i), status: 'IN_PROGRESS', version: 1 },
    plan: { key: 'LIB-FY2024-2026' },
    department: { code: 'LIB' },
    snoozedUntil: i % 5 === 0 ? new Date('2026-11-20T17:00:00Z') : null,
    canUpdate: i % 3 !== 0,
    canManage: false,
    canComplete: false,
    ...over,
  };
}

export function myDeadlines(overdue: number, upcoming: number): MyDeadlines {
  return {
    today: TODAY,
    horizonDays: 14,
    overdue: Array.from({ length: overdue }, (_, i) => deadlineItem(i, { dueDate: '2026-11-01', daysUntilDue: -17 })),
    upcoming: Array.from({ length: upcoming }, (_, i) => deadlineItem(i + overdue)),
  };
}

export function planView(opts: { page: number; pageSize: number; total: number; perObjective?: number }): PlanView {
  const perObjective = opts.perObjective ?? 1;
  const from = (opts.page - 1) * opts.pageSize;
  const count = Math.max(0, Math.min(opts.pageSize, opts.total - from));
  const totalPages = Math.max(1, Math.ceil(opts.total / opts.pageSize));
  const objectives: PlanView['objectives'] = [];
  for (let k = 0; k < count; k++) {
    const i = from + k;
    const number = Math.floor(i / perObjective) + 1;
    let group = objectives.at(-1);
    if (!group || group.number !== number) {
      group = { id: number, number, title: `Objective title ${number} ${NASTY}`.padEnd(900, 'o'), description: null, strategies: [] };
      objectives.push(group);
    }
    group.strategies.push({
      id: 3000 + i,
      label: `${number}.${(i % perObjective) + 1}`,
      number: (i % perObjective) + 1,
      text: longText(i),
      status: STATUSES[i % 5]!,
      version: 1,
      dueDate: i % 4 === 0 ? null : '2026-12-01',
      owner: i % 6 === 0 ? null : { slackUserId: 'U0LIB03', name: 'Grace Kim' },
      needsReassignment: i % 9 === 0,
      deferredReason: 'Waiting for <budget> & staff '.repeat(40),
      performanceMeasures: 'x'.repeat(3000),
      outputs: 'y'.repeat(3000),
      openMilestones: i % 3,
      lastUpdateAt: i % 2 ? new Date('2026-10-10T17:00:00Z') : null,
      canUpdate: i % 2 === 0,
      canManage: false,
      leadDepartment: null,
      partnerDepartments: [],
      // Every third strategy has typed measures, with long and hostile labels.
      typedMeasures:
        i % 3 === 0
          ? Array.from({ length: 10 }, (_, m) => ({
              label: `Measure ${m} ${NASTY}`.padEnd(200, 'm'),
              kind: 'PERCENT' as const,
              unit: '',
              target: 90,
              direction: 'INCREASE' as const,
              latest: m % 2 ? { value: 85.5, periodKey: 'FY2027-Q2' } : null,
            }))
          : [],
      restricted: false,
    });
  }
  const plan = {
    id: 7,
    key: 'LIB-FY2024-2026',
    title: 'San José Public Library Racial Equity Action Plan FY 2024-2026 '.repeat(4),
    kind: 'DEPARTMENT_REAP' as const,
    fiscalStartYear: 2024,
    fiscalEndYear: 2026,
  };
  return {
    department: { id: 1, code: 'LIB', name: 'San José Public Library' },
    plan,
    plans: [plan, { ...plan, id: 8, key: 'LIB-FY2021-2023' }],
    objectives,
    page: opts.page,
    pageSize: opts.pageSize,
    totalStrategies: opts.total,
    totalPages,
    hasPrevious: opts.page > 1,
    hasNext: opts.page < totalPages,
    canManage: false,
    pillars: [],
    pillar: null,
  };
}

/**
 * A citywide plan page at its worst: long pillar titles and descriptions, every strategy
 * with a lead and many partners with long names, every other one restricted.
 */
export function citywidePlanView(opts: { page: number; pageSize: number; total: number; perPillar?: number }): PlanView {
  const base = planView({ ...opts, perObjective: opts.perPillar ?? 6 });
  const partner = (n: number) => ({ code: `D${n}`, name: `Department of ${NASTY} number ${n} `.padEnd(120, 'x') });
  const objectives = base.objectives.map((o) => ({
    ...o,
    description: `Pillar description ${NASTY} `.repeat(40),
    strategies: o.strategies.map((s, i) => ({
      ...s,
      leadDepartment: partner(0),
      partnerDepartments: Array.from({ length: 12 }, (_, k) => partner(k + 1)),
      restricted: i % 2 === 1,
    })),
  }));
  const plan = {
    id: 9,
    key: 'WSJ-2021-2024',
    title: `Welcoming San José Plan 2.0 ${NASTY}`.repeat(6),
    kind: 'CITYWIDE_PLAN' as const,
    fiscalStartYear: 2021,
    fiscalEndYear: 2024,
  };
  const pillarCount = Math.max(4, objectives.length);
  return {
    ...base,
    department: null,
    plan,
    plans: [],
    objectives,
    pillars: Array.from({ length: pillarCount }, (_, k) => ({
      number: k + 1,
      title: `Pillar ${k + 1} ${NASTY}`.padEnd(400, 'p'),
      description: `Pillar description ${NASTY} `.repeat(40),
      strategies: opts.perPillar ?? 6,
    })),
  };
}

export function reportable(n: number, owned: number): ReportableStrategy[] {
  return Array.from({ length: n }, (_, i) => ({
    id: 4000 + i,
    label: `1.${i + 1}`,
    text: longText(i),
    status: STATUSES[i % 5]!,
    version: 1,
    dueDate: i % 3 === 0 ? null : '2026-12-01',
    owner: { slackUserId: 'U0LIB03', name: 'Grace Kim' },
    needsReassignment: false,
    objective: { id: 1, number: 1, title: 'Objective' },
    plan: { id: 7, key: 'LIB-FY2024-2026', title: 'Plan' },
    department: { id: 1, code: 'LIB', name: 'San José Public Library' },
    ownedByActor: i < owned,
    lastUpdateAt: null,
    reportedThisPeriod: i % 2 === 0,
    periodKey: 'FY2027-Q2',
  }));
}

/** Every text Slack counts towards a message's size (section text, fields, context, buttons). */
export function textLength(blocks: unknown): number {
  let n = 0;
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      for (const [k, v] of Object.entries(x)) {
        if (k === 'text' && typeof v === 'string') n += v.length;
        else walk(v);
      }
    }
  };
  walk(blocks);
  return n;
}

/** Slack's rules for the surface, as the fake enforces them; [] when Slack would accept. */
export function slackProblems(blocks: unknown, surface: 'message' | 'home'): string[] {
  if (surface === 'home') return validateView({ type: 'home', blocks }, ['home']).errors.map((e) => `${e.pointer}: ${e.message}`);
  return validateBlocks(blocks, 'message').map((e) => `${e.pointer}: ${e.message}`);
}

/** Slack's undocumented total for a message's blocks is about 12,000 characters of text. */
export const MESSAGE_TEXT_BUDGET = 12_000;

type AnyBlock = { type: string; text?: { text: string }; accessory?: { action_id: string; value: string }; elements?: unknown[] };
export const buttonsOf = (blocks: unknown[]) =>
  (blocks as AnyBlock[]).filter((b) => b.accessory).map((b) => ({ actionId: b.accessory!.action_id, value: b.accessory!.value }));
export const allText = (blocks: unknown[]) => JSON.stringify(blocks);
