// The holiday rules are pure; they live with the seed tests because the seed is their
// only writer. Dates checked against published calendars for those years.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { cityHolidaysForFiscalYear, holidaysOfYear } from '../../src/db/seed/holidays.js';

const byName = (year: number) => new Map(holidaysOfYear(year).map((h) => [h.name.replace(' (observed)', ''), h.date]));

describe('City holidays', () => {
  it('places the floating holidays on the right weekdays', () => {
    const y2026 = byName(2026);
    expect(y2026.get('Martin Luther King Jr. Day')).toBe('2026-01-19');
    expect(y2026.get("Presidents' Day")).toBe('2026-02-16');
    expect(y2026.get('Memorial Day')).toBe('2026-05-25');
    expect(y2026.get('Labor Day')).toBe('2026-09-07');
    expect(y2026.get('Thanksgiving Day')).toBe('2026-11-26');
    expect(y2026.get('Day after Thanksgiving')).toBe('2026-11-27');
    const y2027 = byName(2027);
    expect(y2027.get('Memorial Day')).toBe('2027-05-31');
    expect(y2027.get('Thanksgiving Day')).toBe('2027-11-25');
    expect(byName(2028).get('Memorial Day')).toBe('2028-05-29');
  });

  it('observes a Saturday holiday on Friday and a Sunday holiday on Monday', () => {
    const y2027 = holidaysOfYear(2027);
    // Juneteenth 2027 and Christmas 2027 fall on a Saturday.
    expect(y2027).toContainEqual({ date: '2027-06-18', name: 'Juneteenth (observed)' });
    expect(y2027).toContainEqual({ date: '2027-12-24', name: 'Christmas Day (observed)' });
    // Independence Day 2027 and Christmas 2022 fall on a Sunday.
    expect(y2027).toContainEqual({ date: '2027-07-05', name: 'Independence Day (observed)' });
    expect(holidaysOfYear(2022)).toContainEqual({ date: '2022-12-26', name: 'Christmas Day (observed)' });
    expect(holidaysOfYear(2026)).toContainEqual({ date: '2026-03-31', name: 'Cesar Chavez Day' });
  });

  it('counts a New Year observed on December 31 in the fiscal year that contains that day', () => {
    // January 1, 2022 was a Saturday: observed Friday, December 31, 2021 (FY 2021-2022).
    expect(cityHolidaysForFiscalYear(2022)).toContainEqual({ date: '2021-12-31', name: "New Year's Day (observed)" });
    expect(cityHolidaysForFiscalYear(2021).map((h) => h.date)).not.toContain('2021-12-31');
    // January 1, 2028 is a Saturday too.
    expect(cityHolidaysForFiscalYear(2028)).toContainEqual({ date: '2027-12-31', name: "New Year's Day (observed)" });
  });

  it('gives twelve distinct weekdays inside each fiscal year, in order', () => {
    for (let fy = 2020; fy <= 2040; fy++) {
      const list = cityHolidaysForFiscalYear(fy);
      expect(list, `FY${fy}`).toHaveLength(12);
      expect(new Set(list.map((h) => h.date)).size).toBe(12);
      expect(list.map((h) => h.date)).toEqual([...list.map((h) => h.date)].sort());
      for (const h of list) {
        expect(h.date >= `${fy - 1}-07-01` && h.date <= `${fy}-06-30`, `${h.name} ${h.date}`).toBe(true);
        expect(DateTime.fromISO(h.date).weekday, `${h.name} ${h.date}`).toBeLessThanOrEqual(5);
      }
    }
  });
});
