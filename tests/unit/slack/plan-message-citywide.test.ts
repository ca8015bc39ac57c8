// /reap plan for a citywide plan: pillars instead of objectives, lead and partner
// departments per strategy, restricted strategies without working detail, all within
// Slack's limits at their worst; and the pillar argument of the command.
import { describe, expect, it } from 'vitest';
import { parsePlanArgs } from '../../../src/slack/features/plan/plan-command.js';
import { LANGUAGES, translator } from '../../../src/slack/i18n/index.js';
import { PLAN_PAGE_SIZE, decodePlanPage, encodePlanPage, planMessage } from '../../../src/slack/features/plan/ui/plan-message.js';
import { MESSAGE_TEXT_BUDGET, TODAY, allText, citywidePlanView, slackProblems, textLength } from './status-fixtures.js';

describe('citywide plan message', () => {
  it.each(LANGUAGES)('keeps a full page with long pillars and many partners within Slack’s limits (%s)', (lang) => {
    const v = citywidePlanView({ page: 2, pageSize: PLAN_PAGE_SIZE, total: 23, perPillar: 3 });
    for (const s of v.objectives.flatMap((o) => o.strategies)) s.canManage = true;
    const msg = planMessage(translator(lang), v, TODAY);
    expect(slackProblems(msg.blocks, 'message')).toEqual([]);
    expect(msg.blocks.length).toBeLessThanOrEqual(50);
    expect(textLength(msg.blocks)).toBeLessThan(MESSAGE_TEXT_BUDGET);
  });

  it.each(LANGUAGES)('lists every pillar when no strategy is recorded (%s)', (lang) => {
    const v = citywidePlanView({ page: 1, pageSize: PLAN_PAGE_SIZE, total: 0 });
    const msg = planMessage(translator(lang), v, TODAY);
    expect(slackProblems(msg.blocks, 'message')).toEqual([]);
    expect(allText(msg.blocks).match(/\*(?:Pillar|Pilar|Trụ cột) \d/g)).toHaveLength(4);
  });

  it('leaves owner, due date and last update out of restricted strategies, and names lead and partners', () => {
    const v = citywidePlanView({ page: 1, pageSize: 2, total: 2, perPillar: 2 });
    const [open, restricted] = v.objectives[0]!.strategies;
    restricted!.owner = { slackUserId: 'U0SECRET', name: 'Hidden' };
    const blocks = planMessage(translator('en'), v, TODAY).blocks as { text?: { text: string } }[];
    const textOfItem = (label: string) => blocks.find((b) => b.text?.text.startsWith(`*${label}*`))?.text?.text ?? '';
    expect(textOfItem(restricted!.label)).toContain('owner and dates: for the lead and partner departments');
    expect(textOfItem(restricted!.label)).not.toContain('U0SECRET');
    expect(textOfItem(open!.label)).toContain('lead: Department of');
    // Twelve long names do not fit: the codes stand in for them.
    expect(textOfItem(open!.label)).toContain('partners: D1, D2, D3');
  });

  it('carries the pillar in the paging buttons', () => {
    const ref = { department: '', planKey: 'WSJ-2021-2024', page: 2, pageSize: 10, pillar: 3 };
    expect(decodePlanPage(encodePlanPage(ref))).toEqual(ref);
    expect(decodePlanPage('{"d":"","k":"WSJ","p":1,"s":10,"i":"3"}')).toBeNull();
  });

  it('reads a pillar after a plan, alone, and in Spanish and Vietnamese', () => {
    expect(parsePlanArgs('WSJ pillar 2')).toEqual({ department: 'WSJ', pillar: 2 });
    expect(parsePlanArgs('pillar 4')).toEqual({ pillar: 4 });
    expect(parsePlanArgs('WSJ pilar 1')).toEqual({ department: 'WSJ', pillar: 1 });
    expect(parsePlanArgs('WSJ trụ cột 3')).toEqual({ department: 'WSJ', pillar: 3 });
    expect(parsePlanArgs('WSJ-2021-2024')).toEqual({ department: 'WSJ-2021-2024' });
    expect(parsePlanArgs('LIB-FY2024-2026')).toEqual({ department: 'LIB', planKey: 'LIB-FY2024-2026' });
  });
});
