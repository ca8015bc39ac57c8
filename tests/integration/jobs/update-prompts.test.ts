// The update-prompts job end to end: fired daily through the run coordinator, delivered by
// the outbox to the fake Slack. One start prompt per owner and period (also on a catch-up
// later in the period), never a start prompt from the nudge day on, nudges only to those
// who have not reported with their colleagues' count, monthly and quarterly departments.
import { beforeEach, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../../support/test-db.js';
import {
  type JobDriver,
  addCitywideStrategy,
  addStrategy,
  addUpdate,
  promptStrategyIds,
  textOf,
  type Person,
  type ReminderWorld,
  useReminderTestBed,
} from './reminders-support.js';
import type { TestClock } from './support/harness.js';

let db: TestDatabase;
let clock: TestClock;
let world: ReminderWorld;
let jobs: JobDriver;

useReminderTestBed('2026-10-01T14:30:00Z', (bed) => {
  ({ db, clock, world, jobs } = bed);
});

const M05 = { key: 'FY2027-M05', start: '2026-11-01', end: '2026-11-30' };
const Q2 = { key: 'FY2027-Q2', start: '2026-10-01', end: '2026-12-31' };
/** 07:30 in San José on a date in daylight time (UTC−7) or standard time (UTC−8). */
const at730 = (iso: string) => `${iso}T${iso < '2026-11-01' ? '14' : '15'}:30:00Z`;

async function fireOn(iso: string) {
  return jobs.fire('update-prompts', at730(iso));
}

const promptsOf = (who: Person) => jobs.dms(who);

describe('update prompts', () => {
  let s: { hana: number; hugo: number; anaLib: number; anaHousing: number; ben: number };
  beforeEach(async () => {
    const p = db.prisma;
    s = {
      hana: await addStrategy(p, world, { dept: 'HOUSING', owner: 'hana', text: 'Tenant clinics' }),
      hugo: await addStrategy(p, world, { dept: 'HOUSING', owner: 'hugo', text: 'Lottery analysis' }),
      anaLib: await addStrategy(p, world, { dept: 'LIB', owner: 'ana', text: 'Bilingual story time' }),
      anaHousing: await addStrategy(p, world, { dept: 'HOUSING', owner: 'ana', text: 'Library cards at tenant clinics' }),
      ben: await addStrategy(p, world, { dept: 'LIB', owner: 'ben', text: 'Sensory-friendly hours' }),
    };
    // Nobody is asked about finished, deferred or archived work, or work of people who left.
    await addStrategy(p, world, { dept: 'LIB', owner: 'lee', status: 'COMPLETED' });
    await addStrategy(p, world, { dept: 'LIB', owner: 'lee', status: 'DEFERRED' });
    await addStrategy(p, world, { dept: 'LIB', owner: 'lee', archived: true });
    await addStrategy(p, world, { dept: 'LIB', owner: 'gone' });
  });

  it('prompts every owner once at each period start: monthly departments monthly, quarterly ones quarterly', async () => {
    // Thursday October 1st starts October (M04) and Q2.
    expect(await fireOn('2026-10-01')).toMatchObject({ outcome: 'succeeded', enqueued: 4 });
    expect(promptStrategyIds(promptsOf('hana')[0]!)).toEqual([s.hana]);
    expect(promptStrategyIds(promptsOf('ben')[0]!)).toEqual([s.ben]);
    // Ana owns Housing (monthly) and Library (quarterly) work: one prompt, listing both.
    expect(promptsOf('ana')).toHaveLength(1);
    expect(promptStrategyIds(promptsOf('ana')[0]!)).toEqual([s.anaHousing, s.anaLib]);
    expect(textOf(promptsOf('ana')[0]!)).toContain('Comenzó el período de informes *AF 2026-27 octubre*');
    expect(textOf(promptsOf('ana')[0]!)).toContain('para AF 2026-27 T2');
    expect(textOf(promptsOf('ben')[0]!)).toContain('Reporting for *FY 2026-27 Q2* has started');
    expect(promptsOf('lee')).toEqual([]);
    expect(promptsOf('gone')).toEqual([]);
    const keys = (await db.prisma.outboxMessage.findMany()).map((r) => r.idempotencyKey).sort();
    expect(keys).toEqual([
      'update-prompts:FY2027-M04:U0ANA:start',
      'update-prompts:FY2027-M04:U0HANA:start',
      'update-prompts:FY2027-M04:U0HUGO:start',
      'update-prompts:FY2027-Q2:U0BEN:start',
    ]);

    // The following days (and a catch-up of the same fire) send nothing more.
    expect(await jobs.fire('update-prompts', at730('2026-10-01'), 'catch-up')).toMatchObject({ outcome: 'not-claimed' });
    clock.set(new Date('2026-10-01T20:00:00Z'));
    expect(await jobs.runNow('update-prompts')).toMatchObject({ outcome: 'succeeded', enqueued: 0 });
    expect(await fireOn('2026-10-02')).toMatchObject({ enqueued: 0 });
    expect(await fireOn('2026-10-05')).toMatchObject({ enqueued: 0 });

    // November: a new month for Housing (and Ana), the same quarter for Ben.
    expect(await fireOn('2026-11-02')).toMatchObject({ enqueued: 3 });
    expect(promptsOf('ben')).toHaveLength(1);
    expect(promptsOf('hana')).toHaveLength(2);
    // Ana's quarterly strategy is still unreported for Q2, so November's prompt lists it again.
    expect(promptStrategyIds(promptsOf('ana')[1]!)).toEqual([s.anaHousing, s.anaLib]);
  });

  it('prompts the owner of a citywide strategy on its lead department’s cadence', async () => {
    // A Welcoming plan strategy owned by Ben (Library, quarterly), led by Housing (monthly).
    const wsj = await addCitywideStrategy(db.prisma, world, { lead: 'HOUSING', partners: ['LIB'], owner: 'ben', text: 'Tenant rights in five languages' });
    expect(await fireOn('2026-10-01')).toMatchObject({ enqueued: 4 });
    expect(promptStrategyIds(promptsOf('ben')[0]!)).toEqual([wsj, s.ben]);
    // Ben reports his Library strategy for the quarter; November is a new month for Housing.
    await addUpdate(db.prisma, world, s.ben, 'ben', Q2);
    expect(await fireOn('2026-11-02')).toMatchObject({ enqueued: 4 });
    const november = promptsOf('ben')[1]!;
    expect(promptStrategyIds(november)).toEqual([wsj]);
    expect(textOf(november)).toContain('Reporting for *FY 2026-27 November* has started');
  });

  it('sends a missed start prompt on a later run in the period, but only once', async () => {
    // The server was down on November 2nd; it comes back on Thursday the 5th.
    expect(await fireOn('2026-11-05')).toMatchObject({ enqueued: 4 });
    expect(promptsOf('hana').map((m) => promptStrategyIds(m))).toEqual([[s.hana]]);
    expect(await fireOn('2026-11-06')).toMatchObject({ enqueued: 0 });
    expect(await fireOn('2026-11-09')).toMatchObject({ enqueued: 0 });
    expect(promptsOf('hana')).toHaveLength(1);
  });

  it('never sends a start prompt from the nudge day on; nudges only those who have not reported, with the colleagues’ count', async () => {
    const p = db.prisma;
    await addUpdate(p, world, s.hugo, 'hugo', M05); // Hugo reported for November
    await addUpdate(p, world, s.ben, 'ben', Q2); // Ben reported for the quarter
    // Friday November 20th is the 5th-last business day (Thanksgiving and the day after are holidays).
    expect(await fireOn('2026-11-19')).toMatchObject({ enqueued: 2 }); // still the start phase: Hana and Ana
    const starts = await p.outboxMessage.count();
    expect(await fireOn('2026-11-20')).toMatchObject({ enqueued: 2 });
    const nudges = (await p.outboxMessage.findMany({ orderBy: { id: 'asc' }, skip: starts })).map((r) => r.idempotencyKey);
    expect(nudges.sort()).toEqual(['update-prompts:FY2027-M05:U0ANA:nudge', 'update-prompts:FY2027-M05:U0HANA:nudge']);
    expect(promptsOf('hugo')).toEqual([]);
    const hana = promptsOf('hana').at(-1)!;
    expect(textOf(hana)).toContain('Progress reports are due soon');
    expect(textOf(hana)).toContain('Already reported in Housing Department: 1 of your 2 colleagues.');
    expect(promptStrategyIds(hana)).toEqual([s.hana]);
    // Ana's nudge is about her Housing strategy only: the quarter is not closing yet.
    const ana = promptsOf('ana').at(-1)!;
    expect(promptStrategyIds(ana)).toEqual([s.anaHousing]);
    expect(textOf(ana)).toContain('Ya informaron en Housing Department: 1 de sus 2 colegas.');
    // Monday: still the nudge phase, nothing new; the holidays: nothing at all.
    expect(await fireOn('2026-11-23')).toMatchObject({ enqueued: 0 });
    expect(await fireOn('2026-11-26')).toMatchObject({ enqueued: 0, detail: expect.stringContaining('not a City business day') });
  });

  it('sends no start prompt at all when the first run of the period is on the nudge day', async () => {
    expect(await fireOn('2026-11-20')).toMatchObject({ enqueued: 4 });
    const keys = (await db.prisma.outboxMessage.findMany()).map((r) => r.idempotencyKey).sort();
    // Nobody gets November's start prompt; Ben's quarterly one is still due (Q2 closes in December).
    expect(keys).toEqual([
      'update-prompts:FY2027-M05:U0ANA:nudge',
      'update-prompts:FY2027-M05:U0HANA:nudge',
      'update-prompts:FY2027-M05:U0HUGO:nudge',
      'update-prompts:FY2027-Q2:U0BEN:start',
    ]);
  });

  it('nudges quarterly departments near the quarter’s end, together with the month for owners of both', async () => {
    // Thursday December 24th: 5th-last business day of December and of Q2 (Christmas is a holiday).
    expect(await fireOn('2026-12-24')).toMatchObject({ enqueued: 4 });
    expect(promptStrategyIds(promptsOf('ben')[0]!)).toEqual([s.ben]);
    expect(textOf(promptsOf('ben')[0]!)).toContain('*FY 2026-27 Q2* closes on');
    expect(promptStrategyIds(promptsOf('ana')[0]!)).toEqual([s.anaHousing, s.anaLib]);
    expect(textOf(promptsOf('ana')[0]!)).toContain('*AF 2026-27 diciembre* cierra el');
  });
});
