// A typed measure against its target over time: the alt text states every value and the
// target in the reader's language, the spec carries the same figures with a target rule,
// and the renderer draws it.
import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import { ChartRenderer } from '../../../src/charts/renderer.js';
import { translator } from '../../../src/slack/i18n/index.js';
import { ALT_MAX } from '../../../src/slack/ui/charts/chart-spec.js';
import { measureTrendChart, type MeasureTrendInput } from '../../../src/slack/ui/charts/measure-trend.js';

const TRAINED: MeasureTrendInput = {
  label: 'Workforce trained',
  kind: 'PERCENT',
  unit: '',
  target: 98,
  direction: 'INCREASE',
  points: [
    { periodKey: 'FY2024-Q1', value: 61.5 },
    { periodKey: 'FY2024-Q2', value: 80 },
    { periodKey: 'FY2024-Q3', value: 98.5 },
  ],
};

type Layer = { data?: { values: Record<string, unknown>[] }; mark?: { type: string }; layer?: Layer[] };
const layersOf = (spec: unknown) => (spec as { layer: Layer[] }).layer;

describe('measure trend chart', () => {
  it('states every value and the target in English', () => {
    const chart = measureTrendChart(translator('en'), TRAINED);
    expect(chart.title).toBe('Workforce trained against its target');
    expect(chart.alt).toBe(
      'Line chart of Workforce trained by reporting period. FY 2023-24 Q1: 61.5%. FY 2023-24 Q2: 80%. FY 2023-24 Q3: 98.5%. Target: 98%, higher is better.',
    );
  });

  it('states them in Spanish and Vietnamese', () => {
    const es = measureTrendChart(translator('es'), TRAINED).alt;
    expect(es).toContain('AF 2023-24 T1: 61.5%');
    expect(es).toContain('Meta: 98%, más alto es mejor.');
    const vi = measureTrendChart(translator('vi'), TRAINED).alt;
    expect(vi).toContain('Mục tiêu: 98%, càng cao càng tốt.');
  });

  it('draws the same figures as it states, on a 0–100 scale, with a target rule', () => {
    const spec = measureTrendChart(translator('en'), TRAINED).spec;
    const [line, target] = layersOf(spec);
    expect(line!.data!.values.map((v) => [v.period, v.value])).toEqual([
      ['FY 2023-24 Q1', 61.5],
      ['FY 2023-24 Q2', 80],
      ['FY 2023-24 Q3', 98.5],
    ]);
    expect(target!.data!.values[0]).toMatchObject({ target: 98, label: 'Target 98%' });
    expect(target!.layer!.map((l) => l.mark!.type)).toEqual(['rule', 'text']);
    expect(JSON.stringify(spec)).toContain('"domain":[0,100]');
    // Vega-Lite accepts it.
    expect(() => compile(spec)).not.toThrow();
  });

  it('leaves the rule out of a measure without a target, and says nothing of one', () => {
    const chart = measureTrendChart(translator('en'), {
      ...TRAINED,
      label: 'Trainings held',
      kind: 'COUNT',
      unit: 'trainings',
      target: null,
      points: [{ periodKey: 'FY2024-Q2', value: 15 }],
    });
    expect(chart.alt).toBe('Line chart of Trainings held by reporting period. FY 2023-24 Q2: 15 trainings.');
    expect(layersOf(chart.spec)).toHaveLength(1);
  });

  it('keeps the target sentence when many periods do not fit the alt text', () => {
    const points = Array.from({ length: 120 }, (_, i) => ({ periodKey: `FY${2000 + Math.floor(i / 12)}-M${String((i % 12) + 1).padStart(2, '0')}`, value: i }));
    const chart = measureTrendChart(translator('en'), { ...TRAINED, kind: 'COUNT', label: 'Visits', points });
    expect(chart.alt.length).toBeLessThanOrEqual(ALT_MAX);
    expect(chart.alt).toMatch(/…and \d+ more\. Target: 98, higher is better\.$/);
  });

  it('renders to a PNG', { timeout: 30_000 }, async () => {
    const png = await new ChartRenderer().render(measureTrendChart(translator('en'), TRAINED).spec);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  });

  it('draws a first figure alone against the target (the briefing shows a measure from its first quarter)', { timeout: 30_000 }, async () => {
    const chart = measureTrendChart(translator('en'), { ...TRAINED, points: [{ periodKey: 'FY2024-Q1', value: 61.5 }] });
    expect(chart.alt).toBe('Line chart of Workforce trained by reporting period. FY 2023-24 Q1: 61.5%. Target: 98%, higher is better.');
    const png = await new ChartRenderer().render(chart.spec);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  });
});
