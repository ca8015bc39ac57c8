// The charts App Home shows, by role: reporting coverage over the last quarters for ORSE
// admins (the City) and equity leads (their department). Pure: which charts, in the reader's
// language; publish-home.ts finds or makes their files.
import type { ImageBlock } from '@slack/types';
import { chartImageBlock } from '../../../ui/charts/chart-block.js';
import type { Chart } from '../../../ui/charts/chart-spec.js';
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
  if (data.role !== 'admin' && data.role !== 'lead') return [];
  const coverage = data.reportingCoverage ?? [];
  if (coverage.length === 0) return [];
  return [
    {
      chart: reportingCoverageChart(
        t,
        coverage.map((c) => ({ period: c.period, reported: c.reported, notReported: c.notReported })),
      ),
      blockId: 'home_chart_coverage',
    },
  ];
}

export function homeChartBlocks(charts: readonly ShownChart[] | undefined): ImageBlock[] {
  return (charts ?? []).map((c) => chartImageBlock(c.fileId, c.chart, c.blockId));
}
