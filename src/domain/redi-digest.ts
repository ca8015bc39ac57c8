// The monthly REDI digest, as data: practices worth sharing and roadblocks from updates
// their authors marked REDI or PUBLIC, grouped by theme across departments, with a hint
// under a roadblock when another department shared a practice on the same theme.
//
// INTERNAL updates never reach this module's output: the loader asks only for REDI and
// PUBLIC rows, and isShareable filters again here, so a change in one place cannot leak
// an internal note to the REDI channel.
import { DateTime } from 'luxon';
import type { Visibility } from '../generated/prisma/enums.js';
import { REDI_THEMES, classifyThemes, contentWords, sharedThemes, type RediTheme } from './redi-themes.js';

export const SHAREABLE_VISIBILITIES: readonly Visibility[] = ['REDI', 'PUBLIC'];

export const isShareable = (v: Visibility): boolean => SHAREABLE_VISIBILITIES.includes(v);

/** At most this many "may help" hints under one roadblock. */
export const MAX_HINTS = 3;

export interface RediDepartmentRef {
  /**
   * The strategy's department (a citywide strategy's is its lead). null for a plan that
   * belongs to no department (ORSE's work plan).
   */
  id: number | null;
  code: string;
  name: string;
}

export interface RediStrategyRef {
  id: number;
  /** "2.3" */
  label: string;
  /** The citywide plan's title, which the label names; null for a department plan's. */
  citywidePlan?: string | null;
  text: string;
}

export interface RediUpdateRow {
  id: number;
  visibility: Visibility;
  createdAt: Date;
  department: RediDepartmentRef;
  strategy: RediStrategyRef;
  practices: string;
  roadblocks: string;
  helpNeeded: string;
}

export interface RediPractice {
  updateId: number;
  department: RediDepartmentRef;
  strategy: RediStrategyRef;
  text: string;
  themes: RediTheme[];
  createdAt: Date;
}

export interface RediHint {
  department: RediDepartmentRef;
  theme: RediTheme;
  /** The practice that may help. */
  practice: RediPractice;
}

export interface RediRoadblock {
  updateId: number;
  department: RediDepartmentRef;
  strategy: RediStrategyRef;
  text: string;
  /** What the department asked for, if anything. */
  helpNeeded: string;
  themes: RediTheme[];
  createdAt: Date;
  hints: RediHint[];
}

export interface RediThemeGroup {
  theme: RediTheme;
  practices: RediPractice[];
  roadblocks: RediRoadblock[];
}

export interface RediDigest {
  /** Covered window, [from, until). */
  from: Date;
  until: Date;
  /** In REDI_THEMES order; only themes with something in them. */
  groups: RediThemeGroup[];
  practiceCount: number;
  roadblockCount: number;
  departmentCount: number;
}

export interface RediDigestInput {
  from: Date;
  until: Date;
  /**
   * Shareable updates with a practice, roadblock or ask: those of the window, and older
   * ones whose practices may answer a roadblock ("already solved it").
   */
  updates: readonly RediUpdateRow[];
}

const sameDepartment = (a: RediDepartmentRef, b: RediDepartmentRef) => (a.id ?? a.code) === (b.id ?? b.code);

const clean = (s: string) => s.trim();

const countShared = (a: ReadonlySet<string>, b: ReadonlySet<string>): number => {
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n;
};

export function composeRediDigest(input: RediDigestInput): RediDigest {
  const { from, until } = input;
  const shareable = input.updates.filter((u) => isShareable(u.visibility) && u.createdAt < until);
  const inWindow = (u: RediUpdateRow) => u.createdAt >= from && u.createdAt < until;

  const practiceOf = (u: RediUpdateRow): RediPractice => ({
    updateId: u.id,
    department: u.department,
    strategy: u.strategy,
    text: clean(u.practices),
    themes: classifyThemes(u.practices),
    createdAt: u.createdAt,
  });
  const pool = shareable.filter((u) => clean(u.practices) !== '').map(practiceOf);
  // Newest first: among equally close practices, a hint points to the freshest.
  pool.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.updateId - a.updateId);
  const practices = pool.filter((p) => p.createdAt >= from);
  const practiceWords = new Map(pool.map((p) => [p.updateId, contentWords(p.text)]));
  const wordsOf = (p: RediPractice) => practiceWords.get(p.updateId)!;

  const roadblocks: RediRoadblock[] = shareable
    .filter((u) => inWindow(u) && (clean(u.roadblocks) !== '' || clean(u.helpNeeded) !== ''))
    .map((u) => {
      const text = `${u.roadblocks}\n${u.helpNeeded}`;
      const themes = classifyThemes(text);
      // Practices on a shared theme from other departments, the most words in common
      // first ("Vietnamese interpreter" finds "Vietnamese-speaking customers"), then the
      // freshest; one per department.
      const words = contentWords(text);
      const candidates = pool
        .filter((p) => !sameDepartment(p.department, u.department))
        .map((p) => ({ p, shared: sharedThemes(themes, p.themes), overlap: countShared(words, wordsOf(p)) }))
        .filter((c) => c.shared.length > 0)
        .sort((a, b) => b.overlap - a.overlap || b.p.createdAt.getTime() - a.p.createdAt.getTime() || b.p.updateId - a.p.updateId);
      const hints: RediHint[] = [];
      for (const c of candidates) {
        if (hints.length >= MAX_HINTS) break;
        if (hints.some((h) => sameDepartment(h.department, c.p.department))) continue;
        hints.push({ department: c.p.department, theme: c.shared[0]!, practice: c.p });
      }
      return {
        updateId: u.id,
        department: u.department,
        strategy: u.strategy,
        text: clean(u.roadblocks),
        helpNeeded: clean(u.helpNeeded),
        themes,
        createdAt: u.createdAt,
        hints,
      };
    });

  const byOldest = <T extends { createdAt: Date; updateId: number }>(a: T, b: T) => a.createdAt.getTime() - b.createdAt.getTime() || a.updateId - b.updateId;
  const groups: RediThemeGroup[] = REDI_THEMES.map((theme) => ({
    theme,
    practices: practices.filter((p) => p.themes[0] === theme).sort(byOldest),
    roadblocks: roadblocks.filter((r) => r.themes[0] === theme).sort(byOldest),
  })).filter((g) => g.practices.length + g.roadblocks.length > 0);

  const departments = new Set([...practices, ...roadblocks].map((x) => x.department.id ?? x.department.code));
  return {
    from,
    until,
    groups,
    practiceCount: practices.length,
    roadblockCount: roadblocks.length,
    departmentCount: departments.size,
  };
}

export const isEmptyRediDigest = (d: RediDigest): boolean => d.practiceCount + d.roadblockCount === 0;

/**
 * The month a REDI digest fired at `fireTime` covers: the calendar month before the fire's
 * month in the City's zone, [from, until). Fired on the 1st, that is "the past month"; run
 * by hand later in the month, it is the same month again, so its idempotency key (the
 * covered month, "2026-11") makes the run send nothing twice.
 */
export function rediDigestWindow(fireTime: Date, zone: string): { from: Date; until: Date; month: string } {
  const start = DateTime.fromJSDate(fireTime, { zone }).startOf('month');
  const from = start.minus({ months: 1 });
  return { from: from.toJSDate(), until: start.toJSDate(), month: from.toFormat('yyyy-MM') };
}
