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

  it('lists in help only the commands each person may use', async () => {
    const helpFor = async (user: string) => JSON.stringify((await app.driver.slashCommand({ user, channel: CHANNEL, text: 'help' })).json);
    const staff = await helpFor(STAFF);
    for (const sub of ['/reap update', '/reap status', '/reap language']) expect(staff).toContain(sub);
    for (const sub of ['/reap settings', '/reap admin', '/reap briefing', '/reap add']) expect(staff).not.toContain(sub);
    const lead = await helpFor('U0LIB01'); // the Library's equity lead
    expect(lead).toContain('/reap add');
    expect(lead).not.toContain('/reap settings');
    const admin = await helpFor('U0ORSE01');
    for (const sub of ['/reap settings', '/reap admin', '/reap briefing', '/reap add']) expect(admin).toContain(sub);
    // Someone REAP Tracker does not know yet is not offered ORSE's tools either.
    app.fake.addUser({ id: 'U0STRANGER', name: 'new.person', real_name: 'New Person', tz: 'America/Los_Angeles', locale: 'en-US' });
    app.fake.joinChannel(CHANNEL, 'U0STRANGER');
    expect(JSON.stringify((await app.driver.slashCommand({ user: 'U0STRANGER', channel: CHANNEL, text: 'dance' })).json)).not.toContain('/reap settings');
  });

  it('says plainly which subcommands are not built yet, and explains unknown ones', async () => {
    const unknown = await app.driver.slashCommand({ user: STAFF, channel: CHANNEL, text: 'dance now' });
    expect(JSON.stringify(unknown.json)).toContain('I don’t know the command `dance`');
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
    const bad = await app.driver.slashCommand({ user: STAFF, channel: CHANNEL, text: 'help' }, { rawBody: 'payload=%7Bnot-json' });
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
