// The City's working calendar: weekends and holidays skipped, and the windows that decide
// which day a reminder for a weekend or holiday date goes out on.
import { describe, expect, it } from 'vitest';
import {
  businessDayOnOrAfter,
  businessDayOnOrBefore,
  businessDaysIn,
  earlyWindow,
  firstBusinessDayIn,
  isBusinessDay,
  lateWindow,
  nextBusinessDay,
  nthLastBusinessDayIn,
  previousBusinessDay,
  weekdayOf,
} from '../../../src/domain/business-days.js';
import { cityHolidaysForFiscalYear } from '../../../src/db/seed/holidays.js';

const HOLIDAYS = new Set([...cityHolidaysForFiscalYear(2026), ...cityHolidaysForFiscalYear(2027)].map((h) => h.date));
const NONE = new Set<string>();

describe('business days', () => {
  it('skips weekends and City holidays', () => {
    expect(weekdayOf('2026-11-23')).toBe(1);
    expect(isBusinessDay('2026-11-23', HOLIDAYS)).toBe(true); // Monday
    expect(isBusinessDay('2026-11-21', HOLIDAYS)).toBe(false); // Saturday
    expect(isBusinessDay('2026-11-22', HOLIDAYS)).toBe(false); // Sunday
    expect(isBusinessDay('2026-11-26', HOLIDAYS)).toBe(false); // Thanksgiving
    expect(isBusinessDay('2026-11-26', NONE)).toBe(true);
  });

  it('finds the neighbouring business days across weekends and holidays', () => {
    expect(nextBusinessDay('2026-11-25', HOLIDAYS)).toBe('2026-11-30'); // over Thanksgiving and the weekend
    expect(previousBusinessDay('2026-11-30', HOLIDAYS)).toBe('2026-11-25');
    expect(nextBusinessDay('2026-09-04', HOLIDAYS)).toBe('2026-09-08'); // Friday before Labor Day
    expect(previousBusinessDay('2026-09-08', HOLIDAYS)).toBe('2026-09-04');
    expect(businessDayOnOrBefore('2026-09-07', HOLIDAYS)).toBe('2026-09-04');
    expect(businessDayOnOrAfter('2026-09-07', HOLIDAYS)).toBe('2026-09-08');
    expect(businessDayOnOrAfter('2026-09-08', HOLIDAYS)).toBe('2026-09-08');
  });

  it('sends early-moved dates on the business day before them and late-moved ones after', () => {
    // An ordinary Friday covers the weekend early; Monday covers it late.
    expect(earlyWindow('2026-11-20', HOLIDAYS)).toEqual({ from: '2026-11-20', to: '2026-11-22' });
    expect(lateWindow('2026-11-23', HOLIDAYS)).toEqual({ from: '2026-11-21', to: '2026-11-23' });
    // The Friday before a Monday holiday covers the holiday too, and Tuesday picks it up late.
    expect(earlyWindow('2026-09-04', HOLIDAYS)).toEqual({ from: '2026-09-04', to: '2026-09-07' });
    expect(lateWindow('2026-09-08', HOLIDAYS)).toEqual({ from: '2026-09-05', to: '2026-09-08' });
    // Midweek: just the day.
    expect(earlyWindow('2026-11-18', HOLIDAYS)).toEqual({ from: '2026-11-18', to: '2026-11-18' });
    expect(lateWindow('2026-11-18', HOLIDAYS)).toEqual({ from: '2026-11-18', to: '2026-11-18' });
  });

  it('maps every calendar date to exactly one early and one late business day', () => {
    const days = businessDaysIn({ from: '2026-08-01', to: '2027-01-31' }, HOLIDAYS).map((b) => ({
      b,
      early: earlyWindow(b, HOLIDAYS),
      late: lateWindow(b, HOLIDAYS),
    }));
    for (let d = new Date('2026-08-03T00:00:00Z'); d < new Date('2027-01-25T00:00:00Z'); d.setUTCDate(d.getUTCDate() + 1)) {
      const iso = d.toISOString().slice(0, 10);
      const early = days.filter((x) => iso >= x.early.from && iso <= x.early.to).map((x) => x.b);
      const late = days.filter((x) => iso >= x.late.from && iso <= x.late.to).map((x) => x.b);
      expect(early, iso).toEqual([businessDayOnOrBefore(iso, HOLIDAYS)]);
      expect(late, iso).toEqual([businessDayOnOrAfter(iso, HOLIDAYS)]);
    }
  });

  it('finds the first and the Nth-last business day of a period', () => {
    const november = { from: '2026-11-01', to: '2026-11-30' };
    expect(firstBusinessDayIn(november, HOLIDAYS)).toBe('2026-11-02');
    expect(nthLastBusinessDayIn(november, 1, HOLIDAYS)).toBe('2026-11-30');
    // 30, 25, 24, 23, 20: Thanksgiving and the day after do not count.
    expect(nthLastBusinessDayIn(november, 5, HOLIDAYS)).toBe('2026-11-20');
    const q1 = { from: '2026-07-01', to: '2026-09-30' };
    expect(firstBusinessDayIn(q1, HOLIDAYS)).toBe('2026-07-01');
    expect(nthLastBusinessDayIn(q1, 5, HOLIDAYS)).toBe('2026-09-24');
    expect(nthLastBusinessDayIn({ from: '2026-11-21', to: '2026-11-22' }, 5, HOLIDAYS)).toBeNull();
    expect(nthLastBusinessDayIn({ from: '2026-11-23', to: '2026-11-24' }, 5, HOLIDAYS)).toBe('2026-11-23');
  });

  it('refuses to scan forever when every day is a holiday', () => {
    const everyDay = new Set(businessDaysIn({ from: '2026-01-01', to: '2028-01-01' }, NONE));
    expect(() => nextBusinessDay('2026-06-01', everyDay)).toThrow(/check the holiday list/);
  });
});
