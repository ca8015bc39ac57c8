// Charts on App Home: reporting coverage per past quarter for ORSE admins and equity leads.
// The first publish never waits for a chart to be drawn: it goes without it, the chart is
// drawn, uploaded once and remembered, and the Home is published again with it. Every later
// opening shows the remembered file at once, with nothing uploaded again.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chartHash } from '../../src/charts/renderer.js';
import { translator } from '../../src/slack/i18n/index.js';
import { reportingCoverageChart } from '../../src/slack/ui/charts/reporting-coverage.js';
import { reportingCoverage } from '../../src/services/reporting-coverage.js';
import { startListenerApp, type ListenerApp } from '../support/listener-app.js';

const NOW = new Date('2026-11-18T17:00:00Z');
const ADMIN_ES = 'U0ORSE01'; // Marisol Vega, Spanish
const LIB_LEAD = 'U0LIB01';

type Block = { type: string; block_id?: string; slack_file?: { id: string }; alt_text?: string };

describe('App Home charts', () => {
  let app: ListenerApp;
  beforeAll(async () => {
    app = await startListenerApp({ now: () => NOW });
  });
  afterAll(async () => {
    await app?.stop();
  });
  afterEach(() => {
    app.driver.assertNoViolations();
  });

  const publishes = (user: string) => app.fake.calls('views.publish').filter((c) => c.args.user_id === user);
  const chartOf = (blocks: unknown) => ((blocks ?? []) as Block[]).find((b) => b.block_id === 'home_chart_coverage');
  // The Web API client sends the view as JSON text.
  const blocksOf = (view: unknown) => (typeof view === 'string' ? JSON.parse(view) : (view as { blocks: unknown })).blocks;
  const uploads = () => app.fake.calls('files.completeUploadExternal').length;

  it('publishes at once without the chart, then again with it, its figures in the alt text', async () => {
    await app.driver.appHomeOpened(ADMIN_ES);
    const first = await app.fake.waitFor(() => publishes(ADMIN_ES)[0], 5000, 'the first publish');
    expect(chartOf(blocksOf(first.args.view))).toBeUndefined();
    await app.fake.waitFor(() => chartOf(app.fake.homeView(ADMIN_ES)?.blocks), 30_000, 'the Home with its chart');
    const chart = chartOf(app.fake.homeView(ADMIN_ES)!.blocks)!;
    expect(chart.alt_text).toMatch(/AF 2026-27 T1: \d+ con informe, \d+ sin informe/);
    // The file is remembered under the chart's hash, for every process.
    const coverage = await reportingCoverage(app.ctx, 'citywide', NOW);
    const expected = reportingCoverageChart(translator('es'), coverage);
    const stored = await app.db.prisma.chartFile.findUniqueOrThrow({ where: { hash: chartHash(expected.spec) } });
    expect(chart.slack_file?.id).toBe(stored.fileId);
    expect(uploads()).toBe(1);
  });

  it('shows the remembered file in the first publish the next time, uploading nothing', async () => {
    const before = publishes(ADMIN_ES).length;
    await app.driver.appHomeOpened(ADMIN_ES);
    const next = await app.fake.waitFor(() => publishes(ADMIN_ES)[before], 5000, 'the next publish');
    expect(chartOf(blocksOf(next.args.view))?.slack_file?.id).toBeDefined();
    expect(uploads()).toBe(1);
  });

  it('shows a lead their own department’s coverage', async () => {
    await app.driver.appHomeOpened(LIB_LEAD);
    await app.fake.waitFor(() => chartOf(app.fake.homeView(LIB_LEAD)?.blocks), 30_000, 'the lead’s Home with its chart');
    expect(chartOf(app.fake.homeView(LIB_LEAD)!.blocks)!.alt_text).toMatch(/FY 2026-27 Q1: \d+ reported, \d+ not reported/);
    expect(uploads()).toBe(2);
  });
});
