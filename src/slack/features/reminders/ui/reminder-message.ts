// The daily deadline reminder DM: everything one person is reminded of that day, overdue
// first, each item with Submit update (the app-wide update:open button), Snooze a week and
// Mark done. A click answers in place: withItemOutcome swaps that item's buttons for what
// happened, leaving the rest of the message as it was. Pure Block Kit builders.
import type { ActionsBlock, Button, KnownBlock } from '@slack/types';
import type { DueReminder } from '../../../../domain/reminders.js';
import type { Translate } from '../../../i18n/index.js';
import { escapeMrkdwn, truncate } from '../../../ui/mrkdwn.js';
import type { SlackMessage } from '../../status/ui/status-message.js';
import { LIST_TEXT_MAX, UPDATE_ACTION_ID, countKey, dueText, oneLine, statusText } from '../../../ui/status-parts.js';
import { context, header, mrkdwnSection } from '../../../ui/blocks.js';
import { strategyLabelText } from '../../../ui/strategy-label.js';

export const REMINDER_ACTIONS = { snooze: 'reminder:snooze', done: 'reminder:done', undo: 'reminder:undo' } as const;

/** Two blocks per item: 20 items, headings, "…and N more" and the footer stay under Slack's 50. */
export const REMINDER_MAX_ITEMS = 20;

export type ReminderKind = 'milestone' | 'strategy';

export interface ReminderRef {
  kind: ReminderKind;
  id: number;
}

const KIND_CODE: Record<ReminderKind, string> = { milestone: 'm', strategy: 's' };

/** "m:12" / "s:7": what the Snooze and Mark done buttons carry. */
export function encodeReminderRef(ref: ReminderRef): string {
  return `${KIND_CODE[ref.kind]}:${ref.id}`;
}

/** The item a button names, or null for a value our messages never carry. */
export function decodeReminderRef(value: unknown): ReminderRef | null {
  if (typeof value !== 'string') return null;
  const m = /^([ms]):([1-9]\d{0,9})$/.exec(value);
  if (!m) return null;
  const id = Number(m[2]);
  if (!Number.isSafeInteger(id) || id > 2_147_483_647) return null;
  return { kind: m[1] === 'm' ? 'milestone' : 'strategy', id };
}

/** block_id of an item's buttons (and, after a click, of the line that replaces them). */
export const reminderActionsBlockId = (ref: ReminderRef): string => `reminder:${encodeReminderRef(ref)}`;
const itemBlockId = (ref: ReminderRef): string => `reminder-item:${encodeReminderRef(ref)}`;

function button(actionId: string, text: string, value: string, a11y: string, style?: 'primary'): Button {
  const b: Button = {
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text: truncate(text, 75), emoji: true },
    value,
    accessibility_label: truncate(a11y, 75),
  };
  if (style) b.style = style;
  return b;
}

function itemText(t: Translate, item: DueReminder): string {
  const label = escapeMrkdwn(strategyLabelText(t, item.strategy));
  const title =
    item.kind === 'milestone'
      ? t('reminders.deadline.milestone', { title: escapeMrkdwn(truncate(oneLine(item.title), 150)), label })
      : t('reminders.deadline.strategy', { label, text: escapeMrkdwn(truncate(oneLine(item.title), LIST_TEXT_MAX)) });
  const facts = [dueText(t, item.dueDate, item.daysUntilDue), statusText(t, item.strategy.status)];
  if (item.strategy.departmentCode) facts.push(escapeMrkdwn(item.strategy.departmentCode));
  if (item.reason.kind === 'snooze-ended') facts.push(t('reminders.deadline.snoozeEnded'));
  return `${title}\n${facts.join(' · ')}`;
}

