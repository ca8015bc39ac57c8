// The App Home by role against the Home tab's 100 blocks: whatever the amount of work, the
// view is valid, the most important things come first and the rest is pointed to.
import { describe, expect, it } from 'vitest';
import { LANGUAGES, translator } from '../../../src/slack/i18n/index.js';
import { HOME_MAX_BLOCKS, homeView, type HomeData } from '../../../src/slack/features/home/ui/home-view.js';
import { homeCharts } from '../../../src/slack/features/home/ui/home-charts.js';
import { TODAY, allText, buttonsOf, citywide, departmentStatus, myDeadlines, ownerCoverage, reportable, slackProblems } from './status-fixtures.js';

const common = { name: 'Grace <Kim> & co', today: TODAY };

const HUGE: Record<string, HomeData> = {
  staff: { ...common, role: 'staff', deadlines: myDeadlines(80, 80), strategies: reportable(300, 150) },
  lead: { ...common, role: 'lead', deadlines: myDeadlines(80, 80), status: departmentStatus(300) },
  manager: { ...common, role: 'manager', deadlines: myDeadlines(80, 80), departments: Array.from({ length: 70 }, () => departmentStatus(300)) },
  admin: { ...common, role: 'admin', deadlines: myDeadlines(80, 80), citywide: citywide(120), coverage: ownerCoverage(400) },
};

const lastText = (blocks: unknown[]) => JSON.stringify(blocks.at(-1));

