// Chart (c): one typed measure against its target over time: its value in each reporting
// period as a line with points, and the target as a dashed rule. The alt text states every
// value and the target, so a reader who cannot see the picture misses nothing.
import type { EquityGroup, MeasureDirection, MeasureKind } from '../../../domain/enums.js';
import { kindBounds } from '../../../domain/measures.js';
import type { Translate } from '../../i18n/index.js';
import { measureValueText } from '../measure-text.js';
import { periodName } from '../period-name.js';
import { BASE_CONFIG, CHART_WIDTH, fitAlt, type Chart } from './chart-spec.js';

export interface MeasureTrendInput {
  label: string;
  kind: MeasureKind;
  unit: string;
  target: number | null;
  direction: MeasureDirection;
  splitBy?: readonly EquityGroup[];
  /** Values per reporting period, oldest first (measurePoints in domain/measures.ts). */
  points: readonly { periodKey: string; value: number }[];
}

const COLORS = { value: '#1e6fd9', target: '#c62828' };
const HEIGHT = 180;

export function measureTrendChart(t: Translate, m: MeasureTrendInput): Chart {
  const title = t('measures.chart.title', { label: m.label });
  const values = m.points.map((p, rank) => ({ period: periodName(t, p.periodKey), rank, value: p.value, shown: measureValueText(t, m, p.value) }));
  const rows = values.map((v) => t('measures.chart.point', { period: v.period, value: v.shown }));
  const target = m.target === null ? null : measureValueText(t, m, m.target);
  const intro = t('measures.chart.alt', { label: m.label, points: '{{rows}}' });
  const altTarget = target === null ? '' : ` ${t('measures.chart.altTarget', { target, direction: t(`measures.directions.${m.direction}`) })}`;
  // fitAlt fills {{rows}} in the intro; the target sentence goes after the figures.
  const alt = fitAltWith(t, intro, rows, altTarget);
  const { min, max } = kindBounds(m.kind);
  // Percent, rating and yes/no have fixed scales, so a small change does not look like a leap.
  const fixed = m.kind === 'PERCENT' || m.kind === 'RATING' || m.kind === 'YES_NO';
  const y = {
    field: 'value',
    type: 'quantitative' as const,
    title: m.unit ? `${m.label} (${m.unit})` : m.label,
    // A long label would stretch the picture to its length; it is cut to the plot's height
    // (the chart's title and alt text say it whole).
    axis: { titleLimit: HEIGHT },
    ...(fixed ? { scale: { domain: [m.kind === 'RATING' ? min : 0, max] } } : { scale: { zero: true } }),
    ...(m.kind === 'COUNT' || m.kind === 'YES_NO' ? { axis: { titleLimit: HEIGHT, tickMinStep: 1, format: 'd' } } : {}),
  };
  const x = {
    field: 'period',
    type: 'ordinal' as const,
    title: t('measures.chart.period'),
    // Periods in time order as given; a period key sorts wrongly as text across years.
    sort: { field: 'rank', op: 'min' as const, order: 'ascending' as const },
    axis: { labelAngle: 0 },
  };
  const layers: Record<string, unknown>[] = [
    { data: { values }, mark: { type: 'line', point: { color: COLORS.value }, color: COLORS.value, tooltip: false }, encoding: { x, y } },
  ];
  if (m.target !== null) {
    layers.push({
      data: { values: [{ target: m.target, label: t('measures.chart.target', { target }) }] },
      layer: [
        { mark: { type: 'rule', color: COLORS.target, strokeDash: [6, 4] }, encoding: { y: { field: 'target', type: 'quantitative' } } },
        {
          mark: { type: 'text', align: 'right', dy: -6, color: COLORS.target, fontSize: 11 },
          encoding: { y: { field: 'target', type: 'quantitative' }, x: { value: CHART_WIDTH }, text: { field: 'label' } },
        },
      ],
    });
  }
  return {
    title,
    alt,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title,
      width: CHART_WIDTH,
      height: HEIGHT,
      layer: layers,
      config: BASE_CONFIG,
    } as unknown as Chart['spec'],
  };
}

/** fitAlt with a sentence after the rows (the target), kept whole however many rows are cut. */
function fitAltWith(t: Translate, intro: string, rows: readonly string[], after: string): string {
  const key = '__measureTrendAlt';
  const translate = ((k: string, o?: Record<string, unknown>) => (k === key ? intro.replace('{{rows}}', String(o?.rows ?? '')) + after : t(k, o))) as Translate;
  return fitAlt(translate, key, rows);
}