function itemBlocks(t: Translate, item: DueReminder): KnownBlock[] {
  const ref = { kind: item.kind, id: item.id };
  const value = encodeReminderRef(ref);
  const elements: Button[] = [];
  if (item.canUpdate) {
    elements.push(
      button(
        UPDATE_ACTION_ID,
        t('reminders.deadline.submitUpdate'),
        String(item.strategy.id),
        t('reminders.deadline.submitUpdateA11y', { label: strategyLabelText(t, item.strategy) }),
        'primary',
      ),
    );
  }
  elements.push(button(REMINDER_ACTIONS.snooze, t('reminders.deadline.snooze'), value, t('reminders.deadline.snoozeA11y')));
  if (item.canMarkDone) {
    // Completing is hard to take back for everyone who follows the item: ask first.
    elements.push({
      ...button(REMINDER_ACTIONS.done, t('reminders.deadline.done'), value, t('reminders.deadline.doneA11y')),
      confirm: {
        title: { type: 'plain_text', text: truncate(t('reminders.deadline.doneConfirmTitle'), 100) },
        text: { type: 'plain_text', text: truncate(t('reminders.deadline.doneConfirmText'), 300) },
        confirm: { type: 'plain_text', text: truncate(t('reminders.deadline.doneConfirmYes'), 30) },
        deny: { type: 'plain_text', text: truncate(t('reminders.deadline.doneConfirmNo'), 30) },
      },
    });
  }
  const section = { ...mrkdwnSection(itemText(t, item)), block_id: itemBlockId(ref) };
  const actions: ActionsBlock = { type: 'actions', block_id: reminderActionsBlockId(ref), elements };
  return [section, actions];
}

/** One DM for one person and day. Items beyond REMINDER_MAX_ITEMS are counted, pointing at /reap deadlines. */
export function reminderMessage(t: Translate, items: readonly DueReminder[]): SlackMessage {
  const overdue = items.filter((i) => i.daysUntilDue < 0);
  const upcoming = items.filter((i) => i.daysUntilDue >= 0);
  const blocks: KnownBlock[] = [
    header(t('reminders.deadline.header')),
    context(t(countKey('reminders.deadline.intro', items.length), { count: items.length })),
  ];
  let room = REMINDER_MAX_ITEMS;
  let hidden = 0;
  for (const [heading, list] of [
    [t('reminders.deadline.overdueHeading'), overdue],
    [t('reminders.deadline.upcomingHeading'), upcoming],
  ] as const) {
    if (list.length === 0) continue;
    const shown = list.slice(0, room);
    hidden += list.length - shown.length;
    room -= shown.length;
    if (shown.length === 0) continue;
    blocks.push(mrkdwnSection(heading));
    for (const item of shown) blocks.push(...itemBlocks(t, item));
  }
  if (hidden > 0) blocks.push(context(t(countKey('reminders.deadline.more', hidden), { count: hidden })));
  blocks.push(context(t('reminders.deadline.footer')));
  return { text: t(countKey('reminders.deadline.fallback', items.length), { count: items.length }), blocks };
}

type AnyBlock = { type?: string; block_id?: string } & Record<string, unknown>;

/**
 * The message after a click in the item whose buttons are in block `actionsBlockId` (the
 * clicked block, whatever item the button's value named): its buttons replaced by `note`
 * (done, snoozed, gone), or, with keepButtons (a refusal, a failure worth retrying), the
 * buttons kept and the note shown under them, replacing an earlier note. An Undo that can
 * no longer work is replaced by its note either way. Null when the message holds no such
 * block.
 */
export function withItemOutcome(
  blocks: readonly unknown[],
  actionsBlockId: string,
  note: string,
  keepButtons = false,
  undo?: { t: Translate; ref: ReminderRef },
): KnownBlock[] | null {
  if (!actionsBlockId.startsWith('reminder:')) return null;
  const noteId = `reminder-note:${actionsBlockId.slice('reminder:'.length)}`;
  const list = (blocks as AnyBlock[]).filter((b) => b.block_id !== noteId);
  const at = list.findIndex((b) => b.block_id === actionsBlockId);
  if (at < 0) return null;
  const line = { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(note, 3000) }] };
  const out = [...list];
  if (keepButtons && out[at]!.type === 'actions') {
    out.splice(at + 1, 0, { ...line, block_id: noteId });
  } else if (undo) {
    // "Marked done" with an Undo button beside it, in the same block, so Undo's own
    // answer replaces it again.
    const { t, ref } = undo;
    out.splice(at, 1, {
      type: 'section',
      block_id: actionsBlockId,
      text: { type: 'mrkdwn', text: truncate(`${note}\n${t('reminders.outcome.undoHint')}`, 3000) },
      accessory: button(REMINDER_ACTIONS.undo, t('reminders.deadline.undo'), encodeReminderRef(ref), t('reminders.deadline.undoA11y')),
    });
  } else {
    out.splice(at, 1, { ...line, block_id: actionsBlockId });
  }
  return out as unknown as KnownBlock[];
}
