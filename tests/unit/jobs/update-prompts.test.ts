// When update prompts go out and to whom: one start prompt per owner per period, a nudge
// only to those who have not reported (with how many colleagues have), monthly and
// quarterly departments, owners with both, weekends and holidays.
import { describe, expect, it } from 'vitest';
import { cityHolidaysForFiscalYear } from '../../../src/db/seed/holidays.js';
import {
  periodOfDate,
  periodPhases,
  phaseOn,
  planUpdatePrompts,
  compareLabels,
  type PromptOwner,
  type PromptStrategy,
} from '../../../src/domain/update-prompts.js';

const HOLIDAYS = new Set([...cityHolidaysForFiscalYear(2026), ...cityHolidaysForFiscalYear(2027)].map((h) => h.date));

const owner = (slackUserId: string, departmentId: number | null, over: Partial<PromptOwner> = {}): PromptOwner => ({
  memberId: Number(slackUserId.replace(/\D/g, '')) || 1,
  slackUserId,
  name: slackUserId,
  language: null,
  slackLocale: null,
  departmentId,
  active: true,
  ...over,
});

const HOUSING = { departmentId: 1, departmentCode: 'HOUSING', departmentName: 'Housing', cadence: 'MONTHLY' as const };
const LIB = { departmentId: 2, departmentCode: 'LIB', departmentName: 'Library', cadence: 'QUARTERLY' as const };

let n = 0;
function strategy(who: PromptOwner, dept: typeof HOUSING | typeof LIB, over: Partial<PromptStrategy> = {}): PromptStrategy {
  n++;
  return { id: n, label: `1.${n}`, text: `Strategy ${n}`, status: 'IN_PROGRESS', dueDate: null, lastPeriodStart: null, owner: who, ...dept, ...over };
}

const plan = (strategies: PromptStrategy[], today: string, nudge = 5) => planUpdatePrompts(strategies, today, HOLIDAYS, nudge);
const summary = (strategies: PromptStrategy[], today: string) =>
  plan(strategies, today).map((p) => ({ to: p.recipient.slackUserId, phase: p.phase, period: p.period.key, items: p.items.map((i) => i.strategy.id) }));

describe('the reporting calendar', () => {
  it('starts on the first business day and nudges on the 5th-last business day', () => {
    const nov = periodPhases(periodOfDate('2026-11-18', 'MONTHLY'), HOLIDAYS, 5);
    expect([nov.period.key, nov.startDay, nov.nudgeDay]).toEqual(['FY2027-M05', '2026-11-02', '2026-11-20']);
    const q2 = periodPhases(periodOfDate('2026-11-18', 'QUARTERLY'), HOLIDAYS, 5);
    // Dec 31, 30, 29, 28 and then Christmas Eve (Christmas Day is a holiday).
    expect([q2.period.key, q2.startDay, q2.nudgeDay]).toEqual(['FY2027-Q2', '2026-10-01', '2026-12-24']);
    const q1 = periodPhases(periodOfDate('2026-07-15', 'QUARTERLY'), HOLIDAYS, 5);
    // July 3 (observed Independence Day) is in the quarter's first week but July 1 is a Wednesday.
    expect([q1.period.key, q1.startDay, q1.nudgeDay]).toEqual(['FY2027-Q1', '2026-07-01', '2026-09-24']);
    expect(phaseOn('2026-11-02', nov, HOLIDAYS)).toBe('start');
    expect(phaseOn('2026-11-19', nov, HOLIDAYS)).toBe('start');
    expect(phaseOn('2026-11-20', nov, HOLIDAYS)).toBe('nudge');
    expect(phaseOn('2026-11-30', nov, HOLIDAYS)).toBe('nudge');
    expect(phaseOn('2026-11-26', nov, HOLIDAYS)).toBeNull();
    expect(phaseOn('2026-11-01', nov, HOLIDAYS)).toBeNull();
  });

  it('starts the period on the next business day when the 1st is a weekend or holiday', () => {
    // January 2027: the 1st is New Year's Day (Friday), so the period starts Monday the 4th.
    const jan = periodPhases(periodOfDate('2027-01-15', 'MONTHLY'), HOLIDAYS, 5);
    expect(jan.startDay).toBe('2027-01-04');
    expect(plan([strategy(owner('U1', 1), HOUSING)], '2027-01-01')).toEqual([]);
    expect(plan([strategy(owner('U1', 1), HOUSING)], '2027-01-02')).toEqual([]);
    expect(summary([strategy(owner('U1', 1), HOUSING, { id: 500 })], '2027-01-04')).toEqual([{ to: 'U1', phase: 'start', period: 'FY2027-M07', items: [500] }]);
  });
});