describe('App Home', () => {
  for (const lang of LANGUAGES) {
    it.each(Object.keys(HUGE))(`stays within 100 blocks and Slack’s rules for a %s with far too much work (${lang})`, (role) => {
      const t = translator(lang);
      const view = homeView(t, HUGE[role]!);
      expect(view.type).toBe('home');
      expect(view.blocks.length).toBeLessThanOrEqual(HOME_MAX_BLOCKS);
      expect(slackProblems(view.blocks, 'home')).toEqual([]);
      // What did not fit is pointed to, and the footer with the commands is last.
      expect(allText(view.blocks)).toContain(JSON.stringify(t('home.seeMore')).slice(1, -1));
      expect(lastText(view.blocks)).toContain('/reap help');
    });
  }

  it('greets staff, lists their deadlines, their own strategies, then their department’s, with Update buttons', () => {
    const data: HomeData = { ...common, role: 'staff', deadlines: myDeadlines(1, 1), strategies: reportable(4, 2) };
    const view = homeView(translator('en'), data);
    const text = allText(view.blocks);
    expect(text).toContain('Hello Grace &lt;Kim&gt; &amp; co.');
    expect(text.indexOf('*Your deadlines*')).toBeLessThan(text.indexOf('*Your strategies*'));
    expect(text.indexOf('*Your strategies*')).toBeLessThan(text.indexOf('San José Public Library: strategies you can report on'));
    expect(text).toContain('reported for FY 2026-27 Q2');
    expect(text).toContain('no update for FY 2026-27 Q2 yet');
    expect(text).not.toContain('The list is longer');
    const strategyButtons = buttonsOf(view.blocks).filter((b) => Number(b.value) >= 4000);
    expect(strategyButtons.map((b) => b.value)).toEqual(['4000', '4001', '4002', '4003']);
    expect(buttonsOf(view.blocks).every((b) => b.actionId === 'update:open')).toBe(true);
  });

  it('tells staff who own nothing yet who can assign them work', () => {
    const view = homeView(translator('en'), { ...common, role: 'staff', deadlines: myDeadlines(0, 0), strategies: [] });
    const text = allText(view.blocks);
    expect(text).toContain('Nothing you own is overdue or due in the next 14 days.');
    expect(text).toContain('You don’t own any strategy yet.');
  });

  it('shows an equity lead their department’s counts and lists', () => {
    const view = homeView(translator('en'), { ...common, role: 'lead', deadlines: myDeadlines(0, 0), status: departmentStatus(3) });
    const text = allText(view.blocks);
    expect(text).toContain(':bar_chart: *San José Public Library &amp; Friends &lt;of&gt; the Library*');
    expect(text).toContain('*3* active strategies');
    expect(text).toContain('*Overdue*');
    expect(text).not.toContain('The list is longer');
  });

  it('shows a manager each department they oversee', () => {
    const departments = [departmentStatus(2, 'Housing Department'), departmentStatus(5, 'Parks, Recreation and Neighborhood Services')];
    const text = allText(homeView(translator('en'), { ...common, role: 'manager', deadlines: myDeadlines(0, 0), departments }).blocks);
    expect(text).toContain('*Departments you oversee*');
    expect(text).toContain('*Housing Department*: 2 active strategies');
    expect(text).toContain('*FY 2026-27 Q2*: 0 reported · 2 not reported · 2 overdue · 2 due in the next 14 days');
    expect(text).toContain('*Parks, Recreation and Neighborhood Services*: 5 active strategies');
  });

  it('shows ORSE admins the citywide table and the silent departments', () => {
    const text = allText(
      homeView(translator('es'), { ...common, role: 'admin', deadlines: myDeadlines(0, 0), citywide: citywide(8), coverage: ownerCoverage(0) }).blocks,
    );
    expect(text).toContain(':city_sunset: *Toda la Ciudad*');
    expect(text).toContain('*Departamentos*: estrategias');
    expect(text).toContain('*Sin informes este trimestre*');
    expect(text).toContain('Todas las estrategias abiertas tienen una persona responsable activa');
  });

  it('shows ORSE admins owner coverage after the citywide view, with Reassign buttons and the way to the full list', () => {
    const view = homeView(translator('en'), { ...common, role: 'admin', deadlines: myDeadlines(2, 2), citywide: citywide(60), coverage: ownerCoverage(40) });
    const text = allText(view.blocks);
    expect(slackProblems(view.blocks, 'home')).toEqual([]);
    expect(text.indexOf('*Citywide*')).toBeLessThan(text.indexOf('*Owner coverage*'));
    expect(text).toContain(':bust_in_silhouette: *No owner* (10)');
    expect(text).toContain('The full list: `/reap status coverage`');
    const reassign = buttonsOf(view.blocks).filter((b) => b.actionId === 'strategy:reassign');
    expect(reassign.length).toBe(10);
    // Citywide rows squeezed by a long deadline list still leave coverage its room.
    const crowded = homeView(translator('vi'), {
      ...common,
      role: 'admin',
      deadlines: myDeadlines(80, 80),
      citywide: citywide(400),
      coverage: ownerCoverage(400),
    });
    expect(crowded.blocks.length).toBeLessThanOrEqual(HOME_MAX_BLOCKS);
    expect(slackProblems(crowded.blocks, 'home')).toEqual([]);
    expect(buttonsOf(crowded.blocks).filter((b) => b.actionId === 'strategy:reassign').length).toBe(10);
  });

  it('charts an owner’s measures against their targets in every role, and keeps within 100 blocks', () => {
    const t = translator('vi');
    const trend = { measureId: 1, label: 'Thẻ thư viện', kind: 'COUNT' as const, unit: 'thẻ', target: 1200, direction: 'INCREASE' as const };
    const measureTrends = [
      { ...trend, points: [{ periodKey: 'FY2027-Q1', value: 900 }] },
      { ...trend, measureId: 2, label: 'Lớp học', target: 10, points: [{ periodKey: 'FY2027-Q2', value: 12 }] },
    ];
    for (const role of Object.keys(HUGE)) {
      const data = { ...HUGE[role]!, measureTrends } as HomeData;
      const charts = homeCharts(t, data);
      const ids = charts.map((c) => c.blockId).filter((id) => id.startsWith('home_chart_measure'));
      expect({ role, ids }).toEqual({ role, ids: ['home_chart_measure_1', 'home_chart_measure_2'] });
      expect(charts.find((c) => c.blockId === 'home_chart_measure_1')!.chart.alt).toContain('NTC 2026-27 Quý 1: 900 thẻ');
      const view = homeView(t, { ...data, charts: charts.map((c, i) => ({ ...c, fileId: `F${i}` })) } as HomeData);
      expect(view.blocks.length).toBeLessThanOrEqual(HOME_MAX_BLOCKS);
      expect(slackProblems(view.blocks, 'home')).toEqual([]);
      expect(lastText(view.blocks)).toContain('/reap help');
    }
    // A manager with little to oversee sees theirs after the departments.
    const manager: HomeData = {
      ...common,
      role: 'manager',
      deadlines: myDeadlines(0, 0),
      departments: [departmentStatus(2, 'Housing Department')],
      measureTrends,
    };
    const shown = homeCharts(t, manager).map((c, i) => ({ ...c, fileId: `F${i}` }));
    const blocks = homeView(t, { ...manager, charts: shown }).blocks;
    expect(blocks.filter((b) => b.type === 'image').map((b) => b.block_id)).toEqual(['home_chart_measure_1', 'home_chart_measure_2']);
    const housing = blocks.findIndex((b) => JSON.stringify(b).includes('Housing Department'));
    expect(housing).toBeGreaterThan(-1);
    expect(housing).toBeLessThan(blocks.findIndex((b) => b.block_id === 'home_chart_measure_1'));
  });

  it('welcomes people REAP Tracker does not know and says whom to ask', () => {
    for (const lang of LANGUAGES) {
      const t = translator(lang);
      const withContacts = homeView(t, { role: 'unknown', contacts: '<@U0LIB01>, <@U0ORSE01>' });
      expect(slackProblems(withContacts.blocks, 'home')).toEqual([]);
      expect(allText(withContacts.blocks)).toContain('<@U0LIB01>, <@U0ORSE01>');
      const nobody = homeView(t, { role: 'unknown', contacts: null });
      expect(allText(nobody.blocks)).toContain(t('home.unknown.contactsFallback'));
      expect(buttonsOf(nobody.blocks)).toEqual([]);
    }
  });
});
