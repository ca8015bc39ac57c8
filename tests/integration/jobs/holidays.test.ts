// `reap holidays` and the holiday list as the jobs see it: what the operator reads, the exit
// codes, the audit trail, and a closure added by hand moving reminders to the day before.
import { Command } from 'commander';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  defaultListRange,
  formatHolidayLine,
  parseDateArgument,
  registerHolidaysCommand,
  runHolidaysAdd,
  runHolidaysList,
  runHolidaysRemove,
  type CliIO,
} from '../../../src/cli/holidays-command.js';
import type { AppContext } from '../../../src/services/app-context.js';
import { addHoliday, holidaysAround, listHolidays, removeHoliday } from '../../../src/services/holidays.js';
import type { FakeSlack } from '../../../src/sandbox/fake-slack/index.js';
import { createTestDatabase, dropTestDatabase, type TestDatabase } from '../../support/test-db.js';
import { JobDriver, SLACK_USERS, addStrategy, buildReminderWorld, reminderItems, resetReminderTables, type ReminderWorld } from './reminders-support.js';
import { TestClock, startFakeSlack, testContext } from './support/harness.js';

let db: TestDatabase;
let world: ReminderWorld;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await dropTestDatabase(db);
});
beforeEach(async () => {
  await resetReminderTables(db.prisma);
  world = await buildReminderWorld(db.prisma); // City holidays for FY2026 and FY2027
});

function capture(): CliIO & { stdout: string[]; stderr: string[] } {
  const io = { stdout: [] as string[], stderr: [] as string[], out: (t: string) => void io.stdout.push(t), err: (t: string) => void io.stderr.push(t) };
  return io;
}

const NOW = { now: new Date('2026-11-18T17:00:00Z'), zone: 'America/Los_Angeles' };

