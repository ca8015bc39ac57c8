// The weekly manager digest as Slack messages: one section per managed department (what
// moved this week, what is overdue or at risk, who has not reported this period) with a
// "Full plan" button per department and an App Home link at the end. Long weeks become
// several messages (weekly-digest-split.ts), never one Slack would refuse.
import type { Button, KnownBlock } from '@slack/types';
import { DUE_SOON_DAYS } from '../../domain/status-summary.js';
import type { DepartmentWeek, DigestDueItem, DigestUpdateItem, ManagerDigest } from '../../domain/weekly-digest.js';
import type { Translate } from '../i18n/index.js';
import { escapeMrkdwn, truncate } from './mrkdwn.js';
import { chunkLines, context, countKey, dueText, header, oneLine, ownerText, statusText, strategyHeadline, textSection } from './status-parts.js';
import type { SlackMessage } from './status-message.js';
import { DIGEST_SECTION_TEXT, packBlockGroups, slackDay, type BlockGroup } from './weekly-digest-split.js';

/** Shows the department's plan, as `/reap plan <code>` would (listeners/actions/plan-open.ts). */
export const PLAN_OPEN_ACTION_ID = 'plan:open';
/**
 * The App Home link. Slack still sends a block_actions payload for a link button, which
 * the app must acknowledge (plan-open.ts does).
 */
export const DIGEST_HOME_ACTION_ID = 'digest:home';

/** Items per list; the rest are counted and the full plan shows them. */
export const WEEKLY_LIST_CAP = 50;
/** Strategy text in the digest's lists. */
const ITEM_TEXT_MAX = 160;
const FALLBACK_MAX = 300;

export interface WeeklyDigestOptions {
  /** The week covered, [from, to). */
  from: Date;
  to: Date;
  /** slack://app?team=…&id=…&tab=home, or null when the app's id is unknown (no button). */
  homeUrl: string | null;
  /** The City's zone, for dates where Slack cannot show its date tokens. */
  zone: string;
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

function updateLine(t: Translate, u: DigestUpdateItem, zone: string): string {
  const strategy = strategyHeadline(t, u.strategy.label, u.strategy.text, ITEM_TEXT_MAX);
  if (u.statusFrom === u.statusTo) return t('digests.weekly.item.update', { strategy, author: mention(u.author), date: slackDay(u.at, zone) });
  return t('digests.weekly.item.change', {
    strategy,
    from: statusText(t, u.statusFrom),
    to: statusText(t, u.statusTo),
    author: mention(u.author),
    date: slackDay(u.at, zone),
  });
}

function dueLine(t: Translate, d: DigestDueItem): string {
  const due = dueText(t, d.dueDate, d.daysUntilDue);
  const owner = ownerText(t, d.owner);
  if (d.kind === 'milestone') {
    return t('digests.weekly.item.milestoneDue', { label: d.strategy.label, title: escapeMrkdwn(truncate(oneLine(d.title), ITEM_TEXT_MAX)), due, owner });
  }
  return t('digests.weekly.item.strategyDue', { strategy: strategyHeadline(t, d.strategy.label, d.strategy.text, ITEM_TEXT_MAX), due, owner });
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
export function departmentWeekBlocks(t: Translate, w: DepartmentWeek, zone: string): KnownBlock[] {
  const d = w.department;
  const blocks: KnownBlock[] = [
    header(t('digests.weekly.department.header', { name: d.name, code: d.code })),
    context(
      t('digests.weekly.department.summary', {
        period: w.period.key,
        total: w.totalStrategies,
        updates: w.updateCount,
        completions: w.completions.length,
        overdue: w.overdue.length,
        atRisk: w.atRisk.length,
        notReported: w.notReportedCount,
      }),
    ),
  ];
  if (w.totalStrategies === 0) blocks.push(textSection(t('digests.weekly.department.noPlan')));
  else if (w.updateCount + w.overdue.length + w.atRisk.length === 0) blocks.push(textSection(t('digests.weekly.department.quiet')));

  const lists: string[][] = [
    listLines(t, t('digests.weekly.sections.completions'), w.completions, (u) => updateLine(t, u, zone)),
    listLines(t, t('digests.weekly.sections.statusChanges'), w.statusChanges, (u) => updateLine(t, u, zone)),
    listLines(t, t('digests.weekly.sections.otherUpdates'), w.otherUpdates, (u) => updateLine(t, u, zone)),
    listLines(t, t('digests.weekly.sections.overdue'), w.overdue, (x) => dueLine(t, x)),
    listLines(t, t('digests.weekly.sections.atRisk', { days: DUE_SOON_DAYS }), w.atRisk, (x) => dueLine(t, x)),
    listLines(t, t('digests.weekly.sections.notReported', { period: w.period.key }), w.notReported, (g) =>
      t('digests.weekly.item.notReported', {
        owner: g.owner ? mention(g.owner) : t('digests.weekly.item.noOwner'),
        labels: g.strategies.map((s) => s.label).join(', '),
      }),
    ),
  ];
  for (const lines of lists) for (const chunk of chunkLines(lines, DIGEST_SECTION_TEXT)) blocks.push(textSection(chunk));
  // Department codes are unique, so the block id is unique within a digest.
  blocks.push({ type: 'actions', block_id: `digest_plan_${d.code}`, elements: [planButton(t, w)] });
  return blocks;
}

export function weeklyDigestMessages(t: Translate, digest: ManagerDigest, options: WeeklyDigestOptions): SlackMessage[] {
  const names = digest.departments.map((w) => w.department.name).join(', ');
  const head: KnownBlock[] = [
    header(t('digests.weekly.header')),
    context(t('digests.weekly.intro', { from: slackDay(options.from, options.zone), to: slackDay(options.to, options.zone), departments: escapeMrkdwn(names) })),
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

  const groups: BlockGroup[] = digest.departments.map((w) => ({
    blocks: departmentWeekBlocks(t, w, options.zone),
    continued: () => context(t('digests.weekly.department.continued', { name: escapeMrkdwn(w.department.name), code: w.department.code })),
  }));
  const packed = packBlockGroups(groups, {
    head,
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
}
