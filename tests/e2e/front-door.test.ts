// The HTTP front door (src/http/front-door): Slack's requests are received, checked and,
// for `/reap update`, answered in a thread of their own, so a busy main thread does not
// make Slack wait or let a trigger id expire; everything else still reaches the app.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORM_CONTENT_TYPE, formBody } from '../../src/sandbox/fake-slack/delivery.js';
import { slashCommandPayload } from '../../src/sandbox/fake-slack/payloads.js';
import { signatureHeaders } from '../../src/sandbox/fake-slack/signing.js';
import { UPDATE_LOADING_CALLBACK_ID } from '../../src/slack/features/update/ui/update-ids.js';
import { startTestApp, TEST_SIGNING_SECRET, type TestApp } from '../support/test-app.js';

const NOW = new Date('2026-11-18T17:00:00Z');
const CHANNEL = 'C0GENERAL';
const GRACE = 'U0LIB03'; // Library staff, English

/**
 * Sends one signed request from another process and prints how long the answer took, as
 * Slack would see it: this thread (the app's main thread) is blocked meanwhile.
 */
const SENDER = `
const { url, body, headers } = JSON.parse(process.env.REQUEST);
process.stdout.write('ready\\n');
setTimeout(async () => {
  const t0 = performance.now();
  const res = await fetch(url, { method: 'POST', body, headers });
  const text = await res.text();
  process.stdout.write(JSON.stringify({ status: res.status, body: text, ms: performance.now() - t0 }) + '\\n');
}, 300);
`;

function busy(ms: number): void {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    // The main thread stuck in one long turn (a huge report, a slow parse).
  }
}

describe('the HTTP front door in its own thread', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ now: () => NOW, frontDoorThread: true });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('acknowledges /reap update while the main thread is busy, and the form fills the modal afterwards', async () => {
    const payload = slashCommandPayload(app.fake, { user: GRACE, channel: CHANNEL, text: 'update' });
    const body = formBody(payload as unknown as Record<string, string>);
    const headers = { 'content-type': FORM_CONTENT_TYPE, ...signatureHeaders(TEST_SIGNING_SECRET, body, Math.floor(Date.now() / 1000)) };
    const child = spawn(process.execPath, ['-e', SENDER], {
      env: { ...process.env, REQUEST: JSON.stringify({ url: `${app.baseUrl}/slack/events`, body, headers }) },
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      child.stdout.once('data', () => resolve());
      child.once('error', reject);
    });
    // The request arrives 300 ms into this block: the main thread cannot read it for 1.7 s.
    busy(2000);
    await new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const answer = JSON.parse(out.split('\n')[1]!) as { status: number; body: string; ms: number };
    expect(answer.status).toBe(200);
    expect(answer.body).toBe('');
    expect(answer.ms).toBeLessThan(1000);
    const form = await app.driver.waitForModal(GRACE, 5000, 'reap.update');
    expect(form.blocks.some((b) => b.block_id === 'strategy')).toBe(true);
    expect(app.fake.calls('views.open').at(-1)!.args.trigger_id).toBe(payload.trigger_id);
  });
});

// The thread is the default on PGlite, the main thread on PostgreSQL (server.ts); both
// doors must behave alike on each database.
describe.each([
  { door: 'its own thread', frontDoorThread: true },
  { door: 'the main thread', frontDoorThread: false },
])('the HTTP front door on $door', ({ frontDoorThread }) => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ now: () => NOW, frontDoorThread });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('opens a loading view with the trigger id before the form, then fills it with the form', async () => {
    const opens = app.fake.calls('views.open').length;
    const res = await app.driver.slashCommand({ user: GRACE, channel: CHANNEL, text: 'update' });
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    const form = await app.driver.waitForModal(GRACE, 5000, 'reap.update');
    expect(form.blocks.some((b) => b.block_id === 'strategy')).toBe(true);
    const open = app.fake.calls('views.open')[opens]!;
    expect(JSON.stringify(open.args.view)).toContain(UPDATE_LOADING_CALLBACK_ID);
    expect(app.fake.calls('views.open')).toHaveLength(opens + 1);
  });

  it('tells the person in a message when Slack refuses the loading view, and opens nothing', async () => {
    const opens = app.fake.calls('views.open').length;
    const modals = app.fake.openViews(GRACE).length;
    const replies = app.fake.calls('response_url').length;
    app.fake.failNext('views.open', 'expired_trigger_id');
    const res = await app.driver.slashCommand({ user: GRACE, channel: CHANNEL, text: 'update 1.1' });
    expect(res.status).toBe(200);
    const reply = await app.fake.waitFor(() => app.fake.calls('response_url')[replies], 5000, 'the reply by response_url');
    expect(JSON.stringify(reply.args)).toContain('I couldn’t open the form just now, so nothing changed.');
    expect(app.fake.calls('views.open')).toHaveLength(opens + 1);
    expect(app.fake.openViews(GRACE)).toHaveLength(modals);
    app.fake.clearViolations();
  });

  it('refuses a forged /reap update before anything is opened', async () => {
    const opens = app.fake.calls('views.open').length;
    const res = await app.driver.slashCommand({ user: GRACE, channel: CHANNEL, text: 'update' }, { secret: 'not-the-secret' });
    expect(res.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(app.fake.calls('views.open')).toHaveLength(opens);
  });

  it('passes the acknowledgement a listener writes back to Slack (the /reap help answer)', async () => {
    const res = await app.driver.slashCommand({ user: GRACE, channel: CHANNEL, text: 'help' });
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.json)).toContain('/reap update');
  });

  it('passes other paths through to the app: the health check answers from the database', async () => {
    const res = await fetch(`${app.baseUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'up' });
    expect((await fetch(`${app.baseUrl}/no-such-page`)).status).toBe(404);
  });

  it('stops listening when the app stops', async () => {
    const other = await startTestApp({ now: () => NOW, seed: false, frontDoorThread });
    const url = `${other.baseUrl}/healthz`;
    expect((await fetch(url)).status).toBe(200);
    await other.stop();
    await expect(fetch(url)).rejects.toThrow();
  });
});
