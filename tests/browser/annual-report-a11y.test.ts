// The annual report draft's HTML, opened in Chromium and checked by axe-core against WCAG
// 2.1 A and AA, in English and Vietnamese (Spanish shares the English layout). The document
// is built from the seed's work plan and updates of every visibility: no app, no database.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAnnualDraft, renderAnnualHtml } from '../../src/services/reports/annual-draft.js';
import { annualDraftFixture } from '../support/annual-draft-fixture.js';
import { launchBrowser, type Browser } from './support/browser.js';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
}

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function audit(html: string): Promise<AxeResult> {
  const { page } = browser;
  await page.setContent(html, { waitUntil: 'load' });
  await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: unknown): Promise<AxeResult> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return { violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) })) };
  });
}

describe('annual report draft HTML', () => {
  for (const lang of ['en', 'vi'] as const) {
    it(`has no WCAG 2.1 A/AA violations in ${lang}`, async () => {
      const result = await audit(renderAnnualHtml(buildAnnualDraft(annualDraftFixture(), lang)));
      expect(result.violations).toEqual([]);
      // The checks that matter here did run.
      expect(await browser.page.evaluate(() => document.documentElement.lang)).toBe(lang);
      expect(await browser.page.locator('h1').count()).toBe(1);
      expect(await browser.page.locator('main table caption').count()).toBe(1);
      // The hostile narrative is text on the page, not a script.
      expect(await browser.page.locator('script:not([src])').evaluateAll((els) => els.filter((e) => e.textContent?.includes('alert("x")')).length)).toBe(0);
      expect(await browser.page.getByText('<script>alert("x")</script>', { exact: false }).count()).toBe(1);
      expect(browser.pageErrors).toEqual([]);
    });
  }

  it('would see a violation: the check is not silently empty', async () => {
    const html = renderAnnualHtml(buildAnnualDraft(annualDraftFixture(), 'en'))
      .replace('<html lang="en">', '<html>')
      .replace('<caption>', '<caption style="color:#ccc">');
    const ids = (await audit(html)).violations.map((v) => v.id);
    expect(ids).toContain('html-has-lang');
    expect(ids).toContain('color-contrast');
  });
});
