// Every translation key written out in the code exists in the catalogs. i18next answers an
// unknown key with the key itself, so a typo would show people "update.modal.statsu".
// (The catalogs' key sets are equal across languages: tests/unit/i18n.test.ts.)
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogFor } from '../../src/slack/i18n/index.js';

const ROOT = path.resolve(import.meta.dirname, '../../src');
// t('a.b.c') and t("a.b.c"), as the code calls its translators.
const LITERAL_KEY = /\bt\(\s*(['"])([A-Za-z][\w-]*(?:\.[\w-]+)+)\1/g;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'generated' ? [] : sourceFiles(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

const resolve = (catalog: Record<string, unknown>, key: string): unknown =>
  key.split('.').reduce<unknown>((o, part) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[part] : undefined), catalog);

describe('translation keys in the code', () => {
  const used = sourceFiles(ROOT).flatMap((file) =>
    [...fs.readFileSync(file, 'utf8').matchAll(LITERAL_KEY)].map((m) => ({ file: path.relative(ROOT, file), key: m[2]! })),
  );

  it('are found in the source (the scan itself works)', () => {
    expect(used.length).toBeGreaterThan(300);
    expect(used.some((u) => u.key === 'update.modal.status')).toBe(true);
  });

  it('each name a text in English, Spanish and Vietnamese', () => {
    const missing = ['en', 'es', 'vi'].flatMap((lang) => {
      const catalog = catalogFor(lang as 'en');
      return used.filter((u) => typeof resolve(catalog, u.key) !== 'string').map((u) => `${lang}: ${u.key} (${u.file})`);
    });
    expect(missing).toEqual([]);
  });
});
