// The charts App Home shows: reporting coverage over the last quarters for ORSE admins (the
// City) and equity leads (their department), and for anyone who owns strategies, up to two
// of their measures against their targets. Pure: which charts, in the reader's language;
// publish-home.ts finds or makes their files.
import type { ImageBlock } from '@slack/types';
import { chartImageBlock } from '../../../ui/charts/chart-block.js';
import type { Chart } from '../../../ui/charts/chart-spec.js';
import { measureTrendChart } from '../../../ui/charts/measure-trend.js';
import { reportingCoverageChart } from '../../../ui/charts/reporting-coverage.js';
import type { Translate } from '../../../i18n/index.js';
import type { HomeData } from './home-view.js';

export interface HomeChart {
  chart: Chart;
  blockId: string;
}

/** A chart with its uploaded file, ready to show. */
export interface ShownChart extends HomeChart {
  fileId: string;
}

export function homeCharts(t: Translate, data: HomeData): HomeChart[] {
  if (data.role === 'unknown') return [];
  const charts: HomeChart[] = [];
  const coverage = data.role === 'admin' || data.role === 'lead' ? (data.reportingCoverage ?? []) : [];
  if (coverage.length > 0) {
    charts.push({
      chart: reportingCoverageChart(
        t,
        coverage.map((c) => ({ period: c.period, reported: c.reported, notReported: c.notReported })),
      ),
      blockId: 'home_chart_coverage',
    });
  }
  // Whatever their role, an owner sees their most recently reported measures against their
  // targets: the figure they report, and how far it is from where it should be.
  for (const [i, m] of (data.measureTrends ?? []).entries()) {
    charts.push({ chart: measureTrendChart(t, m), blockId: `home_chart_measure_${i + 1}` });
  }
  return charts;
}

export function homeChartBlocks(charts: readonly ShownChart[] | undefined): ImageBlock[] {
  return (charts ?? []).map((c) => chartImageBlock(c.fileId, c.chart, c.blockId));
}
