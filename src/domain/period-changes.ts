// What changed since last quarter: each strategy's state at the close of the previous fiscal
// quarter (its PeriodSnapshot) against where it stands now. Pure, so the rules are tested
// without a database; the services read the two sides and the Slack builders say them.
//
// A strategy without a previous snapshot is new (made or imported since). Reporting is
// compared only for work that expects reports now (REPORTING_STATUSES): a completed or
// deferred strategy that stopped reporting is not news.
import type { MeasureDirection, MeasureKind, StrategyStatus } from '../generated/prisma/enums.js';
import { meetsTarget } from './measures.js';
import { REPORTING_STATUSES } from './status-summary.js';

export interface PreviousState {
  status: StrategyStatus;
  reported: boolean;
}

/** A typed measure with a target: its value at the close of last quarter and this quarter's latest. */
export interface MeasureNow {
  label: string;
  kind: MeasureKind;
  unit: string;
  target: number | null;
  direction: MeasureDirection;
  /** The value in the update the previous quarter's snapshot points to; null if none. */
  previous: number | null;
  /** The latest value reported for a period of this quarter; null if none yet. */
  current: number | null;
}

export interface CurrentStrategy {
  id: number;
  /** "2.1": objective and strategy number. */
  label: string;
  /** The citywide plan's title, which the label names; null for a department plan's. */
  citywidePlan?: string | null;
  text: string;
  status: StrategyStatus;
  /** An update was filed for a period of the current quarter. */
  reportedThisQuarter: boolean;
  /** Its state at the close of the previous quarter; null when it did not exist then. */
  previous: PreviousState | null;
  /** Its active typed measures. */
  measures?: readonly MeasureNow[];
}

export type ChangeKind =
  /** Moved to COMPLETED. */
  | 'completed'
  /** Moved to DEFERRED. */
  | 'deferred'
  /** From NOT_STARTED to IN_PROGRESS or ONGOING. */
  | 'started'
  /** Any other status move (reopened, resumed, in progress → ongoing…). */
  | 'moved'
  /** Did not exist at the close of last quarter. */
  | 'new'
  /** Reported this quarter after no report last quarter. */
  | 'nowReporting'
  /** Reported last quarter, expects reports, none yet this quarter. */
  | 'notReported'
  /** A measure's value this quarter meets its target; last quarter's did not, or there was none. */
  | 'reachedTarget'
  /** A measure's value this quarter misses the target last quarter's met. */
  | 'missedTarget';

/** The order changes are shown in: what a reader most needs to know first. */
export const CHANGE_ORDER: readonly ChangeKind[] = [
  'completed',
  'deferred',
  'missedTarget',
  'reachedTarget',
  'started',
  'moved',
  'new',
  'nowReporting',
  'notReported',
];

export interface StrategyChange {
  kind: ChangeKind;
  strategy: Pick<CurrentStrategy, 'id' | 'label' | 'citywidePlan' | 'text'>;
  /** The status at the close of last quarter (null for a new strategy) and now. */
  from: StrategyStatus | null;
  to: StrategyStatus;
  /** For reachedTarget and missedTarget: the measure and its two values. */
  measure?: MeasureNow & { current: number };
}

export interface PeriodChanges {
  /** Strategies compared: those that exist now. */
  compared: number;
  /** Had a snapshot of the previous quarter. */
  withHistory: number;
  counts: Record<ChangeKind, number>;
  /** Most important first (CHANGE_ORDER, then by label). */
  changes: StrategyChange[];
}

export function emptyChangeCounts(): Record<ChangeKind, number> {
  return { completed: 0, deferred: 0, missedTarget: 0, reachedTarget: 0, started: 0, moved: 0, new: 0, nowReporting: 0, notReported: 0 };
}

const expectsReports = (s: StrategyStatus) => REPORTING_STATUSES.includes(s);

/** The change one strategy made since last quarter, if any: a status move outranks reporting. */
export function changeOf(s: CurrentStrategy): ChangeKind | null {
  const prev = s.previous;
  if (!prev) return 'new';
  if (prev.status !== s.status) {
    if (s.status === 'COMPLETED') return 'completed';
    if (s.status === 'DEFERRED') return 'deferred';
    if (prev.status === 'NOT_STARTED' && (s.status === 'IN_PROGRESS' || s.status === 'ONGOING')) return 'started';
    return 'moved';
  }
  if (!expectsReports(s.status)) return null;
  if (s.reportedThisQuarter && !prev.reported) return 'nowReporting';
  if (!s.reportedThisQuarter && prev.reported) return 'notReported';
  return null;
}

