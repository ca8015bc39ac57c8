// Update prompts: at the start of each reporting period every strategy owner is asked, once,
// to report; a few business days before the period closes those who still have not are
// nudged, with how many of their department colleagues already have. Pure: the job loads
// the strategies and holidays and enqueues what this decides.
//
// The calendar (fiscal year July–June, Q1 = July–September; monthly or quarterly per
// department):
// - start phase: from the first business day of the period up to the day before the nudge
//   day. The job runs daily; the outbox key ("update-prompts:<period>:<user>:start") makes
//   the first run in the phase send and every later one (a catch-up, a re-run) send nothing.
// - nudge phase: from the nudge day (the Nth-last business day of the period, N = 5 by
//   default) to the period's end. A start prompt is never sent in it.
//
// An owner with strategies in a monthly and a quarterly department gets ONE prompt per
// phase, keyed by the monthly period (the shorter cadence decides when they hear from us).
// It lists every strategy still unreported for its own period whose own phase is the same:
// at the start of October (M04 and Q2 both start) one DM lists both kinds; in November
// the start prompt repeats a quarterly strategy only while it is still unreported; a
// quarterly strategy appears in a nudge only in the quarter's last month, when its own
// period is closing. An owner with only quarterly strategies is keyed by the quarter.
import type { Language, StrategyStatus } from '../generated/prisma/enums.js';
import { dbDate } from './calendar-dates.js';
import { firstBusinessDayIn, isBusinessDay, nthLastBusinessDayIn, type HolidaySet } from './business-days.js';
import { periodContaining, type Cadence, type FiscalPeriod } from './fiscal-calendar.js';
import { REPORTING_STATUSES } from './status-summary.js';

export const DEFAULT_NUDGE_BUSINESS_DAYS = 5;
export const MAX_NUDGE_BUSINESS_DAYS = 15;

export type PromptPhase = 'start' | 'nudge';

export interface PeriodPhases {
  period: FiscalPeriod;
  /** First business day of the period. */
  startDay: string | null;
  /** The Nth-last business day of the period. */
  nudgeDay: string | null;
}

export interface PromptOwner {
  memberId: number;
  slackUserId: string;
  name: string;
  language: Language | null;
  slackLocale: string | null;
  departmentId: number | null;
  active: boolean;
}

export interface PromptStrategy {
  id: number;
  label: string;
  /** The citywide plan's title, which the label names; null for a department plan's. */
  citywidePlan?: string | null;
  text: string;
  status: StrategyStatus;
  /** ISO date or null. */
  dueDate: string | null;
  departmentId: number | null;
  departmentCode: string | null;
  departmentName: string | null;
  /** The department's cadence; a plan without a department reports quarterly. */
  cadence: Cadence;
  /** Latest periodStart among the strategy's updates (ISO), or null. */
  lastPeriodStart: string | null;
  owner: PromptOwner;
}

export interface PromptItem {
  strategy: PromptStrategy;
  /** The strategy's own reporting period (its department's cadence). */
  period: FiscalPeriod;
}

export interface ColleagueCount {
  departmentId: number;
  departmentName: string | null;
  /** Colleagues (other owners of the department's strategies) who reported on all of them this period. */
  reported: number;
  /** Colleagues asked to report this period. */
  total: number;
}

export interface PlannedPrompt {
  recipient: PromptOwner;
  phase: PromptPhase;
  /** The period the message is keyed by (see the header comment). */
  period: FiscalPeriod;
  items: PromptItem[];
  /**
   * Nudges only, and only when the department has other owners: the recipient's own
   * department when the nudge lists its strategies, else the department of the first one.
   */
  colleagues: ColleagueCount | null;
}

/** The reporting period containing a City calendar date. */
export function periodOfDate(today: string, cadence: Cadence): FiscalPeriod {
  return periodContaining(dbDate(today), 'UTC', cadence);
}

export function periodPhases(period: FiscalPeriod, holidays: HolidaySet, nudgeBusinessDays: number): PeriodPhases {
  const range = { from: period.start, to: period.end };
  return { period, startDay: firstBusinessDayIn(range, holidays), nudgeDay: nthLastBusinessDayIn(range, nudgeBusinessDays, holidays) };
}

/** Which phase business day `today` is in, for a period containing it; null on other days. */
export function phaseOn(today: string, phases: PeriodPhases, holidays: HolidaySet): PromptPhase | null {
  if (!isBusinessDay(today, holidays)) return null;
  if (today < phases.period.start || today > phases.period.end) return null;
  if (phases.nudgeDay !== null && today >= phases.nudgeDay) return 'nudge';
  if (phases.startDay !== null && today >= phases.startDay) return 'start';
  return null;
}

