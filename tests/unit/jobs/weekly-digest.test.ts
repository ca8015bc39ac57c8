// The weekly manager digest's pure parts: which facts of a department's week land in which
// list, who gets a digest, and the Block Kit it becomes (valid, split when long, in the
// reader's language).
import { describe, expect, it } from 'vitest';
import type { FiscalPeriod } from '../../../src/domain/fiscal-calendar.js';
import {
  composeDepartmentWeek,
  digestTotals,
  planManagerDigests,
  weeklyDigestWindow,
  type DepartmentWeek,
  type DigestDepartment,
  type DigestManager,
  type DigestMilestone,
  type DigestStrategy,
  type DigestUpdate,
  type ManagerDigest,
} from '../../../src/domain/weekly-digest.js';
import { validateBlocks } from '../../../src/sandbox/fake-slack/index.js';
import { translator } from '../../../src/slack/i18n/index.js';
import { appHomeUrl, weeklyDigestMessages, PLAN_OPEN_ACTION_ID, DIGEST_HOME_ACTION_ID } from '../../../src/slack/features/digests/ui/weekly-digest.js';
import { DIGEST_MAX_TEXT, blockTextLength } from '../../../src/slack/features/digests/ui/weekly-digest-split.js';

const TODAY = '2026-11-16';
const ZONE = 'America/Los_Angeles';
const FROM = new Date('2026-11-09T16:00:00Z');
const TO = new Date('2026-11-16T16:00:00Z');
const QUARTER: FiscalPeriod = { key: 'FY2027-Q2', fiscalYearEnd: 2027, cadence: 'QUARTERLY', index: 2, start: '2026-10-01', end: '2026-12-31' };
const NASTY = 'Reach <!channel> & <@U123> with *bold* claims > 100% ';
const long = (i: number) => `${i}: ${NASTY}${'word '.repeat(400)}`.slice(0, 2000);

const LIB: DigestDepartment = { id: 1, code: 'LIB', name: 'San José Public Library', reportingCadence: 'QUARTERLY' };
const DOT: DigestDepartment = { id: 2, code: 'DOT', name: 'Transportation', reportingCadence: 'MONTHLY' };
const ana = { slackUserId: 'U0ANA', name: 'Ana' };
const bao = { slackUserId: 'U0BAO', name: 'Bao' };

function strategy(id: number, over: Partial<DigestStrategy> = {}): DigestStrategy {
  return {
    id,
    departmentId: 1,
    label: `1.${id}`,
    text: `Strategy ${id}`,
    status: 'IN_PROGRESS',
    dueDate: null,
    owner: ana,
    lastPeriodStart: QUARTER.start,
    ...over,
  };
}

function update(id: number, strategyId: number, statusFrom: DigestUpdate['statusFrom'], statusTo: DigestUpdate['statusTo']): DigestUpdate {
  return {
    id,
    strategyId,
    statusFrom,
    statusTo,
    createdAt: new Date(`2026-11-1${id % 6}T18:00:00Z`),
    author: bao,
    narrative: `Update ${id}: story time ran at <Tully> & Alum Rock.`,
  };
}

function week(over: Partial<Parameters<typeof composeDepartmentWeek>[0]> = {}): DepartmentWeek {
  return composeDepartmentWeek({ department: LIB, period: QUARTER, today: TODAY, strategies: [], updates: [], milestones: [], ...over });
}

function manager(over: Partial<DigestManager> = {}): DigestManager {
  return {
    memberId: 1,
    slackUserId: 'U0MGR',
    name: 'Manager',
    roles: ['MANAGER'],
    active: true,
    language: 'en',
    slackLocale: null,
    managedDepartmentIds: [1, 2],
    weeklyDigestSubscription: null,
    ...over,
  };
}

const en = translator('en');

function assertValid(messages: { text: string; blocks: unknown[] }[]) {
  for (const m of messages) {
    expect(validateBlocks(m.blocks, 'message')).toEqual([]);
    expect(m.blocks.length).toBeLessThanOrEqual(50);
    expect(blockTextLength(m.blocks)).toBeLessThanOrEqual(DIGEST_MAX_TEXT);
    expect(m.text.trim()).not.toBe('');
  }
}

