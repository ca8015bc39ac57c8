import { describe, expect, it } from 'vitest';
import {
  fiscalYearLabel,
  fiscalYearOf,
  nextPeriod,
  parseFiscalYears,
  parsePeriodKey,
  periodContaining,
  previousPeriod,
} from '../../src/domain/fiscal-calendar.js';

const LA = 'America/Los_Angeles';

describe('fiscal calendar', () => {
  it('puts July 1 in Q1 of the fiscal year that ends the next June', () => {
    const p = periodContaining(new Date('2023-07-01T12:00:00-07:00'), LA, 'QUARTERLY');
    expect(p).toMatchObject({ key: 'FY2024-Q1', start: '2023-07-01', end: '2023-09-30' });
    expect(fiscalYearLabel(p.fiscalYearEnd)).toBe('FY 2023-2024');
  });

  it('decides the period in the City time zone, not UTC', () => {
    // 2024-07-01 03:00 UTC is still June 30 in San José: the last day of FY 2023-2024.
    const at = new Date('2024-07-01T03:00:00Z');
    expect(fiscalYearOf(at, LA)).toBe(2024);
    expect(periodContaining(at, LA, 'QUARTERLY').key).toBe('FY2024-Q4');
    expect(periodContaining(at, 'UTC', 'QUARTERLY').key).toBe('FY2025-Q1');
  });

  it('numbers months from July and wraps at the fiscal year boundary', () => {
    const p = periodContaining(new Date('2024-02-29T12:00:00-08:00'), LA, 'MONTHLY');
    expect(p).toMatchObject({ key: 'FY2024-M08', start: '2024-02-01', end: '2024-02-29' });
    expect(nextPeriod(periodContaining(new Date('2024-06-15T12:00:00-07:00'), LA, 'MONTHLY')).key).toBe('FY2025-M01');
    expect(previousPeriod(parsePeriodKey('FY2025-Q1')!).key).toBe('FY2024-Q4');
  });

  it('reads the fiscal-year spellings people type', () => {
    expect(parseFiscalYears('FY2023-2024')).toEqual({ startYear: 2023, endYear: 2024 });
    expect(parseFiscalYears('fy 2023-24')).toEqual({ startYear: 2023, endYear: 2024 });
    expect(parseFiscalYears('FY24')).toEqual({ startYear: 2023, endYear: 2024 });
    expect(parseFiscalYears('FY2024-2026')).toEqual({ startYear: 2024, endYear: 2026 });
    expect(parseFiscalYears('2024-2023')).toBeNull();
    expect(parseFiscalYears('next year')).toBeNull();
    expect(parsePeriodKey('FY2024-Q5')).toBeNull();
  });
});
