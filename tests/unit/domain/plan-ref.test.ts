import { describe, expect, it } from 'vitest';
import { parsePlanRef, planMatchesYears } from '../../../src/domain/plan-ref.js';

describe('parsePlanRef', () => {
  it.each([
    ['FY2024-2026 library', { startYear: 2024, endYear: 2026 }, 'library'],
    ['Library FY2024-2026', { startYear: 2024, endYear: 2026 }, 'Library'],
    ['San José Public Library 2024-26', { startYear: 2024, endYear: 2026 }, 'San José Public Library'],
    ['FY 2023-2024', { startYear: 2023, endYear: 2024 }, ''],
    ['FY24', { startYear: 2023, endYear: 2024 }, ''],
    ['2024', { startYear: 2023, endYear: 2024 }, ''],
    ['housing fy2025', { startYear: 2024, endYear: 2025 }, 'housing'],
  ])('%s', (text, years, departmentQuery) => {
    expect(parsePlanRef(text)).toEqual({ text, years, departmentQuery });
  });

  it('has no years for a bare name', () => {
    expect(parsePlanRef('library')).toEqual({ text: 'library', years: null, departmentQuery: 'library' });
  });
});

describe('planMatchesYears', () => {
  const reap = { fiscalStartYear: 2024, fiscalEndYear: 2026 };
  it('matches exactly or by covering one fiscal year', () => {
    expect(planMatchesYears(reap, { startYear: 2024, endYear: 2026 })).toBe('exact');
    expect(planMatchesYears(reap, { startYear: 2024, endYear: 2025 })).toBe('covers');
    expect(planMatchesYears(reap, { startYear: 2025, endYear: 2026 })).toBe('covers');
    expect(planMatchesYears(reap, { startYear: 2023, endYear: 2024 })).toBeNull();
    expect(planMatchesYears(reap, { startYear: 2022, endYear: 2026 })).toBeNull();
  });
});
