// Who is reminded of what on a City business day: 7 and 1 days before, weekly when overdue,
// weekends and holidays moved (early for "due soon", late for "overdue"), snoozes, and the
// items that never get a reminder.
import { describe, expect, it } from 'vitest';
import { cityHolidaysForFiscalYear } from '../../../src/db/seed/holidays.js';
import {
  DEFAULT_REMINDER_RULES,
  latestDueDateToLoad,
  normalizeOffsets,
  reminderReason,
  selectReminders,
  snoozeEndDate,
  snoozeUntil,
  type ReminderCandidate,
  type ReminderRecipient,
} from '../../../src/domain/reminders.js';
import { parseReminderSettings, parseStrategySnoozes } from '../../../src/services/reminder-settings.js';

const ZONE = 'America/Los_Angeles';
const HOLIDAYS = new Set([...cityHolidaysForFiscalYear(2026), ...cityHolidaysForFiscalYear(2027)].map((h) => h.date));
const RULES = DEFAULT_REMINDER_RULES;

const ana: ReminderRecipient = {
  memberId: 1,
  slackUserId: 'U0ANA',
  name: 'Ana',
  language: 'es',
  slackLocale: null,
  roles: ['STAFF'],
  departmentId: 10,
  active: true,
};
const lead: ReminderRecipient = {
  memberId: 2,
  slackUserId: 'U0LEAD',
  name: 'Lee',
  language: null,
  slackLocale: 'en-US',
  roles: ['EQUITY_LEAD'],
  departmentId: 10,
  active: true,
};
const outsider: ReminderRecipient = {
  memberId: 3,
  slackUserId: 'U0OUT',
  name: 'Oz',
  language: 'vi',
  slackLocale: null,
  roles: ['STAFF'],
  departmentId: 20,
  active: true,
};

let nextId = 1;
function item(dueDate: string, over: Partial<ReminderCandidate> = {}): ReminderCandidate {
  const id = nextId++;
  return {
    kind: 'milestone',
    id,
    title: `Item ${id}`,
    dueDate,
    strategy: { id: 100 + id, label: `1.${id}`, text: `Strategy ${id}`, status: 'IN_PROGRESS', ownerId: ana.memberId, departmentId: 10, departmentCode: 'LIB' },
    recipient: ana,
    snoozeEnd: null,
    reportedThisPeriod: false,
    ...over,
  };
}

const reason = (dueDate: string, today: string, snoozeEnd: string | null = null) => reminderReason({ dueDate, snoozeEnd }, today, HOLIDAYS, RULES);

