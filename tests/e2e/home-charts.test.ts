// Charts on App Home: reporting coverage per past quarter for ORSE admins and equity leads,
// and an owner's most recently reported measures against their targets.
// The first publish never waits for a chart to be drawn: it goes without it, the chart is
// drawn, uploaded once and remembered, and the Home is published again with it. Every later
// opening shows the remembered file at once, with nothing uploaded again.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chartHash } from '../../src/charts/renderer.js';
import { translator } from '../../src/slack/i18n/index.js';
import { reportingCoverageChart } from '../../src/slack/ui/charts/reporting-coverage.js';
import { reportingCoverage } from '../../src/services/reporting-coverage.js';
import { startListenerApp, type ListenerApp } from '../support/listener-app.js';
import { reportMeasureValues } from '../support/measure-values.js';

const NOW = new Date('2026-11-18T17:00:00Z');
const ADMIN_ES = 'U0ORSE01'; // Marisol Vega, Spanish
const LIB_LEAD = 'U0LIB01';
const OWNER = 'U0LIB03'; // Grace Kim, Library staff, English

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
  const measureChartOf = (blocks: unknown) => ((blocks ?? []) as Block[]).find((b) => b.block_id === 'home_chart_measure_1');
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

  it('shows an owner their measure against its target, after their strategies, its figures in the alt text', async () => {
    const grace = await app.db.prisma.member.findUniqueOrThrow({ where: { slackUserId: OWNER } });
    const strategy = await app.db.prisma.strategy.findFirstOrThrow({ where: { ownerId: grace.id, archivedAt: null }, orderBy: { id: 'asc' } });
    const measure = await app.db.prisma.measure.create({
      data: { strategyId: strategy.id, position: 9, label: 'Library cards issued in Spanish', kind: 'COUNT', unit: 'cards', target: 1200 },
    });
    await reportMeasureValues(app.db.prisma, measure.id, grace.id, [
      { periodKey: 'FY2027-Q1', value: 900, at: '2026-09-20T18:00:00Z' },
      // Her own internal figure counts on her own Home.
      { periodKey: 'FY2027-Q2', value: 1250, at: '2026-11-10T18:00:00Z', visibility: 'INTERNAL' },
    ]);
    const before = uploads();
    await app.driver.appHomeOpened(OWNER);
    const first = await app.fake.waitFor(() => publishes(OWNER)[0], 5000, 'the first publish');
    expect(measureChartOf(blocksOf(first.args.view))).toBeUndefined();
    await app.fake.waitFor(() => measureChartOf(app.fake.homeView(OWNER)?.blocks), 30_000, 'the Home with her measure');
    const blocks = app.fake.homeView(OWNER)!.blocks as (Block & { text?: { text: string } })[];
    const chart = measureChartOf(blocks)!;
    expect(chart.alt_text).toBe(
      'Line chart of Library cards issued in Spanish by reporting period. FY 2026-27 Q1: 900 cards. FY 2026-27 Q2: 1,250 cards. Target: 1,200 cards, higher is better.',
    );
    expect(blocks.indexOf(chart)).toBeGreaterThan(blocks.findIndex((b) => b.text?.text.startsWith(':clipboard: *Your strategies*')));
    expect(uploads()).toBe(before + 1);
  });
});
