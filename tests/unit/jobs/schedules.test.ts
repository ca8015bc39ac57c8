import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, type JobName } from '../../../src/config.js';
import { compileCron, checkCron } from '../../../src/jobs/schedule/cron-expression.js';
import { cadenceProblem } from '../../../src/jobs/schedule/cadence.js';
import { assertValidCronOverrides, pickSchedule } from '../../../src/jobs/schedule/effective-schedule.js';
import { JOB_DEFAULTS } from '../../../src/jobs/schedule/defaults.js';

describe('cron expressions', () => {
  it('accepts 5 and 6 fields', () => {
    expect(checkCron('0 8 * * 1').ok).toBe(true);
    expect(checkCron('*/10 * * * * *').ok).toBe(true);
    expect(checkCron('  0   9  1 * * ').ok).toBe(true);
  });

  it('refuses other field counts, nicknames and bad values with a message that says why', () => {
    const four = checkCron('0 8 * *');
    expect(four.ok).toBe(false);
    expect(!four.ok && four.message).toMatch(/"0 8 \* \*" has 4 fields; expected a cron expression with 5 fields/);
    const nickname = checkCron('@daily');
    expect(!nickname.ok && nickname.message).toMatch(/has 1 field;/);
    const badHour = checkCron('0 25 * * *');
    expect(!badHour.ok && badHour.message).toMatch(/25 is not a valid expression for hour/);
    const junk = checkCron('every monday');
    expect(junk.ok).toBe(false);
    expect(checkCron('').ok).toBe(false);
  });

  it('knows which schedules follow real time across DST', () => {
    const every = checkCron('*/10 * * * * *');
    const daily = checkCron('30 2 * * *');
    expect(every.ok && every.compiled.followsRealTime).toBe(true);
    expect(daily.ok && daily.compiled.followsRealTime).toBe(false);
  });

  it('has valid defaults for every job', () => {
    for (const [job, d] of Object.entries(JOB_DEFAULTS)) expect(checkCron(d.cron).ok, job).toBe(true);
  });
});

describe('schedule precedence: setting > environment > default', () => {
  const stored = (cron: string, enabled = true) => ({ job: 'weekly-digest', cron, enabled, updatedBy: 'U0ADMIN', updatedAt: new Date() });

  it('prefers the stored setting', () => {
    const s = pickSchedule('weekly-digest', stored('0 7 * * 1'), '0 9 * * 1');
    expect([s.source, s.cron.expression, s.sourceLabel]).toEqual(['setting', '0 7 * * 1', 'setting by U0ADMIN']);
  });

  it('uses the environment when nothing is stored, else the default', () => {
    expect(pickSchedule('weekly-digest', undefined, '0 9 * * 1').sourceLabel).toBe('REAP_CRON_WEEKLY_DIGEST');
    const d = pickSchedule('weekly-digest', undefined, undefined);
    expect([d.source, d.cron.expression]).toEqual(['default', '0 8 * * 1']);
  });

  it('falls back past an invalid stored value and says so', () => {
    const s = pickSchedule('weekly-digest', stored('nonsense'), '0 9 * * 1');
    expect(s.source).toBe('env');
    expect(s.warnings[0]).toMatch(/stored setting is invalid/);
  });

  it('keeps a disabled job disabled whatever the expression', () => {
    expect(pickSchedule('weekly-digest', stored('0 7 * * 1', false), undefined).enabled).toBe(false);
  });

  it('refuses to start with an invalid REAP_CRON_<JOB>, in one line naming the variable', () => {
    const config = loadConfig({ REAP_CRON_WEEKLY_DIGEST: '0 8 * * 8' });
    expect(() => assertValidCronOverrides(config)).toThrow(ConfigError);
    expect(() => assertValidCronOverrides(config)).toThrow(
      /^REAP_CRON_WEEKLY_DIGEST is invalid: "0 8 \* \* 8" is not a valid schedule \(8 is not a valid expression for week day\)/,
    );
    expect(() => assertValidCronOverrides(loadConfig({ REAP_CRON_OUTBOX: '*/5 * * * * *' }))).not.toThrow();
  });

  it('refuses at start a REAP_CRON_* that would silently stop a job', () => {
    const now = new Date('2026-11-18T17:00:00Z');
    expect(() => assertValidCronOverrides(loadConfig({ REAP_CRON_WEEKLY_DIGEST: '0 8 1 1 *' }), now)).toThrow(
      /^REAP_CRON_WEEKLY_DIGEST="0 8 1 1 \*" is refused: it runs less than once a month \(after 2026-11-18 not again until 2027-01-01\)/,
    );
    expect(() => assertValidCronOverrides(loadConfig({ REAP_CRON_DEADLINE_REMINDERS: '0 8 * 2 *' }), now)).toThrow(
      /REAP_CRON_DEADLINE_REMINDERS.*less than once a month/,
    );
    expect(() => assertValidCronOverrides(loadConfig({ REAP_CRON_UPDATE_PROMPTS: '0 8 29 2 *' }), now)).toThrow(ConfigError);
    expect(() => assertValidCronOverrides(loadConfig({ REAP_CRON_OUTBOX: '0 0 1 1 *' }), now)).toThrow(
      /REAP_CRON_OUTBOX.*internal jobs must run at least every 15 minutes/,
    );
    expect(() => assertValidCronOverrides(loadConfig({ REAP_CRON_OUTBOX: '0 * * * *' }), now)).toThrow(/pause up to 60 minutes/);
    // Monthly and weekday-only schedules are fine, and so is every default.
    expect(() =>
      assertValidCronOverrides(
        loadConfig({ REAP_CRON_REDI_DIGEST: '0 9 1 * *', REAP_CRON_DEADLINE_REMINDERS: '0 8 * * 1-5', REAP_CRON_BRIEFINGS: '*/5 * * * *' }),
        now,
      ),
    ).not.toThrow();
    for (const [job, d] of Object.entries(JOB_DEFAULTS)) {
      expect(cadenceProblem(job as JobName, compileCron(d.cron), 'America/Los_Angeles', now), job).toBeNull();
    }
  });
});
