import { describe, expect, it } from 'vitest';
import { isDueSoon, isOverdue, isSilentThisQuarter, summarizeStrategies } from '../../../src/domain/status-summary.js';

const today = '2025-11-12';
const quarterStart = '2025-10-01';

describe('overdue and due soon', () => {
  it('is overdue from the day after the due date, unless completed', () => {
    expect(isOverdue({ status: 'IN_PROGRESS', dueDate: '2025-11-11' }, today)).toBe(true);
    expect(isOverdue({ status: 'IN_PROGRESS', dueDate: today }, today)).toBe(false);
    expect(isOverdue({ status: 'COMPLETED', dueDate: '2025-01-01' }, today)).toBe(false);
    expect(isOverdue({ status: 'DEFERRED', dueDate: '2025-11-01' }, today)).toBe(true);
    expect(isOverdue({ status: 'NOT_STARTED', dueDate: null }, today)).toBe(false);
  });

  it('is due soon from today through 14 days out', () => {
    expect(isDueSoon({ status: 'ONGOING', dueDate: today }, today)).toBe(true);
    expect(isDueSoon({ status: 'ONGOING', dueDate: '2025-11-26' }, today)).toBe(true);
    expect(isDueSoon({ status: 'ONGOING', dueDate: '2025-11-27' }, today)).toBe(false);
    expect(isDueSoon({ status: 'COMPLETED', dueDate: '2025-11-20' }, today)).toBe(false);
  });
});

describe('silent this quarter', () => {
  it('expects reports from open work only', () => {
    expect(isSilentThisQuarter({ status: 'IN_PROGRESS', dueDate: null, lastPeriodStart: null }, quarterStart)).toBe(true);
    expect(isSilentThisQuarter({ status: 'IN_PROGRESS', dueDate: null, lastPeriodStart: '2025-07-01' }, quarterStart)).toBe(true);
    expect(isSilentThisQuarter({ status: 'IN_PROGRESS', dueDate: null, lastPeriodStart: '2025-11-01' }, quarterStart)).toBe(false);
    expect(isSilentThisQuarter({ status: 'COMPLETED', dueDate: null, lastPeriodStart: null }, quarterStart)).toBe(false);
    expect(isSilentThisQuarter({ status: 'DEFERRED', dueDate: null, lastPeriodStart: null }, quarterStart)).toBe(false);
  });
});

describe('summarizeStrategies', () => {
  it('counts by status and sorts the lists by due date', () => {
    const s = summarizeStrategies(
      [
        { id: 1, status: 'IN_PROGRESS' as const, dueDate: '2025-11-05', lastPeriodStart: null },
        { id: 2, status: 'IN_PROGRESS' as const, dueDate: '2025-10-01', lastPeriodStart: '2025-10-01' },
        { id: 3, status: 'COMPLETED' as const, dueDate: '2025-10-01', lastPeriodStart: null },
        { id: 4, status: 'NOT_STARTED' as const, dueDate: '2025-11-20', lastPeriodStart: null },
      ],
      today,
      quarterStart,
    );
    expect(s.total).toBe(4);
    expect(s.byStatus).toEqual({ COMPLETED: 1, IN_PROGRESS: 2, ONGOING: 0, NOT_STARTED: 1, DEFERRED: 0 });
    expect(s.overdue.map((x) => x.id)).toEqual([2, 1]);
    expect(s.dueSoon.map((x) => x.id)).toEqual([4]);
    expect(s.notUpdatedThisQuarter.map((x) => x.id)).toEqual([1, 4]);
  });
});
