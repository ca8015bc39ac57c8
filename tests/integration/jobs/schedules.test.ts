// Changing schedules: admins' settings win over the environment, bad expressions are
// refused with the old schedule kept, running schedulers pick changes up.
import { Command } from 'commander';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConfigError } from '../../../src/config.js';
import { registerJobsCommand } from '../../../src/cli/jobs-command.js';
import { formatJobsTable, jobsOverview } from '../../../src/jobs/jobs-overview.js';
import { JobRegistry } from '../../../src/jobs/registry.js';
import { resolveSchedules } from '../../../src/jobs/schedule/effective-schedule.js';
import { clearJobSchedule, ScheduleRejectedError, setJobEnabled, setJobSchedule } from '../../../src/jobs/schedule/set-job-schedule.js';
import { startScheduler, type RunningScheduler } from '../../../src/jobs/start-scheduler.js';
import { createTestDatabase, dropTestDatabase, type TestDatabase } from '../../support/test-db.js';
import { TestClock, testContext } from './support/harness.js';

let db: TestDatabase;
let running: RunningScheduler | undefined;

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await dropTestDatabase(db);
});

beforeEach(async () => {
  await db.prisma.$executeRawUnsafe('TRUNCATE "JobRun", "AuditLog", "JobSchedule" RESTART IDENTITY CASCADE');
});

afterEach(async () => {
  await running?.stop();
  running = undefined;
});

const quiet = { registry: new JobRegistry().register('outbox', async () => ({})), scheduler: { catchUp: false } };

describe('setJobSchedule', () => {
  it('stores a valid schedule, audits it, and beats the environment', async () => {
    const ctx = testContext(db, { env: { REAP_CRON_WEEKLY_DIGEST: '0 9 * * 1' } });
    expect((await resolveSchedules(ctx.prisma, ctx.config)).find((s) => s.job === 'weekly-digest')?.source).toBe('env');
    const change = await setJobSchedule(ctx.prisma, 'weekly-digest', ' 0 7  * * 5 ', 'U0ADMIN');
    expect(change).toEqual({ job: 'weekly-digest', before: null, after: { cron: '0 7 * * 5', enabled: true } });
    const s = (await resolveSchedules(ctx.prisma, ctx.config)).find((x) => x.job === 'weekly-digest')!;
    expect([s.source, s.cron.expression, s.sourceLabel]).toEqual(['setting', '0 7 * * 5', 'setting by U0ADMIN']);
    const audit = await ctx.prisma.auditLog.findFirstOrThrow({ where: { action: 'job.schedule.set' } });
    expect(audit).toMatchObject({ actor: 'U0ADMIN', entityType: 'jobSchedule', entityId: 'weekly-digest', after: { cron: '0 7 * * 5' } });
  });

  it('refuses an invalid expression with a clear message and keeps the old schedule', async () => {
    const ctx = testContext(db);
    await setJobSchedule(ctx.prisma, 'redi-digest', '0 9 1 * *', 'U0ADMIN');
    const attempt = setJobSchedule(ctx.prisma, 'redi-digest', '0 9 32 * *', 'U0ADMIN');
    await expect(attempt).rejects.toThrow(ScheduleRejectedError);
    await expect(setJobSchedule(ctx.prisma, 'redi-digest', '0 9 32 * *', 'U0ADMIN')).rejects.toThrow(
      'Schedule of redi-digest not changed: "0 9 32 * *" is not a valid schedule (32 is not a valid expression for day of month)',
    );
    await expect(setJobSchedule(ctx.prisma, 'redi-digest', 'monthly', 'U0ADMIN')).rejects.toThrow(/has 1 field; expected a cron expression/);
    await expect(setJobSchedule(ctx.prisma, 'weekly-digests', '0 8 * * 1', 'U0ADMIN')).rejects.toThrow(
      /There is no job called "weekly-digests". Jobs: deadline-reminders, update-prompts/,
    );
    expect((await ctx.prisma.jobSchedule.findUniqueOrThrow({ where: { job: 'redi-digest' } })).cron).toBe('0 9 1 * *');
    expect(await ctx.prisma.auditLog.count()).toBe(1);
  });

  it('pauses a job keeping the schedule in force, and clears back to the environment', async () => {
    const ctx = testContext(db, { env: { REAP_CRON_BRIEFING_REMINDER: '0 10 * * *' } });
    await setJobEnabled(ctx.prisma, ctx.config, 'briefing-reminder', false, 'U0ADMIN');
    const paused = (await resolveSchedules(ctx.prisma, ctx.config)).find((s) => s.job === 'briefing-reminder')!;
    expect([paused.enabled, paused.cron.expression]).toEqual([false, '0 10 * * *']);
    await clearJobSchedule(ctx.prisma, 'briefing-reminder', 'U0ADMIN');
    const back = (await resolveSchedules(ctx.prisma, ctx.config)).find((s) => s.job === 'briefing-reminder')!;
    expect([back.enabled, back.source]).toEqual([true, 'env']);
    expect((await ctx.prisma.auditLog.findMany({ orderBy: { id: 'asc' } })).map((a) => a.action)).toEqual(['job.schedule.disable', 'job.schedule.clear']);
  });
});

