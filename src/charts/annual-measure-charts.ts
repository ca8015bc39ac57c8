// The annual report draft's charts: each typed measure with values in the year's public
// updates, against its target over time (slack/ui/charts/measure-trend.ts), rendered to PNG
// for the HTML draft with the alt text that states every figure. Rendered once per distinct
// chart by the shared renderer; a chart that fails to render is left out, never the draft.
import type { DraftLang } from '../services/reports/annual-words.js';
import { typedSeries, type AnnualDraftInput, type DraftChart } from '../services/reports/annual-draft.js';
import { translator } from '../slack/i18n/index.js';
import { measureTrendChart } from '../slack/ui/charts/measure-trend.js';
import { chartRenderer, type ChartRenderer } from './renderer.js';

export async function annualMeasureCharts(
  input: AnnualDraftInput,
  lang: DraftLang,
  renderer: Pick<ChartRenderer, 'render'> = chartRenderer,
  onError: (e: unknown) => void = () => {},
): Promise<Map<number, DraftChart[]>> {
  const t = translator(lang);
  const out = new Map<number, DraftChart[]>();
  for (const [strategyId, series] of typedSeries(input)) {
    for (const { measure, points } of series) {
      const chart = measureTrendChart(t, { ...measure, points });
      try {
        const png = await renderer.render(chart.spec);
        out.set(strategyId, [...(out.get(strategyId) ?? []), { title: chart.title, alt: chart.alt, pngBase64: png.toString('base64') }]);
      } catch (e) {
        onError(e);
      }
    }
  }
  return out;
}