/**
 * What a measure did since last quarter: reached its target (this quarter's value meets it;
 * last quarter's did not, or there was none) or missed it (last quarter's met it, this
 * quarter's does not). Nothing without a target or without a value this quarter.
 */
export function measureChangeOf(m: MeasureNow): 'reachedTarget' | 'missedTarget' | null {
  if (m.current === null) return null;
  const now = meetsTarget(m, m.current);
  if (now === null) return null;
  const before = m.previous === null ? null : meetsTarget(m, m.previous);
  if (now && before !== true) return 'reachedTarget';
  if (!now && before === true) return 'missedTarget';
  return null;
}

/** "1.10" after "1.9": numbers compared part by part. */
function compareLabels(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return a.localeCompare(b);
}

export function periodChanges(strategies: readonly CurrentStrategy[]): PeriodChanges {
  const counts = emptyChangeCounts();
  const changes: StrategyChange[] = [];
  for (const s of strategies) {
    const strategy = { id: s.id, label: s.label, citywidePlan: s.citywidePlan, text: s.text };
    const kind = changeOf(s);
    if (kind) {
      counts[kind]++;
      changes.push({ kind, strategy, from: s.previous?.status ?? null, to: s.status });
    }
    for (const m of s.measures ?? []) {
      const move = measureChangeOf(m);
      if (!move || m.current === null) continue;
      counts[move]++;
      changes.push({ kind: move, strategy, from: s.previous?.status ?? null, to: s.status, measure: { ...m, current: m.current } });
    }
  }
  changes.sort(
    (a, b) => CHANGE_ORDER.indexOf(a.kind) - CHANGE_ORDER.indexOf(b.kind) || compareLabels(a.strategy.label, b.strategy.label) || a.strategy.id - b.strategy.id,
  );
  return { compared: strategies.length, withHistory: strategies.filter((s) => s.previous !== null).length, counts, changes };
}

/** Adds several scopes' changes together (a manager's departments). */
export function addPeriodChanges(all: readonly PeriodChanges[]): PeriodChanges {
  const counts = emptyChangeCounts();
  for (const c of all) for (const k of CHANGE_ORDER) counts[k] += c.counts[k];
  const changes = all.flatMap((c) => c.changes).sort((a, b) => CHANGE_ORDER.indexOf(a.kind) - CHANGE_ORDER.indexOf(b.kind));
  return {
    compared: all.reduce((n, c) => n + c.compared, 0),
    withHistory: all.reduce((n, c) => n + c.withHistory, 0),
    counts,
    changes,
  };
}

// ---------------------------------------------------------------------------------------
// Closing a quarter: the status a strategy had when a period ended, from its update history.

export interface HistoryUpdate {
  id: number;
  createdAt: Date;
  /** ISO date: the start of the reporting period the update is for. */
  periodStart: string;
  statusFrom: StrategyStatus;
  statusTo: StrategyStatus;
}

export interface ClosingState {
  status: StrategyStatus;
  /** The latest update filed for a reporting period inside the quarter, if any. */
  lastUpdateId: number | null;
  reported: boolean;
}

/**
 * A strategy's state at `closeAt` (the instant its quarter [start, end] ended), from its
 * updates (any order) and its status today. The status is the one the first update after
 * the close moved it from; without a later update, its status today (nothing changed it
 * since as far as the history shows); without either, the last update's before the close.
 */
export function closingState(
  updates: readonly HistoryUpdate[],
  currentStatus: StrategyStatus,
  quarter: { start: string; end: string },
  closeAt: Date,
): ClosingState {
  const byTime = [...updates].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id);
  const after = byTime.find((u) => u.createdAt.getTime() >= closeAt.getTime());
  const status = after ? after.statusFrom : currentStatus;
  const inQuarter = byTime.filter((u) => u.periodStart >= quarter.start && u.periodStart <= quarter.end);
  const last = inQuarter.at(-1) ?? null;
  return { status, lastUpdateId: last?.id ?? null, reported: last !== null };
}
