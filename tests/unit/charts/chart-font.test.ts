// The chart font is a subset of DejaVu Sans (assets/fonts/, scripts/subset-chart-font.sh).
// A character it lacks is left out of the picture, so these tests hold it to the words
// charts can show: every character of the en, es and vi catalogs (chart titles, axes and
// legends come from them), of the seeded department names and of the Welcoming plan's
// pillar titles. The font's own cmap table says what it covers (tests/support/truetype-cmap.ts).
// People type measure labels and department names too; a character outside the subset
// must still give a chart, only without that character.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { CHART_FONT_SUBSET, ChartRenderer } from '../../../src/charts/renderer.js';
import { SEED_DEPARTMENTS } from '../../../src/db/seed/departments.js';
import { WELCOMING_SAN_JOSE_PLAN } from '../../../src/db/seed/welcoming-san-jose-plan.js';
import { catalogFor, LANGUAGES, translator } from '../../../src/slack/i18n/index.js';
import { measureTrendChart } from '../../../src/slack/ui/charts/measure-trend.js';
import { statusMixChart } from '../../../src/slack/ui/charts/status-mix.js';
import { cmapCodePoints } from '../../support/truetype-cmap.js';

const FULL_FONT = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Every string in a nested catalog, with the key it is found under. */
function stringsOf(value: unknown, where: string): Array<[string, string]> {
  if (typeof value === 'string') return [[where, value]];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringsOf(v, `${where}.${k}`));
  return [];
}

/** "U+2713 ✓ (en.reminders.prompt.reported)" for each character the font lacks. */
function missing(covered: Set<number>, texts: Array<[string, string]>): string[] {
  const out = new Map<number, string>();
  for (const [where, text] of texts) {
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      // Line breaks and other controls are never drawn as glyphs.
      if (cp < 0x20 || covered.has(cp) || out.has(cp)) continue;
      out.set(cp, `U+${cp.toString(16).toUpperCase().padStart(4, '0')} ${ch} (${where})`);
    }
  }
  return [...out.values()];
}

const counts = (c: number, p: number, n: number) => ({ COMPLETED: c, IN_PROGRESS: p, ONGOING: 0, NOT_STARTED: n, DEFERRED: 0 });

describe('the chart font subset', () => {
  const covered = cmapCodePoints(readFileSync(CHART_FONT_SUBSET));

  it('has every character of the words in English, Spanish and Vietnamese', () => {
    const texts = LANGUAGES.flatMap((lang) => stringsOf(catalogFor(lang), lang));
    expect(texts.length).toBeGreaterThan(1000);
    expect(missing(covered, texts)).toEqual([]);
  });

  it('has every character of the seeded department names and the Welcoming plan pillars', () => {
    const names = SEED_DEPARTMENTS.map((d): [string, string] => [`department ${d.code}`, d.name]);
    const pillars = WELCOMING_SAN_JOSE_PLAN.pillars.map((p): [string, string] => [`pillar ${p.number}`, p.title]);
    expect(missing(covered, [...names, ...pillars])).toEqual([]);
    // What a reader of other Latin-script languages may type, beyond the catalogs.
    expect(missing(covered, [['typed', 'Œuvre Łódź Ştefan Điện Nguyễn Đặng Thị Hường ₫ € ≥ ≤ ± × ÷ ▲ ▼ ✓']])).toEqual([]);
  });

  it('draws a Vietnamese and a Spanish chart exactly as the full DejaVu Sans does', { timeout: 30_000 }, async () => {
    const subset = new ChartRenderer({ fontFiles: [CHART_FONT_SUBSET] });
    const full = new ChartRenderer({ fontFiles: [FULL_FONT] });
    for (const [lang, name] of [
      ['vi', 'Sở Giao thông Vận tải'],
      ['es', 'Departamento de Parques, Recreación y Servicios Vecinales'],
    ] as const) {
      const spec = statusMixChart(translator(lang), [
        { name, byStatus: counts(3, 2, 1) },
        { name: 'Biblioteca de San José', byStatus: counts(1, 4, 0) },
      ]).spec;
      expect((await subset.render(spec)).equals(await full.render(spec))).toBe(true);
    }
  });

  it('still draws a chart whose measure label has characters it lacks', { timeout: 30_000 }, async () => {
    const label = '培训 completed';
    expect(covered.has('培'.codePointAt(0)!)).toBe(false);
    const chart = measureTrendChart(translator('en'), {
      label,
      kind: 'PERCENT',
      unit: '',
      target: 90,
      direction: 'INCREASE',
      points: [
        { periodKey: 'FY2024-Q1', value: 40 },
        { periodKey: 'FY2024-Q2', value: 75 },
      ],
    });
    const png = await new ChartRenderer().render(chart.spec);
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    // A chart with its bars and text, not an empty canvas; the alt text still has the label.
    expect(png.length).toBeGreaterThan(8_000);
    expect(chart.alt).toContain(label);
  });
});
