// Due dates, horizons and "days overdue" are sums on plain ISO dates. They are worked out
// without luxon for speed; they must give what luxon gives, across month and year ends,
// leap days and both directions.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../../src/domain/calendar-dates.js';

const viaLuxon = {
  addDays: (iso: string, days: number) => DateTime.fromISO(iso, { zone: 'UTC' }).plus({ days }).toISODate(),
  daysBetween: (from: string, to: string) => Math.round(DateTime.fromISO(to, { zone: 'UTC' }).diff(DateTime.fromISO(from, { zone: 'UTC' }), 'days').days),
};

// Every day from December 2023 to June 2024 (a year end, a leap day), and a few far ones.
const days = Array.from({ length: 200 }, (_, i) => new Date(Date.UTC(2023, 11, 1 + i)).toISOString().slice(0, 10));
const samples = [...days, '1999-12-31', '2000-02-29', '2100-03-01', '0001-01-01', '9999-12-31'];

describe('calendar date sums', () => {
  it('add days as luxon does', () => {
    const cases = samples.flatMap((iso) => [0, 1, -1, 14, -14, 30, 365, -366, 1000].map((n) => [iso, n] as const));
    expect(cases.map(([iso, n]) => `${iso} ${n} ${addDays(iso, n)}`)).toEqual(cases.map(([iso, n]) => `${iso} ${n} ${viaLuxon.addDays(iso, n)}`));
  });

  it('count days between as luxon does', () => {
    const cases = days.flatMap((from, i) =>
      [days[(i * 7) % days.length]!, days[days.length - 1 - i]!, '2000-02-29', '2100-03-01'].map((to) => [from, to] as const),
    );
    expect(cases.map(([from, to]) => `${from} ${to} ${daysBetween(from, to)}`)).toEqual(
      cases.map(([from, to]) => `${from} ${to} ${viaLuxon.daysBetween(from, to)}`),
    );
  });

  it('leave what is not a plain date to luxon', () => {
    for (const odd of ['2025-02-30', '2025-13-01', '2025-11-12T23:00:00-08:00', 'soon']) {
      expect(addDays(odd, 1)).toEqual(viaLuxon.addDays(odd, 1));
      expect(daysBetween('2025-11-12', odd)).toEqual(viaLuxon.daysBetween('2025-11-12', odd));
    }
    expect(addDays('2025-11-12', 1.5)).toBe(viaLuxon.addDays('2025-11-12', 1.5));
  });
});
