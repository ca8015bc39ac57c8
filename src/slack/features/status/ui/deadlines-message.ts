// The answer to /reap deadlines: the reader's overdue and upcoming milestones and
// strategies, each with an Update button for its strategy when they may report on it.
import type { KnownBlock } from '@slack/types';
import type { DeadlineItem, MyDeadlines } from '../../../../services/deadlines.js';
import type { Translate } from '../../../i18n/index.js';
import { escapeMrkdwn, truncate } from '../../../ui/mrkdwn.js';
import { LIST_TEXT_MAX, capped, countKey, dueText, itemSection, oneLine, slackDateTime, statusText, updateButton } from '../../../ui/status-parts.js';
import { context, header, mrkdwnSection } from '../../../ui/blocks.js';
import { strategyLabelText } from '../../../ui/strategy-label.js';
import type { SlackMessage } from './status-message.js';

/** Two lists of this many stay inside a message's 50 blocks and about 12,000 characters. */
export const DEADLINES_PER_LIST = 12;

export function deadlineItemBlock(t: Translate, item: DeadlineItem, now?: Date) {
  const label = escapeMrkdwn(strategyLabelText(t, item.strategy));
  const title =
    item.kind === 'milestone'
      ? t('deadlines.milestone', { title: escapeMrkdwn(truncate(oneLine(item.title), 150)), label })
      : t('deadlines.strategy', { label, text: escapeMrkdwn(truncate(oneLine(item.title), LIST_TEXT_MAX)) });
  const facts = [dueText(t, item.dueDate, item.daysUntilDue), statusText(t, item.strategy.status)];
  if (item.department) facts.push(escapeMrkdwn(item.department.code));
  if (item.snoozedUntil && (!now || item.snoozedUntil > now)) facts.push(t('deadlines.snoozed', { date: slackDateTime(item.snoozedUntil) }));
  return itemSection(`${title}\n${facts.join(' · ')}`, item.canUpdate ? updateButton(t, item.strategy.id, item.strategy) : undefined);
}

/**
 * The two lists within `room` blocks; the overdue list goes first and may take more than
 * half when upcoming is short.
 */
export function deadlineListBlocks(
  t: Translate,
  d: MyDeadlines,
  opts: { perList?: number; room?: number; now?: Date } = {},
): { blocks: KnownBlock[]; hidden: number } {
  const perList = opts.perList ?? DEADLINES_PER_LIST;
  let left = opts.room ?? Infinity;
  let hiddenTotal = 0;
  const blocks: KnownBlock[] = [];
  const lists = [
    { heading: t('deadlines.overdueHeading'), items: d.overdue },
    { heading: t('deadlines.upcomingHeading'), items: d.upcoming },
  ];
  for (const list of lists) {
    if (list.items.length === 0) continue;
    if (left < 2) {
      hiddenTotal += list.items.length;
      continue;
    }
    const { shown, hidden } = capped(list.items, Math.min(perList, left - 1));
    blocks.push(mrkdwnSection(list.heading));
    for (const item of shown) blocks.push(deadlineItemBlock(t, item, opts.now));
    if (hidden > 0) blocks.push(context(t(countKey('plan.item.more', hidden), { count: hidden })));
    left -= 1 + shown.length + (hidden > 0 ? 1 : 0);
    hiddenTotal += hidden;
  }
  return { blocks, hidden: hiddenTotal };
}

export function deadlinesMessage(t: Translate, d: MyDeadlines, now?: Date): SlackMessage {
  const title = t('deadlines.header');
  const blocks: KnownBlock[] = [header(title)];
  if (d.overdue.length === 0 && d.upcoming.length === 0) {
    blocks.push(mrkdwnSection(t('deadlines.none', { days: d.horizonDays })));
  } else {
    blocks.push(context(t('deadlines.intro', { days: d.horizonDays })));
    blocks.push(...deadlineListBlocks(t, d, { now }).blocks);
  }
  blocks.push(context(t('deadlines.footer')));
  const summary = [`${t('deadlines.overdueHeading')}: ${d.overdue.length}`, `${t('deadlines.upcomingHeading')}: ${d.upcoming.length}`]
    .join(' · ')
    .replace(/\*|:[a-z_]+: /g, '');
  return { text: `${title}: ${summary}`, blocks };
}
