// The Web API client's fetch drops the echoed view's blocks and state from views.* answers
// (the app reads only the id, hash and other top-level fields). If it dropped more, opening
// a form would lose the view id and hash it needs to fill the form in; if it touched other
// methods' answers, messages and rate-limit handling would break.
import { describe, expect, it } from 'vitest';
import { trimmedViewFetch } from '../../../src/slack/trimmed-view-fetch.js';

const answer = (body: unknown, init: ResponseInit = {}) =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status: 200,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    ...init,
  });
const fetchWith = (res: Response) => trimmedViewFetch(async () => res);

describe('trimmedViewFetch', () => {
  it("keeps everything of a views.update answer but the view's blocks and state", async () => {
    const view = {
      id: 'V1',
      hash: 'h2',
      type: 'modal',
      callback_id: 'reap.update',
      private_metadata: '{"m":"new"}',
      root_view_id: 'V1',
      blocks: Array.from({ length: 100 }, (_, i) => ({ type: 'section', block_id: `b${i}` })),
      state: { values: { a: {} } },
    };
    const res = await fetchWith(answer({ ok: true, view, response_metadata: { warnings: ['superfluous_charset'] } }))('https://slack.com/api/views.update', {
      method: 'POST',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await res.json()).toEqual({
      ok: true,
      view: { id: 'V1', hash: 'h2', type: 'modal', callback_id: 'reap.update', private_metadata: '{"m":"new"}', root_view_id: 'V1' },
      response_metadata: { warnings: ['superfluous_charset'] },
    });
  });

  it('leaves other methods, errors, rate limits and non-JSON answers as they were', async () => {
    const message = answer({ ok: true, ts: '1.2', message: { blocks: [{ type: 'section' }] } });
    expect(await fetchWith(message)('https://slack.com/api/chat.postMessage')).toBe(message);
    const limited = new Response('', { status: 429, headers: { 'retry-after': '3' } });
    const res429 = await fetchWith(limited)('https://slack.com/api/views.publish');
    expect(res429.status).toBe(429);
    expect(res429.headers.get('retry-after')).toBe('3');
    expect(await (await fetchWith(answer({ ok: false, error: 'hash_conflict' }))('https://slack.com/api/views.update')).json()).toEqual({
      ok: false,
      error: 'hash_conflict',
    });
    expect(await (await fetchWith(answer('<html>bad gateway</html>'))('https://slack.com/api/views.open')).text()).toBe('<html>bad gateway</html>');
    // A URL object and a Request are recognised too.
    const viewAnswer = () => answer({ ok: true, view: { id: 'V9', blocks: [{}] } });
    expect(await (await fetchWith(viewAnswer())(new URL('http://127.0.0.1:1/api/views.open'))).json()).toEqual({ ok: true, view: { id: 'V9' } });
    expect(await (await fetchWith(viewAnswer())(new Request('http://127.0.0.1:1/api/views.push', { method: 'POST' }))).json()).toEqual({
      ok: true,
      view: { id: 'V9' },
    });
  });
});
