// "Since the end of last quarter" as people read it in /reap status, App Home and the
// weekly digest: the counts that matter first, a few strategies by name, the rest counted,
// and within Slack's limits however much changed.
import { describe, expect, it } from 'vitest';
import { parsePeriodKey } from '../../../src/domain/fiscal-calendar.js';
import { periodChanges, type CurrentStrategy } from '../../../src/domain/period-changes.js';
import type { ChangesSinceLastQuarter } from '../../../src/services/period-changes.js';
import { LANGUAGES, translator } from '../../../src/slack/i18n/index.js';
import { homeView } from '../../../src/slack/features/home/ui/home-view.js';
import { changesSummary, periodChangesBlocks } from '../../../src/slack/ui/period-changes.js';
import { citywideStatusMessage, departmentStatusMessage } from '../../../src/slack/features/status/ui/status-message.js';
import { NASTY, TODAY, allText, citywide, departmentStatus, myDeadlines, ownerCoverage, slackProblems } from './status-fixtures.js';

function changesOf(strategies: CurrentStrategy[]): ChangesSinceLastQuarter {
  return { since: parsePeriodKey('FY2027-Q1')!, quarter: parsePeriodKey('FY2027-Q2')!, changes: periodChanges(strategies) };
}

const some = changesOf([
  { id: 1, label: '1.1', text: 'Bilingual story time', status: 'COMPLETED', reportedThisQuarter: true, previous: { status: 'IN_PROGRESS', reported: true } },
  { id: 2, label: '1.2', text: 'Sensory-friendly hours', status: 'COMPLETED', reportedThisQuarter: true, previous: { status: 'ONGOING', reported: true } },
  { id: 3, label: '2.1', text: NASTY, status: 'IN_PROGRESS', reportedThisQuarter: true, previous: { status: 'NOT_STARTED', reported: false } },
  { id: 4, label: '2.2', text: 'Tenant clinics', status: 'DEFERRED', reportedThisQuarter: false, previous: { status: 'IN_PROGRESS', reported: true } },
]);

const many = changesOf(
  Array.from({ length: 300 }, (_, i) => ({
    id: i,
    label: `${Math.floor(i / 10) + 1}.${(i % 10) + 1}`,
    text: `${NASTY}${'word '.repeat(300)}`,
    status: i % 2 ? 'COMPLETED' : 'IN_PROGRESS',
    reportedThisQuarter: i % 3 === 0,
    previous: i % 5 === 0 ? null : { status: 'NOT_STARTED', reported: i % 4 === 0 },
  })),
);

describe('changes since last quarter', () => {
  it('sums up what moved, completions first, and names the strategies behind it', () => {
    const t = translator('en');
    expect(changesSummary(t, some)).toBe('*Since the end of FY 2026-27 Q1:* 2 completed, 1 deferred, 1 started');
    const text = allText(periodChangesBlocks(t, some));
    expect(text).toContain('*1.1* Bilingual story time: :large_blue_circle: In Progress → :white_check_mark: Completed');
    expect(text).toContain('Tenant clinics: :large_blue_circle: In Progress → :double_vertical_bar: Deferred');
    // What people typed never mentions anyone.
    expect(text).not.toContain('<!channel>');
  });

  it('says so when nothing changed, and shows nothing without a last quarter to compare with', () => {
    const still = changesOf([
      { id: 1, label: '1.1', text: 'Story time', status: 'ONGOING', reportedThisQuarter: true, previous: { status: 'ONGOING', reported: true } },
    ]);
    expect(allText(periodChangesBlocks(translator('en'), still))).toContain('no status changes');
    expect(periodChangesBlocks(translator('en'), null)).toEqual([]);
  });

  it.each(LANGUAGES)('names five and counts the rest, within Slack’s limits (%s)', (lang) => {
    const t = translator(lang);
    const blocks = periodChangesBlocks(t, many);
    expect(slackProblems(blocks, 'message')).toEqual([]);
    expect(blocks).toHaveLength(2);
    expect(allText(blocks)).toMatch(/29[0-9]/);
    // In /reap status and App Home, with everything else at its largest.
    const msg = departmentStatusMessage(t, departmentStatus(200), { isAdmin: true, changes: many });
    expect(slackProblems(msg.blocks, 'message')).toEqual([]);
    expect(msg.blocks.length).toBeLessThanOrEqual(50);
    const city = citywideStatusMessage(t, citywide(60), many);
    expect(slackProblems(city.blocks, 'message')).toEqual([]);
    const common = { name: 'Ana', today: TODAY, deadlines: myDeadlines(30, 30) };
    for (const data of [
      { ...common, role: 'lead' as const, status: departmentStatus(200), changes: many },
      { ...common, role: 'admin' as const, citywide: citywide(60), coverage: ownerCoverage(80), changes: many },
    ]) {
      const view = homeView(t, data);
      expect(slackProblems(view.blocks, 'home')).toEqual([]);
      expect(view.blocks.length).toBeLessThanOrEqual(100);
    }
  });

  it('puts the section under the counts in /reap status and on a lead’s App Home', () => {
    const t = translator('es');
    const msg = departmentStatusMessage(t, departmentStatus(3), { changes: some });
    expect(allText(msg.blocks)).toContain('*Desde el cierre de AF 2026-27 T1:* 2 completadas, 1 aplazada, 1 iniciada');
    const view = homeView(translator('vi'), {
      name: 'Lee',
      today: TODAY,
      deadlines: myDeadlines(0, 0),
      role: 'lead',
      status: departmentStatus(3),
      changes: some,
    });
    expect(allText(view.blocks)).toContain('Kể từ khi');
  });

  it('sums up each department a manager oversees in one line', () => {
    const lib = departmentStatus(3);
    const view = homeView(translator('en'), {
      name: 'Kevin',
      today: TODAY,
      deadlines: myDeadlines(0, 0),
      role: 'manager',
      departments: [lib],
      changes: new Map([[lib.department.id, some]]),
    });
    expect(allText(view.blocks)).toContain('*Since the end of FY 2026-27 Q1:* 2 completed, 1 deferred, 1 started');
    expect(allText(view.blocks)).not.toContain('Tenant clinics');
  });

  it('says which measures reached or fell short of their targets, with both values, in each language', () => {
    const measured = changesOf([
      {
        id: 1,
        label: '1.6',
        text: 'Racial equity trainings',
        status: 'IN_PROGRESS',
        reportedThisQuarter: true,
        previous: { status: 'IN_PROGRESS', reported: true },
        measures: [
          { label: 'Staff trained', kind: 'PERCENT', unit: '', target: 98, direction: 'INCREASE', previous: 90, current: 98.5 },
          { label: 'Trainings held', kind: 'COUNT', unit: 'trainings', target: 15, direction: 'INCREASE', previous: 15, current: 12 },
        ],
      },
    ]);
    const en = allText(periodChangesBlocks(translator('en'), measured));
    expect(en).toContain('1 measure fell short of its target, 1 measure reached its target');
    expect(en).toContain('Staff trained 98.5%, target 98% reached (last quarter: 90%)');
    expect(en).toContain('Trainings held 12 trainings, short of target 15 trainings (last quarter: 15 trainings)');
    const es = allText(periodChangesBlocks(translator('es'), measured));
    expect(es).toContain('1 medida alcanzó su meta');
    expect(es).toContain('meta de 98% alcanzada');
    for (const lang of LANGUAGES) expect(slackProblems(periodChangesBlocks(translator(lang), measured), 'message')).toEqual([]);
  });
});
