import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { createHttpServer } from '../../src/http/server.js';

// Only ping matters to the health check; the rest of Database is never touched here.
const dbAnswering = (up: boolean) => ({ ping: async () => up }) as unknown as Database;

describe('health check', () => {
  let close: (() => void) | undefined;
  afterEach(() => close?.());

  async function serve(up: boolean): Promise<string> {
    const server = createHttpServer({ db: dbAnswering(up) });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    close = () => server.close();
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it('answers 503 when the database does not, so a load balancer stops sending traffic', async () => {
    const res = await fetch(`${await serve(false)}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'unavailable', database: 'down' });
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('answers 200 when it does, and 404 for /slack/events when no Slack receiver is attached', async () => {
    const base = await serve(true);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/slack/events`, { method: 'POST' })).status).toBe(404);
  });
});
