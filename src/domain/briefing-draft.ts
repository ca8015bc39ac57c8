// Quarterly briefings (ORSE work plan strategy 1.3: "Provide quarterly updates through ORE
// Briefings to Council Members & Community"), as pure rules: how long a briefing may be,
// how its body is cut into Slack sections, which quarter the composer offers, when the
// reminder is due, and the automatic draft built from a quarter's progress updates.
//
// A briefing goes to Council offices and the public, so the draft quotes only what people
// marked PUBLIC when they reported. INTERNAL and REDI-only updates contribute nothing but the
// fact that a strategy was completed (the strategy's own text is part of the published plan),
// never their measures, outputs or roadblocks.
import { addDays } from './calendar-dates.js';
import { nextPeriod, periodContaining, previousPeriod, type FiscalPeriod } from './fiscal-calendar.js';

export const BRIEFING_LIMITS = {
  /** Briefing.title is VARCHAR(150), which is also Slack's header limit. */
  title: 150,
  /**
   * The whole body. Slack refuses a message whose blocks carry much more than about 12,000
   * characters (msg_blocks_too_long); 9,000 leaves room for escaping and the header.
   */
  body: 9000,
  /** Slack's limit for a section's text and for a plain_text_input. */
  section: 3000,
  /** Body inputs the composer offers (each holds at most `section` characters). */
  bodyParts: 4,
} as const;

/** Reminders go out this many days before a quarter ends. */
export const BRIEFING_REMINDER_DAYS = 14;

export type UpdateVisibility = 'INTERNAL' | 'REDI' | 'PUBLIC';
export type DraftStrategyStatus = 'COMPLETED' | 'IN_PROGRESS' | 'ONGOING' | 'NOT_STARTED' | 'DEFERRED';

export interface DraftStrategy {
  id: number;
  /** "1.2": objective.strategy within its plan. */
  label: string;
  /** The citywide plan's title, which the label names; null for a department plan's. */
  citywidePlan?: string | null;
  text: string;
  status: DraftStrategyStatus;
  /**
   * The strategy's department: its plan's, or a citywide strategy's lead department. Null
   * for a plan without one (ORSE's work plan may be): grouped under the plan's title.
   */
  department: { code: string; name: string } | null;
  planTitle: string;
}

export interface DraftUpdate {
  id: number;
  strategyId: number;
  visibility: UpdateVisibility;
  statusFrom: DraftStrategyStatus;
  statusTo: DraftStrategyStatus;
  measureValues: string;
  outputs: string;
  roadblocks: string;
  createdAt: Date;
}

export interface BriefingDraftInput {
  quarter: FiscalPeriod;
  strategies: readonly DraftStrategy[];
  /** Updates whose reporting period lies within the quarter, any visibility. */
  updates: readonly DraftUpdate[];
  /** Strategies closed as completed during the quarter (Manage → Close), which writes no update. */
  closedWithoutUpdate: readonly number[];
}

export interface DraftItem {
  label: string;
  /** The citywide plan's title, which the label names; null for a department plan's. */
  citywidePlan?: string | null;
  strategy: string;
  /** The quoted value (measures, outputs or roadblocks); empty for completed strategies. */
  detail: string;
}

export interface DraftDepartment {
  name: string;
  code: string | null;
  completed: DraftItem[];
  measures: DraftItem[];
  outputs: DraftItem[];
  roadblocks: DraftItem[];
}

export interface BriefingDraft {
  quarter: FiscalPeriod;
  departments: DraftDepartment[];
}

const byLabel = (a: DraftItem, b: DraftItem) => a.label.localeCompare(b.label, 'en', { numeric: true });
const newestFirst = (a: DraftUpdate, b: DraftUpdate) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id;

