// When the briefing reminder is due: from 14 days before the fiscal quarter ends to its
// last day, so a run skipped on the day itself (weekend, holiday, a stopped server) is made
// up by the next one; and the quarters the composer offers.
import { describe, expect, it } from 'vitest';
import { briefingQuarterChoices, briefingReminderDate, briefingReminderDue } from '../../../src/domain/briefing-draft.js';
import { parsePeriodKey } from '../../../src/domain/fiscal-calendar.js';

describe('the briefing reminder date', () => {
  it('is 14 days before each quarter ends', () => {
    expect(briefingReminderDate(parsePeriodKey('FY2027-Q1')!)).toBe('2026-09-16');
    expect(briefingReminderDate(parsePeriodKey('FY2027-Q2')!)).toBe('2026-12-17');
    expect(briefingReminderDate(parsePeriodKey('FY2027-Q3')!)).toBe('2027-03-17');
    expect(briefingReminderDate(parsePeriodKey('FY2027-Q4')!)).toBe('2027-06-16');
  });

  it('is due on that day and every later day of the quarter, not before', () => {
    const q = parsePeriodKey('FY2027-Q2')!;
    expect(briefingReminderDue(q, '2026-12-16')).toBe(false);
    expect(briefingReminderDue(q, '2026-12-17')).toBe(true);
    // 2026-12-19 is a Saturday: a weekday-only schedule next runs on Monday the 21st, which still sends.
    expect(briefingReminderDue(q, '2026-12-21')).toBe(true);
    expect(briefingReminderDue(q, '2026-12-31')).toBe(true);
    expect(briefingReminderDue(q, '2027-01-01')).toBe(false);
  });
});

describe('the quarters a briefing can cover', () => {
  it('are the four before the current one, the current one and the next, in the City’s zone', () => {
    // 07:30 UTC on 1 October is still 30 September in San José.
    const { current, choices } = briefingQuarterChoices(new Date('2026-10-01T06:30:00Z'), 'America/Los_Angeles');
    expect(current.key).toBe('FY2027-Q1');
    expect(choices.map((q) => q.key)).toEqual(['FY2026-Q1', 'FY2026-Q2', 'FY2026-Q3', 'FY2026-Q4', 'FY2027-Q1', 'FY2027-Q2']);
  });
});