describe("a department's week", () => {
  it('sorts the week’s updates into completions, status changes and other updates', () => {
    const w = week({
      strategies: [strategy(1), strategy(2), strategy(3), strategy(4, { departmentId: 1 })],
      updates: [
        update(1, 1, 'IN_PROGRESS', 'COMPLETED'),
        update(2, 2, 'NOT_STARTED', 'IN_PROGRESS'),
        update(3, 3, 'IN_PROGRESS', 'IN_PROGRESS'),
        update(4, 99, 'IN_PROGRESS', 'COMPLETED'),
      ],
    });
    expect(w.completions.map((u) => u.strategy.label)).toEqual(['1.1']);
    expect(w.statusChanges.map((u) => [u.strategy.label, u.statusFrom, u.statusTo])).toEqual([['1.2', 'NOT_STARTED', 'IN_PROGRESS']]);
    expect(w.otherUpdates.map((u) => u.strategy.label)).toEqual(['1.3']);
    // An update of a strategy outside the department is not counted.
    expect(w.updateCount).toBe(3);
  });

  it('lists overdue work and work due soon that nobody reported on this period', () => {
    const w = week({
      strategies: [
        strategy(1, { dueDate: '2026-11-01' }), // overdue
        strategy(2, { dueDate: '2026-11-20', lastPeriodStart: null }), // at risk: due soon, never reported
        strategy(3, { dueDate: '2026-11-20' }), // due soon but reported this quarter
        strategy(4, { dueDate: '2026-11-20', status: 'DEFERRED', lastPeriodStart: null }), // deferred: never at risk
        strategy(5, { dueDate: '2026-12-31', lastPeriodStart: null }), // far away
        strategy(6, { dueDate: '2026-10-01', status: 'COMPLETED' }), // done
      ],
      milestones: [
        { id: 10, strategyId: 3, title: 'Pilot at two branches', dueDate: '2026-11-10', owner: null },
        { id: 11, strategyId: 2, title: 'Survey', dueDate: '2026-11-25', owner: bao },
        { id: 12, strategyId: 3, title: 'Reported on', dueDate: '2026-11-25', owner: null },
        { id: 13, strategyId: 6, title: 'Left over', dueDate: '2026-11-01', owner: null },
      ] satisfies DigestMilestone[],
    });
    expect(w.overdue.map((d) => [d.kind, d.id, d.daysUntilDue])).toEqual([
      ['strategy', 1, -15],
      ['milestone', 10, -6],
    ]);
    // An unowned milestone is its strategy owner's.
    expect(w.overdue[1]!.owner).toEqual(ana);
    expect(w.atRisk.map((d) => [d.kind, d.id])).toEqual([
      ['strategy', 2],
      ['milestone', 11],
    ]);
  });

  it('groups strategies without an update this period by owner, unowned last', () => {
    const w = week({
      strategies: [
        strategy(1, { lastPeriodStart: '2026-07-01', owner: bao }),
        strategy(2, { lastPeriodStart: null, owner: ana }),
        strategy(3, { lastPeriodStart: null, owner: null }),
        strategy(10, { lastPeriodStart: null, owner: ana }),
        strategy(4, { lastPeriodStart: null, status: 'COMPLETED' }),
        strategy(5, { lastPeriodStart: null, status: 'DEFERRED' }),
        strategy(6),
      ],
    });
    expect(w.notReported.map((g) => [g.owner?.slackUserId ?? null, g.strategies.map((s) => s.label)])).toEqual([
      ['U0ANA', ['1.2', '1.10']],
      ['U0BAO', ['1.1']],
      [null, ['1.3']],
    ]);
    expect(w.notReportedCount).toBe(4);
  });

  it('uses the department’s own reporting period', () => {
    const monthly: FiscalPeriod = { key: 'FY2027-M05', fiscalYearEnd: 2027, cadence: 'MONTHLY', index: 5, start: '2026-11-01', end: '2026-11-30' };
    const w = composeDepartmentWeek({
      department: DOT,
      period: monthly,
      today: TODAY,
      strategies: [strategy(1, { departmentId: 2, lastPeriodStart: '2026-10-01' })],
      updates: [],
      milestones: [],
    });
    // Reported in October: fine for a quarterly department, not for a monthly one.
    expect(w.notReportedCount).toBe(1);
  });
});

