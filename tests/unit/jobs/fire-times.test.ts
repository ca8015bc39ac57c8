import { describe, expect, it } from 'vitest';
import { compileCron } from '../../../src/jobs/schedule/cron-expression.js';
import { firesBetween, latestFireBetween, nextFireAfter } from '../../../src/jobs/schedule/fire-times.js';

const LA = 'America/Los_Angeles';
const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

describe('fire times in the City time zone', () => {
  it('fires a daily 08:00 job at 08:00 local, PST and PDT alike', () => {
    const cron = compileCron('0 8 * * *');
    expect(nextFireAfter(cron, LA, new Date('2026-01-15T12:00:00Z')).toISOString()).toBe('2026-01-15T16:00:00.000Z');
    expect(nextFireAfter(cron, LA, new Date('2026-07-15T16:00:00Z')).toISOString()).toBe('2026-07-16T15:00:00.000Z');
  });

  it('fires a 02:30 daily job exactly once on the spring-forward day, right after the gap', () => {
    // 2026-03-08: clocks jump from 02:00 PST to 03:00 PDT; 02:30 does not exist.
    const cron = compileCron('30 2 * * *');
    const fires = firesBetween(cron, LA, new Date('2026-03-07T08:00:00Z'), new Date('2026-03-10T08:00:00Z'));
    expect(iso(fires)).toEqual([
      '2026-03-07T10:30:00.000Z', // 02:30 PST
      '2026-03-08T10:00:00.000Z', // 03:00 PDT, the first instant after the gap
      '2026-03-09T09:30:00.000Z', // 02:30 PDT
    ]);
  });

  it('fires a 02:30 daily job exactly once on the fall-back day', () => {
    // 2026-11-01: clocks fall back from 02:00 PDT to 01:00 PST.
    const cron = compileCron('30 2 * * *');
    const fires = firesBetween(cron, LA, new Date('2026-10-31T08:00:00Z'), new Date('2026-11-03T08:00:00Z'));
    expect(iso(fires)).toEqual(['2026-10-31T09:30:00.000Z', '2026-11-01T10:30:00.000Z', '2026-11-02T10:30:00.000Z']);
  });

  it('fires a 01:30 daily job once on the fall-back day although 01:30 happens twice', () => {
    const cron = compileCron('30 1 * * *');
    const fires = firesBetween(cron, LA, new Date('2026-11-01T07:00:00Z'), new Date('2026-11-02T07:00:00Z'));
    expect(iso(fires)).toEqual(['2026-11-01T08:30:00.000Z']); // 01:30 PDT, the first pass
  });

  it('keeps wildcard-hour jobs on real time across both transitions', () => {
    const cron = compileCron('*/30 * * * *');
    const fall = firesBetween(cron, LA, new Date('2026-11-01T07:59:59Z'), new Date('2026-11-01T10:00:00Z'));
    // 01:00 PDT, 01:30 PDT, 01:00 PST, 01:30 PST, 02:00 PST: every 30 real minutes.
    expect(iso(fall)).toEqual([
      '2026-11-01T08:00:00.000Z',
      '2026-11-01T08:30:00.000Z',
      '2026-11-01T09:00:00.000Z',
      '2026-11-01T09:30:00.000Z',
      '2026-11-01T10:00:00.000Z',
    ]);
    const spring = firesBetween(cron, LA, new Date('2026-03-08T09:00:00Z'), new Date('2026-03-08T10:30:00Z'));
    // 01:30 PST, then 03:00 and 03:30 PDT: nothing invented for the missing hour.
    expect(iso(spring)).toEqual(['2026-03-08T09:30:00.000Z', '2026-03-08T10:00:00.000Z', '2026-03-08T10:30:00.000Z']);
  });

  it('runs an every-10-seconds job through the repeated hour without gaps', () => {
    const cron = compileCron('*/10 * * * * *');
    const fires = firesBetween(cron, LA, new Date('2026-11-01T08:00:00Z'), new Date('2026-11-01T10:00:00Z'));
    expect(fires).toHaveLength(720);
    const gaps = new Set(fires.slice(1).map((d, i) => d.getTime() - fires[i]!.getTime()));
    expect([...gaps]).toEqual([10_000]);
  });

  it('finds the most recent fire inside a window, for catch-up', () => {
    const cron = compileCron('0 8 * * 1'); // Mondays 08:00
    const now = new Date('2026-11-24T01:00:00Z'); // Monday 2026-11-23 17:00 PST
    expect(latestFireBetween(cron, LA, new Date(now.getTime() - 24 * 3600_000), now)?.toISOString()).toBe('2026-11-23T16:00:00.000Z');
    expect(latestFireBetween(cron, LA, new Date(now.getTime() - 3 * 3600_000), now)).toBeNull();
  });

  it('handles day-of-month tokens the way node-cron does', () => {
    const lastDay = compileCron('0 9 L * *');
    expect(nextFireAfter(lastDay, LA, new Date('2026-02-01T00:00:00Z')).toISOString()).toBe('2026-02-28T17:00:00.000Z');
    const firstMonday = compileCron('0 9 * * 1#1');
    expect(nextFireAfter(firstMonday, LA, new Date('2026-11-03T00:00:00Z')).toISOString()).toBe('2026-12-07T17:00:00.000Z');
    const leap = compileCron('0 0 29 2 *');
    expect(nextFireAfter(leap, LA, new Date('2026-03-01T00:00:00Z')).toISOString()).toBe('2028-02-29T08:00:00.000Z');
  });

  it('treats a seconds field like any other', () => {
    const cron = compileCron('*/2 * * * * *');
    expect(nextFireAfter(cron, LA, new Date('2026-11-23T10:00:00.500Z')).toISOString()).toBe('2026-11-23T10:00:02.000Z');
  });
});
