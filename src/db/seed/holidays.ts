// City of San José holidays, computed rather than typed in per year so the seed stays
// right in any year it runs. Reminder scheduling skips these days, so what matters is the
// day City offices are closed: a holiday on a Saturday is observed the Friday before, one
// on a Sunday the Monday after (the usual public-employer rule).
import { DateTime } from 'luxon';
import { fiscalYearRange } from '../../domain/fiscal-calendar.js';

export interface CityHoliday {
  /** ISO date (YYYY-MM-DD) the City observes the holiday. */
  date: string;
  name: string;
}

type Rule = { name: string; date: (year: number) => DateTime };

const fixed = (month: number, day: number) => (year: number) => DateTime.utc(year, month, day);

/** The nth (1-based) given ISO weekday (1 = Monday) of a month. */
const nthWeekday = (month: number, weekday: number, n: number) => (year: number) => {
  const first = DateTime.utc(year, month, 1);
  return first.plus({ days: ((weekday - first.weekday + 7) % 7) + (n - 1) * 7 });
};

const lastWeekday = (month: number, weekday: number) => (year: number) => {
  const last = DateTime.utc(year, month, 1).endOf('month').startOf('day');
  return last.minus({ days: (last.weekday - weekday + 7) % 7 });
};

const MONDAY = 1;
const THURSDAY = 4;

const RULES: readonly Rule[] = [
  { name: "New Year's Day", date: fixed(1, 1) },
  { name: 'Martin Luther King Jr. Day', date: nthWeekday(1, MONDAY, 3) },
  { name: "Presidents' Day", date: nthWeekday(2, MONDAY, 3) },
  { name: 'Cesar Chavez Day', date: fixed(3, 31) },
  { name: 'Memorial Day', date: lastWeekday(5, MONDAY) },
  { name: 'Juneteenth', date: fixed(6, 19) },
  { name: 'Independence Day', date: fixed(7, 4) },
  { name: 'Labor Day', date: nthWeekday(9, MONDAY, 1) },
  { name: 'Veterans Day', date: fixed(11, 11) },
  { name: 'Thanksgiving Day', date: nthWeekday(11, THURSDAY, 4) },
  { name: 'Day after Thanksgiving', date: (year) => nthWeekday(11, THURSDAY, 4)(year).plus({ days: 1 }) },
  { name: 'Christmas Day', date: fixed(12, 25) },
];

/** Every City holiday observed in one calendar year's rules (the observed date may fall in the year before). */
export function holidaysOfYear(year: number): CityHoliday[] {
  return RULES.map((rule) => {
    const actual = rule.date(year);
    // luxon weekday: 6 = Saturday, 7 = Sunday.
    const shift = actual.weekday === 6 ? -1 : actual.weekday === 7 ? 1 : 0;
    const observed = actual.plus({ days: shift });
    return { date: observed.toISODate()!, name: shift === 0 ? rule.name : `${rule.name} (observed)` };
  });
}

/** City holidays observed within a fiscal year (named by its end year), in date order. */
export function cityHolidaysForFiscalYear(fiscalYearEnd: number): CityHoliday[] {
  const { start, end } = fiscalYearRange(fiscalYearEnd);
  // New Year's Day of the following year can be observed on December 31, inside this range.
  return [fiscalYearEnd - 1, fiscalYearEnd, fiscalYearEnd + 1]
    .flatMap(holidaysOfYear)
    .filter((h) => h.date >= start && h.date <= end)
    .sort((a, b) => a.date.localeCompare(b.date));
}
