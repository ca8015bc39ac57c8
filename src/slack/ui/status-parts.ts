// Pieces shared by the reading surfaces (/reap status, deadlines, plan and App Home): the
// one-line description of a strategy, due-date phrases, Slack date tokens and the Update
// button. Pure: translator + plain data in, Block Kit out.
import type { Button, SectionBlock } from '@slack/types';
import type { StrategyStatus } from '../../domain/enums.js';
import type { Translate } from '../i18n/index.js';
import { escapeMrkdwn, truncate } from './mrkdwn.js';
import { SECTION_TEXT_MAX } from './blocks.js';
import { strategyLabelText, type LabelledStrategy } from './strategy-label.js';

export { SECTION_TEXT_MAX };

/**
 * The app-wide contract for every Update button: the update flow's listener opens the
 * `/reap update` modal for the strategy whose id is the button's value.
 */
export const UPDATE_ACTION_ID = 'update:open';

/** Strategy texts run to 2000 characters; lists show the start and /reap plan the rest. */
export const LIST_TEXT_MAX = 220;

export const STATUS_EMOJI: Record<StrategyStatus, string> = {
  COMPLETED: ':white_check_mark:',
  IN_PROGRESS: ':large_blue_circle:',
  ONGOING: ':arrows_counterclockwise:',
  NOT_STARTED: ':white_circle:',
  DEFERRED: ':double_vertical_bar:',
};

export const STATUS_ORDER: readonly StrategyStatus[] = ['COMPLETED', 'IN_PROGRESS', 'ONGOING', 'NOT_STARTED', 'DEFERRED'];

/** "{one, other}" pairs in the catalogs; Vietnamese uses the same word for both. */
export function countKey(base: string, count: number): string {
  return `${base}.${count === 1 ? 'one' : 'other'}`;
}

export function statusText(t: Translate, status: StrategyStatus): string {
  return `${STATUS_EMOJI[status]} ${t(`status.${status}`)}`;
}

/** "✅ 3 · 🔵 4 …" in the fixed status order, zeros left out. */
export function compactCounts(byStatus: Record<StrategyStatus, number>): string {
  const parts = STATUS_ORDER.filter((s) => byStatus[s] > 0).map((s) => `${STATUS_EMOJI[s]} ${byStatus[s]}`);
  return parts.length ? parts.join('  ') : '0';
}

/** The emoji legend for compactCounts, in the reader's language. */
export function statusLegend(t: Translate): string {
  return STATUS_ORDER.map((s) => statusText(t, s)).join('  ');
}

/**
 * A calendar date (a due date: the same day everywhere) as a Slack date token. Noon UTC
 * falls on that same calendar day from UTC−11 to UTC+11, so each reader's client shows the
 * right day in their own locale; the fallback is the ISO date.
 */
export function slackDate(isoDate: string): string {
  const unix = Math.floor(Date.parse(`${isoDate}T12:00:00Z`) / 1000);
  return `<!date^${unix}^{date_short}|${isoDate}>`;
}

/** An instant (a submission time), shown in the reader's zone. */
export function slackDateTime(at: Date): string {
  const unix = Math.floor(at.getTime() / 1000);
  return `<!date^${unix}^{date_short} {time}|${at.toISOString().slice(0, 16).replace('T', ' ')} UTC>`;
}

/** "due Nov 20 (in 3 days)", "due Nov 2 (4 days overdue)", "no due date". */
export function dueText(t: Translate, dueDate: string | null, daysUntilDue: number | null): string {
  if (!dueDate || daysUntilDue === null) return t('plan.item.noDueDate');
  const date = slackDate(dueDate);
  if (daysUntilDue === 0) return t('plan.item.dueToday', { date });
  if (daysUntilDue > 0) return t(countKey('plan.item.dueIn', daysUntilDue), { date, count: daysUntilDue });
  return t(countKey('plan.item.overdueBy', -daysUntilDue), { date, count: -daysUntilDue });
}

export function ownerText(t: Translate, owner: { slackUserId: string } | null, needsReassignment = false): string {
  if (needsReassignment) return `:warning: ${t('plan.item.needsOwner')}`;
  return owner ? t('plan.item.owner', { owner: `<@${owner.slackUserId}>` }) : t('plan.item.noOwner');
}

export function lastUpdateText(t: Translate, lastUpdateAt: Date | null): string {
  return lastUpdateAt ? t('plan.item.lastUpdate', { date: slackDateTime(lastUpdateAt) }) : t('plan.item.neverUpdated');
}

/**
 * "*1.2* Develop a training…" with the user's text escaped and shortened; a citywide
 * plan's strategy names its plan after the number (strategyLabelText).
 */
export function strategyHeadline(t: Translate, s: LabelledStrategy & { text: string }, max = LIST_TEXT_MAX): string {
  return t('plan.item.strategy', { label: escapeMrkdwn(strategyLabelText(t, s)), text: escapeMrkdwn(truncate(oneLine(s.text), max)) });
}

export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function updateButton(t: Translate, strategyId: number, strategy: LabelledStrategy): Button {
  return {
    type: 'button',
    action_id: UPDATE_ACTION_ID,
    text: { type: 'plain_text', text: truncate(t('plan.item.updateButton'), 75), emoji: true },
    value: String(strategyId),
    accessibility_label: truncate(t('plan.item.updateA11y', { label: strategyLabelText(t, strategy) }), 75),
  };
}

/** A section, with the Update button beside it when the reader may report on the strategy. */
export function itemSection(text: string, button?: Button): SectionBlock {
  const block: SectionBlock = { type: 'section', text: { type: 'mrkdwn', text: truncate(text, SECTION_TEXT_MAX) } };
  if (button) block.accessory = button;
  return block;
}

/**
 * Lines packed into as few sections as Slack's 3000-character limit allows, never cutting
 * a line in two (a line longer than the limit is shortened on its own).
 */
export function chunkLines(lines: readonly string[], max = SECTION_TEXT_MAX): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const raw of lines) {
    const line = truncate(raw, max);
    if (current === '') current = line;
    else if (current.length + 1 + line.length <= max) current += `\n${line}`;
    else {
      chunks.push(current);
      current = line;
    }
  }
  if (current !== '') chunks.push(current);
  return chunks;
}

/** Items up to `room` blocks, and a "…and N more" line standing in for the rest. */
export function capped<T>(items: readonly T[], room: number): { shown: T[]; hidden: number } {
  if (items.length <= room) return { shown: [...items], hidden: 0 };
  const keep = Math.max(0, room - 1);
  return { shown: items.slice(0, keep), hidden: items.length - keep };
}

/** Whole days from the City's today to a due date; null without one. */
export function daysFrom(today: string, dueDate: string | null): number | null {
  return dueDate ? Math.round((Date.parse(dueDate) - Date.parse(today)) / 86_400_000) : null;
}
