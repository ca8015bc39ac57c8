import { describe, expect, it } from 'vitest';
import { ConfigError, cronEnvName, loadConfig } from '../../src/config.js';

describe('configuration', () => {
  it('runs the sandbox on the embedded database when nothing is set', () => {
    const c = loadConfig({});
    expect(c.slackMode).toBe('sandbox');
    expect(c.database).toEqual({ kind: 'pglite', dataDir: './data' });
    expect(c.port).toBe(3000);
    expect(c.timeZone).toBe('America/Los_Angeles');
  });

  it('picks HTTP mode with a bot token and signing secret, Socket Mode with an app token', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }).slackMode).toBe('http');
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).slackMode).toBe('socket');
  });

  it('understands every DATABASE_URL form', () => {
    expect(loadConfig({ DATABASE_URL: 'pglite:memory' }).database).toEqual({ kind: 'pglite', dataDir: null });
    expect(loadConfig({ DATABASE_URL: 'pglite:/var/reap' }).database).toEqual({ kind: 'pglite', dataDir: '/var/reap' });
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/reap' }).database).toEqual({
      kind: 'postgres',
      url: 'postgres://u:p@db:5432/reap',
    });
  });

  it.each([
    [{ DATABASE_URL: 'mysql://db/reap' }, /^DATABASE_URL is invalid: expected unset, pglite:<dir>, pglite:memory or postgres:/],
    [{ PORT: 'eighty' }, /^PORT is invalid/],
    [{ PORT: '70000' }, /^PORT is invalid: expected a port number 0-65535/],
    [{ REAP_TIMEZONE: 'Pacific' }, /^REAP_TIMEZONE is invalid: expected an IANA time zone/],
    [{ REAP_ADMIN_USER_IDS: 'U0ORSE01,bob' }, /^REAP_ADMIN_USER_IDS is invalid: expected a Slack id/],
    [{ SLACK_BOT_TOKEN: 'xoxp-user', SLACK_SIGNING_SECRET: 's' }, /^SLACK_BOT_TOKEN is invalid: expected a bot token starting with xoxb-/],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, /^SLACK_SIGNING_SECRET \(HTTP mode\) or SLACK_APP_TOKEN \(Socket Mode\) is missing/],
    [{ SLACK_SIGNING_SECRET: 's' }, /^SLACK_BOT_TOKEN is missing/],
  ])('refuses %o with one line naming the variable', (env, message) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });

  it('never echoes a secret in its error message', () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxp-supersecretvalue', SLACK_SIGNING_SECRET: 's' })).toThrow(/got "xoxp-…"/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://admin:hunter2@db/reap' })).not.toThrow(/hunter2/);
  });

  it('reads schedule overrides per job', () => {
    expect(cronEnvName('weekly-digest')).toBe('REAP_CRON_WEEKLY_DIGEST');
    const c = loadConfig({ REAP_CRON_WEEKLY_DIGEST: '*/5 * * * * *' });
    expect(c.cronOverrides).toEqual({ 'weekly-digest': '*/5 * * * * *' });
  });
});
