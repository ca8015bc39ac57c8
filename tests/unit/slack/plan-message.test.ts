// /reap plan pages against Slack's limits, the paging buttons and what they carry.
import { describe, expect, it } from 'vitest';
import { LANGUAGES, translator } from '../../../src/slack/i18n/index.js';
import {
  PLAN_PAGE_SIZE,
  decodePlanPage,
  encodePlanPage,
  planMessage,
  readsOtherDepartments,
  typedMeasuresText,
} from '../../../src/slack/features/plan/ui/plan-message.js';
import { parsePlanArgs } from '../../../src/slack/features/plan/plan-command.js';
import { MESSAGE_TEXT_BUDGET, TODAY, allText, buttonsOf, planView, slackProblems, textLength } from './status-fixtures.js';

type Nav = { type: string; block_id?: string; elements?: { action_id: string; value: string }[] };
const navOf = (blocks: unknown[]) => (blocks as Nav[]).find((b) => b.block_id === 'plan_nav')?.elements ?? [];

describe('plan message', () => {
  it.each(LANGUAGES)('keeps a full page of long strategies, each under its own objective, within Slack’s limits (%s)', (lang) => {
    const msg = planMessage(translator(lang), planView({ page: 2, pageSize: PLAN_PAGE_SIZE, total: 95 }), TODAY);
    expect(slackProblems(msg.blocks, 'message')).toEqual([]);
    expect(msg.blocks.length).toBeLessThanOrEqual(50);
    expect(textLength(msg.blocks)).toBeLessThan(MESSAGE_TEXT_BUDGET);
  });

  it('groups strategies under their objectives and says which part of the plan this is', () => {
    const text = allText(planMessage(translator('en'), planView({ page: 1, pageSize: 10, total: 12, perObjective: 4 }), TODAY).blocks);
    expect(text).toContain('Strategies 1–10 of 12 · page 1 of 2');
    expect(text.match(/\*Objective \d:\*/g)).toEqual(['*Objective 1:*', '*Objective 2:*', '*Objective 3:*']);
    expect(text).toContain('*1.1* 0: Reach &lt;!channel&gt;');
    expect(text).toContain('Other plans of this department: `LIB-FY2021-2023`');
    expect(text).not.toContain('<!channel>');
  });

  it('offers Next on the first page, both in the middle, Previous on the last, none for one page', () => {
    const ids = (page: number, total: number) =>
      navOf(planMessage(translator('en'), planView({ page, pageSize: 10, total }), TODAY).blocks).map((e) => e.action_id);
    expect(ids(1, 25)).toEqual(['plan:next']);
    expect(ids(2, 25)).toEqual(['plan:previous', 'plan:next']);
    expect(ids(3, 25)).toEqual(['plan:previous']);
    expect(ids(1, 7)).toEqual([]);
  });

  it('carries the department, plan and page in the buttons, and refuses values it did not write', () => {
    const [prev, next] = navOf(planMessage(translator('en'), planView({ page: 2, pageSize: 10, total: 25 }), TODAY).blocks);
    expect(decodePlanPage(prev!.value)).toEqual({ department: 'LIB', planKey: 'LIB-FY2024-2026', page: 1, pageSize: 10 });
    expect(decodePlanPage(next!.value)).toEqual({ department: 'LIB', planKey: 'LIB-FY2024-2026', page: 3, pageSize: 10 });
    const ref = { department: 'DOT', planKey: 'DOT-FY2024-2026', page: 4, pageSize: 10 };
    expect(decodePlanPage(encodePlanPage(ref))).toEqual(ref);
    for (const bad of [undefined, '', 'not json', '{"d":1,"k":"x","p":1,"s":10}', '{"d":"LIB","k":"x","p":"2","s":10}', '[]', 'null']) {
      expect(decodePlanPage(bad)).toBeNull();
    }
  });

  it('puts Update beside strategies the reader may report on, and no due phrase on completed work', () => {
    const v = planView({ page: 1, pageSize: 10, total: 10 });
    const msg = planMessage(translator('en'), v, TODAY);
    const updatable = v.objectives.flatMap((o) => o.strategies).filter((s) => s.canUpdate);
    expect(buttonsOf(msg.blocks)).toEqual(updatable.map((s) => ({ actionId: 'update:open', value: String(s.id) })));
    const completed = (msg.blocks as { text?: { text: string } }[]).find((b) => b.text?.text.includes(':white_check_mark: Completed'));
    expect(completed?.text?.text).not.toMatch(/due |overdue/);
  });

  it('gives an equity lead a Manage menu under each strategy, still within Slack’s limits on a full page', () => {
    const v = planView({ page: 2, pageSize: PLAN_PAGE_SIZE, total: 95 });
    for (const s of v.objectives.flatMap((o) => o.strategies)) s.canManage = true;
    const msg = planMessage(translator('es'), v, TODAY);
    type Block = { type: string; elements?: { type: string; action_id: string; options: { value: string }[] }[] };
    const menus = (msg.blocks as Block[]).flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : [])).filter((e) => e.type === 'overflow');
    expect(menus).toHaveLength(PLAN_PAGE_SIZE);
    const first = v.objectives[0]!.strategies[0]!;
    expect(menus[0]!.action_id).toBe('strategy:manage');
    expect(menus[0]!.options.map((o) => o.value)).toEqual([
      `edit:${first.id}`,
      `reassign:${first.id}`,
      `defer:${first.id}`,
      `close:${first.id}`,
      `milestone:add:${first.id}`,
    ]);
    expect(slackProblems(msg.blocks, 'message')).toEqual([]);
    expect(msg.blocks.length).toBeLessThanOrEqual(50);
  });

  it('shows no Manage menu to someone who may only report', () => {
    const msg = planMessage(translator('en'), planView({ page: 1, pageSize: 10, total: 10 }), TODAY);
    expect(JSON.stringify(msg.blocks)).not.toContain('strategy:manage');
  });

  it('says when a plan has no strategies', () => {
    const msg = planMessage(translator('vi'), planView({ page: 1, pageSize: 10, total: 0 }), TODAY);
    expect(allText(msg.blocks)).toContain('Kế hoạch này chưa có chiến lược nào đang thực hiện.');
    expect(slackProblems(msg.blocks, 'message')).toEqual([]);
  });
});

