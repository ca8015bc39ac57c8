// /reap deadlines against Slack's limits and with the Update button where it belongs.
import { describe, expect, it } from 'vitest';
import { LANGUAGES, translator } from '../../../src/slack/i18n/index.js';
import { deadlinesMessage } from '../../../src/slack/features/status/ui/deadlines-message.js';
import { MESSAGE_TEXT_BUDGET, NOW, allText, buttonsOf, deadlineItem, myDeadlines, slackProblems, textLength } from './status-fixtures.js';

describe('deadlines message', () => {
  it.each(LANGUAGES)('stays within Slack’s limits with 100 overdue and 100 upcoming items (%s)', (lang) => {
    const msg = deadlinesMessage(translator(lang), myDeadlines(100, 100), NOW);
    expect(slackProblems(msg.blocks, 'message')).toEqual([]);
    expect(msg.blocks.length).toBeLessThanOrEqual(50);
    expect(textLength(msg.blocks)).toBeLessThan(MESSAGE_TEXT_BUDGET);
  });

  it('lists overdue first, then upcoming, counting what does not fit', () => {
    const text = allText(deadlinesMessage(translator('en'), myDeadlines(30, 2), NOW).blocks);
    expect(text.indexOf('*Overdue*')).toBeLessThan(text.indexOf('*Coming up*'));
    expect(text).toContain('…and 19 more.');
    expect(text).toContain('(17 days overdue)');
    expect(text).toContain('(in 3 days)');
  });

  it('names milestones and strategies, escapes their text and shows paused reminders', () => {
    const d = { ...myDeadlines(0, 0), upcoming: [deadlineItem(0), deadlineItem(1)] };
    const text = allText(deadlinesMessage(translator('en'), d, NOW).blocks);
    expect(text).toContain('Milestone *Milestone 0 Reach &lt;!channel&gt; &amp; &lt;@U123&gt;');
    expect(text).toContain('· strategy 2.0');
    expect(text).toContain('Strategy *2.1* 1: Reach &lt;!channel&gt;');
    expect(text).toContain('reminders paused until <!date^');
    expect(text).not.toContain('<!channel>');
  });

  it('opens the update form for the strategy behind each item the reader may report on', () => {
    const d = myDeadlines(0, 6);
    const buttons = buttonsOf(deadlinesMessage(translator('en'), d, NOW).blocks);
    expect(buttons).toEqual(d.upcoming.filter((i) => i.canUpdate).map((i) => ({ actionId: 'update:open', value: String(i.strategy.id) })));
  });

  it('says there is nothing due, in the reader’s language', () => {
    const msg = deadlinesMessage(translator('es'), myDeadlines(0, 0), NOW);
    expect(allText(msg.blocks)).toContain('Nada a su cargo está vencido ni vence en los próximos 14 días.');
    expect(msg.text).toContain('Sus fechas límite');
  });
});
