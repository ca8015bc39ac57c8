import { describe, expect, it } from 'vitest';
import { REMEMBERED_TRANSLATIONS, catalogFor, resolveLanguage, translator } from '../../src/slack/i18n/index.js';

const en = catalogFor('en');
const es = catalogFor('es');
const vi = catalogFor('vi') as { status: Record<string, string> };

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v as object, `${prefix}${k}.`)));
}
function placeholders(o: object): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const walk = (x: object, p: string) =>
    Object.entries(x).forEach(([k, v]) => (typeof v === 'string' ? (out[`${p}${k}`] = (v.match(/{{\w+}}/g) ?? []).sort()) : walk(v as object, `${p}${k}.`)));
  walk(o, '');
  return out;
}

describe('message catalogs', () => {
  it('have the same keys and the same placeholders in English, Spanish and Vietnamese', () => {
    expect(keys(es).sort()).toEqual(keys(en).sort());
    expect(keys(vi).sort()).toEqual(keys(en).sort());
    expect(placeholders(es)).toEqual(placeholders(en));
    expect(placeholders(vi)).toEqual(placeholders(en));
  });

  it('never say "(optional)" themselves: Slack adds it to optional inputs, so labels would read it twice', () => {
    for (const catalog of [en, es, vi]) {
      for (const k of keys(catalog)) {
        const value = String(k.split('.').reduce<unknown>((o, part) => (o as Record<string, unknown>)[part], catalog));
        expect(value, k).not.toMatch(/\((optional|opcional|không bắt buộc|tùy chọn)\)/i);
      }
    }
  });

  it('have no empty strings a user would see as a blank', () => {
    for (const catalog of [en, es, vi]) {
      const flat = keys(catalog);
      expect(flat.length).toBeGreaterThan(10);
      for (const k of flat) {
        const value = k.split('.').reduce<unknown>((o, part) => (o as Record<string, unknown>)[part], catalog);
        expect(String(value).trim(), k).not.toBe('');
      }
    }
  });

  it('translate with interpolation and keep status meanings distinct', () => {
    expect(translator('es')('help.unknown', { command: 'foo' })).toContain('`foo`');
    const statuses = Object.values(vi.status);
    expect(new Set(statuses).size).toBe(statuses.length);
  });

  it('answer a repeated call from memory with the same text, and never another call’s text', () => {
    const t = translator('es');
    expect(t('help.unknown', { command: 'foo' })).toContain('`foo`');
    expect(t('help.unknown', { command: 'bar' })).toContain('`bar`');
    expect(t('help.unknown', { command: 'foo' })).not.toContain('`bar`');
    // Each language remembers its own answers.
    expect(t('status.COMPLETED')).toBe((es as { status: Record<string, string> }).status.COMPLETED);
    expect(translator('vi')('status.COMPLETED')).toBe(vi.status.COMPLETED);
    expect(translator('vi')('status.COMPLETED')).not.toBe(t('status.COMPLETED'));
    // Past the memory's size every answer is still right.
    for (let i = 0; i <= REMEMBERED_TRANSLATIONS; i++) t('help.unknown', { command: `c${i}` });
    expect(t('help.unknown', { command: 'foo' })).toContain('`foo`');
    expect(t('help.unknown', { command: 'c7' })).toContain('`c7`');
    // Values that are not plain go to i18next every time.
    expect(t('help.unknown', { command: { toString: () => 'obj' } })).toContain('obj');
  });

  it('prefer the stored choice, then Slack locale, then English', () => {
    expect(resolveLanguage('vi', 'es-ES')).toBe('vi');
    expect(resolveLanguage(null, 'es-ES')).toBe('es');
    expect(resolveLanguage(null, 'vi_VN')).toBe('vi');
    expect(resolveLanguage(undefined, 'fr-FR')).toBe('en');
    expect(resolveLanguage(null, null)).toBe('en');
  });
});

describe('service error messages', () => {
  it('exist in every language for every key a use case can return', async () => {
    const { MESSAGE_KEYS } = await import('../../src/domain/messages.js');
    for (const lang of ['en', 'es', 'vi'] as const) {
      const t = translator(lang);
      for (const key of MESSAGE_KEYS) {
        const text = t(key, {
          query: 'x',
          suggestions: 'y',
          title: 't',
          email: 'e',
          limit: '3000',
          length: '10000',
          options: 'a',
          today: '2026-01-01',
          choices: 'c',
          detail: 'd',
          contacts: '<@U1>',
          minutes: '10',
          plan: 'WSJ-2021-2024',
          number: '2',
          target: '90%',
          label: 'Staff trained',
          department: 'San José Public Library',
          count: '30',
        });
        expect(text, `${lang} ${key}`).not.toBe(key);
        expect(text, `${lang} ${key}`).not.toMatch(/{{\w+}}/);
      }
    }
  });
});