describe('when a reminder goes out', () => {
  it('reminds 7 days and 1 day before the due date on ordinary weekdays', () => {
    expect(reason('2026-11-25', '2026-11-18')).toEqual({ kind: 'before', offsetDays: 7 });
    expect(reason('2026-11-19', '2026-11-18')).toEqual({ kind: 'before', offsetDays: 1 });
    expect(reason('2026-11-20', '2026-11-18')).toBeNull();
    expect(reason('2026-11-18', '2026-11-18')).toBeNull();
  });

  it('sends nothing on a weekend and moves weekend reminders to the Friday before', () => {
    // Due Monday 23rd: the 1-day reminder would fall on Sunday, so it comes on Friday 20th.
    expect(reason('2026-11-23', '2026-11-20')).toEqual({ kind: 'before', offsetDays: 1 });
    expect(reason('2026-11-23', '2026-11-21')).toBeNull();
    expect(reason('2026-11-23', '2026-11-22')).toBeNull();
    expect(reason('2026-11-23', '2026-11-23')).toBeNull();
    // Due Saturday 28th → 7-day reminder on Saturday 21st → Friday 20th.
    expect(reason('2026-11-28', '2026-11-20')).toEqual({ kind: 'before', offsetDays: 7 });
  });

  it('on the Friday before a Monday holiday covers the holiday too, but never calls anything overdue early', () => {
    const friday = '2026-09-04'; // Labor Day is Monday 2026-09-07
    expect(reason('2026-09-08', friday)).toEqual({ kind: 'before', offsetDays: 1 }); // 1 day before = the holiday
    expect(reason('2026-09-14', friday)).toEqual({ kind: 'before', offsetDays: 7 }); // 7 days before = the holiday
    expect(reason('2026-09-05', friday)).toEqual({ kind: 'before', offsetDays: 1 }); // due Saturday
    // Due Sunday Aug 30: overdue on Aug 31, then Sept 7 (the holiday) → Tuesday Sept 8, not Friday.
    expect(reason('2026-08-30', '2026-08-31')).toEqual({ kind: 'overdue' });
    expect(reason('2026-08-30', friday)).toBeNull();
    expect(reason('2026-08-30', '2026-09-08')).toEqual({ kind: 'overdue' });
    // Nothing on the holiday itself.
    expect(reason('2026-09-08', '2026-09-07')).toBeNull();
  });

  it('reminds of overdue items the day after the due date and then weekly', () => {
    // Due Tuesday Nov 10: overdue Nov 11 is Veterans Day → Thursday 12th; then 18th, 25th, Dec 2.
    expect(reason('2026-11-10', '2026-11-11')).toBeNull();
    expect(reason('2026-11-10', '2026-11-12')).toEqual({ kind: 'overdue' });
    expect(reason('2026-11-10', '2026-11-13')).toBeNull();
    expect(reason('2026-11-10', '2026-11-18')).toEqual({ kind: 'overdue' });
    expect(reason('2026-11-10', '2026-11-19')).toBeNull();
    expect(reason('2026-11-10', '2026-12-02')).toEqual({ kind: 'overdue' });
    // Due Friday Nov 20: Saturday 21st (the first overdue day) comes on Monday 23rd.
    expect(reason('2026-11-20', '2026-11-23')).toEqual({ kind: 'overdue' });
  });

  it('follows the configured offsets and overdue interval', () => {
    const rules = { offsetDays: [14, 3, 0], overdueEveryDays: 3 };
    const r = (due: string, today: string) => reminderReason({ dueDate: due, snoozeEnd: null }, today, HOLIDAYS, rules);
    expect(r('2026-12-02', '2026-11-18')).toEqual({ kind: 'before', offsetDays: 14 });
    expect(r('2026-11-18', '2026-11-18')).toEqual({ kind: 'before', offsetDays: 0 });
    expect(r('2026-11-16', '2026-11-17')).toEqual({ kind: 'overdue' });
    expect(r('2026-11-16', '2026-11-20')).toEqual({ kind: 'overdue' });
    expect(r('2026-11-25', '2026-11-18')).toBeNull();
  });

  it('hides a snoozed item and brings it back once the first business day the snooze is over', () => {
    expect(reason('2026-11-19', '2026-11-18', '2026-11-25')).toBeNull();
    // Snooze ends Saturday the 21st: back on Monday the 23rd, once.
    expect(reason('2026-12-30', '2026-11-20', '2026-11-21')).toBeNull();
    expect(reason('2026-12-30', '2026-11-23', '2026-11-21')).toEqual({ kind: 'snooze-ended' });
    expect(reason('2026-12-30', '2026-11-24', '2026-11-21')).toBeNull();
    // An overdue date on the day the snooze ends reads as overdue.
    expect(reason('2026-11-10', '2026-11-18', '2026-11-18')).toEqual({ kind: 'overdue' });
  });
});

describe('a week of snooze', () => {
  it('ends at City midnight seven calendar days later, also across the autumn clock change', () => {
    const until = snoozeUntil('2026-10-28', ZONE);
    expect(until.toISOString()).toBe('2026-11-04T08:00:00.000Z'); // PST midnight; the click was in PDT
    expect(snoozeEndDate(until, ZONE)).toBe('2026-11-04');
  });

  it('ends at City midnight across the spring clock change (167 hours, still 7 days)', () => {
    const until = snoozeUntil('2026-03-05', ZONE);
    expect(until.toISOString()).toBe('2026-03-12T07:00:00.000Z');
    expect(snoozeEndDate(until, ZONE)).toBe('2026-03-12');
    // Had it been 7 × 24 hours from PST midnight, it would end at 01:00 PDT: the day after.
    expect(snoozeEndDate(new Date('2026-03-12T08:00:00Z'), ZONE)).toBe('2026-03-13');
  });
});