describe('/reap plan arguments', () => {
  it('invites only readers who may see other departments to open another department’s plan', () => {
    const staff = allText(planMessage(translator('en'), planView({ page: 1, pageSize: 10, total: 3 }), TODAY).blocks);
    expect(staff).toContain('Due dates show in your time zone.');
    expect(staff).not.toContain('Another department');
    const admin = allText(
      planMessage(
        translator('es'),
        planView({ page: 1, pageSize: 10, total: 3 }),
        TODAY,
        readsOtherDepartments({ roles: ['ORSE_ADMIN'], departmentId: null, managedDepartmentIds: [] }),
      ).blocks,
    );
    expect(admin).toContain('Otro departamento: `/reap plan <nombre o código>`.');
    expect(readsOtherDepartments({ roles: ['STAFF'], departmentId: 1, managedDepartmentIds: [] })).toBe(false);
    expect(readsOtherDepartments({ roles: ['MANAGER'], departmentId: 1, managedDepartmentIds: [1] })).toBe(false);
    expect(readsOtherDepartments({ roles: ['MANAGER'], departmentId: 1, managedDepartmentIds: [1, 2] })).toBe(true);
  });

  it('reads a plan key as that department’s plan, anything else as a department', () => {
    expect(parsePlanArgs('')).toEqual({});
    expect(parsePlanArgs('LIB-FY2024-2026')).toEqual({ department: 'LIB', planKey: 'LIB-FY2024-2026' });
    expect(parsePlanArgs('orse-fy2023-2024')).toEqual({ department: 'orse', planKey: 'orse-fy2023-2024' });
    expect(parsePlanArgs('public library')).toEqual({ department: 'public library' });
  });
});

describe('typed measures on a plan page', () => {
  const fact = (over: Partial<Parameters<typeof typedMeasuresText>[1][number]>) => ({
    label: 'Workforce trained',
    kind: 'PERCENT' as const,
    unit: '',
    target: 98,
    direction: 'INCREASE' as const,
    latest: { value: 98.5, periodKey: 'FY2024-Q3' },
    ...over,
  });

  it('shows each measure’s latest value against its target, or that none was reported', () => {
    const t = translator('en');
    expect(
      typedMeasuresText(t, [
        fact({}),
        fact({ label: 'Trainings held', kind: 'COUNT', unit: 'trainings', target: 15, latest: { value: 12, periodKey: 'FY2024-Q3' } }),
        fact({ label: 'Policy adopted', kind: 'YES_NO', target: null, latest: null }),
      ]),
    ).toBe(
      '*Measures:* Workforce trained latest 98.5% (FY 2023-24 Q3, on target (98%)) · Trainings held latest 12 trainings (FY 2023-24 Q3, :warning: off target (15 trainings)) · Policy adopted not reported yet',
    );
    expect(typedMeasuresText(t, [])).toBe('');
  });

  it('appears under the strategy on the page, in the reader’s language', () => {
    const view = planView({ page: 1, pageSize: 3, total: 3 });
    view.objectives[0]!.strategies[0]!.typedMeasures = [fact({})];
    expect(allText(planMessage(translator('es'), view, TODAY).blocks)).toContain(
      '*Indicadores:* Workforce trained último 98.5% (AF 2023-24 T3, en la meta (98%))',
    );
  });
});