describe('who gets a digest', () => {
  const weeks = new Map([
    [1, week()],
    [2, composeDepartmentWeek({ department: DOT, period: QUARTER, today: TODAY, strategies: [], updates: [], milestones: [] })],
  ]);

  it('gives a manager of two departments both, alphabetically', () => {
    const [digest] = planManagerDigests([manager()], weeks);
    expect(digest!.departments.map((d) => d.department.code)).toEqual(['LIB', 'DOT']);
  });

  it('leaves out managers who opted out, left, lost the role or manage nothing', () => {
    const digests = planManagerDigests(
      [
        manager({ slackUserId: 'U0OUT', weeklyDigestSubscription: { active: false } }),
        manager({ slackUserId: 'U0SUB', weeklyDigestSubscription: { active: true } }),
        manager({ slackUserId: 'U0GONE', active: false }),
        manager({ slackUserId: 'U0STAFF', roles: ['STAFF'] }),
        manager({ slackUserId: 'U0NONE', managedDepartmentIds: [] }),
        manager({ slackUserId: 'U0ONE', managedDepartmentIds: [2, 2] }),
      ],
      weeks,
    );
    expect(digests.map((d) => [d.manager.slackUserId, d.departments.length])).toEqual([
      ['U0ONE', 1],
      ['U0SUB', 2],
    ]);
  });

  it('covers the seven calendar days before the fire, across a DST change', () => {
    // Monday 2 November 2026, 08:00 PST; DST ended on Sunday 1 November.
    const { from, until } = weeklyDigestWindow(new Date('2026-11-02T16:00:00Z'), 'America/Los_Angeles');
    expect(until.toISOString()).toBe('2026-11-02T16:00:00.000Z');
    expect(from.toISOString()).toBe('2026-10-26T15:00:00.000Z'); // 08:00 PDT
  });
});

