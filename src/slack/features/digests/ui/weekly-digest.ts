// The weekly manager digest as Slack messages: one section per managed department (what
// moved this week, what is overdue or at risk, who has not reported this period) with a
// "Full plan" button per department and an App Home link at the end. Long weeks become
// several messages (weekly-digest-split.ts), never one Slack would refuse.
import type { Button, ImageBlock, KnownBlock } from '@slack/types';
import { DUE_SOON_DAYS, addSummaries } from '../../../../domain/status-summary.js';
import { reportingSummaryLine, reportingTotalsLine } from '../../../ui/reporting-summary.js';
import type { DepartmentWeek, DigestDueItem, DigestUpdateItem, ManagerDigest } from '../../../../domain/weekly-digest.js';
import type { StrategyStatus } from '../../../../domain/enums.js';
import type { ChangesSinceLastQuarter } from '../../../../services/period-changes.js';
import type { Translate } from '../../../i18n/index.js';
import { escapeMrkdwn, truncate } from '../../../ui/mrkdwn.js';
import { STATUS_EMOJI, chunkLines, countKey, oneLine, slackDate } from '../../../ui/status-parts.js';
import { context, header, mrkdwnSection } from '../../../ui/blocks.js';
import type { SlackMessage } from '../../status/ui/status-message.js';
import { DIGEST_SECTION_TEXT, packBlockGroups, slackDay, type BlockGroup } from './weekly-digest-split.js';
import { periodChangesBlocks } from '../../../ui/period-changes.js';
import { periodName } from '../../../ui/period-name.js';
import { strategyLabelText, type LabelledStrategy } from '../../../ui/strategy-label.js';

/** Shows the department's plan, as `/reap plan <code>` would (features/plan/listeners/digest-plan-buttons.ts). */
export const PLAN_OPEN_ACTION_ID = 'plan:open';
/**
 * The App Home link. Slack still sends a block_actions payload for a link button, which
 * the app must acknowledge (plan-open.ts does).
 */
export const DIGEST_HOME_ACTION_ID = 'digest:home';

/** Items per list; the rest are counted and the full plan shows them. */
export const WEEKLY_LIST_CAP = 50;
/** Strategy text in the digest's lists. */
const ITEM_TEXT_MAX = 120;
const FALLBACK_MAX = 300;

export interface WeeklyDigestOptions {
  /** The week covered, [from, to). */
  from: Date;
  to: Date;
  /** slack://app?team=…&id=…&tab=home, or null when the app's id is unknown (no button). */
  homeUrl: string | null;
  /** The City's zone, for dates where Slack cannot show its date tokens. */
  zone: string;
  /** What changed since last quarter, by department id (a department without one: no line). */
  changes?: ReadonlyMap<number, ChangesSinceLastQuarter>;
}

/** Slack's deep link to the app's Home tab. */
export function appHomeUrl(teamId: string, appId: string): string {
  return `slack://app?team=${encodeURIComponent(teamId)}&id=${encodeURIComponent(appId)}&tab=home`;
}

const mention = (p: { slackUserId: string }) => `<@${p.slackUserId}>`;

function listLines<T>(t: Translate, title: string, items: readonly T[], line: (item: T) => string): string[] {
  if (items.length === 0) return [];
  const shown = items.slice(0, WEEKLY_LIST_CAP).map(line);
  const hidden = items.length - shown.length;
  return [title, ...shown, ...(hidden > 0 ? [t(countKey('digests.weekly.item.more', hidden), { count: hidden })] : [])];
}

/**
 * A catalog string compiled once per language: i18next is called with markers in place of
 * the values, and each line afterwards is a plain join. A fan-out renders thousands of
 * lines, and i18next costs microseconds per call.
 */
type Template = (values: Record<string, string | number>) => string;
const MARK = '\u0001';
function compile(t: Translate, key: string, names: readonly string[]): Template {
  const parts = t(key, Object.fromEntries(names.map((n) => [n, `${MARK}${n}${MARK}`]))).split(MARK);
  return (values) => parts.map((part, i) => (i % 2 ? String(values[part] ?? '') : part)).join('');
}

interface Phrases {
  status: (s: StrategyStatus) => string;
  change: Template;
  update: Template;
  strategyDue: Template;
  milestoneDue: Template;
  strategy: Template;
  /** A strategy's label as mrkdwn: a citywide one names its plan (strategy-label.ts). */
  label: (s: LabelledStrategy) => string;
  owner: Template;
  noOwner: string;
  dueToday: Template;
  dueIn: { one: Template; other: Template };
  overdueBy: { one: Template; other: Template };
}

