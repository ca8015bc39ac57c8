import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config.js';
import { checkCron } from '../../../src/jobs/schedule/cron-expression.js';
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
    expect(() => assertValidCronOverrides(config)).toThrow(/^REAP_CRON_WEEKLY_DIGEST is invalid: "0 8 \* \* 8" is not a valid schedule \(8 is not a valid expression for week day\)/);
    expect(() => assertValidCronOverrides(loadConfig({ REAP_CRON_OUTBOX: '*/5 * * * * *' }))).not.toThrow();
  });
});
