// The renderer draws a real PNG with text, once per distinct spec; uploads are made once
// per distinct chart in a run and a failure only leaves the chart out.
import { describe, expect, it, vi } from 'vitest';
import { ChartUploads, type ChartUploadClient } from '../../../src/charts/chart-uploads.js';
import { ChartRenderer, chartFontFiles, chartHash } from '../../../src/charts/renderer.js';
import { createLogger } from '../../../src/logger.js';
import { translator } from '../../../src/slack/i18n/index.js';
import { CHART_WIDTH } from '../../../src/slack/ui/charts/chart-spec.js';
import { reportingCoverageChart } from '../../../src/slack/ui/charts/reporting-coverage.js';
import { statusMixChart } from '../../../src/slack/ui/charts/status-mix.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const counts = (c: number, p: number, n: number) => ({ COMPLETED: c, IN_PROGRESS: p, ONGOING: 0, NOT_STARTED: n, DEFERRED: 0 });
const chartFor = (name: string, lang: 'en' | 'es' | 'vi' = 'en') =>
  statusMixChart(translator(lang), [
    { name, byStatus: counts(3, 2, 1) },
    { name: 'Parks', byStatus: counts(1, 4, 0) },
  ]);

describe('chart renderer', () => {
  it('finds a DejaVu font to draw text with: the subset the repository ships', () => {
    expect(chartFontFiles()[0]).toMatch(/assets\/fonts\/DejaVuSans-charts\.ttf$/);
  });

  it('returns a PNG of plausible size, twice as wide as the spec for sharp text', { timeout: 30_000 }, async () => {
    const png = await new ChartRenderer().render(chartFor('Library', 'vi').spec);
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    // The plot is CHART_WIDTH wide; axis labels and padding add to it.
    expect(width).toBeGreaterThan(CHART_WIDTH * 2);
    expect(width).toBeLessThan(CHART_WIDTH * 4);
    expect(height).toBeGreaterThan(100);
    // Text and bars, not an empty canvas (a blank white PNG of this size is a few kB).
    expect(png.length).toBeGreaterThan(8_000);
    expect(png.length).toBeLessThan(300_000);
  });

  it('draws each distinct spec once and evicts the least recently used', { timeout: 30_000 }, async () => {
    const renderer = new ChartRenderer({ maxEntries: 2 });
    const a = chartFor('A').spec;
    const first = await renderer.render(a);
    expect(await renderer.render(structuredClone(a))).toBe(first);
    expect(renderer.stats()).toEqual({ renders: 1, hits: 1, size: 1 });

    await renderer.render(chartFor('B').spec);
    await renderer.render(a); // A is now the most recent
    await renderer.render(chartFor('C').spec); // evicts B
    expect(renderer.stats()).toMatchObject({ renders: 3, size: 2 });
    await renderer.render(a);
    expect(renderer.stats().renders).toBe(3);
    await renderer.render(chartFor('B').spec);
    expect(renderer.stats().renders).toBe(4);
  });

  it('draws the same picture from a reused view as from a new one, with renders at once', { timeout: 60_000 }, async () => {
    // Same shape (two departments, English), different figures and label lengths; one
    // chart has a single status, so whole marks come and go between renders. Coverage
    // charts of two and five periods share a shape too.
    const coverage = (periods: number) =>
      reportingCoverageChart(
        translator('es'),
        Array.from({ length: periods }, (_, i) => ({ period: `FY2025-26-Q${(i % 4) + 1}`, reported: i + 2, notReported: 5 - i })),
      );
    const charts = [
      coverage(2),
      chartFor('Library'),
      statusMixChart(translator('en'), [
        { name: 'Office of Racial and Social Equity', byStatus: counts(9, 0, 0) },
        { name: 'Parks', byStatus: counts(0, 0, 0) },
      ]),
      chartFor('Housing'),
      statusMixChart(translator('en'), [
        { name: 'Fire', byStatus: { COMPLETED: 0, IN_PROGRESS: 1, ONGOING: 5, NOT_STARTED: 0, DEFERRED: 2 } },
        { name: 'Parks, Recreation and Neighborhood Services', byStatus: counts(2, 2, 2) },
      ]),
      coverage(5),
    ];
    const shared = new ChartRenderer();
    const together = await Promise.all(charts.map((c) => shared.render(c.spec)));
    const again = await shared.render(charts[1]!.spec);
    for (const [i, chart] of charts.entries()) {
      const alone = await new ChartRenderer().render(chart.spec);
      expect(together[i]!.equals(alone), `chart ${i}`).toBe(true);
    }
    expect(again).toBe(together[1]);
    expect(new Set(together.map((png) => png.toString('base64'))).size).toBe(charts.length);
  });

  it('hashes specs whatever the order of their keys', () => {
    expect(chartHash({ a: 1, b: [{ c: 2, d: 3 }] })).toBe(chartHash({ b: [{ d: 3, c: 2 }], a: 1 }));
    expect(chartHash({ a: 1 })).not.toBe(chartHash({ a: 2 }));
  });
});

describe('chart uploads in a run', () => {
  const logger = createLogger('silent');
  const ok = () => {
    let n = 0;
    const uploadV2 = vi.fn(async () => ({ ok: true, files: [{ ok: true, files: [{ id: `F00000000${++n}` }] }] }));
    return { client: { files: { uploadV2 } } as unknown as ChartUploadClient, uploadV2 };
  };

  it('uploads each distinct chart once and shares its file id', { timeout: 30_000 }, async () => {
    const { client, uploadV2 } = ok();
    const uploads = new ChartUploads({ client, logger, renderer: new ChartRenderer() });
    const ids = await Promise.all([uploads.fileFor(chartFor('Library')), uploads.fileFor(chartFor('Library')), uploads.fileFor(chartFor('Library', 'es'))]);
    expect(ids[0]).toMatch(/^F/);
    expect(ids[1]).toBe(ids[0]);
    expect(ids[2]).not.toBe(ids[0]);
    expect(uploadV2).toHaveBeenCalledTimes(2);
    const sent = (uploadV2.mock.calls as unknown as [{ file: Buffer; filename: string; alt_text: string }][]).map(([a]) => a);
    for (const a of sent) expect(a.filename).toMatch(/^chart-[0-9a-f]{12}\.png$/);
    expect(sent.map((a) => a.alt_text).join('\n')).toContain('Library: 3 completed, 2 in progress, 1 not started');
    expect(uploads.stats()).toEqual({ uploaded: 2, failed: 0, shared: 1 });
  });

  it('gives null when the upload fails, and null without a client', { timeout: 30_000 }, async () => {
    const uploadV2 = vi.fn(async () => {
      throw Object.assign(new Error('An API error occurred: internal_error'), { data: { error: 'internal_error' } });
    });
    const failing = new ChartUploads({ client: { files: { uploadV2 } } as unknown as ChartUploadClient, logger, renderer: new ChartRenderer() });
    expect(await failing.fileFor(chartFor('Library'))).toBeNull();
    expect(failing.stats()).toEqual({ uploaded: 0, failed: 1, shared: 0 });
    expect(await new ChartUploads({ client: null, logger }).fileFor(chartFor('Library'))).toBeNull();
  });
});