const phraseBooks = new WeakMap<Translate, Phrases>();
function phrases(t: Translate): Phrases {
  let p = phraseBooks.get(t);
  if (p) return p;
  const statuses = new Map<StrategyStatus, string>();
  const due = ['date', 'count'];
  p = {
    status: (s) => {
      let name = statuses.get(s);
      if (name === undefined) statuses.set(s, (name = `${STATUS_EMOJI[s]} ${t(`status.${s}`)}`));
      return name;
    },
    change: compile(t, 'digests.weekly.item.change', ['strategy', 'from', 'to', 'author', 'date']),
    update: compile(t, 'digests.weekly.item.update', ['strategy', 'author', 'date', 'excerpt']),
    strategyDue: compile(t, 'digests.weekly.item.strategyDue', ['strategy', 'due', 'owner']),
    milestoneDue: compile(t, 'digests.weekly.item.milestoneDue', ['label', 'title', 'due', 'owner']),
    // The same phrases as the other reading surfaces (status-parts.ts), compiled.
    strategy: compile(t, 'plan.item.strategy', ['label', 'text']),
    label: (s) => (s.citywidePlan ? escapeMrkdwn(strategyLabelText(t, s)) : s.label),
    owner: compile(t, 'plan.item.owner', ['owner']),
    noOwner: t('plan.item.noOwner'),
    dueToday: compile(t, 'plan.item.dueToday', ['date']),
    dueIn: { one: compile(t, 'plan.item.dueIn.one', due), other: compile(t, 'plan.item.dueIn.other', due) },
    overdueBy: { one: compile(t, 'plan.item.overdueBy.one', due), other: compile(t, 'plan.item.overdueBy.other', due) },
  };
  phraseBooks.set(t, p);
  return p;
}

const headline = (p: Phrases, s: LabelledStrategy & { text: string }) =>
  p.strategy({ label: p.label(s), text: escapeMrkdwn(truncate(oneLine(s.text), ITEM_TEXT_MAX)) });
const ownerOf = (p: Phrases, owner: { slackUserId: string } | null) => (owner ? p.owner({ owner: mention(owner) }) : p.noOwner);

/** "due Nov 20 (in 3 days)" / "due Nov 2 (4 days overdue)", as dueText in status-parts.ts says it. */
function dueOf(p: Phrases, dueDate: string, days: number): string {
  const date = slackDate(dueDate);
  if (days === 0) return p.dueToday({ date });
  const forms = days > 0 ? p.dueIn : p.overdueBy;
  const count = Math.abs(days);
  return (count === 1 ? forms.one : forms.other)({ date, count });
}

/** The start of what an update says, on one line: the full text is on the strategy's page. */
export const UPDATE_EXCERPT_MAX = 280;

/** A status change with the strategy's text; an update that kept the status with what it says. */
function updateLine(p: Phrases, u: DigestUpdateItem, zone: string): string {
  if (u.statusFrom === u.statusTo) {
    return p.update({
      strategy: headline(p, u.strategy),
      author: mention(u.author),
      date: slackDay(u.at, zone),
      excerpt: `_${escapeMrkdwn(truncate(oneLine(u.narrative), UPDATE_EXCERPT_MAX))}_`,
    });
  }
  return p.change({
    strategy: headline(p, u.strategy),
    from: p.status(u.statusFrom),
    to: p.status(u.statusTo),
    author: mention(u.author),
    date: slackDay(u.at, zone),
  });
}

function dueLine(p: Phrases, d: DigestDueItem): string {
  const due = dueOf(p, d.dueDate, d.daysUntilDue);
  const owner = ownerOf(p, d.owner);
  if (d.kind === 'milestone') return p.milestoneDue({ label: p.label(d.strategy), title: escapeMrkdwn(truncate(oneLine(d.title), ITEM_TEXT_MAX)), due, owner });
  return p.strategyDue({ strategy: headline(p, d.strategy), due, owner });
}

function planButton(t: Translate, w: DepartmentWeek): Button {
  return {
    type: 'button',
    action_id: PLAN_OPEN_ACTION_ID,
    text: { type: 'plain_text', text: truncate(t('digests.weekly.buttons.plan', { code: w.department.code }), 75), emoji: true },
    value: w.department.code,
    accessibility_label: truncate(t('digests.weekly.buttons.planA11y', { name: w.department.name }), 75),
  };
}

