// What a person does on the sandbox page, and checks any page should pass (labels, contrast).
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

export async function openSandbox(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]');
}

export async function pickPersonaCard(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`^${name}`) }).click();
  await expect.poll(() => page.locator('#conversation').isVisible()).toBe(true);
}

export async function goToChannel(page: Page, name: string): Promise<void> {
  await page.locator('#channel-list').getByRole('button', { name, exact: true }).click();
  await expect.poll(() => page.locator('#conversation-title').textContent()).toBe(`# ${name}`);
}

export async function send(page: Page, text: string): Promise<void> {
  const composer = page.locator('#composer-input');
  await composer.fill(text);
  await composer.press('Enter');
}

/** The message log's articles, newest last. */
export function messages(page: Page): Locator {
  return page.locator('#message-log article');
}

export function lastMessage(page: Page): Locator {
  return messages(page).last();
}

/** Form controls without an accessible name (label, aria-label or aria-labelledby). */
export async function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const controls = [...document.querySelectorAll<HTMLElement>('input, select, textarea, button')];
    return controls
      .filter((el) => el.offsetParent !== null || el.closest('dialog[open]'))
      .filter((el) => {
        const labelled = (el as HTMLInputElement).labels?.length || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
        const text = el.tagName === 'BUTTON' ? el.textContent?.trim() : '';
        return !labelled && !text;
      })
      .map((el) => el.outerHTML.slice(0, 160));
  });
}

/**
 * Visible text whose colour against its effective background is below WCAG AA (4.5:1, or 3:1
 * for large text). Backgrounds are found by walking up to the first opaque ancestor.
 */
export async function contrastProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const parse = (value: string): [number, number, number, number] => {
      const m = /rgba?\(([^)]+)\)/.exec(value);
      if (!m) return [0, 0, 0, 0];
      const parts = m[1]!
        .split(/[ ,/]+/)
        .filter(Boolean)
        .map(Number);
      return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
    };
    const luminance = ([r, g, b]: number[]) => {
      const channel = (c: number) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
    };
    const background = (el: Element | null): [number, number, number, number] => {
      for (let node = el; node; node = node.parentElement) {
        const bg = parse(getComputedStyle(node).backgroundColor);
        if (bg[3] >= 0.99) return bg;
      }
      return [255, 255, 255, 1];
    };
    const problems: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const el = node.parentElement;
      if (!text || !el) continue;
      const rect = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (rect.width === 0 || rect.height === 0 || style.visibility === 'hidden' || el.closest('[hidden], option, .visually-hidden')) continue;
      if (el.closest('select')) continue;
      const fg = parse(style.color);
      const bg = background(el);
      // Blend a translucent text colour over its background, as the browser paints it.
      const blended = [0, 1, 2].map((i) => fg[i]! * fg[3] + bg[i]! * (1 - fg[3]));
      const [l1, l2] = [luminance(blended), luminance(bg)].sort((a, b) => b - a);
      const ratio = (l1! + 0.05) / (l2! + 0.05);
      const size = parseFloat(style.fontSize);
      const bold = Number(style.fontWeight) >= 700;
      const large = size >= 24 || (bold && size >= 18.66);
      const disabled = el.closest('button:disabled, select:disabled, input:disabled');
      if (!disabled && ratio < (large ? 3 : 4.5))
        problems.push(`${ratio.toFixed(2)}:1 "${text.slice(0, 40)}" (${style.color} on rgb(${bg.slice(0, 3).join(', ')}))`);
    }
    return problems;
  });
}
