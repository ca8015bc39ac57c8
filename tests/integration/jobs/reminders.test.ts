// The deadline-reminders job end to end on a real database: the run coordinator fires it,
// the outbox dispatcher delivers to the fake Slack, and we read each person's DMs. One DM
// per person per day, nothing twice, the right items, weekends, holidays and clock changes.
import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../../src/services/app-context.js';
import { loadActor } from '../../../src/services/authz.js';
import { snoozeReminder } from '../../../src/services/reminder-actions.js';
import type { FakeSlack } from '../../../src/sandbox/fake-slack/index.js';
import type { TestDatabase } from '../../support/test-db.js';
import { countingClient } from '../services/support/query-counter.js';
import {
  JobDriver,
  PEOPLE,
  addCitywideStrategy,
  addMilestone,
  addStrategy,
  addUpdate,
  buildReminderWorld,
  reminderItems,
  resetReminderTables,
  textOf,
  type ReminderWorld,
  useReminderTestBed,
} from './reminders-support.js';
import type { TestClock } from './support/harness.js';

let db: TestDatabase;
let fake: FakeSlack;
let ctx: AppContext;
let clock: TestClock;
let world: ReminderWorld;
let jobs: JobDriver;

useReminderTestBed('2026-11-18T16:00:00Z', (bed) => {
  ({ db, fake, ctx, clock, world, jobs } = bed);
});

const Q2 = { key: 'FY2027-Q2', start: '2026-10-01', end: '2026-12-31' };
const M04 = { key: 'FY2027-M04', start: '2026-10-01', end: '2026-10-31' };
const M05 = { key: 'FY2027-M05', start: '2026-11-01', end: '2026-11-30' };
const WED = '2026-11-18T16:00:00Z'; // 08:00 in San José

