// Owner coverage (/reap status coverage and ORSE's App Home section) against Slack's limits,
// in every language, at sizes no City reaches.
import { describe, expect, it } from 'vitest';
import { LANGUAGES, translator } from '../../../src/slack/i18n/index.js';
import { HOME_ROWS, MESSAGE_ROWS, allotRows, coverageHomeBlocks, coverageMessage } from '../../../src/slack/features/status/ui/coverage-message.js';
import { REASSIGN_ACTION_ID } from '../../../src/slack/features/manage/ui/manage-modals.js';
import { MESSAGE_TEXT_BUDGET, allText, buttonsOf, coverageItem, ownerCoverage, slackProblems, textLength } from './status-fixtures.js';

const DEPARTMENT = { id: 1, code: 'LIB', name: 'San José Public Library & <Friends>' };

describe('allotRows', () => {
  it('shares rows evenly and gives what a short list leaves to the longer ones', () => {
    expect(allotRows([100, 100, 100, 100], 30)).toEqual([8, 8, 7, 7]);
    expect(allotRows([2, 0, 100, 100], 30)).toEqual([2, 0, 14, 14]);
    expect(allotRows([2, 1, 3, 0], 30)).toEqual([2, 1, 3, 0]);
    expect(allotRows([5, 5], 1)).toEqual([1, 0]);
    expect(allotRows([5, 5], 0)).toEqual([0, 0]);
  });
});

describe('owner coverage message', () => {
  it.each(LANGUAGES)('stays within Slack’s limits with 2,000 strategies needing attention (%s)', (lang) => {
    const msg = coverageMessage(translator(lang), ownerCoverage(2000));
    expect(slackProblems(msg.blocks, 'message')).toEqual([]);
    expect(msg.blocks.length).toBeLessThanOrEqual(50);
    expect(textLength(msg.blocks)).toBeLessThan(MESSAGE_TEXT_BUDGET);
    expect(buttonsOf(msg.blocks)).toHaveLength(MESSAGE_ROWS);
    expect(msg.text.length).toBeGreaterThan(0);
  });

  it('counts each reason at the top, then lists each with department, ref, owner and due date', () => {
    const c = ownerCoverage(40);
    const msg = coverageMessage(translator('en'), c);
    const text = allText(msg.blocks);
    expect(msg.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Owner coverage' } });
    expect(text).toContain(`*${c.total}* open strategies need attention`);
    for (const [reason, label] of [
      ['noOwner', 'No owner'],
      ['inactiveOwner', 'Owner left or must be replaced'],
      ['neverUpdated', 'Never updated'],
      ['overdue', 'Overdue'],
    ] as const) {
      expect(text).toContain(`${label}: *${c.counts[reason]}*`);
      expect(text).toContain(`*${label}* (${c.counts[reason]})`);
    }
    // The first overdue strategy with no owner: department code, "1.1", its text's start, due date.
    expect(text).toContain('*D000XYZW* · *1.1* 0: Reach &lt;!channel&gt; &amp; &lt;@U123&gt;');
    expect(text).toContain('No owner · due <!date^');
    expect(text).toContain('(8 days overdue)');
    expect(text).toContain('Owner: <@U0OWNER1> (no longer active)');
    expect(text).toContain('Owner: <@U0OWNER2> (marked for a new owner)');
    expect(text).not.toContain('<!channel>');
    // 40 strategies do not fit in 30 rows: the rest are counted with the way to narrow down.
    expect(text).toMatch(/…and \d+ more\. One department at a time: `\/reap status coverage <name or code>`\./);
  });

  it('gives every row the Reassign button of the deactivation DM, with unique block ids', () => {
    const c = ownerCoverage(12);
    const msg = coverageMessage(translator('es'), c);
    const buttons = buttonsOf(msg.blocks);
    expect(buttons.every((b) => b.actionId === REASSIGN_ACTION_ID)).toBe(true);
    // A strategy under several headings has a row under each.
    const both = c.groups.noOwner.find((i) => c.groups.neverUpdated.includes(i))!;
    const headings = Object.values(c.groups).filter((list) => list.includes(both)).length;
    expect(headings).toBeGreaterThanOrEqual(2);
    expect(buttons.filter((b) => b.value === String(both.id))).toHaveLength(headings);
    const ids = msg.blocks.map((b) => (b as { block_id?: string }).block_id).filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
    expect(allText(msg.blocks)).toContain('"text":"Reasignar"');
    expect(allText(msg.blocks)).not.toContain('…y ');
  });

  it('names the department asked for and points at its plan for what did not fit', () => {
    const msg = coverageMessage(translator('vi'), ownerCoverage(200, DEPARTMENT));
    const text = allText(msg.blocks);
    expect(msg.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Tình trạng người phụ trách: San José Public Library & <Friends>' } });
    expect(text).toContain('Mọi chiến lược của sở: `/reap plan LIB`.');
  });

  it('says so when every open strategy is covered', () => {
    const msg = coverageMessage(translator('en'), ownerCoverage(0));
    expect(allText(msg.blocks)).toContain('Every open strategy has an active owner');
    expect(buttonsOf(msg.blocks)).toEqual([]);
    expect(slackProblems(msg.blocks, 'message')).toEqual([]);
  });

  it('shows a strategy without a department or a due date', () => {
    const c = ownerCoverage(0);
    const item = coverageItem(0, { department: null, dueDate: null });
    c.groups.noOwner.push(item);
    c.counts.noOwner = 1;
    c.total = 1;
    const text = allText(coverageMessage(translator('en'), c).blocks);
    expect(text).toContain('*No department* · *1.1*');
    expect(text).toContain('No owner · no due date');
  });
});

describe('owner coverage on the App Home', () => {
  it.each(LANGUAGES)('holds at most HOME_ROWS rows and fits any room it is given (%s)', (lang) => {
    const t = translator(lang);
    const c = ownerCoverage(2000);
    const full = coverageHomeBlocks(t, c, 100);
    expect(buttonsOf(full.blocks)).toHaveLength(HOME_ROWS);
    expect(full.blocks.length).toBeLessThanOrEqual(HOME_ROWS + 11);
    expect(slackProblems(full.blocks, 'home')).toEqual([]);
    expect(allText(full.blocks)).toContain('/reap status coverage');
    for (const room of [0, 5, 11, 12, 15]) expect(coverageHomeBlocks(t, c, room).blocks.length).toBeLessThanOrEqual(room);
    expect(coverageHomeBlocks(t, c, 5).blocks).toEqual([]);
  });
});
