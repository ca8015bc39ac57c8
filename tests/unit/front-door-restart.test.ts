// If the front door's thread dies, Slack's requests must find the app again at the same
// address: a new thread is started on the port the first one had, even when that port was
// picked by the system (port 0).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { FrontDoorReceiver, startFrontDoor, type FrontDoor } from '../../src/http/front-door/index.js';
import { createLogger } from '../../src/logger.js';
import { freePortBelowEphemeralRange } from '../support/free-port.js';

const view = { type: 'modal' as const, title: { type: 'plain_text' as const, text: 'Loading' }, blocks: [] };
/** The front door's settings but its ports. */
const settings = {
  host: '127.0.0.1',
  signingSecret: 'secret',
  botToken: 'xoxb-test',
  apiUrl: 'http://127.0.0.1:1/api/',
  logLevel: 'silent',
  bodyLimit: 1024 * 1024,
  unhandledRequestTimeoutMillis: 3001,
  loadingViews: { en: view, es: view, vi: view },
};

async function get(url: string): Promise<{ status: number; body: string } | null> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
    return { status: res.status, body: await res.text() };
  } catch {
    return null;
  }
}

describe('the front door’s thread', () => {
  let door: FrontDoor | undefined;
  let internal: http.Server | undefined;
  afterEach(async () => {
    await door?.close();
    door = undefined;
    await new Promise<void>((r) => (internal ? internal.close(() => r()) : r()));
    internal = undefined;
  });

  it('starts again on the same port after it stops, and serves as before', async () => {
    // The main thread's own server: the front door passes /healthz through to it.
    internal = http.createServer((_req, res) => res.end('main thread here'));
    await new Promise<void>((r) => internal!.listen(0, '127.0.0.1', () => r()));
    const threads: Worker[] = [];
    const logger = createLogger('silent');
    door = await startFrontDoor(new FrontDoorReceiver(logger), { ...settings, port: 0 }, logger, { onThread: (w) => threads.push(w) }).listen(
      (internal.address() as AddressInfo).port,
    );
    const url = `http://127.0.0.1:${door.port}/healthz`;
    expect(await get(url)).toEqual({ status: 200, body: 'main thread here' });
    expect(threads).toHaveLength(1);

    await threads[0]!.terminate();
    let answer: Awaited<ReturnType<typeof get>> = null;
    for (let i = 0; i < 100 && (threads.length < 2 || answer === null); i++) {
      await new Promise((r) => setTimeout(r, 50));
      if (threads.length === 2) answer = await get(url);
    }
    expect(threads).toHaveLength(2);
    expect(answer).toEqual({ status: 200, body: 'main thread here' });
  });

  it('takes no port while the app is starting, and a start that fails stops the thread', async () => {
    // The thread is started before the database opens; Slack must not reach a half-started app.
    const port = await freePortBelowEphemeralRange();
    const logger = createLogger('silent');
    const threads: Worker[] = [];
    const starting = startFrontDoor(new FrontDoorReceiver(logger), { ...settings, port }, logger, { onThread: (w) => threads.push(w) });
    // Long enough for the thread to load Bolt and be ready to listen.
    await new Promise((r) => setTimeout(r, 2000));
    expect(await get(`http://127.0.0.1:${port}/healthz`)).toBeNull();
    const exited = new Promise<number>((r) => threads[0]!.once('exit', r));
    // What startServer does when the database cannot be opened: the process can then exit.
    await starting.close();
    await expect(exited).resolves.toBeTypeOf('number');
    expect(await get(`http://127.0.0.1:${port}/healthz`)).toBeNull();
  });

  it('says when its port is taken, and the failed start can still be undone', async () => {
    const taken = http.createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', () => r()));
    const port = (taken.address() as AddressInfo).port;
    const logger = createLogger('silent');
    const threads: Worker[] = [];
    try {
      const starting = startFrontDoor(new FrontDoorReceiver(logger), { ...settings, port }, logger, { onThread: (w) => threads.push(w) });
      await expect(starting.listen(1)).rejects.toThrow(`cannot listen on port ${port}`);
      // The thread has ended by the time startServer undoes the start: closing must not wait for it.
      if (threads[0]!.threadId !== -1) await new Promise((r) => threads[0]!.once('exit', r));
      await starting.close();
      expect(threads).toHaveLength(1);
    } finally {
      await new Promise<void>((r) => taken.close(() => r()));
    }
  });
});