describe('reap holidays', () => {
  it('lists this fiscal year and the next by default, or a chosen range', async () => {
    expect(defaultListRange(NOW.now, NOW.zone)).toEqual({ from: '2026-07-01', to: '2028-06-30' });
    const io = capture();
    expect(await runHolidaysList(db.prisma, {}, NOW, io)).toBe(0);
    expect(io.stdout[0]).toBe('12 City holidays from 2026-07-01 to 2028-06-30 (reminders and prompts skip these days):');
    expect(io.stdout).toContain('  2026-11-26  Thu  Thanksgiving Day');
    expect(io.stdout).toContain('  2027-06-18  Fri  Juneteenth (observed)');
    const nov = capture();
    expect(await runHolidaysList(db.prisma, { from: '2026-11-01', to: '2026-11-30' }, NOW, nov)).toBe(0);
    expect(nov.stdout).toEqual([
      '3 City holidays from 2026-11-01 to 2026-11-30 (reminders and prompts skip these days):',
      '  2026-11-11  Wed  Veterans Day',
      '  2026-11-26  Thu  Thanksgiving Day',
      '  2026-11-27  Fri  Day after Thanksgiving',
    ]);
    const empty = capture();
    expect(await runHolidaysList(db.prisma, { from: '2030-01-02', to: '2030-01-03' }, NOW, empty)).toBe(0);
    expect(empty.stdout[0]).toMatch(/^No City holidays from 2030-01-02 to 2030-01-03/);
    const backwards = capture();
    expect(await runHolidaysList(db.prisma, { from: '2026-12-01', to: '2026-11-01' }, NOW, backwards)).toBe(1);
  });

  it('adds, renames and removes holidays, auditing each change, and says when nothing changed', async () => {
    const io = capture();
    expect(await runHolidaysAdd(db.prisma, '2026-12-24', ['Christmas', 'Eve'], io)).toBe(0);
    expect(await runHolidaysAdd(db.prisma, '2026-12-24', ['Christmas', 'Eve'], io)).toBe(0);
    expect(await runHolidaysAdd(db.prisma, '2026-12-24', ['City', 'closure'], io)).toBe(0);
    expect(await runHolidaysAdd(db.prisma, '2026-12-26', ['Boxing', 'Day'], io)).toBe(0);
    expect(io.stdout).toEqual([
      'Added 2026-12-24  Thu  Christmas Eve.',
      'Already listed: 2026-12-24  Thu  Christmas Eve. Nothing changed.',
      'Renamed 2026-12-24 from "Christmas Eve" to "City closure".',
      'Added 2026-12-26  Sat  Boxing Day.',
      'Note: 2026-12-26 is a Saturday; weekends are skipped anyway. Add the observed weekday if the City closes on one.',
    ]);
    const rm = capture();
    expect(await runHolidaysRemove(db.prisma, '2026-12-24', rm)).toBe(0);
    expect(await runHolidaysRemove(db.prisma, '2026-12-24', rm)).toBe(1);
    expect(rm.stdout).toEqual(['Removed 2026-12-24  Thu  City closure. Reminders and prompts treat 2026-12-24 as a business day again.']);
    expect(rm.stderr).toEqual(['No City holiday on 2026-12-24; nothing removed. See them with: reap holidays list']);
    const audit = await db.prisma.auditLog.findMany({ where: { entityType: 'holiday' }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => [a.actor, a.action, a.entityId])).toEqual([
      ['cli', 'holiday.add', '2026-12-24'],
      ['cli', 'holiday.rename', '2026-12-24'],
      ['cli', 'holiday.add', '2026-12-26'],
      ['cli', 'holiday.remove', '2026-12-24'],
    ]);
    expect(audit[1]).toMatchObject({ before: { name: 'Christmas Eve' }, after: { name: 'City closure' } });
  });

  it('refuses bad dates and names with a clear message', async () => {
    expect(() => parseDateArgument('2026-02-30')).toThrow('expected a calendar date as YYYY-MM-DD, e.g. 2026-12-24 (got "2026-02-30")');
    expect(() => parseDateArgument('12/24/2026')).toThrow(/YYYY-MM-DD/);
    expect(parseDateArgument(' 2026-12-24 ')).toBe('2026-12-24');
    const io = capture();
    expect(await runHolidaysAdd(db.prisma, '2026-12-24', ['  '], io)).toBe(1);
    expect(await runHolidaysAdd(db.prisma, '2026-12-24', ['x'.repeat(201)], io)).toBe(1);
    expect(io.stderr).toEqual([
      'Not added: give the holiday a name, e.g. reap holidays add 2026-12-24 Christmas Eve.',
      'Not added: the name is longer than 200 characters.',
    ]);
    await expect(addHoliday(db.prisma, 'cli', 'soon', 'x')).rejects.toMatchObject({ code: 'invalid', field: 'date' });
    await expect(removeHoliday(db.prisma, 'cli', '2026-13-01')).rejects.toMatchObject({ code: 'invalid', field: 'date' });
  });

  it('registers list, add and remove under `reap holidays`', () => {
    const program = new Command('reap');
    registerHolidaysCommand(program);
    const holidays = program.commands.find((c) => c.name() === 'holidays')!;
    expect(holidays.commands.map((c) => c.name())).toEqual(['list', 'add', 'remove']);
    expect(formatHolidayLine({ date: '2026-11-26', name: 'Thanksgiving Day' })).toBe('2026-11-26  Thu  Thanksgiving Day');
  });

  it('gives the jobs the holidays around a date in one query', async () => {
    const set = await holidaysAround(db.prisma, '2026-11-18');
    expect([...set].sort()).toEqual(['2026-11-11', '2026-11-26', '2026-11-27', '2026-12-25', '2027-01-01', '2027-01-18', '2027-02-15']);
    expect((await listHolidays(db.prisma, { from: '2026-11-26', to: '2026-11-26' })).map((h) => h.name)).toEqual(['Thanksgiving Day']);
  });
});

describe('a closure added by hand', () => {
  let fake: FakeSlack;
  let ctx: AppContext;
  let clock: TestClock;

  beforeEach(async () => {
    clock = new TestClock(Date.parse('2026-12-22T16:00:00Z'));
    ctx = testContext(db, { now: clock.now });
    fake = await startFakeSlack({ postingRate: false, users: SLACK_USERS });
  });
  afterEach(async () => {
    fake.assertNoViolations();
    await fake.stop();
  });

  it('stops reminders that day and sends its reminders the business day before', async () => {
    const jobs = new JobDriver(ctx, clock, fake);
    const due = await addStrategy(db.prisma, world, { dept: 'LIB', owner: 'ana', due: '2026-12-24' }); // 1 day before: Wed 23rd
    expect(await runHolidaysAdd(db.prisma, '2026-12-23', ['Winter', 'closure'], capture())).toBe(0);
    expect(await jobs.fire('deadline-reminders', '2026-12-22T16:00:00Z')).toMatchObject({ enqueued: 1 });
    expect(reminderItems(jobs.dms('ana')[0]!)).toEqual([`reminder:s:${due}`]);
    expect(await jobs.fire('deadline-reminders', '2026-12-23T16:00:00Z')).toMatchObject({
      enqueued: 0,
      detail: expect.stringContaining('not a City business day'),
    });
  });
});