describe('selecting reminders', () => {
  const TODAY = '2026-11-18';

  it('sends one entry per person, listing all their items, overdue first', () => {
    const items = [
      item('2026-11-25'),
      item('2026-11-19', { kind: 'strategy' }),
      item('2026-11-10'),
      item('2026-11-25', { recipient: lead }),
      item('2026-11-21'), // nothing today
    ];
    const selected = selectReminders(items, TODAY, HOLIDAYS, RULES);
    expect(selected.map((r) => r.recipient.slackUserId)).toEqual(['U0ANA', 'U0LEAD']);
    const anas = selected[0]!.items;
    expect(anas.map((i) => [i.dueDate, i.daysUntilDue, i.reason.kind])).toEqual([
      ['2026-11-10', -8, 'overdue'],
      ['2026-11-19', 1, 'before'],
      ['2026-11-25', 7, 'before'],
    ]);
  });

  it('leaves out items already reported this period, completed or deferred work and inactive people', () => {
    const items = [
      item('2026-11-25', { reportedThisPeriod: true }),
      item('2026-11-25', { strategy: { ...item('x').strategy, status: 'COMPLETED' } }),
      item('2026-11-25', { strategy: { ...item('x').strategy, status: 'DEFERRED' } }),
      item('2026-11-25', { recipient: { ...ana, active: false } }),
      item('2026-11-25', { snoozeEnd: '2026-11-20' }),
    ];
    expect(selectReminders(items, TODAY, HOLIDAYS, RULES)).toEqual([]);
  });

  it('selects nothing on weekends and holidays', () => {
    const items = [item('2026-11-27'), item('2026-12-03'), item('2026-11-10')];
    expect(selectReminders(items, '2026-11-26', HOLIDAYS, RULES)).toEqual([]);
    expect(selectReminders(items, '2026-11-21', HOLIDAYS, RULES)).toEqual([]);
    // The Wednesday before Thanksgiving covers Thursday, Friday and the weekend.
    const wed = selectReminders(items, '2026-11-25', HOLIDAYS, RULES)[0]!.items;
    expect(wed.map((i) => i.dueDate)).toEqual(['2026-11-10', '2026-11-27', '2026-12-03']);
  });

  it('offers Mark done on milestones to their owners and on strategies only to leads; Update only where they may report', () => {
    const items = [
      item('2026-11-25'),
      item('2026-11-25', { kind: 'strategy' }),
      item('2026-11-25', { kind: 'strategy', recipient: lead, strategy: { ...item('x').strategy, ownerId: lead.memberId } }),
      item('2026-11-25', { recipient: outsider }),
    ];
    const byUser = Object.fromEntries(selectReminders(items, TODAY, HOLIDAYS, RULES).map((r) => [r.recipient.slackUserId, r.items]));
    expect(byUser.U0ANA!.map((i) => [i.kind, i.canMarkDone, i.canUpdate])).toEqual([
      ['milestone', true, true],
      ['strategy', false, true],
    ]);
    expect(byUser.U0LEAD!.map((i) => [i.kind, i.canMarkDone])).toEqual([['strategy', true]]);
    // A milestone owner from another department may mark it done but not report on the strategy.
    expect(byUser.U0OUT!.map((i) => [i.canMarkDone, i.canUpdate])).toEqual([[true, false]]);
  });

  it('loads due dates only as far ahead as the largest offset past the early window', () => {
    expect(latestDueDateToLoad('2026-11-18', HOLIDAYS, RULES)).toBe('2026-11-25');
    expect(latestDueDateToLoad('2026-11-20', HOLIDAYS, RULES)).toBe('2026-11-29');
    expect(latestDueDateToLoad('2026-11-25', HOLIDAYS, { offsetDays: [], overdueEveryDays: 7 })).toBe('2026-11-29');
  });
});

describe('reminder settings', () => {
  it('reads offsets, interval and nudge days, falling back to defaults for bad values', () => {
    expect(parseReminderSettings([])).toEqual({ rules: { offsetDays: [7, 1], overdueEveryDays: 7 }, nudgeBusinessDays: 5, problems: [] });
    const ok = parseReminderSettings([
      { key: 'reminders.offsetDays', value: [14, 3, 3, 0] },
      { key: 'reminders.overdueEveryDays', value: 14 },
      { key: 'prompts.nudgeBusinessDaysBeforeEnd', value: 3 },
    ]);
    expect(ok).toEqual({ rules: { offsetDays: [0, 3, 14], overdueEveryDays: 14 }, nudgeBusinessDays: 3, problems: [] });
    const bad = parseReminderSettings([
      { key: 'reminders.offsetDays', value: [7, -1] },
      { key: 'reminders.overdueEveryDays', value: '7' },
      { key: 'prompts.nudgeBusinessDaysBeforeEnd', value: 40 },
    ]);
    expect(bad.rules).toEqual(DEFAULT_REMINDER_RULES);
    expect(bad.nudgeBusinessDays).toBe(5);
    expect(bad.problems).toHaveLength(3);
    expect(bad.problems[0]).toContain('reminders.offsetDays should be a list of whole days');
    expect(normalizeOffsets([7, 1, 7, 1.5, 'x', 91])).toEqual([1, 7]);
  });

  it('reads strategy snoozes and ignores unreadable rows', () => {
    const snoozes = parseStrategySnoozes([
      { key: 'reminders.snooze.strategy.12', value: { until: '2026-11-25T08:00:00.000Z', by: 'U0ANA' } },
      { key: 'reminders.snooze.strategy.x', value: { until: '2026-11-25T08:00:00.000Z' } },
      { key: 'reminders.snooze.strategy.13', value: { until: 'soon' } },
      { key: 'reminders.offsetDays', value: [7] },
    ]);
    expect([...snoozes.entries()]).toEqual([[12, new Date('2026-11-25T08:00:00.000Z')]]);
  });
});