describe('planning prompts', () => {
  it('prompts each owner once at the start, listing only what they have not reported', () => {
    const ana = owner('U1', 1);
    const s1 = strategy(ana, HOUSING);
    const s2 = strategy(ana, HOUSING);
    const s3 = strategy(ana, HOUSING, { lastPeriodStart: '2026-11-01' }); // already reported for November
    const s4 = strategy(ana, HOUSING, { status: 'COMPLETED' });
    const s5 = strategy(ana, HOUSING, { status: 'DEFERRED' });
    const s6 = strategy(owner('U9', 1, { active: false }), HOUSING);
    const all = [s1, s2, s3, s4, s5, s6];
    expect(summary(all, '2026-11-02')).toEqual([{ to: 'U1', phase: 'start', period: 'FY2027-M05', items: [s1.id, s2.id] }]);
    // A later run in the start phase plans the same prompt (same key: the outbox sends it once).
    expect(summary(all, '2026-11-10')).toEqual([{ to: 'U1', phase: 'start', period: 'FY2027-M05', items: [s1.id, s2.id] }]);
    // Everything reported: nothing to say.
    const done = all.map((s) => ({ ...s, lastPeriodStart: '2026-11-01' }));
    expect(summary(done, '2026-11-03')).toEqual([]);
  });

  it('never sends a start prompt on or after the nudge day, and nudges only those who have not reported', () => {
    const [a, b, c, d] = [owner('U1', 1), owner('U2', 1), owner('U3', 1), owner('U4', 1)];
    const strategies = [
      strategy(a, HOUSING),
      strategy(b, HOUSING, { lastPeriodStart: '2026-11-01' }),
      strategy(c, HOUSING, { lastPeriodStart: '2026-11-01' }),
      strategy(c, HOUSING), // c has one left: not done
      strategy(d, HOUSING, { lastPeriodStart: '2026-11-01' }),
    ];
    const nudges = plan(strategies, '2026-11-20');
    expect(nudges.map((p) => [p.recipient.slackUserId, p.phase, p.period.key])).toEqual([
      ['U1', 'nudge', 'FY2027-M05'],
      ['U3', 'nudge', 'FY2027-M05'],
    ]);
    // b and d have reported all of theirs; a has not; c has not finished.
    expect(nudges[0]!.colleagues).toEqual({ departmentId: 1, departmentName: 'Housing', reported: 2, total: 3 });
    expect(nudges[1]!.colleagues).toEqual({ departmentId: 1, departmentName: 'Housing', reported: 2, total: 3 });
    expect(nudges[1]!.items.map((i) => i.strategy.id)).toEqual([strategies[3]!.id]);
    // The days after the nudge day are still the nudge phase (a catch-up sends the same key once).
    expect(plan(strategies, '2026-11-23').every((p) => p.phase === 'nudge')).toBe(true);
    // A nudge with no colleagues says nothing about them.
    expect(plan([strategy(owner('U7', 1), HOUSING)], '2026-11-20')[0]!.colleagues).toBeNull();
  });

  it('prompts monthly departments every month and quarterly departments every quarter', () => {
    const m = strategy(owner('U1', 1), HOUSING);
    const q = strategy(owner('U2', 2), LIB);
    expect(summary([m, q], '2026-10-01')).toEqual([
      { to: 'U1', phase: 'start', period: 'FY2027-M04', items: [m.id] },
      { to: 'U2', phase: 'start', period: 'FY2027-Q2', items: [q.id] },
    ]);
    // November: a new month (U1 again), the same quarter (U2's prompt has the key already sent).
    expect(summary([m, q], '2026-11-02')).toEqual([
      { to: 'U1', phase: 'start', period: 'FY2027-M05', items: [m.id] },
      { to: 'U2', phase: 'start', period: 'FY2027-Q2', items: [q.id] },
    ]);
    // The November nudge day is not the quarter's: only the monthly owner is nudged (the
    // quarterly owner's start prompt has the key sent on October 1st).
    expect(summary([m, q], '2026-11-20')).toEqual([
      { to: 'U1', phase: 'nudge', period: 'FY2027-M05', items: [m.id] },
      { to: 'U2', phase: 'start', period: 'FY2027-Q2', items: [q.id] },
    ]);
    expect(summary([m, q], '2026-12-24')).toEqual([
      { to: 'U1', phase: 'nudge', period: 'FY2027-M06', items: [m.id] },
      { to: 'U2', phase: 'nudge', period: 'FY2027-Q2', items: [q.id] },
    ]);
  });

  it('sends an owner with monthly and quarterly strategies one message, keyed by the month', () => {
    const both = owner('U5', 1);
    const m = strategy(both, HOUSING);
    const q = strategy(both, LIB);
    // October 1st starts M04 and Q2: one prompt listing both.
    const oct = plan([m, q], '2026-10-01');
    expect(oct.map((p) => [p.phase, p.period.key, p.items.map((i) => [i.strategy.id, i.period.key])])).toEqual([
      [
        'start',
        'FY2027-M04',
        [
          [m.id, 'FY2027-M04'],
          [q.id, 'FY2027-Q2'],
        ],
      ],
    ]);
    // Mid-quarter nudge: only the monthly strategy is closing.
    expect(summary([m, q], '2026-11-20')).toEqual([{ to: 'U5', phase: 'nudge', period: 'FY2027-M05', items: [m.id] }]);
    // A quarterly strategy reported in October is not asked about again in November.
    expect(summary([m, { ...q, lastPeriodStart: '2026-10-01' }], '2026-11-02')).toEqual([{ to: 'U5', phase: 'start', period: 'FY2027-M05', items: [m.id] }]);
    // End of quarter: both are closing, one nudge.
    expect(summary([m, q], '2026-12-24')).toEqual([{ to: 'U5', phase: 'nudge', period: 'FY2027-M06', items: [m.id, q.id] }]);
  });

  it('does nothing on weekends and holidays and honours the nudge setting', () => {
    const s = strategy(owner('U1', 1), HOUSING);
    expect(plan([s], '2026-11-21')).toEqual([]);
    expect(plan([s], '2026-11-26')).toEqual([]);
    expect(plan([s], '2026-11-24', 3)[0]!.phase).toBe('nudge'); // 30, 25, 24
    expect(plan([s], '2026-11-23', 3)[0]!.phase).toBe('start');
  });

  it('orders labels as numbers', () => {
    expect(['1.10', '1.9', '2.1', '1.2'].sort(compareLabels)).toEqual(['1.2', '1.9', '1.10', '2.1']);
  });
});
