// The update prompt and nudge DMs against Slack's limits, in every language.
import { describe, expect, it } from 'vitest';
import { periodOfDate, type PlannedPrompt, type PromptStrategy } from '../../../src/domain/update-prompts.js';
import { validateBlocks } from '../../../src/sandbox/fake-slack/index.js';
import { LANGUAGES, translator } from '../../../src/slack/i18n/index.js';
import { PROMPT_MAX_ITEMS, markPromptReported, updatePromptMessage } from '../../../src/slack/features/update/ui/update-prompt-message.js';
import { MESSAGE_TEXT_BUDGET, longText, textLength } from '../../unit/slack/status-fixtures.js';

const owner = { memberId: 1, slackUserId: 'U0ANA', name: 'Ana', language: null, slackLocale: null, departmentId: 1, active: true };

function strategy(i: number, over: Partial<PromptStrategy> = {}): PromptStrategy {
  return {
    id: 300 + i,
    label: `1.${i}`,
    text: longText(i),
    status: 'IN_PROGRESS',
    dueDate: i % 2 ? '2026-12-15' : null,
    departmentId: 1,
    departmentCode: 'HOUSING',
    departmentName: 'Housing & <Community> Development',
    cadence: 'MONTHLY',
    lastPeriodStart: null,
    owner,
    ...over,
  };
}

const month = periodOfDate('2026-11-18', 'MONTHLY');
const quarter = periodOfDate('2026-11-18', 'QUARTERLY');

function prompt(phase: 'start' | 'nudge', n: number, colleagues: PlannedPrompt['colleagues'] = null): PlannedPrompt {
  return { recipient: owner, phase, period: month, items: Array.from({ length: n }, (_, i) => ({ strategy: strategy(i), period: month })), colleagues };
}

type Block = { type: string; accessory?: { action_id: string; value: string } };

describe('update prompts', () => {
  it.each(LANGUAGES)('stay within Slack’s limits with 100 strategies (%s)', (lang) => {
    for (const phase of ['start', 'nudge'] as const) {
      const msg = updatePromptMessage(
        translator(lang),
        lang,
        prompt(phase, 100, { departmentId: 1, departmentName: 'Housing', reported: 3, total: 9 }),
        '2026-11-20',
      );
      expect(validateBlocks(msg.blocks, 'message')).toEqual([]);
      expect(msg.blocks.length).toBeLessThanOrEqual(50);
      expect(textLength(msg.blocks)).toBeLessThan(MESSAGE_TEXT_BUDGET);
      expect((msg.blocks as Block[]).filter((b) => b.accessory)).toHaveLength(PROMPT_MAX_ITEMS);
    }
  });

  it('asks for reports on each strategy with its Update button and the period’s end date', () => {
    const msg = updatePromptMessage(translator('en'), 'en', prompt('start', 2), '2026-11-02');
    const text = JSON.stringify(msg.blocks);
    expect(msg.text).toBe('Time to report progress for FY 2026-27 November.');
    expect(text).toContain('Reporting for *FY 2026-27 November* has started');
    expect(text).toContain('<!date^');
    expect(text).toContain('|2026-11-30>');
    expect((msg.blocks as Block[]).filter((b) => b.accessory).map((b) => [b.accessory!.action_id, b.accessory!.value])).toEqual([
      ['update:open', '300'],
      ['update:open', '301'],
    ]);
  });

  it('nudges with how many colleagues already reported, escaping the department name', () => {
    const msg = updatePromptMessage(
      translator('en'),
      'en',
      prompt('nudge', 1, { departmentId: 1, departmentName: 'Housing & <Community>', reported: 2, total: 3 }),
      '2026-11-20',
    );
    const text = JSON.stringify(msg.blocks);
    expect(text).toContain('Already reported in Housing &amp; &lt;Community&gt;: 2 of your 3 colleagues.');
    expect(msg.text).toBe('Progress reports for FY 2026-27 November are due by 2026-11-30.');
    const one = updatePromptMessage(
      translator('en'),
      'en',
      prompt('nudge', 1, { departmentId: 1, departmentName: 'Housing', reported: 0, total: 1 }),
      '2026-11-20',
    );
    expect(JSON.stringify(one.blocks)).toContain('Already reported in Housing: 0 of your 1 colleague.');
  });

  it('labels a quarterly strategy in a monthly prompt with its own quarter', () => {
    const p: PlannedPrompt = {
      ...prompt('start', 1),
      items: [
        { strategy: strategy(1), period: month },
        { strategy: strategy(2, { cadence: 'QUARTERLY' }), period: quarter },
      ],
    };
    const text = JSON.stringify(updatePromptMessage(translator('en'), 'en', p, '2026-11-02').blocks);
    expect(text).toContain('for FY 2026-27 Q2');
  });

  it('names periods in the reader’s language', () => {
    const es = updatePromptMessage(
      translator('es'),
      'es',
      prompt('nudge', 1, { departmentId: 1, departmentName: 'Vivienda', reported: 1, total: 4 }),
      '2026-11-20',
    );
    expect(JSON.stringify(es.blocks)).toContain('Ya informaron en Vivienda: 1 de sus 4 colegas.');
  });
});

describe('a prompt once a strategy is reported', () => {
  const t = translator('en');
  const buttons = (m: { blocks: unknown[] }) => (m.blocks as Block[]).filter((b) => b.accessory?.action_id === 'update:open').map((b) => b.accessory!.value);

  it('loses that strategy’s button, says Reported, and thanks the person when none is left', () => {
    const sent = updatePromptMessage(t, 'en', prompt('start', 2), '2026-11-02');
    const once = markPromptReported(t, sent, 300)!;
    expect(buttons(once)).toEqual(['301']);
    expect(JSON.stringify(once.blocks)).toContain('Reported ✓');
    expect(JSON.stringify(once.blocks)).not.toContain('All reported');
    expect(validateBlocks(once.blocks, 'message')).toEqual([]);
    // Marking again changes nothing; an unknown strategy neither.
    expect(markPromptReported(t, once, 300)).toBeNull();
    expect(markPromptReported(t, once, 999)).toBeNull();
    const both = markPromptReported(t, once, 301)!;
    expect(buttons(both)).toEqual([]);
    expect(JSON.stringify(both.blocks)).toContain('All reported for this period. Thank you!');
    expect(validateBlocks(both.blocks, 'message')).toEqual([]);
    expect(both.text).toBe(sent.text);
  });
});
