// What every chart is made of: a Vega-Lite spec (the picture, rendered to PNG on the server
// by src/charts/renderer.ts) and the alt text that says the same figures in words. Specs are
// plain JSON so the renderer can hash them: identical figures make identical charts.
import type { TopLevelSpec } from 'vega-lite';
import type { Translate } from '../../i18n/index.js';
import { countKey } from '../status-parts.js';

export interface Chart {
  /** A short name, for the file's title and the image block's title. */
  title: string;
  spec: TopLevelSpec;
  /** Every figure the chart shows, in the reader's language. */
  alt: string;
}

/** files.getUploadURLExternal takes alt_txt up to 1000 characters (the image block 2000). */
export const ALT_MAX = 1000;

/** Slack shows images at most about this wide in a message; wider only gets scaled down. */
export const CHART_WIDTH = 440;

/** The font the renderer loads; named in the spec so measuring and drawing agree. */
export const CHART_FONT = 'DejaVu Sans';

// Regular weight only: the renderer loads one font file, and each file costs time per render.
export const BASE_CONFIG = {
  font: CHART_FONT,
  background: 'white',
  view: { stroke: null },
  title: { fontSize: 13, fontWeight: 'normal', anchor: 'start' },
  axis: { labelFontSize: 11, titleFontSize: 11, titleFontWeight: 'normal', labelLimit: 200 },
  legend: { labelFontSize: 11, orient: 'bottom', direction: 'horizontal', columns: 3, title: null },
} as const;

/**
 * The intro and as many rows as fit in ALT_MAX; rows that do not fit are counted
 * ("…and 3 more.") rather than cut mid-figure.
 */
export function fitAlt(t: Translate, key: string, rows: readonly string[]): string {
  const build = (shown: readonly string[], hidden: number) => {
    const list = shown.map((r) => `${r}.`);
    if (hidden > 0) list.push(t(countKey('charts.more', hidden), { count: hidden }));
    return t(key, { rows: list.join(' ') });
  };
  for (let n = rows.length; n >= 0; n--) {
    const text = build(rows.slice(0, n), rows.length - n);
    if (text.length <= ALT_MAX) return text;
  }
  return build([], rows.length).slice(0, ALT_MAX);
}
