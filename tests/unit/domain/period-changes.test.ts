// What changed since last quarter, as a reader sees it: completions first, then deferrals,
// starts and other moves, new work, and reporting; and the closing status of a quarter
// rebuilt from the update history.
import { describe, expect, it } from 'vitest';
import { closingState, measureChangeOf, periodChanges, type CurrentStrategy, type MeasureNow } from '../../../src/domain/period-changes.js';

const s = (
  id: number,
  label: string,
  status: CurrentStrategy['status'],
  previous: CurrentStrategy['previous'],
  reportedThisQuarter = false,
): CurrentStrategy => ({
  id,
  label,
  text: `Strategy ${label}`,
  status,
  reportedThisQuarter,
  previous,
});

describe('period changes', () => {
  it('counts completions, deferrals, starts and other moves, most important first', () => {
    const c = periodChanges([
      s(1, '1.10', 'IN_PROGRESS', { status: 'NOT_STARTED', reported: false }, true),
      s(2, '1.9', 'COMPLETED', { status: 'IN_PROGRESS', reported: true }, true),
      s(3, '2.1', 'DEFERRED', { status: 'ONGOING', reported: true }),
      s(4, '2.2', 'ONGOING', { status: 'IN_PROGRESS', reported: true }, true),
      s(5, '3.1', 'IN_PROGRESS', null),
      s(6, '1.2', 'COMPLETED', { status: 'ONGOING', reported: false }),
    ]);
    expect(c.counts).toEqual({ completed: 2, deferred: 1, started: 1, moved: 1, new: 1, nowReporting: 0, notReported: 0, reachedTarget: 0, missedTarget: 0 });
    expect(c.changes.map((x) => [x.kind, x.strategy.label])).toEqual([
      ['completed', '1.2'],
      ['completed', '1.9'],
      ['deferred', '2.1'],
      ['started', '1.10'],
      ['moved', '2.2'],
      ['new', '3.1'],
    ]);
    expect(c.changes[0]).toMatchObject({ from: 'ONGOING', to: 'COMPLETED' });
    expect(c.compared).toBe(6);
    expect(c.withHistory).toBe(5);
  });

  it('notes reporting that started or stopped, only for work that still expects reports', () => {
    const c = periodChanges([
      s(1, '1.1', 'IN_PROGRESS', { status: 'IN_PROGRESS', reported: false }, true),
      s(2, '1.2', 'ONGOING', { status: 'ONGOING', reported: true }, false),
      // Completed work that no longer reports is not news; neither is steady reporting.
      s(3, '1.3', 'COMPLETED', { status: 'COMPLETED', reported: true }, false),
      s(4, '1.4', 'IN_PROGRESS', { status: 'IN_PROGRESS', reported: true }, true),
    ]);
    expect(c.changes.map((x) => [x.kind, x.strategy.label])).toEqual([
      ['nowReporting', '1.1'],
      ['notReported', '1.2'],
    ]);
  });

  it('says nothing changed when nothing did', () => {
    const c = periodChanges([s(1, '1.1', 'IN_PROGRESS', { status: 'IN_PROGRESS', reported: true }, true)]);
    expect(c.changes).toEqual([]);
    expect(Object.values(c.counts).every((n) => n === 0)).toBe(true);
  });
});

describe('closing state of a quarter', () => {
  const q = { start: '2026-07-01', end: '2026-09-30' };
  const closeAt = new Date('2026-10-01T07:00:00Z');
  const u = (id: number, at: string, periodStart: string, from: CurrentStrategy['status'], to: CurrentStrategy['status']) => ({
    id,
    createdAt: new Date(at),
    periodStart,
    statusFrom: from,
    statusTo: to,
  });

  it('takes the status a later update moved it from, and the quarter’s latest update', () => {
    const st = closingState(
      [
        u(3, '2026-11-02T18:00:00Z', '2026-10-01', 'IN_PROGRESS', 'COMPLETED'),
        u(1, '2026-08-01T18:00:00Z', '2026-07-01', 'NOT_STARTED', 'ONGOING'),
        u(2, '2026-09-15T18:00:00Z', '2026-07-01', 'ONGOING', 'IN_PROGRESS'),
      ],
      'COMPLETED',
      q,
      closeAt,
    );
    expect(st).toEqual({ status: 'IN_PROGRESS', lastUpdateId: 2, reported: true });
  });

  it('falls back to today’s status when nothing changed it since, and reports nothing without an update', () => {
    expect(closingState([], 'NOT_STARTED', q, closeAt)).toEqual({ status: 'NOT_STARTED', lastUpdateId: null, reported: false });
    expect(closingState([u(1, '2026-05-01T18:00:00Z', '2026-04-01', 'NOT_STARTED', 'ONGOING')], 'ONGOING', q, closeAt)).toEqual({
      status: 'ONGOING',
      lastUpdateId: null,
      reported: false,
    });
  });
});

describe('measures against their targets since last quarter', () => {
  const m = (over: Partial<MeasureNow>): MeasureNow => ({
    label: 'Staff trained',
    kind: 'PERCENT',
    unit: '',
    target: 98,
    direction: 'INCREASE',
    previous: 90,
    current: 98,
    ...over,
  });

  it('notes a target reached or missed, by the measure’s direction', () => {
    expect(measureChangeOf(m({}))).toBe('reachedTarget');
    expect(measureChangeOf(m({ previous: null }))).toBe('reachedTarget');
    expect(measureChangeOf(m({ previous: 99, current: 97 }))).toBe('missedTarget');
    // Lower is better: 12 days after 20 reaches a target of 14.
    expect(measureChangeOf(m({ kind: 'COUNT', direction: 'DECREASE', target: 14, previous: 20, current: 12 }))).toBe('reachedTarget');
    expect(measureChangeOf(m({ kind: 'COUNT', direction: 'DECREASE', target: 14, previous: 12, current: 20 }))).toBe('missedTarget');
  });

  it('says nothing when nothing crossed the target, no target is set, or nothing was reported this quarter', () => {
    expect(measureChangeOf(m({ previous: 98.5, current: 99 }))).toBeNull();
    expect(measureChangeOf(m({ previous: 80, current: 85 }))).toBeNull();
    expect(measureChangeOf(m({ target: null }))).toBeNull();
    expect(measureChangeOf(m({ current: null }))).toBeNull();
  });

  it('lists measure changes with the strategy’s own change, a missed target before a reached one', () => {
    const changes = periodChanges([
      {
        ...s(1, '1.1', 'IN_PROGRESS', { status: 'NOT_STARTED', reported: true }, true),
        measures: [m({ label: 'Trainings', kind: 'COUNT', target: 15, previous: 15, current: 10 }), m({})],
      },
    ]);
    expect(changes.changes.map((c) => [c.kind, c.measure?.label ?? null])).toEqual([
      ['missedTarget', 'Trainings'],
      ['reachedTarget', 'Staff trained'],
      ['started', null],
    ]);
    expect(changes.counts).toMatchObject({ missedTarget: 1, reachedTarget: 1, started: 1 });
  });
});