describe('deadline reminders', () => {
  it('sends each person one DM listing all their items, and nothing more on a second run that day', async () => {
    const p = db.prisma;
    const sa = await addStrategy(p, world, { dept: 'LIB', owner: 'ana', due: '2026-11-25' }); // 7 days
    const ma1 = await addMilestone(p, world, sa, { title: 'Book the room', due: '2026-11-19' }); // 1 day, unowned → ana
    const sa2 = await addStrategy(p, world, { dept: 'LIB', owner: 'ana' });
    const ma2 = await addMilestone(p, world, sa2, { title: 'Send the survey', due: '2026-11-10', owner: 'ana' }); // 8 days overdue
    const mGone = await addMilestone(p, world, sa, { title: 'Print flyers', due: '2026-11-25', owner: 'gone' }); // owner left → ana
    const sh = await addStrategy(p, world, { dept: 'HOUSING', owner: 'hana', due: '2026-11-19' });
    // Hugo reported in October, not November: Housing reports monthly, so he is reminded.
    const sHugo = await addStrategy(p, world, { dept: 'HOUSING', owner: 'hugo', due: '2026-11-25' });
    await addUpdate(p, world, sHugo, 'hugo', M04);
    const sHugoDone = await addStrategy(p, world, { dept: 'HOUSING', owner: 'hugo', due: '2026-11-25' });
    await addUpdate(p, world, sHugoDone, 'hugo', M05);
    // Ben reported this quarter (Library is quarterly): nothing for him or his milestone.
    const sBen = await addStrategy(p, world, { dept: 'LIB', owner: 'ben', due: '2026-11-25' });
    await addMilestone(p, world, sBen, { title: 'Order books', due: '2026-11-19' });
    await addUpdate(p, world, sBen, 'ben', Q2);
    // Nothing for inactive people, completed, deferred or archived work, or done milestones.
    await addStrategy(p, world, { dept: 'LIB', owner: 'gone', due: '2026-11-25' });
    await addStrategy(p, world, { dept: 'LIB', owner: 'lee', due: '2026-11-25', status: 'COMPLETED' });
    const deferred = await addStrategy(p, world, { dept: 'LIB', owner: 'lee', due: '2026-11-25', status: 'DEFERRED' });
    await addMilestone(p, world, deferred, { title: 'On hold', due: '2026-11-19', owner: 'lee' });
    await addStrategy(p, world, { dept: 'LIB', owner: 'lee', due: '2026-11-25', archived: true });
    await addMilestone(p, world, sa2, { title: 'Already done', due: '2026-11-19', owner: 'ana', completed: true });

    const first = await jobs.fire('deadline-reminders', WED);
    expect(first).toMatchObject({ outcome: 'succeeded', enqueued: 3 });

    const ana = jobs.dms('ana');
    expect(ana).toHaveLength(1);
    expect(reminderItems(ana[0]!)).toEqual([`reminder:m:${ma2}`, `reminder:m:${ma1}`, `reminder:m:${mGone}`, `reminder:s:${sa}`]);
    expect(textOf(ana[0]!)).toContain('Sus fechas límite del REAP'); // Ana reads Spanish
    expect(textOf(ana[0]!)).toContain('(8 días de retraso)');
    expect(reminderItems(jobs.dms('hana')[0]!)).toEqual([`reminder:s:${sh}`]);
    expect(reminderItems(jobs.dms('hugo')[0]!)).toEqual([`reminder:s:${sHugo}`]);
    for (const who of ['ben', 'lee', 'gone'] as const) expect(jobs.dms(who), who).toEqual([]);
    const keys = (await p.outboxMessage.findMany({ orderBy: { id: 'asc' } })).map((r) => r.idempotencyKey).sort();
    expect(keys).toEqual(['deadline-reminders:2026-11-18:U0ANA', 'deadline-reminders:2026-11-18:U0HANA', 'deadline-reminders:2026-11-18:U0HUGO']);

    // Later the same day someone runs the job by hand: the keys exist, nothing is sent.
    clock.set(new Date('2026-11-18T23:00:00Z'));
    const again = await jobs.runNow('deadline-reminders');
    expect(again).toMatchObject({ outcome: 'succeeded', enqueued: 0 });
    expect(jobs.dms('ana')).toHaveLength(1);
    expect(await p.outboxMessage.count()).toBe(3);
  });

  it('reminds the owner of a citywide strategy by its lead department’s period', async () => {
    const p = db.prisma;
    // Welcoming plan strategies owned by Ben (Library staff), reported in October. One is
    // led by Housing, which reports monthly: October does not count for November, so Ben is
    // reminded. The other is led by the Library (quarterly), with Housing as partner: done.
    const housingLed = await addCitywideStrategy(p, world, {
      lead: 'HOUSING',
      partners: ['LIB'],
      owner: 'ben',
      due: '2026-11-25',
      text: 'Tenant rights in five languages',
    });
    await addUpdate(p, world, housingLed, 'ben', M04);
    const libraryLed = await addCitywideStrategy(p, world, {
      lead: 'LIB',
      partners: ['HOUSING'],
      owner: 'ben',
      due: '2026-11-25',
      text: 'Library cards at tenant clinics',
    });
    await addUpdate(p, world, libraryLed, 'ben', M04);

    expect(await jobs.fire('deadline-reminders', WED)).toMatchObject({ outcome: 'succeeded', enqueued: 1 });
    const [dm, ...more] = jobs.dms('ben');
    expect(more).toEqual([]);
    expect(reminderItems(dm!)).toEqual([`reminder:s:${housingLed}`]);
    expect(textOf(dm!)).toContain('Tenant rights in five languages');
  });

  it('sends nothing on a weekend; Friday covers reminders that fall on it', async () => {
    const monday = await addStrategy(db.prisma, world, { dept: 'LIB', owner: 'ana', due: '2026-11-23' }); // 1 day before = Sunday
    const friday = await jobs.fire('deadline-reminders', '2026-11-20T16:00:00Z');
    expect(friday).toMatchObject({ outcome: 'succeeded', enqueued: 1 });
    expect(reminderItems(jobs.dms('ana')[0]!)).toEqual([`reminder:s:${monday}`]);
    expect(textOf(jobs.dms('ana')[0]!)).toContain('(en 3 días)');
    for (const at of ['2026-11-21T16:00:00Z', '2026-11-22T16:00:00Z']) {
      expect(await jobs.fire('deadline-reminders', at)).toMatchObject({
        outcome: 'succeeded',
        enqueued: 0,
        detail: expect.stringContaining('not a City business day'),
      });
    }
    expect(await jobs.fire('deadline-reminders', '2026-11-23T16:00:00Z')).toMatchObject({ enqueued: 0 });
    expect(jobs.dms('ana')).toHaveLength(1);
  });

  it('on the Friday before a Monday holiday sends the holiday’s "due soon" reminders, and "overdue" ones on Tuesday', async () => {
    const p = db.prisma;
    const dueTuesday = await addStrategy(p, world, { dept: 'LIB', owner: 'ana', due: '2026-09-08' }); // 1 day before = Labor Day
    const dueNextMonday = await addStrategy(p, world, { dept: 'LIB', owner: 'ana', due: '2026-09-14' }); // 7 days before = Labor Day
    const overdue = await addStrategy(p, world, { dept: 'LIB', owner: 'ana', due: '2026-08-30' }); // overdue Aug 31, then Sept 7
    // 08:00 PDT is 15:00 UTC.
    expect(await jobs.fire('deadline-reminders', '2026-09-04T15:00:00Z')).toMatchObject({ enqueued: 1 });
    expect(reminderItems(jobs.dms('ana')[0]!)).toEqual([`reminder:s:${dueTuesday}`, `reminder:s:${dueNextMonday}`]);
    expect(await jobs.fire('deadline-reminders', '2026-09-07T15:00:00Z')).toMatchObject({
      enqueued: 0,
      detail: expect.stringContaining('2026-09-07 is not a City business day'),
    });
    expect(await jobs.fire('deadline-reminders', '2026-09-08T15:00:00Z')).toMatchObject({ enqueued: 1 });
    const tuesday = jobs.dms('ana')[1]!;
    expect(reminderItems(tuesday)).toEqual([`reminder:s:${overdue}`]);
    expect(textOf(tuesday)).toContain('(9 días de retraso)');
  });

  it('names the City’s day in the week the clocks change, and counts calendar days', async () => {
    const p = db.prisma;
    // Autumn: Sunday Nov 1 ends daylight time. 23:30 on Sunday is already Monday in UTC.
    const autumn = await addStrategy(p, world, { dept: 'HOUSING', owner: 'hana', due: '2026-11-09' });
    expect(await jobs.fire('deadline-reminders', '2026-11-02T07:30:00Z')).toMatchObject({ enqueued: 0, detail: expect.stringContaining('2026-11-01') });
    expect(await jobs.fire('deadline-reminders', '2026-11-02T16:00:00Z')).toMatchObject({ enqueued: 1 });
    expect(reminderItems(jobs.dms('hana')[0]!)).toEqual([`reminder:s:${autumn}`]);
    expect(textOf(jobs.dms('hana')[0]!)).toContain('(in 7 days)');
    // Spring: Sunday March 8 starts daylight time; 23:30 PDT on Sunday is 06:30 UTC Monday.
    const spring = await addStrategy(p, world, { dept: 'HOUSING', owner: 'hugo', due: '2026-03-16' });
    expect(await jobs.fire('deadline-reminders', '2026-03-09T06:30:00Z')).toMatchObject({ enqueued: 0, detail: expect.stringContaining('2026-03-08') });
    expect(await jobs.fire('deadline-reminders', '2026-03-09T15:00:00Z')).toMatchObject({ enqueued: 1 });
    expect(reminderItems(jobs.dms('hugo')[0]!)).toEqual([`reminder:s:${spring}`]);
    expect(textOf(jobs.dms('hugo')[0]!)).toContain('(in 7 days)');
  });

  it('keeps a snoozed item out for seven days, across the clock change, then brings it back once', async () => {
    const p = db.prisma;
    const s = await addStrategy(p, world, { dept: 'HOUSING', owner: 'hana' });
    const m = await addMilestone(p, world, s, { title: 'Hire interpreters', due: '2026-10-29' });
    const daily = async (iso: string, utcHour: number) => {
      const before = jobs.dms('hana').length;
      await jobs.fire('deadline-reminders', `${iso}T${String(utcHour).padStart(2, '0')}:00:00Z`);
      return jobs.dms('hana').slice(before).flatMap(reminderItems);
    };
    expect(await daily('2026-10-28', 15)).toEqual([`reminder:m:${m}`]); // 1 day before (PDT)
    clock.set(new Date('2026-10-28T18:00:00Z'));
    const snoozed = await snoozeReminder(ctx, await loadActor(ctx, PEOPLE.hana.slackUserId), { kind: 'milestone', id: m });
    expect(snoozed).toMatchObject({ changed: true, until: new Date('2026-11-04T08:00:00Z') }); // midnight PST
    // Oct 30 would have been its first overdue reminder.
    for (const [day, hour] of [
      ['2026-10-29', 15],
      ['2026-10-30', 15],
      ['2026-11-02', 16],
      ['2026-11-03', 16],
    ] as const) {
      expect(await daily(day, hour), day).toEqual([]);
    }
    expect(await daily('2026-11-04', 16)).toEqual([`reminder:m:${m}`]);
    expect(textOf(jobs.dms('hana').at(-1)!)).toContain('back after your snooze');
    expect(await daily('2026-11-05', 16)).toEqual([]);
    expect(await daily('2026-11-06', 16)).toEqual([`reminder:m:${m}`]); // weekly overdue again
  });

  it('snoozes a strategy (no snooze column) through a setting row', async () => {
    const s = await addStrategy(db.prisma, world, { dept: 'LIB', owner: 'ana', due: '2026-11-19' });
    await jobs.fire('deadline-reminders', WED);
    const result = await snoozeReminder(ctx, await loadActor(ctx, PEOPLE.ana.slackUserId), { kind: 'strategy', id: s });
    expect(result).toMatchObject({ changed: true, until: new Date('2026-11-25T08:00:00Z') });
    const row = await db.prisma.appSetting.findUniqueOrThrow({ where: { key: `reminders.snooze.strategy.${s}` } });
    expect(row).toMatchObject({ value: { until: '2026-11-25T08:00:00.000Z', by: 'U0ANA' }, updatedBy: 'U0ANA' });
    // Overdue on the 20th, hidden by the snooze; back on the 25th.
    for (const at of ['2026-11-19T16:00:00Z', '2026-11-20T16:00:00Z', '2026-11-24T16:00:00Z']) await jobs.fire('deadline-reminders', at);
    expect(jobs.dms('ana')).toHaveLength(1);
    await jobs.fire('deadline-reminders', '2026-11-25T16:00:00Z');
    expect(reminderItems(jobs.dms('ana')[1]!)).toEqual([`reminder:s:${s}`]);
  });

  it('follows the reminders.offsetDays setting', async () => {
    await db.prisma.appSetting.create({ data: { key: 'reminders.offsetDays', value: [3] } });
    const three = await addStrategy(db.prisma, world, { dept: 'LIB', owner: 'ana', due: '2026-11-21' });
    await addStrategy(db.prisma, world, { dept: 'LIB', owner: 'ana', due: '2026-11-25' }); // 7 days: no longer a reminder day
    await jobs.fire('deadline-reminders', WED);
    expect(reminderItems(jobs.dms('ana')[0]!)).toEqual([`reminder:s:${three}`]);
  });

  it('issues the same number of queries for four times the people', async () => {
    const countRun = async (people: number, at: string) => {
      await resetReminderTables(db.prisma);
      world = await buildReminderWorld(db.prisma);
      for (let i = 0; i < people; i++) {
        const m = await db.prisma.member.create({ data: { slackUserId: `U0X${i}`, name: `X${i}`, roles: ['STAFF'], departmentId: world.dept.LIB } });
        const s = await db.prisma.strategy.create({
          data: { objectiveId: world.objective.LIB, number: 1000 + i, text: `S${i}`, ownerId: m.id, dueDate: new Date('2026-11-25T00:00:00Z') },
        });
        await db.prisma.milestone.create({ data: { strategyId: s.id, title: `M${i}`, dueDate: new Date('2026-11-19T00:00:00Z'), ownerId: m.id } });
        if (i % 3 === 0) await addUpdate(db.prisma, world, s.id, 'ana', Q2);
      }
      const counter = countingClient(db.prisma);
      const counted: AppContext = { ...ctx, prisma: counter.prisma };
      const driver = new JobDriver(counted, clock, fake);
      clock.set(new Date(at));
      counter.reset();
      const { RunCoordinator } = await import('../../../src/jobs/index.js');
      const outcome = await new RunCoordinator({ ctx: counted, registry: driver.registry, instanceId: 'count' }).runFire(
        'deadline-reminders',
        new Date(at),
        'cron',
      );
      return { queries: counter.count(), enqueued: outcome.outcome === 'succeeded' ? outcome.enqueued : -1 };
    };
    const small = await countRun(5, WED);
    const large = await countRun(20, WED);
    expect(small.enqueued).toBe(3);
    expect(large.enqueued).toBe(13);
    expect(large.queries).toBe(small.queries);
    // Claiming and finishing the run (3), holidays, settings, milestones, strategies, updates, the outbox write.
    expect(small.queries).toBeLessThanOrEqual(9);
  });
});
