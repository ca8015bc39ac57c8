// Chart (b): how many strategies that expect a report got one, period by period.
import type { FiscalPeriod } from '../../../domain/fiscal-calendar.js';
import type { Translate } from '../../i18n/index.js';
import { periodName } from '../period-name.js';
import { BASE_CONFIG, CHART_WIDTH, fitAlt, type Chart } from './chart-spec.js';

export interface CoverageRow {
  period: FiscalPeriod | string;
  reported: number;
  notReported: number;
}

const COLORS = { reported: '#2e7d32', notReported: '#c62828' };

export function reportingCoverageChart(t: Translate, rows: readonly CoverageRow[]): Chart {
  const reported = t('charts.coverage.reported');
  const notReported = t('charts.coverage.notReported');
  const named = rows.map((r) => ({ ...r, name: periodName(t, r.period) }));
  const values = named.flatMap((r, rank) => [
    { period: r.name, rank, kind: reported, order: 0, n: r.reported },
    { period: r.name, rank, kind: notReported, order: 1, n: r.notReported },
  ]);
  const title = t('charts.coverage.title');
  return {
    title,
    alt: fitAlt(
      t,
      'charts.coverage.alt',
      named.map((r) => t('charts.coverage.row', { period: r.name, reported: r.reported, notReported: r.notReported })),
    ),
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title,
      width: CHART_WIDTH,
      height: 180,
      data: { values },
      mark: { type: 'bar', tooltip: false },
      encoding: {
        // Periods in time order as given; a period key sorts wrongly as text across years.
        x: { field: 'period', type: 'ordinal', title: null, sort: { field: 'rank', op: 'min', order: 'ascending' }, axis: { labelAngle: 0 } },
        y: { field: 'n', type: 'quantitative', title: t('charts.coverage.axis'), axis: { tickMinStep: 1, format: 'd' } },
        color: { field: 'kind', type: 'nominal', scale: { domain: [reported, notReported], range: [COLORS.reported, COLORS.notReported] } },
        order: { field: 'order', type: 'ordinal' },
      },
      config: BASE_CONFIG,
    },
  };
}