/** What the quarter's updates say, grouped by department; only PUBLIC text is quoted. */
export function buildBriefingDraft(input: BriefingDraftInput): BriefingDraft {
  const strategies = new Map(input.strategies.map((s) => [s.id, s]));
  const groups = new Map<string, DraftDepartment>();
  const groupOf = (s: DraftStrategy): DraftDepartment => {
    const key = s.department?.code ?? `plan:${s.planTitle}`;
    let g = groups.get(key);
    if (!g) {
      g = { name: s.department?.name ?? s.planTitle, code: s.department?.code ?? null, completed: [], measures: [], outputs: [], roadblocks: [] };
      groups.set(key, g);
    }
    return g;
  };
  const item = (s: DraftStrategy, detail = ''): DraftItem => ({ label: s.label, citywidePlan: s.citywidePlan, strategy: s.text, detail: detail.trim() });

  const completed = new Set<number>();
  for (const u of input.updates) {
    const s = strategies.get(u.strategyId);
    // Completed during the quarter and still completed now (a reopened strategy is not news).
    if (s && s.status === 'COMPLETED' && u.statusTo === 'COMPLETED' && u.statusFrom !== 'COMPLETED') completed.add(s.id);
  }
  for (const id of input.closedWithoutUpdate) if (strategies.get(id)?.status === 'COMPLETED') completed.add(id);
  for (const id of completed) groupOf(strategies.get(id)!).completed.push(item(strategies.get(id)!));

  // Per strategy, the newest PUBLIC update that says something about each field.
  const publicUpdates = input.updates.filter((u) => u.visibility === 'PUBLIC' && strategies.has(u.strategyId)).sort(newestFirst);
  for (const field of ['measureValues', 'outputs', 'roadblocks'] as const) {
    const seen = new Set<number>();
    for (const u of publicUpdates) {
      if (seen.has(u.strategyId) || u[field].trim() === '') continue;
      seen.add(u.strategyId);
      const s = strategies.get(u.strategyId)!;
      const target = field === 'measureValues' ? 'measures' : field;
      groupOf(s)[target].push(item(s, u[field]));
    }
  }

  const departments = [...groups.values()]
    .map((g) => ({
      ...g,
      completed: g.completed.sort(byLabel),
      measures: g.measures.sort(byLabel),
      outputs: g.outputs.sort(byLabel),
      roadblocks: g.roadblocks.sort(byLabel),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
  return { quarter: input.quarter, departments };
}

/** The words of the draft, in the composer's language (the Slack layer translates them). */
export interface DraftLabels {
  /** First paragraph, already naming the quarter. */
  intro: string;
  completed: string;
  measures: string;
  outputs: string;
  roadblocks: string;
  /** Said when nothing PUBLIC was reported and nothing was completed. */
  nothing: string;
  /** "…and 3 more items; see /reap report." for what did not fit. */
  omitted: (count: number) => string;
  /** An item's label: a citywide strategy's names its plan. The bare label without it. */
  strategyLabel?: (item: DraftItem) => string;
}

const DRAFT_STRATEGY_MAX = 140;
const DRAFT_DETAIL_MAX = 400;

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  return chars.length <= max ? flat : `${chars.slice(0, max - 1).join('')}…`;
}

function itemLine(i: DraftItem, labels: DraftLabels): string {
  const strategy = shorten(i.strategy, DRAFT_STRATEGY_MAX);
  const label = labels.strategyLabel?.(i) ?? i.label;
  // "…program rules: 9 advisors", not "…program rules.: 9 advisors".
  return i.detail ? `• ${label} ${strategy.replace(/[.;:,]+$/, '')}: ${shorten(i.detail, DRAFT_DETAIL_MAX)}` : `• ${label} ${strategy}`;
}

/**
 * The draft as mrkdwn text the admin edits before sending, never longer than `max`: items
 * that do not fit are counted in a last line instead of being cut mid-sentence.
 */
export function renderBriefingDraft(draft: BriefingDraft, labels: DraftLabels, max: number = BRIEFING_LIMITS.body): string {
  const length = (s: string) => Array.from(s).length;
  if (draft.departments.length === 0) return shorten(`${labels.intro}\n\n${labels.nothing}`, max);
  // Room kept for the "…and N more" line, whatever N turns out to be.
  const reserve = length(labels.omitted(99_999)) + 2;
  let text = labels.intro;
  let omitted = 0;
  for (const d of draft.departments) {
    const paragraph = [`*${d.code ? `${d.name} (${d.code})` : d.name}*`];
    let added = 0;
    for (const [heading, items] of [
      [labels.completed, d.completed],
      [labels.measures, d.measures],
      [labels.outputs, d.outputs],
      [labels.roadblocks, d.roadblocks],
    ] as const) {
      let headed = false;
      for (const line of items.map((i) => itemLine(i, labels))) {
        const candidate = [...paragraph, ...(headed ? [] : [`_${heading}_`]), line].join('\n');
        if (length(`${text}\n\n${candidate}`) + reserve > max) {
          omitted++;
          continue;
        }
        if (!headed) paragraph.push(`_${heading}_`);
        headed = true;
        paragraph.push(line);
        added++;
      }
    }
    // A department heading alone says nothing: it goes in only with at least one item.
    if (added > 0) text += `\n\n${paragraph.join('\n')}`;
  }
  return omitted > 0 ? `${text}\n\n${labels.omitted(omitted)}` : text;
}

/**
 * Cuts text into pieces of at most `max` characters, at a blank line where possible, else
 * at a line break, else at a space; each piece is trimmed of the break it was cut at.
 * Used for the message's sections and the composer's body inputs alike.
 */
export function splitText(text: string, max: number = BRIEFING_LIMITS.section): string[] {
  const pieces: string[] = [];
  let rest = text.replace(/\r\n/g, '\n').trim();
  while (Array.from(rest).length > max) {
    const window = Array.from(rest)
      .slice(0, max + 1)
      .join('');
    let cut = window.lastIndexOf('\n\n');
    if (cut < max / 3) cut = window.lastIndexOf('\n');
    if (cut < max / 3) cut = window.lastIndexOf(' ');
    let head: string;
    if (cut < max / 3) {
      // One long word: a hard cut, moved back so an escaped entity (&amp;) stays whole.
      head = Array.from(rest).slice(0, max).join('');
      const amp = head.lastIndexOf('&');
      if (amp > head.length - 6 && !head.slice(amp).includes(';')) head = head.slice(0, amp);
    } else head = window.slice(0, cut);
    pieces.push(head.trimEnd());
    rest = rest.slice(head.length).replace(/^\s+/, '');
  }
  if (rest !== '') pieces.push(rest);
  return pieces;
}

/**
 * Text spread over at most `maxParts` inputs of `max` characters: at paragraph breaks when
 * that fits, else packed line by line (a line longer than `max` is cut with splitText).
 */
export function splitForInputs(text: string, maxParts: number = BRIEFING_LIMITS.bodyParts, max: number = BRIEFING_LIMITS.section): string[] {
  const byParagraph = splitText(text, max);
  if (byParagraph.length <= maxParts) return byParagraph;
  const clean = text.replace(/\r\n/g, '\n').trim();
  const byLine: string[] = [];
  let current = '';
  for (const line of clean.split('\n').flatMap((l) => (Array.from(l).length > max ? splitText(l, max) : [l]))) {
    const next = current === '' ? line : `${current}\n${line}`;
    if (Array.from(next).length <= max) current = next;
    else {
      byLine.push(current.trim());
      current = line;
    }
  }
  if (current.trim() !== '') byLine.push(current.trim());
  if (byLine.length <= maxParts) return byLine;
  // Long lines of uneven length: fill each input, cutting at the last space near its end.
  const filled: string[] = [];
  let rest = Array.from(clean);
  while (rest.length > max) {
    let cut = max;
    for (let i = max; i > max - 300; i--)
      if (/\s/.test(rest[i]!)) {
        cut = i;
        break;
      }
    filled.push(rest.slice(0, cut).join('').trim());
    rest = rest.slice(cut);
  }
  const tail = rest.join('').trim();
  if (tail) filled.push(tail);
  return filled;
}

/** The composer's body inputs back into one text (blank inputs dropped). */
export function joinBodyParts(parts: readonly (string | null | undefined)[]): string {
  return parts
    .map((p) => (p ?? '').replace(/\r\n/g, '\n').trim())
    .filter((p) => p !== '')
    .join('\n\n');
}

/** The quarters the composer offers: the four before the current one, it, and the next. */
export function briefingQuarterChoices(now: Date, zone: string): { current: FiscalPeriod; choices: FiscalPeriod[] } {
  const current = periodContaining(now, zone, 'QUARTERLY');
  const choices: FiscalPeriod[] = [current];
  let p = current;
  for (let i = 0; i < 4; i++) choices.unshift((p = previousPeriod(p)));
  choices.push(nextPeriod(current));
  return { current, choices };
}

/** The City date from which the quarter's reminder is due (the end minus 14 days). */
export function briefingReminderDate(quarter: FiscalPeriod): string {
  return addDays(quarter.end, -BRIEFING_REMINDER_DAYS);
}

/**
 * Whether a run on City date `today` should remind about `quarter` (the one containing
 * today): from the reminder date on, so a run skipped on that day (weekend, holiday, a
 * stopped server) is made up by the next one. The outbox key keeps it to once a quarter.
 */
export function briefingReminderDue(quarter: FiscalPeriod, today: string): boolean {
  return today >= briefingReminderDate(quarter) && today <= quarter.end;
}
