// The reminder DM against Slack's limits, in every language, with the right buttons per
// item; and the in-place answer after a click.
import { describe, expect, it } from 'vitest';
import type { DueReminder } from '../../../src/domain/reminders.js';
import { validateBlocks } from '../../../src/sandbox/fake-slack/index.js';
import { LANGUAGES, translator } from '../../../src/slack/i18n/index.js';
import {
  REMINDER_MAX_ITEMS,
  decodeReminderRef,
  encodeReminderRef,
  reminderMessage,
  withItemOutcome,
} from '../../../src/slack/features/reminders/ui/reminder-message.js';
import { MESSAGE_TEXT_BUDGET, NASTY, longText, textLength } from '../../unit/slack/status-fixtures.js';

function due(i: number, over: Partial<DueReminder> = {}): DueReminder {
  const milestone = i % 2 === 0;
  return {
    kind: milestone ? 'milestone' : 'strategy',
    id: 700 + i,
    title: milestone ? `Milestone ${i} ${NASTY}`.padEnd(300, 'm') : longText(i),
    dueDate: i % 3 === 0 ? '2026-11-10' : '2026-11-25',
    daysUntilDue: i % 3 === 0 ? -8 : 7,
    strategy: { id: 900 + i, label: `2.${i}`, text: longText(i), status: 'IN_PROGRESS', ownerId: 1, departmentId: 10, departmentCode: 'LIB' },
    recipient: { memberId: 1, slackUserId: 'U0ANA', name: 'Ana', language: null, slackLocale: null, roles: ['STAFF'], departmentId: 10, active: true },
    snoozeEnd: null,
    reportedThisPeriod: false,
    reason: i % 3 === 0 ? { kind: 'overdue' } : { kind: 'before', offsetDays: 7 },
    canUpdate: true,
    canMarkDone: milestone,
    ...over,
  };
}

type Block = {
  type: string;
  block_id?: string;
  text?: { text: string };
  elements?: { action_id?: string; value?: string; text?: string | { text: string } }[];
};
const blocksOf = (m: { blocks: unknown[] }) => m.blocks as Block[];
const allText = (blocks: unknown) => JSON.stringify(blocks);

describe('the reminder DM', () => {
  it.each(LANGUAGES)('stays within Slack’s limits with 60 items, pointing at /reap deadlines for the rest (%s)', (lang) => {
    const items = Array.from({ length: 60 }, (_, i) => due(i));
    const msg = reminderMessage(translator(lang), items);
    expect(validateBlocks(msg.blocks, 'message')).toEqual([]);
    expect(msg.blocks.length).toBeLessThanOrEqual(50);
    expect(textLength(msg.blocks)).toBeLessThan(MESSAGE_TEXT_BUDGET);
    const shown = blocksOf(msg).filter((b) => b.type === 'actions');
    expect(shown).toHaveLength(REMINDER_MAX_ITEMS);
    expect(allText(msg.blocks)).toContain('/reap deadlines');
  });

  it('lists overdue items first, escapes what people typed and gives each item its buttons', () => {
    const items = [due(1), due(2), due(3)]; // 3 is overdue
    const msg = reminderMessage(translator('en'), items);
    const text = allText(msg.blocks);
    expect(msg.text).toBe('REAP reminder: 3 deadlines need attention.');
    expect(text.indexOf('*Overdue*')).toBeLessThan(text.indexOf('*Coming up*'));
    expect(text.indexOf('Strategy *2.3*')).toBeLessThan(text.indexOf('Strategy *2.1*'));
    expect(text).not.toContain('<!channel>');
    expect(text).toContain('&lt;!channel&gt;');
    expect(text).toContain('(8 days overdue)');
    expect(text).toContain('(in 7 days)');
    const actions = Object.fromEntries(
      blocksOf(msg)
        .filter((b) => b.type === 'actions')
        .map((b) => [b.block_id, b.elements!.map((e) => [e.action_id, e.value])]),
    );
    expect(actions).toEqual({
      'reminder:s:703': [
        ['update:open', '903'],
        ['reminder:snooze', 's:703'],
      ],
      'reminder:s:701': [
        ['update:open', '901'],
        ['reminder:snooze', 's:701'],
      ],
      'reminder:m:702': [
        ['update:open', '902'],
        ['reminder:snooze', 'm:702'],
        ['reminder:done', 'm:702'],
      ],
    });
  });

  it('leaves out Submit update where the reader may not report and marks an item back from a snooze', () => {
    const msg = reminderMessage(translator('en'), [due(2, { canUpdate: false, reason: { kind: 'snooze-ended' } })]);
    const actions = blocksOf(msg).find((b) => b.type === 'actions')!;
    expect(actions.elements!.map((e) => e.action_id)).toEqual(['reminder:snooze', 'reminder:done']);
    expect(allText(msg.blocks)).toContain('back after your snooze');
  });

  it('speaks Spanish and Vietnamese', () => {
    expect(allText(reminderMessage(translator('es'), [due(2)]).blocks)).toContain('Pausar una semana');
    expect(allText(reminderMessage(translator('vi'), [due(2)]).blocks)).toContain('Đánh dấu xong');
    expect(reminderMessage(translator('es'), [due(2)]).text).toBe('Recordatorio del REAP: 1 fecha límite requiere atención.');
  });
});

describe('answering a click in place', () => {
  const msg = reminderMessage(translator('en'), [due(1), due(2)]);

  it('replaces the clicked item’s buttons with what happened and leaves the others', () => {
    const after = withItemOutcome(msg.blocks, 'reminder:m:702', ':white_check_mark: Marked done by <@U0ANA>.')!;
    expect(validateBlocks(after, 'message')).toEqual([]);
    expect(after).toHaveLength(msg.blocks.length);
    const replaced = (after as Block[]).find((b) => b.block_id === 'reminder:m:702')!;
    expect(replaced.type).toBe('context');
    expect(allText(replaced)).toContain('Marked done by <@U0ANA>.');
    expect((after as Block[]).find((b) => b.block_id === 'reminder:s:701')!.type).toBe('actions');
  });

  it('keeps the buttons and shows the reason under them for a refusal, replacing an earlier reason', () => {
    const once = withItemOutcome(msg.blocks, 'reminder:s:701', 'no', true)!;
    const twice = withItemOutcome(once, 'reminder:s:701', 'still no', true)!;
    expect(validateBlocks(twice, 'message')).toEqual([]);
    expect(twice).toHaveLength(msg.blocks.length + 1);
    const at = (twice as Block[]).findIndex((b) => b.block_id === 'reminder:s:701');
    expect((twice as Block[])[at]!.type).toBe('actions');
    expect(allText((twice as Block[])[at + 1])).toContain('still no');
    expect(allText(twice)).not.toContain('"no"');
  });

  it('returns null for a block the message does not hold', () => {
    expect(withItemOutcome(msg.blocks, 'reminder:m:1', 'x')).toBeNull();
    expect(withItemOutcome(msg.blocks, 'reminder-item:m:702', 'x')).toBeNull();
  });

  it('reads only the values its buttons carry', () => {
    expect(decodeReminderRef(encodeReminderRef({ kind: 'milestone', id: 12 }))).toEqual({ kind: 'milestone', id: 12 });
    expect(decodeReminderRef('s:7')).toEqual({ kind: 'strategy', id: 7 });
    for (const bad of ['x:1', 'm:0', 'm:-1', 'm:1.5', 'm:99999999999', '', 'm:', null, 12]) expect(decodeReminderRef(bad)).toBeNull();
  });
});
