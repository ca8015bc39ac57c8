// What Slack and a load balancer see of the app's HTTP entry point: signed requests
// answered, anything unsigned, forged or stale refused without being processed.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

const STAFF = 'U0LIB03'; // a Library staff persona from the demo data
const CHANNEL = 'C0GENERAL';

describe('Slack entry point', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.stop();
  });
  afterEach(() => {
    app.driver.assertNoViolations();
  });

  it('answers a signed /reap help with an ephemeral list of subcommands in Block Kit', async () => {
    const res = await app.driver.slashCommand({ user: STAFF, channel: CHANNEL, text: 'help' });
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(3000);
    const body = res.json as { response_type: string; blocks: { type: string; text?: { text: string } }[] };
    expect(body.response_type).toBe('ephemeral');
    const text = JSON.stringify(body.blocks);
    for (const sub of ['/reap help', '/reap update', '/reap status', '/reap report']) expect(text).toContain(sub);
    const shown = app.fake.ephemerals(STAFF).at(-1);
    expect(shown?.channel).toBe(CHANNEL);
  });

  it('says plainly which subcommands are not built yet, and explains unknown ones', async () => {
    const unknown = await app.driver.slashCommand({ user: STAFF, channel: CHANNEL, text: 'dance now' });
    expect(JSON.stringify(unknown.json)).toContain("I don’t know the command `dance`");
  });

  it('treats an empty /reap as help', async () => {
    const res = await app.driver.slashCommand({ user: STAFF, channel: CHANNEL, text: '' });
    expect(JSON.stringify(res.json)).toContain('REAP Tracker commands');
  });

  it('answers in the member’s language', async () => {
    // U0ORSE01 chose Spanish in the demo data.
    const res = await app.driver.slashCommand({ user: 'U0ORSE01', channel: CHANNEL, text: 'help' });
    expect(JSON.stringify(res.json)).toContain('Comandos de REAP Tracker');
  });

  it('accepts Slack’s content type with parameters', async () => {
    const res = await app.driver.slashCommand(
      { user: STAFF, channel: CHANNEL, text: 'help' },
      { contentType: 'application/x-www-form-urlencoded; charset=utf-8' },
    );
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.json)).toContain('REAP Tracker commands');
  });

  it.each([
    ['forged signature', { signature: 'v0=' + 'ab'.repeat(32) }],
    ['wrong secret', { secret: 'not-the-secret' }],
    ['stale timestamp (6 minutes old)', { timestamp: Math.floor(Date.now() / 1000) - 360 }],
    ['missing signature', { signature: '' }],
  ])('refuses a request with a %s: 401 and nothing processed', async (_, delivery) => {
    const before = app.fake.calls().length;
    const res = await app.driver.slashCommand({ user: STAFF, channel: CHANNEL, text: 'help' }, delivery);
    expect(res.status).toBe(401);
    expect(res.body).toBe('');
    expect(app.fake.calls().length).toBe(before);
  });

  it('answers 400 to a malformed interactivity payload and 404 to other paths', async () => {
    const bad = await app.driver.slashCommand(
      { user: STAFF, channel: CHANNEL, text: 'help' },
      { rawBody: 'payload=%7Bnot-json' },
    );
    expect(bad.status).toBe(400);
    const other = await fetch(`${app.baseUrl}/nowhere`);
    expect(other.status).toBe(404);
  });

  it('reports health: 200 with the database up', async () => {
    const res = await fetch(`${app.baseUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'up' });
  });
});
