// Chart (a): how each department's strategies stand, one stacked bar per department. Used
// by the quarterly briefing (every department) and the weekly digest (the manager's own).
import type { StrategyStatus } from '../../../domain/enums.js';
import type { Translate } from '../../i18n/index.js';
import { STATUS_ORDER, countKey } from '../status-parts.js';
import { BASE_CONFIG, CHART_WIDTH, fitAlt, type Chart } from './chart-spec.js';

export interface StatusMixRow {
  /** The department's name as readers know it. */
  name: string;
  byStatus: Readonly<Record<StrategyStatus, number>>;
}

/** One colour per status on every chart, matching the emoji the messages use where they can. */
export const STATUS_COLORS: Readonly<Record<StrategyStatus, string>> = {
  COMPLETED: '#2e7d32',
  IN_PROGRESS: '#1e6fd9',
  ONGOING: '#7b4fc9',
  NOT_STARTED: '#9aa0a6',
  DEFERRED: '#e0a100',
};

const BAR_STEP = 22;

/** "Library: 3 completed, 2 in progress, 1 not started" (statuses with none are left out). */
export function statusMixRowText(t: Translate, row: StatusMixRow): string {
  const counts = STATUS_ORDER.filter((s) => row.byStatus[s] > 0).map((s) =>
    t(countKey(`charts.statusMix.count.${s}`, row.byStatus[s]), { count: row.byStatus[s] }),
  );
  if (counts.length === 0) return t('charts.statusMix.empty', { department: row.name });
  return t('charts.statusMix.row', { department: row.name, counts: counts.join(', ') });
}

export function statusMixChart(t: Translate, rows: readonly StatusMixRow[]): Chart {
  const labels = STATUS_ORDER.map((s) => t(`status.${s}`));
  const values = rows.flatMap((row, rank) =>
    STATUS_ORDER.filter((s) => row.byStatus[s] > 0).map((s) => ({
      department: row.name,
      rank,
      status: t(`status.${s}`),
      order: STATUS_ORDER.indexOf(s),
      n: row.byStatus[s],
    })),
  );
  const title = t('charts.statusMix.title');
  return {
    title,
    alt: fitAlt(
      t,
      'charts.statusMix.alt',
      rows.map((r) => statusMixRowText(t, r)),
    ),
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title,
      width: CHART_WIDTH,
      height: { step: BAR_STEP },
      data: { values },
      mark: { type: 'bar', tooltip: false },
      encoding: {
        // Departments in the order given (the caller's sort), not alphabetical by Vega; a
        // field rather than a list, so the spec's shape does not depend on the data.
        y: { field: 'department', type: 'nominal', title: null, sort: { field: 'rank', op: 'min', order: 'ascending' } },
        x: { field: 'n', type: 'quantitative', title: t('charts.statusMix.axis'), axis: { tickMinStep: 1, format: 'd' } },
        color: {
          field: 'status',
          type: 'nominal',
          scale: { domain: labels, range: STATUS_ORDER.map((s) => STATUS_COLORS[s]) },
        },
        order: { field: 'order', type: 'ordinal' },
      },
      config: BASE_CONFIG,
    },
  };
}