describe('a running scheduler', () => {
  it('reloads a changed schedule at once in this process', async () => {
    const ctx = testContext(db);
    running = await startScheduler(ctx, { ...quiet, instanceId: 'one' });
    const before = running.list().find((j) => j.job === 'weekly-digest')!;
    expect(before.schedule.cron.expression).toBe('0 8 * * 1');
    await setJobSchedule(ctx.prisma, 'weekly-digest', '0 7 * * 5', 'U0ADMIN');
    await vi.waitFor(() => expect(running!.list().find((j) => j.job === 'weekly-digest')!.schedule.cron.expression).toBe('0 7 * * 5'));
    // And another instance learns it on its next sweep (reload).
    const other = await startScheduler(testContext(db), { ...quiet, instanceId: 'two' });
    await db.prisma.jobSchedule.update({ where: { job: 'weekly-digest' }, data: { cron: '0 6 * * 5' } });
    await other.scheduler.sweep(new Date());
    expect(other.list().find((j) => j.job === 'weekly-digest')!.schedule.cron.expression).toBe('0 6 * * 5');
    await other.stop();
  });

  it('refuses to start with an invalid REAP_CRON_<JOB>, naming the variable', async () => {
    const ctx = testContext(db, { env: { REAP_CRON_DEADLINE_REMINDERS: '0 8 * *' } });
    const start = startScheduler(ctx, quiet);
    await expect(start).rejects.toThrow(ConfigError);
    await expect(startScheduler(ctx, quiet)).rejects.toThrow(/^REAP_CRON_DEADLINE_REMINDERS is invalid: "0 8 \* \*" has 4 fields; expected a cron expression/);
  });

  it('runs a job on demand, recorded as manual', async () => {
    const ctx = testContext(db);
    running = await startScheduler(ctx, { ...quiet, instanceId: 'one' });
    const outcome = await running.runNow('update-prompts');
    expect(outcome).toMatchObject({ outcome: 'succeeded', detail: 'no composer registered for update-prompts' });
    expect(await ctx.prisma.jobRun.findFirstOrThrow({ where: { job: 'update-prompts' } })).toMatchObject({ manual: true, instanceId: 'one' });
  });
});

