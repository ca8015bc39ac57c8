// The update prompt DM: at the start of a reporting period ("time to report") and a few
// business days before it closes ("still missing", with how many colleagues already
// reported). Each strategy has the app-wide Update button. Pure Block Kit builders.
import type { KnownBlock } from '@slack/types';
import { daysBetween } from '../../../../domain/calendar-dates.js';
import type { FiscalPeriod } from '../../../../domain/fiscal-calendar.js';
import type { PlannedPrompt, PromptItem } from '../../../../domain/update-prompts.js';
import type { Lang, Translate } from '../../../i18n/index.js';
import { escapeMrkdwn, truncate } from '../../../ui/mrkdwn.js';
import type { SlackMessage } from '../../status/ui/status-message.js';
import {
  SECTION_TEXT_MAX,
  UPDATE_ACTION_ID,
  countKey,
  dueText,
  itemSection,
  slackDate,
  statusText,
  strategyHeadline,
  updateButton,
} from '../../../ui/status-parts.js';
import { context, header, mrkdwnSection } from '../../../ui/blocks.js';
import { periodName } from '../../../ui/period-name.js';

/** One block per strategy: this many stays under 50 blocks and Slack's ~12,000 characters per message. */
export const PROMPT_MAX_ITEMS = 30;

function itemBlock(t: Translate, _lang: Lang, item: PromptItem, messagePeriod: FiscalPeriod, today: string) {
  const s = item.strategy;
  const facts = [statusText(t, s.status)];
  if (s.departmentCode) facts.push(escapeMrkdwn(s.departmentCode));
  if (item.period.key !== messagePeriod.key) facts.push(t('reminders.prompt.otherPeriod', { period: periodName(t, item.period) }));
  if (s.dueDate) facts.push(dueText(t, s.dueDate, daysBetween(today, s.dueDate)));
  return itemSection(`${strategyHeadline(t, s)}\n${facts.join(' · ')}`, updateButton(t, s.id, s));
}

/** The prompt or nudge for one person. `today` is the City's date (for "due in N days"). */
export function updatePromptMessage(t: Translate, lang: Lang, prompt: PlannedPrompt, today: string): SlackMessage {
  const period = periodName(t, prompt.period);
  const by = slackDate(prompt.period.end);
  const blocks: KnownBlock[] = [];
  if (prompt.phase === 'start') {
    blocks.push(header(t('reminders.prompt.startHeader')));
    blocks.push(mrkdwnSection(t('reminders.prompt.startIntro', { period, date: by })));
  } else {
    blocks.push(header(t('reminders.prompt.nudgeHeader')));
    blocks.push(mrkdwnSection(t('reminders.prompt.nudgeIntro', { period, date: by })));
    const c = prompt.colleagues;
    if (c) {
      blocks.push(
        context(
          t(countKey('reminders.prompt.colleagues', c.total), {
            count: c.reported,
            total: c.total,
            department: escapeMrkdwn(c.departmentName ?? ''),
          }),
        ),
      );
    }
  }
  const shown = prompt.items.slice(0, PROMPT_MAX_ITEMS);
  for (const item of shown) blocks.push(itemBlock(t, lang, item, prompt.period, today));
  const hidden = prompt.items.length - shown.length;
  if (hidden > 0) blocks.push(context(t(countKey('reminders.prompt.more', hidden), { count: hidden })));
  blocks.push(context(t('reminders.prompt.footer')));
  const text =
    prompt.phase === 'start' ? t('reminders.prompt.startFallback', { period }) : t('reminders.prompt.nudgeFallback', { period, date: prompt.period.end });
  return { text, blocks };
}

const ALL_REPORTED_BLOCK_ID = 'prompt_all_reported';

/**
 * The prompt as it was sent, with `strategyId` marked reported: its Update button gone and
 * "Reported ✓" under it; once no button is left, a thank-you line. Null when the message
 * offers no Update button for that strategy (already marked, or never listed).
 */
export function markPromptReported(t: Translate, message: SlackMessage, strategyId: number): SlackMessage | null {
  const isButtonFor = (b: KnownBlock) =>
    b.type === 'section' && b.accessory?.type === 'button' && b.accessory.action_id === UPDATE_ACTION_ID && b.accessory.value === String(strategyId);
  if (!message.blocks.some(isButtonFor)) return null;
  const blocks: KnownBlock[] = message.blocks.map((b) => {
    if (!isButtonFor(b) || b.type !== 'section') return b;
    const { accessory: _gone, ...rest } = b;
    const text = rest.text
      ? { ...rest.text, text: truncate(`${rest.text.text}\n:white_check_mark: *${t('reminders.prompt.reported')}*`, SECTION_TEXT_MAX) }
      : rest.text;
    return { ...rest, text } as KnownBlock;
  });
  const buttonsLeft = blocks.some((b) => b.type === 'section' && b.accessory?.type === 'button' && b.accessory.action_id === UPDATE_ACTION_ID);
  if (!buttonsLeft && !blocks.some((b) => b.block_id === ALL_REPORTED_BLOCK_ID)) {
    blocks.push({ ...context(`:tada: ${t('reminders.prompt.allReported')}`), block_id: ALL_REPORTED_BLOCK_ID } as KnownBlock);
  }
  return { text: message.text, blocks };
}
