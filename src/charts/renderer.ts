// Chart spec → PNG on the server: Vega-Lite compiles the spec to Vega, Vega draws SVG
// without a browser, resvg turns the SVG into PNG with a font we ship. Nothing is fetched:
// data is inline and the loader refuses URLs, so a spec cannot make the server call out.
//
// resvg reads and parses its font files on every render, so the font is a subset of DejaVu
// Sans with the characters chart text can hold in English, Spanish and Vietnamese
// (assets/fonts/, made by scripts/subset-chart-font.sh): a sixth of the full font's size,
// so resvg takes about 40% less time a render (bench/README.md). A character outside it
// (as outside the full font: Chinese, say) shows as a blank; the alt text still says it.
//
// Vega, Vega-Lite and resvg are loaded on the first render, not at start: together they
// are about 40 MiB of the app's memory, and a process that sends no chart never needs them.
//
// Renders are cached by a hash of the spec (LRU, bounded): the same figures in the same
// language make the same picture, and a fan-out asks for it many times. Compiling and
// parsing a spec is half of the work and depends only on its shape, so one Vega view is
// kept per spec-without-data, and new figures go in as its named data set. Reusing the
// view, as a browser does when data changes, takes a quarter of the time of building a
// new one (bench/README.md) and draws the same pixels (tests/unit/chart-renderer.test.ts).
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ResvgRenderOptions } from '@resvg/resvg-js';
import type * as Vega from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { CHART_FONT } from '../slack/ui/charts/chart-spec.js';

/** The data set inline values move to, so one parsed spec serves many figures. */
const DATA_NAME = 'figures';
/** Views kept. Shapes are few (a chart kind per language); the bound is only a guard. */
const MAX_VIEWS = 16;
/**
 * The subset, read from the repository at run time like the migrations: this file is
 * src/charts/renderer.ts or dist/charts/renderer.js, two folders below it either way, and
 * the Dockerfile copies assets/ into the image.
 */
export const CHART_FONT_SUBSET = fileURLToPath(new URL('../../assets/fonts/DejaVuSans-charts.ttf', import.meta.url));
/** Debian's fonts-dejavu-core, for a machine whose node_modules lacks the npm package. */
const DEBIAN_DEJAVU = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

/**
 * The font files resvg loads: the subset; else the full font of the npm package (a copy
 * of the app without assets/); else Debian's; else none (system fonts then).
 */