/** One department's week: heading, counts, the lists, and its Full plan button. */
export function departmentWeekBlocks(t: Translate, w: DepartmentWeek, zone: string, changes?: ChangesSinceLastQuarter | null): KnownBlock[] {
  const d = w.department;
  const p = phrases(t);
  const blocks: KnownBlock[] = [
    header(t('digests.weekly.department.header', { name: d.name, code: d.code })),
    mrkdwnSection(reportingSummaryLine(t, w.summary, w.period)),
    context(
      t('digests.weekly.department.summary', {
        period: periodName(t, w.period),
        total: w.totalStrategies,
        updates: w.updateCount,
        completions: w.completions.length,
        overdue: w.overdue.length,
        atRisk: w.atRisk.length,
        notReported: w.notReportedCount,
      }),
    ),
  ];
  // The quarter's story so far, before the week's details.
  blocks.push(...periodChangesBlocks(t, changes, { lines: 3 }));
  if (w.totalStrategies === 0) blocks.push(mrkdwnSection(t('digests.weekly.department.noPlan')));
  else if (w.updateCount + w.overdue.length + w.atRisk.length === 0) blocks.push(mrkdwnSection(t('digests.weekly.department.quiet')));

  const lists: string[][] = [
    listLines(t, t('digests.weekly.sections.completions'), w.completions, (u) => updateLine(p, u, zone)),
    listLines(t, t('digests.weekly.sections.statusChanges'), w.statusChanges, (u) => updateLine(p, u, zone)),
    listLines(t, t('digests.weekly.sections.otherUpdates'), w.otherUpdates, (u) => updateLine(p, u, zone)),
    listLines(t, t('digests.weekly.sections.overdue'), w.overdue, (x) => dueLine(p, x)),
    listLines(t, t('digests.weekly.sections.atRisk', { days: DUE_SOON_DAYS }), w.atRisk, (x) => dueLine(p, x)),
    listLines(t, t('digests.weekly.sections.notReported', { period: periodName(t, w.period) }), w.notReported, (g) =>
      t('digests.weekly.item.notReported', {
        owner: g.owner ? mention(g.owner) : t('digests.weekly.item.noOwner'),
        labels: g.strategies.map((s) => p.label(s)).join(', '),
      }),
    ),
  ];
  for (const lines of lists) for (const chunk of chunkLines(lines, DIGEST_SECTION_TEXT)) blocks.push(mrkdwnSection(chunk));
  // Department codes are unique, so the block id is unique within a digest.
  blocks.push({ type: 'actions', block_id: `digest_plan_${d.code}`, elements: [planButton(t, w)] });
  return blocks;
}

/**
 * A renderer for one language: a department's blocks are built once and shared by every
 * manager of that department (a fan-out to 200 managers renders each department once per
 * language, not once per manager).
 */
/**
 * Where the chart goes: an image block, or a block the outbox turns into one when it sends
 * the message (charts/pending-charts.ts); either way it is one block with its alt text.
 */
export type ChartSlot = ImageBlock | { type: string; block_id?: string; alt_text: string };

export function weeklyDigestRenderer(t: Translate, options: WeeklyDigestOptions): (digest: ManagerDigest, chart?: ChartSlot) => SlackMessage[] {
  const departments = new WeakMap<DepartmentWeek, KnownBlock[]>();
  const blocksOf = (w: DepartmentWeek) => {
    let blocks = departments.get(w);
    if (!blocks) departments.set(w, (blocks = departmentWeekBlocks(t, w, options.zone, options.changes?.get(w.department.id))));
    return blocks;
  };
  // Opens with the line App Home shows: one department's, or the sum over several.
  // The chart (the departments' status mix, when one was uploaded) comes after the intro.
  const head = (names: string, weeks: readonly DepartmentWeek[], chart?: ChartSlot): KnownBlock[] => [
    header(t('digests.weekly.header')),
    mrkdwnSection(
      weeks.length === 1 ? reportingSummaryLine(t, weeks[0]!.summary, weeks[0]!.period) : reportingTotalsLine(t, addSummaries(weeks.map((w) => w.summary))),
    ),
    context(
      t('digests.weekly.intro', { from: slackDay(options.from, options.zone), to: slackDay(options.to, options.zone), departments: escapeMrkdwn(names) }),
    ),
    ...(chart ? [chart as KnownBlock] : []),
  ];
  const tail: KnownBlock[] = [];
  if (options.homeUrl) {
    tail.push({
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: DIGEST_HOME_ACTION_ID,
          text: { type: 'plain_text', text: truncate(t('digests.weekly.buttons.home'), 75), emoji: true },
          url: options.homeUrl,
          accessibility_label: truncate(t('digests.weekly.buttons.homeA11y'), 75),
        },
      ],
    });
  }
  tail.push(context(t('digests.weekly.footer')));

  return (digest, chart) => {
    const groups: BlockGroup[] = digest.departments.map((w) => ({
      blocks: blocksOf(w),
      continued: () => context(t('digests.weekly.department.continued', { name: escapeMrkdwn(w.department.name), code: w.department.code })),
    }));
    const packed = packBlockGroups(groups, {
      head: head(digest.departments.map((w) => w.department.name).join(', '), digest.departments, chart),
      tail,
      partLine: (part, parts) => context(t('digests.weekly.part', { part, parts })),
    });
    const codes = digest.departments.map((w) => w.department.code).join(', ');
    return packed.map((blocks, i) => ({
      text: truncate(
        packed.length === 1
          ? t('digests.weekly.fallback', { departments: codes })
          : t('digests.weekly.fallbackPart', { part: i + 1, parts: packed.length, departments: codes }),
        FALLBACK_MAX,
      ),
      blocks,
    }));
  };
}

/** One manager's digest as messages (see weeklyDigestRenderer for many managers). */
export function weeklyDigestMessages(t: Translate, digest: ManagerDigest, options: WeeklyDigestOptions): SlackMessage[] {
  return weeklyDigestRenderer(t, options)(digest);
}