export const isReported = (s: Pick<PromptStrategy, 'lastPeriodStart'>, period: FiscalPeriod): boolean =>
  s.lastPeriodStart !== null && s.lastPeriodStart >= period.start;

const expectsReport = (s: PromptStrategy): boolean => s.owner.active && REPORTING_STATUSES.includes(s.status);

/** Everyone to prompt or nudge on `today`, with what to list. */
export function planUpdatePrompts(
  strategies: readonly PromptStrategy[],
  today: string,
  holidays: HolidaySet,
  nudgeBusinessDays: number = DEFAULT_NUDGE_BUSINESS_DAYS,
): PlannedPrompt[] {
  if (!isBusinessDay(today, holidays)) return [];
  const phases: Record<Cadence, PeriodPhases> = {
    MONTHLY: periodPhases(periodOfDate(today, 'MONTHLY'), holidays, nudgeBusinessDays),
    QUARTERLY: periodPhases(periodOfDate(today, 'QUARTERLY'), holidays, nudgeBusinessDays),
  };
  const phase: Record<Cadence, PromptPhase | null> = {
    MONTHLY: phaseOn(today, phases.MONTHLY, holidays),
    QUARTERLY: phaseOn(today, phases.QUARTERLY, holidays),
  };

  const live = strategies.filter(expectsReport);
  const byOwner = new Map<string, PromptStrategy[]>();
  for (const s of live) byOwner.set(s.owner.slackUserId, [...(byOwner.get(s.owner.slackUserId) ?? []), s]);

  const colleagueCounts = countColleagues(live, phases);
  const plans: PlannedPrompt[] = [];
  for (const owned of byOwner.values()) {
    const recipient = owned[0]!.owner;
    const cadence: Cadence = owned.some((s) => s.cadence === 'MONTHLY') ? 'MONTHLY' : 'QUARTERLY';
    const keyPhase = phase[cadence];
    if (keyPhase === null) continue;
    const items = owned
      .filter((s) => phase[s.cadence] === keyPhase && !isReported(s, phases[s.cadence].period))
      .sort((a, b) => (a.departmentCode ?? '').localeCompare(b.departmentCode ?? '') || compareLabels(a.label, b.label) || a.id - b.id)
      .map((s) => ({ strategy: s, period: phases[s.cadence].period }));
    if (items.length === 0) continue;
    let colleagues: ColleagueCount | null = null;
    if (keyPhase === 'nudge') {
      // Their own department when the nudge is about its work, else the department it is about.
      const itemDepartments = items.map((i) => i.strategy.departmentId);
      const departmentId =
        recipient.departmentId !== null && itemDepartments.includes(recipient.departmentId) ? recipient.departmentId : (itemDepartments[0] ?? null);
      const counts = departmentId === null ? undefined : colleagueCounts.get(departmentId);
      if (counts) {
        const others = [...counts.owners.entries()].filter(([slackUserId]) => slackUserId !== recipient.slackUserId);
        if (others.length > 0) {
          colleagues = {
            departmentId: departmentId!,
            departmentName: counts.departmentName,
            reported: others.filter(([, done]) => done).length,
            total: others.length,
          };
        }
      }
    }
    plans.push({ recipient, phase: keyPhase, period: phases[cadence].period, items, colleagues });
  }
  return plans.sort((a, b) => a.recipient.slackUserId.localeCompare(b.recipient.slackUserId));
}

/** Per department: each owner of its strategies, and whether they reported on all of them. */
function countColleagues(
  live: readonly PromptStrategy[],
  phases: Record<Cadence, PeriodPhases>,
): Map<number, { departmentName: string | null; owners: Map<string, boolean> }> {
  const out = new Map<number, { departmentName: string | null; owners: Map<string, boolean> }>();
  for (const s of live) {
    if (s.departmentId === null) continue;
    const dept = out.get(s.departmentId) ?? { departmentName: s.departmentName, owners: new Map<string, boolean>() };
    const done = isReported(s, phases[s.cadence].period);
    dept.owners.set(s.owner.slackUserId, (dept.owners.get(s.owner.slackUserId) ?? true) && done);
    out.set(s.departmentId, dept);
  }
  return out;
}

/** "1.10" after "1.9". */
export function compareLabels(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