export function chartFontFiles(): string[] {
  const candidates = [CHART_FONT_SUBSET];
  try {
    candidates.push(join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf', 'DejaVuSans.ttf'));
  } catch {
    // Not installed: fall through to Debian's copy.
  }
  candidates.push(DEBIAN_DEJAVU);
  const found = candidates.find((f) => existsSync(f));
  return found ? [found] : [];
}

export interface ChartRendererOptions {
  /** Renders kept; each is a PNG of some tens of kB. */
  maxEntries?: number;
  /** Pixel density: 2 keeps text sharp on high-DPI screens. */
  scale?: number;
  /** The font files; chartFontFiles() unless given (a test compares the subset with the full font). */
  fontFiles?: string[];
}

export interface ChartRenderStats {
  renders: number;
  hits: number;
  size: number;
}

/** The spec's identity: JSON with keys sorted, so key order never splits the cache. */
export function chartHash(spec: unknown): string {
  return createHash('sha256').update(stableJson(spec)).digest('hex');
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const refuse = () => Promise.reject(new Error('charts render inline data only'));

interface ChartLibraries {
  vega: typeof Vega;
  compile: typeof import('vega-lite').compile;
  renderAsync: typeof import('@resvg/resvg-js').renderAsync;
  /** A loader that never reads a file or a URL, whatever a spec names. */
  noLoader: Vega.Loader;
}

let libraries: Promise<ChartLibraries> | undefined;
function loadLibraries(): Promise<ChartLibraries> {
  libraries ??= Promise.all([import('vega'), import('vega-lite'), import('@resvg/resvg-js')]).then(([vega, vegaLite, resvg]) => ({
    vega,
    compile: vegaLite.compile,
    renderAsync: resvg.renderAsync,
    noLoader: Object.assign(vega.loader(), { load: refuse, sanitize: refuse, http: refuse, file: refuse }),
  }));
  return libraries;
}

export class ChartRenderer {
  private readonly cache = new Map<string, Promise<Buffer>>();
  private readonly views = new Map<string, ShapeView>();
  private readonly maxEntries: number;
  private readonly resvg: ResvgRenderOptions;
  private renders = 0;
  private hits = 0;

  constructor(options: ChartRendererOptions = {}) {
    this.maxEntries = options.maxEntries ?? 128;
    const fontFiles = options.fontFiles ?? chartFontFiles();
    this.resvg = {
      background: 'white',
      fitTo: { mode: 'zoom', value: options.scale ?? 2 },
      // System fonts only when no DejaVu was found: scanning them costs time on each render.
      font: { fontFiles, loadSystemFonts: fontFiles.length === 0, defaultFontFamily: CHART_FONT, sansSerifFamily: CHART_FONT },
    };
  }

  stats(): ChartRenderStats {
    return { renders: this.renders, hits: this.hits, size: this.cache.size };
  }

  /** The PNG of a spec, drawn once per distinct spec while it stays in the cache. */
  render(spec: TopLevelSpec): Promise<Buffer> {
    const key = chartHash(spec);
    const cached = this.cache.get(key);
    if (cached) {
      this.hits++;
      // Most recently used last: Map keeps insertion order, so the first key is the oldest.
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    const png = this.draw(spec);
    this.cache.set(key, png);
    // A failed render is not remembered: the next ask tries again.
    png.catch(() => this.cache.get(key) === png && this.cache.delete(key));
    while (this.cache.size > this.maxEntries) this.cache.delete(this.cache.keys().next().value!);
    return png;
  }

  /** The view kept for a spec's shape, made on first use. */
  private viewFor(libs: ChartLibraries, key: string, shape: TopLevelSpec): ShapeView {
    let entry = this.views.get(key);
    if (!entry) {
      const runtime = libs.vega.parse(libs.compile(shape).spec);
      entry = { view: new libs.vega.View(runtime, { renderer: 'none', loader: libs.noLoader }), turn: Promise.resolve() };
      this.views.set(key, entry);
      if (this.views.size > MAX_VIEWS) {
        const oldest = this.views.keys().next().value!;
        const dropped = this.views.get(oldest)!;
        this.views.delete(oldest);
        void dropped.turn.then(() => dropped.view.finalize());
      }
    }
    return entry;
  }

  /** The SVG of the figures in the shape's view; one render at a time per view. */
  private async svgOf(libs: ChartLibraries, shape: TopLevelSpec, values: unknown[] | undefined): Promise<string> {
    if (!values) {
      // Data inside layers stays in the shape, so the view would never serve again.
      const view = new libs.vega.View(libs.vega.parse(libs.compile(shape).spec), { renderer: 'none', loader: libs.noLoader });
      try {
        return await view.toSVG();
      } finally {
        view.finalize();
      }
    }
    const key = chartHash(shape);
    const entry = this.viewFor(libs, key, shape);
    const svg = entry.turn.then(async () => {
      entry.view.data(DATA_NAME, values);
      // Lay out again for these figures: labels of another length need another width.
      entry.view.resize();
      return entry.view.toSVG();
    });
    entry.turn = svg.then(
      () => undefined,
      () => {
        // A view that failed may hold half-changed state: the next render starts a new one.
        if (this.views.get(key) === entry) this.views.delete(key);
        entry.view.finalize();
      },
    );
    return svg;
  }

  private async draw(spec: TopLevelSpec): Promise<Buffer> {
    this.renders++;
    const libs = await loadLibraries();
    const { shape, values } = splitData(spec);
    const svg = await this.svgOf(libs, shape, values);
    // renderAsync draws on libuv's thread pool, off the event loop.
    const image = await libs.renderAsync(svg, this.resvg);
    return image.asPng();
  }
}

/** A shape's Vega view, and the end of the render using it now (renders take turns). */
interface ShapeView {
  view: Vega.View;
  turn: Promise<void>;
}

/** A spec with inline values becomes its shape (naming DATA_NAME) and the values. */
function splitData(spec: TopLevelSpec): { shape: TopLevelSpec; values?: unknown[] } {
  const data = (spec as { data?: unknown }).data;
  if (!data || typeof data !== 'object' || !Array.isArray((data as { values?: unknown }).values)) return { shape: spec };
  return { shape: { ...spec, data: { name: DATA_NAME } } as TopLevelSpec, values: (data as { values: unknown[] }).values };
}

/** One renderer per process, so every job shares its cache. */
export const chartRenderer = new ChartRenderer();
