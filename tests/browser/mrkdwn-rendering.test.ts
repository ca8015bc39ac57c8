// The page's mrkdwn parser and Slack date tokens, run in Chromium itself (they are the page's
// own ES modules), served by a bare static server: no app, no database.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listWebAssets, serveWebFile } from '../../src/sandbox/static-files.js';
import { launchBrowser, type Browser } from './support/browser.js';

let server: http.Server;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const assets = await listWebAssets();
  server = http.createServer((req, res) => {
    const name = (req.url ?? '').replace(/^\/sandbox\/assets\//, '');
    void serveWebFile(res, name, assets, 'GET').then((served) => {
      if (served) return;
      res.writeHead(200, { 'content-type': 'text/html' });
      // The modules are loaded by the page itself: vitest rewrites import() inside evaluate().
      res.end(`<!doctype html><title>loading</title><script type="module">
        import * as mrkdwn from '/sandbox/assets/mrkdwn.js';
        import * as dates from '/sandbox/assets/slack-dates.js';
        window.modules = { mrkdwn, dates };
        document.title = 'ready';
      </script>`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  browser = await launchBrowser();
  page = browser.page;
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  await page.waitForFunction(() => document.title === 'ready');
});

/** The page's modules, as the inline module script exposed them (the page's own JS is untyped). */
interface PageWindow {
  modules: {
    mrkdwn: { parseMrkdwn(text: string): unknown; renderMrkdwn(text: string, dir: unknown): HTMLElement };
    dates: { formatSlackDate(ts: number, format: string, tz: string, now: number): string | undefined };
  };
}

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

const parse = (text: string) => page.evaluate((t) => (window as unknown as PageWindow).modules.mrkdwn.parseMrkdwn(t), text);

/** Renders with names for one user and one channel, in San José time, "now" = 2026-11-22 12:00 PST. */
const render = (text: string) =>
  page.evaluate((t) => {
    const el = (window as unknown as PageWindow).modules.mrkdwn.renderMrkdwn(t, {
      users: { U0HSG01: { name: 'Jasmine Okafor' } },
      channelNames: { C0GENERAL: 'general' },
      tz: 'America/Los_Angeles',
      now: Date.UTC(2026, 10, 22, 20),
    });
    return { text: el.textContent, html: el.innerHTML };
  }, text);

describe('mrkdwn', () => {
  it('marks bold, italic and strike only at word boundaries', async () => {
    expect(await parse('*bold* and _it_ and ~gone~')).toEqual([
      {
        type: 'para',
        children: [
          { type: 'bold', children: [{ type: 'text', text: 'bold' }] },
          { type: 'text', text: ' and ' },
          { type: 'italic', children: [{ type: 'text', text: 'it' }] },
          { type: 'text', text: ' and ' },
          { type: 'strike', children: [{ type: 'text', text: 'gone' }] },
        ],
      },
    ]);
    expect(await parse('snake_case_name and 2*3*4 and * not bold*')).toEqual([
      { type: 'para', children: [{ type: 'text', text: 'snake_case_name and 2*3*4 and * not bold*' }] },
    ]);
    expect((await render('_*both*_')).html).toBe('<p><em><strong>both</strong></em></p>');
  });

  it('leaves code alone and decodes Slack\u2019s three escapes', async () => {
    expect((await render('`*not bold*` &lt;b&gt; &amp;lt;')).html).toBe('<p><code>*not bold*</code> &lt;b&gt; &amp;lt;</p>');
    expect((await render('```\nconst x = a &lt; b;\n*y*\n```')).html).toBe('<pre class="mrkdwn-pre">const x = a &lt; b;\n*y*</pre>');
    expect((await render('an ``` unmatched fence')).text).toBe('an ``` unmatched fence');
  });

  it('quotes lines starting with > and everything after >>>', async () => {
    expect((await render('&gt; quoted\nplain')).html).toBe('<blockquote>quoted</blockquote><p>plain</p>');
    expect((await render('>>> all\nof this')).html).toBe('<blockquote>all<br>of this</blockquote>');
  });

  it('links only http(s) and mailto, and shows anything else in brackets as typed', async () => {
    const out = await render('<https://x.org/a?b=1&amp;c=2|X site> <mailto:ana@x.org> <javascript:alert(1)|click> <ftp://x> <img src=x onerror=alert(1)>');
    expect(out.html).toContain('<a href="https://x.org/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">X site</a>');
    expect(out.html).toContain('<a href="mailto:ana@x.org" target="_blank" rel="noopener noreferrer">ana@x.org</a>');
    expect(out.html).not.toMatch(/href="(javascript|ftp)/);
    expect(out.text).toContain('<javascript:alert(1)|click> <ftp://x> <img src=x onerror=alert(1)>');
    expect(out.html).not.toContain('<img');
  });

  it('names people and channels, and shows broadcasts, groups and emoji', async () => {
    const out = await render(
      '<@U0HSG01> <@U0NOBODY|someone> <#C0GENERAL> <#C0OTHER|elsewhere> <!here> <!subteam^S0EQ|@equity-leads> :white_check_mark: :not_an_emoji:',
    );
    expect(out.text).toBe('@Jasmine Okafor @someone #general #elsewhere @here @equity-leads \u2705 :not_an_emoji:');
  });
});

describe('Slack date tokens', () => {
  // 2026-03-01T05:00:00Z: Feb 28 in San José.
  const ts = 1772341200;
  const now = Date.UTC(2026, 10, 22, 20); // 2026-11-22 12:00 PST: more than six months later
  const format = (tokens: string, tz = 'America/Los_Angeles', at = now, when = ts) =>
    page.evaluate(([f, z, n, w]) => (window as unknown as PageWindow).modules.dates.formatSlackDate(w as number, f as string, z as string, n as number), [
      tokens,
      tz,
      at,
      when,
    ] as const);

  it('formats every documented token in the reader\u2019s zone', async () => {
    expect(await format('{date_num}')).toBe('2026-02-28');
    expect(await format('{date_slash}')).toBe('02/28/2026');
    expect(await format('{date}')).toBe('February 28th, 2026');
    expect(await format('{date_short}')).toBe('Feb 28, 2026');
    expect(await format('{date_long}')).toBe('Saturday, February 28th, 2026');
    expect(await format('{date_long_full}')).toBe('Saturday, February 28th, 2026');
    expect(await format('{time}')).toBe('9:00 PM');
    expect(await format('{time_secs}')).toBe('9:00:00 PM');
    expect(await format('{date_num} {time}', 'America/Denver')).toBe('2026-02-28 10:00 PM');
    expect(await format('{date_num}', 'UTC')).toBe('2026-03-01');
    expect(await format('{ago}')).toBe('8 months ago');
  });

  it('drops the year within six months and says today, yesterday and tomorrow', async () => {
    const soon = Date.UTC(2026, 2, 10, 20);
    expect(await format('{date_short}', 'America/Los_Angeles', soon)).toBe('Feb 28');
    expect(await format('{date_pretty}', 'America/Los_Angeles', Date.UTC(2026, 1, 28, 20))).toBe('today');
    expect(await format('{date_pretty}', 'America/Los_Angeles', Date.UTC(2026, 2, 1, 20))).toBe('yesterday');
    expect(await format('{date_short_pretty}', 'America/Los_Angeles', Date.UTC(2026, 1, 27, 20))).toBe('tomorrow');
    expect(await format('{day_divider_pretty}', 'America/Los_Angeles', Date.UTC(2026, 1, 28, 20))).toBe('Today');
  });

  it('falls back to the message\u2019s own text for an unknown token or a bad timestamp', async () => {
    expect(await format('{date_fancy}')).toBeUndefined();
    expect((await render('<!date^1772341200^{date_fancy}|Feb 28>')).text).toBe('Feb 28');
    expect((await render('<!date^1772341200^{date_short}^https://x.org/e|Feb 28>')).html).toContain('<a href="https://x.org/e"');
  });
});
