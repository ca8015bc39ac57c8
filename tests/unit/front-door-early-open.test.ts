// Which requests the front door answers itself (`/reap update` with something that can
// name a strategy), and how it reports Slack's answer to views.open.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { openLoadingView, opensLoadingView } from '../../src/http/front-door/early-open.js';

const command = (text: string, extra: Record<string, unknown> = {}) => ({ command: '/reap', text, trigger_id: '123.456.abc', user_id: 'U0LIB03', ...extra });

describe('opensLoadingView', () => {
  it('opens the loading view for /reap update alone, with a strategy number, an id or title words', () => {
    for (const text of ['update', 'UPDATE', '  update  ', 'update 1.1', 'update LIB 2.3', 'update #42', 'update my strategy']) {
      expect(opensLoadingView(command(text))).toEqual({ triggerId: '123.456.abc', userId: 'U0LIB03' });
    }
  });

  it('leaves text that cannot name a strategy, other subcommands and other requests to the app', () => {
    for (const text of ['update 2.3.4', 'update 0', 'status', 'help', '', 'updates']) {
      expect(opensLoadingView(command(text))).toBeNull();
    }
    expect(opensLoadingView(command('update', { command: '/other' }))).toBeNull();
    expect(opensLoadingView(command('update', { trigger_id: '' }))).toBeNull();
    expect(opensLoadingView({ type: 'view_submission', trigger_id: 't' })).toBeNull();
  });
});

describe('openLoadingView', () => {
  let server: http.Server | undefined;
  afterEach(async () => {
    await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
    server = undefined;
  });

  async function slack(answer: (body: string, req: http.IncomingMessage) => { status: number; body: string }): Promise<string> {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const a = answer(body, req);
        res.writeHead(a.status, { 'content-type': 'application/json' });
        res.end(a.body);
      });
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
  }

  const view = { type: 'modal' as const, title: { type: 'plain_text' as const, text: 'Cargando' }, blocks: [] };

  it('sends the trigger and the view as Slack expects them, and returns the view id and hash', async () => {
    let seen: { body: URLSearchParams; auth?: string; path?: string } | undefined;
    const apiUrl = await slack((body, req) => {
      seen = { body: new URLSearchParams(body), auth: req.headers.authorization, path: req.url };
      return { status: 200, body: JSON.stringify({ ok: true, view: { id: 'V1', hash: 'h1' } }) };
    });
    expect(await openLoadingView({ apiUrl, botToken: 'xoxb-1' }, 'trig', view)).toEqual({ ok: true, viewId: 'V1', hash: 'h1' });
    expect(seen?.path).toBe('/api/views.open');
    expect(seen?.auth).toBe('Bearer xoxb-1');
    expect(seen?.body.get('trigger_id')).toBe('trig');
    expect(JSON.parse(seen!.body.get('view')!)).toEqual(view);
  });

  it("reports Slack's error code (an expired trigger)", async () => {
    const apiUrl = await slack(() => ({ status: 200, body: JSON.stringify({ ok: false, error: 'expired_trigger_id' }) }));
    expect(await openLoadingView({ apiUrl, botToken: 'x' }, 't', view)).toEqual({ ok: false, error: 'expired_trigger_id' });
  });

  it('reports an HTML error page by its status, and a refused connection by its message', async () => {
    const apiUrl = await slack(() => ({ status: 503, body: '<html>down</html>' }));
    expect(await openLoadingView({ apiUrl, botToken: 'x' }, 't', view)).toEqual({ ok: false, error: 'HTTP 503' });
    // A port nobody listens on any more.
    const gone = http.createServer();
    await new Promise<void>((resolve) => gone.listen(0, '127.0.0.1', resolve));
    const goneUrl = `http://127.0.0.1:${(gone.address() as AddressInfo).port}/api/`;
    await new Promise((resolve) => gone.close(resolve));
    const refused = await openLoadingView({ apiUrl: goneUrl, botToken: 'x' }, 't', view);
    expect(refused.ok).toBe(false);
    expect(refused.ok === false && refused.error).toMatch(/ECONNREFUSED/);
  });
});
