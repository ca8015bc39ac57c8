// Anyone on the network can send anything to /slack/events. Whatever arrives, the public
// port answers it and stays up for Slack's next request.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLimitedServer } from '../../src/http/guard.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const NOW = new Date('2026-11-18T17:00:00Z');
const GRACE = 'U0LIB03'; // Library staff

describe('the public port under requests Slack never sends', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ now: () => NOW });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it.each(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS'])('answers %s /slack/events with 405 and keeps serving', async (method) => {
    const res = await fetch(`${app.baseUrl}/slack/events`, { method, body: method === 'PUT' ? 'x=1' : undefined });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
    // The same port still serves the health check and a signed command right after.
    expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200);
    const help = await app.driver.slashCommand({ user: GRACE, channel: 'C0GENERAL', text: 'help' });
    expect(help.status).toBe(200);
  });

  it('refuses a correctly signed request dated more than five minutes ahead', async () => {
    const ahead = Math.floor(Date.now() / 1000) + 6 * 60;
    const res = await app.driver.slashCommand({ user: GRACE, channel: 'C0GENERAL', text: 'help' }, { timestamp: ahead });
    expect(res.status).toBe(401);
    // A clock a little ahead (within Slack's window) is still accepted.
    const near = await app.driver.slashCommand({ user: GRACE, channel: 'C0GENERAL', text: 'help' }, { timestamp: Math.floor(Date.now() / 1000) + 60 });
    expect(near.status).toBe(200);
  });

  it("answers a POST with a body that is not Slack's with 401, not a dropped connection", async () => {
    const res = await fetch(`${app.baseUrl}/slack/events`, { method: 'POST', body: '{{{', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(401);
    expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200);
  });
});

describe('slow clients', () => {
  it('lets go of a client that never finishes its headers, and refuses connections over the cap', async () => {
    const server = createLimitedServer((_req, res) => res.end('ok'), {
      headersTimeoutMs: 300,
      requestTimeoutMs: 600,
      keepAliveTimeoutMs: 200,
      maxConnections: 2,
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    try {
      const slow = net.connect(port, '127.0.0.1');
      await new Promise((resolve) => slow.once('connect', resolve));
      slow.write('POST /slack/events HTTP/1.1\r\nHost: x\r\n'); // and never the blank line
      const started = Date.now();
      const reply = await new Promise<string>((resolve) => {
        let text = '';
        slow.on('data', (d) => (text += d.toString()));
        slow.once('close', () => resolve(text));
      });
      expect(reply).toMatch(/^HTTP\/1.1 408/);
      expect(Date.now() - started).toBeLessThan(3_000);

      const held = [net.connect(port, '127.0.0.1'), net.connect(port, '127.0.0.1')];
      await Promise.all(held.map((s) => new Promise((resolve) => s.once('connect', resolve))));
      await new Promise((resolve) => setTimeout(resolve, 50));
      const third = net.connect(port, '127.0.0.1');
      const closed = await new Promise<boolean>((resolve) => {
        third.once('close', () => resolve(true));
        setTimeout(() => resolve(false), 2_000);
      });
      expect(closed).toBe(true);
      for (const s of held) s.destroy();
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