describe('reap jobs', () => {
  it('lists schedules, their source, next fire in the City’s zone and last run', async () => {
    const clock = new TestClock(Date.parse('2026-11-23T17:00:00Z')); // Monday 09:00 PST
    const ctx = testContext(db, { now: clock.now, env: { REAP_CRON_OUTBOX: '*/5 * * * * *' } });
    await setJobSchedule(ctx.prisma, 'weekly-digest', '0 7 * * 5', 'U0ADMIN');
    await ctx.prisma.jobRun.create({
      data: { job: 'redi-digest', fireTime: new Date('2026-11-01T17:00:00Z'), instanceId: 'x', status: 'FAILED', error: 'no REDI channel' },
    });
    const table = formatJobsTable(await jobsOverview(ctx.prisma, ctx.config, new JobRegistry(), clock.now()), ctx.config.timeZone);
    const line = (job: string) => table.split('\n').find((l) => l.startsWith(job))!;
    expect(table.split('\n')[0]).toMatch(/^JOB\s+SCHEDULE\s+FROM\s+NEXT FIRE \(America\/Los_Angeles\)\s+LAST RUN$/);
    expect(line('weekly-digest')).toMatch(/0 7 \* \* 5\s+setting by U0ADMIN\s+Fri 2026-11-27 07:00:00 PST\s+never/);
    expect(line('deadline-reminders')).toMatch(/0 8 \* \* \* \(daily at 08:00\)\s+default\s+Tue 2026-11-24 08:00:00 PST/);
    expect(line('outbox')).toMatch(/\*\/5 \* \* \* \* \*\s+REAP_CRON_OUTBOX\s+Mon 2026-11-23 09:00:05 PST/);
    expect(line('redi-digest')).toMatch(/FAILED Sun 2026-11-01 09:00:00 PST$/);
    expect(table).toMatch(/redi-digest last failed: no REDI channel/);
    expect(table).toMatch(/\* no composer registered yet/);
  });

  it('prints the table from the command line', async () => {
    const saved = { ...process.env };
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
    try {
      // The CLI opens the database DATABASE_URL names: this test's on PostgreSQL, a fresh one on PGlite.
      Object.assign(process.env, { DATABASE_URL: db.url ?? 'pglite:memory', LOG_LEVEL: 'silent', REAP_TIMEZONE: 'America/Los_Angeles' });
      await setJobSchedule(db.prisma, 'weekly-digest', '0 7 * * 5', 'U0ADMIN');
      const program = new Command().exitOverride();
      registerJobsCommand(program);
      await program.parseAsync(['node', 'reap', 'jobs', 'list']);
    } finally {
      log.mockRestore();
      process.env = saved;
    }
    const out = lines.join('\n');
    expect(out).toMatch(/^JOB\s+SCHEDULE\s+FROM\s+NEXT FIRE/);
    for (const job of ['deadline-reminders', 'update-prompts', 'weekly-digest', 'redi-digest', 'briefing-reminder', 'briefings', 'outbox']) {
      expect(out).toContain(job);
    }
    if (db.url) expect(out).toMatch(/weekly-digest(?: \*)?\s+0 7 \* \* 5\s+setting by U0ADMIN/);
  });

  it('runs the outbox by hand from the command line, recorded as manual', async () => {
    const { startFakeSlack } = await import('./support/harness.js');
    const fake = await startFakeSlack({ channels: [{ id: 'C0REDI', name: 'redi', members: ['U0BOT'] }] });
    const saved = { ...process.env };
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
    try {
      await db.prisma.outboxMessage.create({ data: { idempotencyKey: 'cli:1', channelId: 'C0REDI', payload: { text: 'from the CLI' } } });
      Object.assign(process.env, {
        DATABASE_URL: db.url ?? 'pglite:memory',
        LOG_LEVEL: 'silent',
        SLACK_BOT_TOKEN: fake.botToken,
        SLACK_SIGNING_SECRET: 'test-secret',
        SLACK_API_URL: fake.url,
      });
      const program = new Command().exitOverride();
      registerJobsCommand(program);
      await program.parseAsync(['node', 'reap', 'jobs', 'run', 'outbox']);
    } finally {
      log.mockRestore();
      process.env = saved;
      await fake.stop();
    }
    expect(lines.join('\n')).toMatch(/^outbox: done \(run \d+\)/);
    if (db.url) {
      // Same database as the CLI: the message went out and the run is on record.
      expect(fake.messages('C0REDI').map((m) => m.text)).toEqual(['from the CLI']);
      expect(await db.prisma.jobRun.findFirstOrThrow({ where: { job: 'outbox' } })).toMatchObject({ manual: true, status: 'SUCCEEDED' });
    }
  });

  it('names the valid jobs when asked to run an unknown one', async () => {
    const program = new Command().exitOverride().configureOutput({ writeErr: () => {}, writeOut: () => {} });
    registerJobsCommand(program);
    await expect(program.parseAsync(['node', 'reap', 'jobs', 'run', 'digest'])).rejects.toThrow(
      'unknown job "digest". Valid jobs: deadline-reminders, update-prompts, weekly-digest, redi-digest, briefing-reminder, briefings, outbox, canvas-sync, period-snapshots.',
    );
  });
});
