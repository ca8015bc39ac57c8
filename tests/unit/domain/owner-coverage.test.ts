// Which open strategies ORSE must look at, and under which heading.
import { describe, expect, it } from 'vitest';
import { coverageReasons, groupByReason, type CoverageFacts } from '../../../src/domain/owner-coverage.js';

const TODAY = '2026-11-18';
const covered: CoverageFacts = { status: 'IN_PROGRESS', dueDate: '2026-12-31', owner: { active: true }, needsReassignment: false, hasUpdate: true };
const facts = (over: Partial<CoverageFacts>): CoverageFacts => ({ ...covered, ...over });

describe('coverageReasons', () => {
  it('finds nothing wrong with an owned, reported, on-time strategy', () => {
    expect(coverageReasons(covered, TODAY)).toEqual([]);
    expect(coverageReasons(facts({ dueDate: null }), TODAY)).toEqual([]);
  });

  it('names a missing owner, and an owner who left or was flagged for replacement', () => {
    expect(coverageReasons(facts({ owner: null }), TODAY)).toEqual(['noOwner']);
    expect(coverageReasons(facts({ owner: { active: false } }), TODAY)).toEqual(['inactiveOwner']);
    expect(coverageReasons(facts({ needsReassignment: true }), TODAY)).toEqual(['inactiveOwner']);
    // Flagged and then the owner row gone: nobody owns it, which says it all.
    expect(coverageReasons(facts({ owner: null, needsReassignment: true }), TODAY)).toEqual(['noOwner']);
  });

  it('names strategies never reported on', () => {
    expect(coverageReasons(facts({ hasUpdate: false }), TODAY)).toEqual(['neverUpdated']);
  });

  it('counts as overdue only what was due before the City’s today and is not deferred', () => {
    expect(coverageReasons(facts({ dueDate: '2026-11-17' }), TODAY)).toEqual(['overdue']);
    expect(coverageReasons(facts({ dueDate: TODAY }), TODAY)).toEqual([]);
    expect(coverageReasons(facts({ dueDate: '2026-11-17', status: 'DEFERRED' }), TODAY)).toEqual([]);
    expect(coverageReasons(facts({ dueDate: '2026-11-17', status: 'NOT_STARTED' }), TODAY)).toEqual(['overdue']);
  });

  it('ignores completed and archived strategies whatever else is true', () => {
    const neglected = { owner: null, hasUpdate: false, dueDate: '2025-01-01' };
    expect(coverageReasons(facts({ ...neglected }), TODAY)).toEqual(['noOwner', 'neverUpdated', 'overdue']);
    expect(coverageReasons(facts({ ...neglected, status: 'COMPLETED' }), TODAY)).toEqual([]);
    expect(coverageReasons(facts({ ...neglected, archived: true }), TODAY)).toEqual([]);
  });
});

describe('groupByReason', () => {
  it('lists a strategy under every reason it meets, in the order given', () => {
    const items = [
      { id: 1, ...facts({ owner: null, hasUpdate: false }) },
      { id: 2, ...covered },
      { id: 3, ...facts({ owner: { active: false }, dueDate: '2026-01-01' }) },
      { id: 4, ...facts({ hasUpdate: false, dueDate: '2026-11-01' }) },
    ];
    const groups = groupByReason(items, TODAY);
    const ids = (list: { id: number }[]) => list.map((i) => i.id);
    expect(ids(groups.noOwner)).toEqual([1]);
    expect(ids(groups.inactiveOwner)).toEqual([3]);
    expect(ids(groups.neverUpdated)).toEqual([1, 4]);
    expect(ids(groups.overdue)).toEqual([3, 4]);
  });
});
