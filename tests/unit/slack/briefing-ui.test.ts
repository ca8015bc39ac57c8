// Briefing surfaces against Slack's limits, in every language, at the largest sizes the
// composer allows: the posted message (= the preview), the composer modal, the list, the
// composer's DM and the reminder.
import { describe, expect, it } from 'vitest';
import { BRIEFING_LIMITS } from '../../../src/domain/briefing-draft.js';
import { parsePeriodKey } from '../../../src/domain/fiscal-calendar.js';
import { validateBlocks, validateView } from '../../../src/sandbox/fake-slack/index.js';
import { LANGUAGES, translator } from '../../../src/slack/i18n/index.js';
import type { ImageBlock, SectionBlock } from '@slack/types';
import { blockTextLength, context } from '../../../src/slack/ui/blocks.js';
import { chartImageBlock } from '../../../src/slack/ui/charts/chart-block.js';
import { measureTrendChart } from '../../../src/slack/ui/charts/measure-trend.js';
import {
  BRIEFING_ACTIONS,
  BRIEFING_MESSAGE_TEXT_MAX,
  briefingListMessage,
  briefingMessage,
  briefingPostedMessage,
  briefingReminderMessage,
  quarterMonths,
  type BriefingListItem,
} from '../../../src/slack/features/briefing/ui/briefing-message.js';
import {
  BRIEFING_CALLBACK_ID,
  bodyBlockId,
  briefingComposerModal,
  briefingNoticeModal,
  briefingPreviewModal,
  composerBlockFor,
  decodeComposerMeta,
  encodeComposerMeta,
  readComposerValues,
  type ComposerData,
} from '../../../src/slack/features/briefing/ui/briefing-modal.js';
import { briefingQuarterChoices } from '../../../src/domain/briefing-draft.js';

const NOW = new Date('2026-11-18T17:00:00Z');
const ZONE = 'America/Los_Angeles';
const messageProblems = (blocks: unknown) => validateBlocks(blocks, 'message').map((e) => `${e.pointer}: ${e.message}`);
const modalProblems = (view: unknown) => validateView(view, ['modal']).errors.map((e) => `${e.pointer}: ${e.message}`);
const longBody = () =>
  Array.from({ length: 30 }, (_, i) => `*Paragraph ${i}* ${'Equity & access <for> all. '.repeat(11)}`)
    .join('\n\n')
    .slice(0, BRIEFING_LIMITS.body);

function composer(overrides: Partial<ComposerData> = {}): ComposerData {
  const { current, choices } = briefingQuarterChoices(NOW, ZONE);
  return {
    meta: { mode: 'new', id: null, parts: 1, gen: 0 },
    quarters: choices,
    currentQuarterKey: current.key,
    quarterKey: current.key,
    title: '',
    bodyParts: [''],
    channelIds: [],
    scheduledFor: null,
    ...overrides,
  };
}

