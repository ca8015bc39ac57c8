// Chart specs and their alt text: the figures are stated in words in each language, the
// spec carries the same figures, and the image block passes Slack's limits.
import { describe, expect, it } from 'vitest';
import { chartHash } from '../../../src/charts/renderer.js';
import { validateBlocks } from '../../../src/sandbox/fake-slack/index.js';
import { translator } from '../../../src/slack/i18n/index.js';
import { chartImageBlock } from '../../../src/slack/ui/charts/chart-block.js';
import { ALT_MAX } from '../../../src/slack/ui/charts/chart-spec.js';
import { reportingCoverageChart } from '../../../src/slack/ui/charts/reporting-coverage.js';
import { statusMixChart, type StatusMixRow } from '../../../src/slack/ui/charts/status-mix.js';

const counts = (c: number, p: number, o: number, n: number, d: number) => ({ COMPLETED: c, IN_PROGRESS: p, ONGOING: o, NOT_STARTED: n, DEFERRED: d });
const ROWS: StatusMixRow[] = [
  { name: 'Library', byStatus: counts(3, 2, 0, 1, 0) },
  { name: 'Parks', byStatus: counts(1, 0, 4, 0, 1) },
  { name: 'Airport', byStatus: counts(0, 0, 0, 0, 0) },
];

type Values = { department: string; status: string; n: number }[];
const valuesOf = (spec: unknown) => (spec as { data: { values: Values } }).data.values;

describe('status mix chart', () => {
  it('states every figure in English', () => {
    const chart = statusMixChart(translator('en'), ROWS);
    expect(chart.alt).toBe(
      'Bar chart of strategies by status. Library: 3 completed, 2 in progress, 1 not started. Parks: 1 completed, 4 ongoing, 1 deferred. Airport: no strategies.',
    );
    expect(chart.title).toBe('Strategies by status');
  });

  it('states them in Spanish and Vietnamese, with singular and plural', () => {
    expect(statusMixChart(translator('es'), ROWS).alt).toBe(
      'Gráfico de barras de las estrategias por estado. Library: 3 completadas, 2 en curso, 1 sin iniciar. Parks: 1 completada, 4 continuas, 1 aplazada. Airport: sin estrategias.',
    );
    expect(statusMixChart(translator('vi'), ROWS).alt).toBe(
      'Biểu đồ cột các chiến lược theo trạng thái. Library: 3 hoàn thành, 2 đang thực hiện, 1 chưa bắt đầu. Parks: 1 hoàn thành, 4 liên tục, 1 hoãn lại. Airport: không có chiến lược.',
    );
  });

  it('draws the same figures as it states, with the reader’s status names', () => {
    const values = valuesOf(statusMixChart(translator('es'), ROWS).spec);
    expect(values.filter((v) => v.department === 'Library').map((v) => [v.status, v.n])).toEqual([
      ['Completado', 3],
      ['En curso', 2],
      ['No iniciado', 1],
    ]);
    expect(values.reduce((n, v) => n + v.n, 0)).toBe(12);
  });

  it('is the same chart for the same figures and language, and another one otherwise', () => {
    const en = translator('en');
    expect(chartHash(statusMixChart(en, ROWS).spec)).toBe(chartHash(statusMixChart(en, structuredClone(ROWS)).spec));
    expect(chartHash(statusMixChart(en, ROWS).spec)).not.toBe(chartHash(statusMixChart(translator('vi'), ROWS).spec));
    const changed = [{ ...ROWS[0]!, byStatus: counts(4, 1, 0, 1, 0) }, ...ROWS.slice(1)];
    expect(chartHash(statusMixChart(en, changed).spec)).not.toBe(chartHash(statusMixChart(en, ROWS).spec));
  });

  it('counts the departments it cannot fit in the alt text instead of cutting a figure', () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ name: `Department number ${i} of the City`, byStatus: counts(i, 2, 3, 4, 5) }));
    const alt = statusMixChart(translator('en'), many).alt;
    expect(alt.length).toBeLessThanOrEqual(ALT_MAX);
    expect(alt).toMatch(/deferred\. …and \d+ more\.$/);
    expect(alt).toContain('Department number 0 of the City: 2 in progress, 3 ongoing, 4 not started, 5 deferred.');
  });

  it('makes an image block Slack accepts in a message', () => {
    const chart = statusMixChart(translator('vi'), ROWS);
    const block = chartImageBlock('F0123456789', chart, 'digest_chart');
    expect(block).toMatchObject({ type: 'image', slack_file: { id: 'F0123456789' }, alt_text: chart.alt, title: { text: chart.title } });
    expect(validateBlocks([block], 'message')).toEqual([]);
  });
});

describe('reporting coverage chart', () => {
  const rows = [
    { period: 'FY2027-Q1', reported: 12, notReported: 4 },
    { period: 'FY2027-Q2', reported: 1, notReported: 0 },
  ];

  it('states reported and not reported per period, in each language', () => {
    expect(reportingCoverageChart(translator('en'), rows).alt).toBe(
      'Bar chart of reporting by period. FY 2026-27 Q1: 12 reported, 4 not reported. FY 2026-27 Q2: 1 reported, 0 not reported.',
    );
    expect(reportingCoverageChart(translator('es'), rows).alt).toContain('12 con informe, 4 sin informe');
    expect(reportingCoverageChart(translator('vi'), rows).alt).toContain('12 đã báo cáo, 4 chưa báo cáo');
  });

  it('draws both bars of every period, in the order given', () => {
    const values = (reportingCoverageChart(translator('en'), rows).spec as { data: { values: { period: string; rank: number; kind: string; n: number }[] } })
      .data.values;
    expect(values.map((v) => [v.rank, v.kind, v.n])).toEqual([
      [0, 'Reported', 12],
      [0, 'Not reported', 4],
      [1, 'Reported', 1],
      [1, 'Not reported', 0],
    ]);
  });
});