describe('the digest messages', () => {
  const digestOf = (departments: DepartmentWeek[], language: DigestManager['language'] = 'en'): ManagerDigest => ({
    manager: manager({ language }),
    departments,
  });

  it('show every department with its Full plan button and end with the App Home link', () => {
    const lib = week({ strategies: [strategy(1, { dueDate: '2026-11-01' })], updates: [update(1, 1, 'IN_PROGRESS', 'IN_PROGRESS')] });
    const dot = composeDepartmentWeek({ department: DOT, period: QUARTER, today: TODAY, strategies: [], updates: [], milestones: [] });
    const home = appHomeUrl('T0SJ', 'A0REAP');
    const messages = weeklyDigestMessages(en, digestOf([lib, dot]), { from: FROM, to: TO, homeUrl: home, zone: ZONE });
    assertValid(messages);
    expect(messages).toHaveLength(1);
    const json = JSON.stringify(messages[0]!.blocks);
    expect(json).toContain('San José Public Library (LIB)');
    expect(json).toContain('Transportation (DOT)');
    expect(json).toContain('This department has no active strategies yet.');
    const buttons = messages[0]!.blocks.flatMap((b) => ('elements' in b && b.type === 'actions' ? b.elements : [])) as {
      action_id: string;
      value?: string;
      url?: string;
    }[];
    expect(buttons.filter((b) => b.action_id === PLAN_OPEN_ACTION_ID).map((b) => b.value)).toEqual(['LIB', 'DOT']);
    expect(buttons.find((b) => b.action_id === DIGEST_HOME_ACTION_ID)?.url).toBe('slack://app?team=T0SJ&id=A0REAP&tab=home');
    expect(messages[0]!.text).toBe('Your weekly REAP digest: LIB, DOT');
    // Dates are Slack date tokens, shown in the reader's zone.
    expect(json).toContain('<!date^');
  });

  it('open with the one-line summary and show what other updates say', () => {
    const lib = week({
      strategies: [
        strategy(1, { dueDate: '2026-11-01' }), // overdue, reported
        strategy(2, { dueDate: '2026-11-25', lastPeriodStart: null }), // due soon, not reported
        strategy(3, { lastPeriodStart: null }), // not reported
        strategy(4, { status: 'COMPLETED', lastPeriodStart: null }), // expects no report
      ],
      updates: [update(1, 1, 'IN_PROGRESS', 'IN_PROGRESS')],
    });
    expect(lib.summary).toEqual({ reported: 1, notReported: 2, overdue: 1, dueSoon: 1 });
    const [message] = weeklyDigestMessages(en, digestOf([lib]), { from: FROM, to: TO, homeUrl: null, zone: ZONE });
    const texts = message!.blocks.map((b) => JSON.stringify(b));
    // Right under the heading, before anything else.
    expect(texts[1]).toContain('*FY 2026-27 Q2*: 1 reported · 2 not reported · 1 overdue · 1 due in the next 14 days');
    const json = JSON.stringify(message!.blocks);
    expect(json).toContain('Other updates this week');
    expect(json).toContain('_Update 1: story time ran at &lt;Tully&gt; &amp; Alum Rock._');
    // Several departments: the sum, then each department's own line.
    const dot = composeDepartmentWeek({
      department: DOT,
      period: QUARTER,
      today: TODAY,
      strategies: [strategy(9, { departmentId: 2, lastPeriodStart: null })],
      updates: [],
      milestones: [],
    });
    const [both] = weeklyDigestMessages(translator('es'), digestOf([lib, dot], 'es'), { from: FROM, to: TO, homeUrl: null, zone: ZONE });
    expect(JSON.stringify(both!.blocks[1])).toContain(
      '*Todos sus departamentos*: 1 con informe · 3 sin informe · 1 vencidas · 1 vencen en los próximos 14 días',
    );
    assertValid([message!, both!]);
  });

  it('leave the App Home button out when the app id is unknown', () => {
    const messages = weeklyDigestMessages(en, digestOf([week()]), { from: FROM, to: TO, homeUrl: null, zone: ZONE });
    expect(JSON.stringify(messages)).not.toContain(DIGEST_HOME_ACTION_ID);
    assertValid(messages);
  });

  it('split a department with 30 overdue strategies into several valid messages, losing nothing', () => {
    const strategies = Array.from({ length: 30 }, (_, i) =>
      strategy(i + 1, { text: long(i), dueDate: '2026-10-01', lastPeriodStart: null, owner: { slackUserId: `U0OWNER${i}`, name: `Owner ${i}` } }),
    );
    const milestones = strategies.map((s) => ({
      id: 100 + s.id,
      strategyId: s.id,
      title: `Milestone ${NASTY}${'x'.repeat(300)}`,
      dueDate: '2026-10-15',
      owner: null,
    }));
    const updates = strategies.map((s, i) => update(1000 + i, s.id, 'NOT_STARTED', 'IN_PROGRESS'));
    const w = week({ strategies, milestones, updates });
    expect(w.overdue).toHaveLength(60);
    for (const lang of ['en', 'es', 'vi'] as const) {
      const messages = weeklyDigestMessages(
        translator(lang),
        digestOf(
          [
            w,
            composeDepartmentWeek({
              department: DOT,
              period: QUARTER,
              today: TODAY,
              strategies: [strategy(99, { departmentId: 2 })],
              updates: [],
              milestones: [],
            }),
          ],
          lang,
        ),
        { from: FROM, to: TO, homeUrl: appHomeUrl('T1', 'A1'), zone: ZONE },
      );
      expect(messages.length).toBeGreaterThan(1);
      assertValid(messages);
      const all = messages.map((m) => JSON.stringify(m.blocks)).join('\n');
      // Every overdue strategy appears, with user text escaped.
      for (let i = 1; i <= 30; i++) expect(all).toContain(`*1.${i}* ${i - 1}: Reach &lt;!channel&gt; &amp; &lt;@U123&gt;`);
      expect(all).not.toContain('<!channel>');
      // Later parts say which part they are; a department that spills over says so.
      expect(JSON.stringify(messages[1]!.blocks[0])).toMatch(/2/);
      expect(messages[0]!.text).toContain(`1`);
      // The App Home link closes the last message only.
      expect(messages.filter((m) => JSON.stringify(m.blocks).includes(DIGEST_HOME_ACTION_ID))).toHaveLength(1);
      expect(JSON.stringify(messages.at(-1)!.blocks)).toContain(DIGEST_HOME_ACTION_ID);
    }
    const es = weeklyDigestMessages(translator('es'), digestOf([w], 'es'), { from: FROM, to: TO, homeUrl: null, zone: ZONE });
    expect(JSON.stringify(es[0]!.blocks)).toContain('Su resumen semanal de REAP');
    expect(JSON.stringify(es[1]!.blocks)).toContain('continuación');
    const vi = weeklyDigestMessages(translator('vi'), digestOf([w], 'vi'), { from: FROM, to: TO, homeUrl: null, zone: ZONE });
    expect(JSON.stringify(vi[0]!.blocks)).toContain('Bản tóm tắt REAP hằng tuần của bạn');
  });

  it('count what a very long list leaves out instead of sending it all', () => {
    const strategies = Array.from({ length: 120 }, (_, i) => strategy(i + 1, { dueDate: '2026-10-01' }));
    const messages = weeklyDigestMessages(en, digestOf([week({ strategies })]), { from: FROM, to: TO, homeUrl: null, zone: ZONE });
    assertValid(messages);
    expect(JSON.stringify(messages)).toContain('…and 70 more. The full plan shows everything.');
  });

  it('total the week for logs', () => {
    const w = week({ strategies: [strategy(1, { dueDate: '2026-11-01' })], updates: [update(1, 1, 'IN_PROGRESS', 'COMPLETED')] });
    expect(digestTotals([w, week()])).toEqual({ departments: 2, updates: 1, completions: 1, overdue: 1, atRisk: 0, notReported: 0 });
  });
});