describe('the posted briefing', () => {
  it.each(LANGUAGES)('fits Slack’s limits with the longest body (%s) and is exactly the preview', (lang) => {
    const t = translator(lang);
    const content = { title: 'T'.repeat(BRIEFING_LIMITS.title), body: longBody(), quarterKey: 'FY2027-Q2' };
    const msg = briefingMessage(t, content);
    expect(messageProblems(msg.blocks)).toEqual([]);
    expect(msg.blocks.length).toBeLessThanOrEqual(10);
    expect(JSON.stringify(msg.blocks).length).toBeLessThan(14_000);
    const preview = briefingPreviewModal(t, content, 'when-posted');
    expect(modalProblems(preview)).toEqual([]);
    expect(preview.blocks.slice(0, -1)).toEqual(msg.blocks);
    expect(preview.blocks.at(-1)).toEqual(context(t('briefings.preview.chartsWhenPosted')));
  });

  it('shows the work plan’s measures against their targets, their figures in the alt text', () => {
    const t = translator('es');
    const rating = measureTrendChart(t, {
      label: 'Calificación de las capacitaciones',
      kind: 'RATING',
      unit: '',
      target: 4.5,
      direction: 'INCREASE',
      points: [
        { periodKey: 'FY2027-Q1', value: 4.2 },
        { periodKey: 'FY2027-Q2', value: 4.6 },
      ],
    });
    const msg = briefingMessage(t, { title: 'Informe', body: 'Texto', quarterKey: 'FY2027-Q2' }, [
      chartImageBlock('F0RATING', rating, 'briefing_measure_chart_1'),
    ]);
    expect(messageProblems(msg.blocks)).toEqual([]);
    const image = msg.blocks.find((b) => b.block_id === 'briefing_measure_chart_1') as ImageBlock;
    expect(image).toMatchObject({ slack_file: { id: 'F0RATING' } });
    expect(image.alt_text).toBe(
      'Gráfico de líneas de Calificación de las capacitaciones por período del informe. AF 2026-27 T1: 4.2 / 5. AF 2026-27 T2: 4.6 / 5. Meta: 4.5 / 5, más alto es mejor.',
    );
    // Charts come before the admin's text.
    expect(msg.blocks.map((b) => b.type)).toEqual(['header', 'context', 'image', 'section']);
    // A posted briefing's preview is the message with the charts it was posted with.
    const preview = briefingPreviewModal(t, { title: 'Informe', body: 'Texto', quarterKey: 'FY2027-Q2' }, [image]);
    expect(modalProblems(preview)).toEqual([]);
    expect(preview.blocks).toEqual(msg.blocks);
  });

  it('leaves out the charts that would make the longest briefing too long for Slack, never its text', () => {
    const t = translator('en');
    const alt = 'Figure. '.repeat(120);
    const charts = Array.from({ length: 5 }, (_, i) => chartImageBlock(`F${i}`, { title: `Chart ${i}`, alt }, `chart_${i}`));
    const short = briefingMessage(t, { title: 'T', body: 'Short.', quarterKey: 'FY2027-Q2' }, charts);
    expect(short.blocks.filter((b) => b.type === 'image')).toHaveLength(5);
    // A body of 7,000 characters leaves room for some of the charts, the first ones.
    const body = Array.from({ length: 7 }, () => 'x'.repeat(999)).join('\n\n');
    const long = briefingMessage(t, { title: 'T', body, quarterKey: 'FY2027-Q2' }, charts);
    const shown = long.blocks.filter((b) => b.type === 'image').map((b) => b.block_id);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(5);
    expect(shown).toEqual(charts.slice(0, shown.length).map((c) => c.block_id));
    expect(blockTextLength(long.blocks)).toBeLessThanOrEqual(BRIEFING_MESSAGE_TEXT_MAX);
    expect(
      long.blocks
        .filter((b) => b.type === 'section')
        .map((b) => (b as SectionBlock).text!.text)
        .join('\n\n'),
    ).toBe(body);
  });

  it('escapes what the admin typed but keeps Slack formatting', () => {
    const msg = briefingMessage(translator('en'), {
      title: 'Q2 <update>',
      body: '*Bold* & _italic_ <!channel> <https://x.example|link>',
      quarterKey: 'FY2027-Q2',
    });
    const text = JSON.stringify(msg.blocks);
    expect(text).toContain('*Bold* &amp; _italic_ &lt;!channel&gt;');
    expect(text).not.toContain('<!channel>');
    expect(msg.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Q2 <update>', emoji: true } });
    expect(text).toContain('Office of Racial and Social Equity · Quarterly briefing · FY 2026-27 Q2');
    expect(msg.text).toBe('Q2 <update> (FY 2026-27 Q2)');
  });

  it('names quarters in each language', () => {
    const q = parsePeriodKey('FY2027-Q2')!;
    expect(quarterMonths(translator('en'), q)).toBe('Oct–Dec 2026');
    expect(quarterMonths(translator('es'), q)).toMatch(/^oct.*dic.* 2026$/);
  });
});

describe('the composer', () => {
  it.each(LANGUAGES)('is a valid modal when full, new or posted (%s)', (lang) => {
    const t = translator(lang);
    const parts = Array.from({ length: BRIEFING_LIMITS.bodyParts }, () => 'x'.repeat(BRIEFING_LIMITS.section));
    const views = [
      briefingComposerModal(t, composer()),
      briefingComposerModal(
        t,
        composer({
          meta: { mode: 'edit', id: 7, parts: 4, gen: 3 },
          title: 'T'.repeat(150),
          bodyParts: parts,
          channelIds: ['C0A', 'C0B'],
          scheduledFor: new Date('2026-12-01T17:00:00Z'),
          notice: 'n',
        }),
      ),
      briefingComposerModal(
        t,
        composer({
          meta: { mode: 'posted', id: 7, parts: 2, gen: 0, posted: [{ channelId: 'C0A', permalink: 'https://x.slack.com/archives/C0A/p1' }] },
          bodyParts: ['a', 'b'],
        }),
      ),
      briefingNoticeModal(t, 'titleScheduled', 'done'),
      briefingNoticeModal(t, 'titleUpdated', 'done'),
    ];
    for (const v of views) expect(modalProblems(v)).toEqual([]);
    expect(JSON.stringify(views[1]).length).toBeLessThan(250 * 1024);
  });

  it('says the title’s limit in its hint', () => {
    const title = briefingComposerModal(translator('es'), composer()).blocks.find((b) => b.block_id === 'title') as { hint?: { text: string } };
    expect(title.hint?.text).toBe('Hasta 150 caracteres.');
  });

  it('offers the four previous quarters, the current one (preselected) and the next', () => {
    const view = briefingComposerModal(translator('en'), composer());
    const quarter = view.blocks.find((b) => b.block_id === 'quarter') as unknown as {
      element: { options: { value: string; text: { text: string } }[]; initial_option: { value: string } };
    };
    expect(quarter.element.options.map((o) => o.value)).toEqual(['FY2026-Q2', 'FY2026-Q3', 'FY2026-Q4', 'FY2027-Q1', 'FY2027-Q2', 'FY2027-Q3']);
    expect(quarter.element.initial_option.value).toBe('FY2027-Q2');
    expect(quarter.element.options[4]!.text.text).toBe('FY 2026-27 Q2 (Oct–Dec 2026) · current');
    expect(view.callback_id).toBe(BRIEFING_CALLBACK_ID);
    expect(view.notify_on_close).toBe(true);
  });

  it('has channels and a time only while not posted; a posted one says where it is', () => {
    const t = translator('en');
    const ids = (d: ComposerData) => briefingComposerModal(t, d).blocks.map((b) => b.block_id);
    expect(ids(composer())).toEqual(expect.arrayContaining(['channels', 'time', 'more', bodyBlockId(0, 0)]));
    const posted = briefingComposerModal(t, composer({ meta: { mode: 'posted', id: 3, parts: 1, gen: 0, posted: [{ channelId: 'C0A', permalink: null }] } }));
    expect(posted.blocks.map((b) => b.block_id)).not.toContain('channels');
    expect(JSON.stringify(posted.blocks)).toContain('Posted in <#C0A>');
    expect(posted.notify_on_close).toBe(false);
    expect(posted.submit?.text).toBe('Update messages');
  });

  it('reads back what was entered, whatever the generation of the message inputs', () => {
    const meta = { mode: 'edit' as const, id: 4, parts: 2, gen: 2 };
    const values = {
      quarter: { value: { selected_option: { value: 'FY2027-Q2' } } },
      title: { value: { value: 'Q2 update' } },
      [bodyBlockId(2, 0)]: { value: { value: 'First part' } },
      [bodyBlockId(2, 1)]: { value: { value: 'Second part' } },
      [bodyBlockId(1, 0)]: { value: { value: 'stale' } },
      channels: { value: { selected_conversations: ['C0A', 'C0B'] } },
      time: { value: { selected_date_time: 1_800_000_000 } },
    };
    const read = readComposerValues(values, decodeComposerMeta(encodeComposerMeta(meta)));
    expect(read).toEqual({
      quarterKey: 'FY2027-Q2',
      title: 'Q2 update',
      bodyParts: ['First part', 'Second part'],
      body: 'First part\n\nSecond part',
      channelIds: ['C0A', 'C0B'],
      scheduledFor: new Date(1_800_000_000_000),
      asCanvas: false,
    });
    expect(composerBlockFor('body', meta)).toBe(bodyBlockId(2, 0));
    expect(composerBlockFor('channels', { ...meta, mode: 'posted' })).toBeUndefined();
  });

  it('treats unreadable metadata as a new briefing', () => {
    expect(decodeComposerMeta('{nope')).toEqual({ mode: 'new', id: null, parts: 1, gen: 0 });
    expect(decodeComposerMeta(JSON.stringify({ mode: 'posted', id: -3, parts: 99 }))).toMatchObject({
      mode: 'new',
      id: null,
      parts: BRIEFING_LIMITS.bodyParts,
    });
  });
});

describe('the list, the posted DM and the reminder', () => {
  const item = (id: number, status: BriefingListItem['status']): BriefingListItem => ({
    id,
    title: `Briefing ${id} <b>`,
    quarterKey: 'FY2027-Q2',
    status,
    channelIds: ['C0A', 'C0B'],
    scheduledFor: new Date('2026-12-01T17:00:00Z'),
    postedAt: status === 'POSTED' ? new Date('2026-12-01T17:01:00Z') : null,
    updatedAt: NOW,
    posts:
      status === 'POSTED'
        ? [
            { channelId: 'C0A', permalink: 'https://x.slack.com/archives/C0A/p1' },
            { channelId: 'C0B', permalink: null },
          ]
        : [],
  });

  it.each(LANGUAGES)('lists ten briefings within limits with Edit on each and Cancel while not posted (%s)', (lang) => {
    const statuses = ['DRAFT', 'SCHEDULED', 'POSTED', 'CANCELLED'] as const;
    const msg = briefingListMessage(
      translator(lang),
      Array.from({ length: 10 }, (_, i) => item(i + 1, statuses[i % 4]!)),
      'notice',
    );
    expect(messageProblems(msg.blocks)).toEqual([]);
    type Loose = { type: string; accessory?: { action_id: string; value: string }; elements?: { action_id: string; value: string }[] };
    const buttons = (msg.blocks as unknown as Loose[]).flatMap((b) => (b.accessory ? [b.accessory] : b.type === 'actions' ? (b.elements ?? []) : []));
    expect(buttons.filter((b) => b.action_id === BRIEFING_ACTIONS.edit)).toHaveLength(10);
    expect(buttons.filter((b) => b.action_id === BRIEFING_ACTIONS.cancel).map((b) => b.value)).toEqual(['1', '2', '5', '6', '9', '10']);
    expect(buttons.filter((b) => b.action_id === BRIEFING_ACTIONS.create)).toHaveLength(1);
    expect(JSON.stringify(msg.blocks)).toContain('Briefing 1 &lt;b&gt;');
  });

  it('never exceeds 50 blocks, however many briefings it is given', () => {
    const msg = briefingListMessage(
      translator('en'),
      Array.from({ length: 40 }, (_, i) => item(i + 1, 'SCHEDULED')),
      'notice',
    );
    expect(msg.blocks.length).toBeLessThanOrEqual(50);
    expect(messageProblems(msg.blocks)).toEqual([]);
  });

  it('tells the composer where it was posted and where it failed', () => {
    const msg = briefingPostedMessage(translator('en'), {
      title: 'Q2',
      quarterKey: 'FY2027-Q2',
      posts: [{ channelId: 'C0A', permalink: 'https://x.slack.com/archives/C0A/p1' }],
      failed: [{ channelId: 'C0B', reason: 'not_in_channel' }],
    });
    expect(messageProblems(msg.blocks)).toEqual([]);
    const text = JSON.stringify(msg.blocks);
    expect(text).toContain('<#C0A> (<https://x.slack.com/archives/C0A/p1|open>)');
    expect(text).toContain('It could not be posted in <#C0B> (`not_in_channel`)');
    expect(msg.text).toBe('Your briefing “Q2” is posted.');
  });

  it.each(LANGUAGES)('reminds with a Compose button naming the quarter (%s)', (lang) => {
    const q = parsePeriodKey('FY2027-Q2')!;
    const msg = briefingReminderMessage(translator(lang), q);
    expect(messageProblems(msg.blocks)).toEqual([]);
    const button = (msg.blocks[0] as { accessory: { action_id: string; value: string } }).accessory;
    expect(button).toMatchObject({ action_id: 'briefing:compose', value: 'FY2027-Q2' });
    expect(msg.text).toContain('<!date^');
  });
});
