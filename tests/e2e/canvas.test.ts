// /reap canvas and the canvas-sync job: a department channel's canvas holds the plan, follows
// progress updates without a section written twice, is made once per channel, is refused
// to staff, and never shows an Internal update's text in a public channel.
import type { ViewOutput } from '@slack/bolt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { canvasSyncJob } from '../../src/jobs/composers/canvas-sync.js';
import { JobRegistry } from '../../src/jobs/registry.js';
import { RunCoordinator } from '../../src/jobs/run-coordinator.js';
import { createDispatcherClient } from '../../src/jobs/slack-client.js';
import { canvasMarkdown, canvasStore, channelCanvas } from '../../src/sandbox/fake-slack/methods/canvases.js';
import { startListenerApp, type ListenerApp } from '../support/listener-app.js';
import { strategyIdsByLabel } from '../support/test-app.js';

const START = new Date('2026-11-18T17:00:00Z').getTime();
const GENERAL = 'C0GENERAL';
const LIB_CHANNEL = 'C0LIBRARY'; // public in the demo workspace
const LIB_PRIVATE = 'G0LIBPRIV';
const PRIYA = 'U0LIB01'; // Library equity lead, English
const GRACE = 'U0LIB03'; // Library staff, owns LIB 1.1 and 2.1

describe('/reap canvas', () => {
  let app: ListenerApp;
  let clock = START;
  let coordinator: RunCoordinator;
  let ids: Record<string, number>;

  beforeAll(async () => {
    app = await startListenerApp({ now: () => new Date(clock) });
    ids = await strategyIdsByLabel(app, 'LIB-FY2024-2026');
    const registry = new JobRegistry();
    registry.register('canvas-sync', canvasSyncJob({ client: createDispatcherClient(app.fake.botToken, { apiUrl: app.fake.url }) }));
    coordinator = new RunCoordinator({ ctx: app.ctx, registry, instanceId: 'e2e' });
  });
  afterAll(async () => {
    await app?.stop();
  });
  afterEach(() => {
    app.driver.assertNoViolations();
  });

  async function canvasCommand(user: string, channel: string): Promise<string> {
    const before = app.fake.ephemerals(user).length;
    const res = await app.driver.slashCommand({ user, channel, text: 'canvas' });
    expect(res.status).toBe(200);
    const answer = await app.fake.waitFor(() => app.fake.ephemerals(user)[before], 5000, 'the /reap canvas answer');
    return answer.text ?? '';
  }

  async function syncJob(): Promise<string | undefined> {
    clock += 60_000; // each run is its own fire
    const outcome = await coordinator.runManually('canvas-sync');
    expect(outcome.outcome, JSON.stringify(outcome)).toBe('succeeded');
    return (outcome as { detail?: string }).detail;
  }

  /** Grace reports on one of her strategies through the /reap update form. */
  async function submitUpdate(label: string, values: Record<string, string>): Promise<void> {
    const before = app.fake.calls('views.open').length;
    await app.driver.slashCommand({ user: GRACE, channel: GENERAL, text: `update ${label}` });
    await app.fake.waitFor(() => app.fake.calls('views.open').length > before, 5000, 'views.open');
    const view: ViewOutput = await app.driver.waitForModal(GRACE, 5000, 'reap.update');
    const sub = await app.driver.viewSubmission({ viewId: view.id, values });
    expect(sub.ack).toEqual({ action: 'close' });
    app.fake.workspace.clearModals(GRACE);
  }

  const shown = (channel: string) => {
    const canvas = channelCanvas(app.fake.workspace, channel);
    return canvas ? canvasMarkdown(canvas) : '';
  };
  const canvasesOf = (channel: string) => [...canvasStore(app.fake.workspace).values()].filter((c) => c.channelId === channel);
  /** Each section key (`### 2.1 `) must start exactly one section. */
  function expectEachSectionOnce(channel: string): void {
    const heads = canvasesOf(channel)[0]!.sections.map((s) => /^(#{1,3} (?:\d+(?:\.\d+)?\.? )?)/.exec(s.markdown)?.[1] ?? s.markdown.slice(0, 20));
    expect(new Set(heads).size).toBe(heads.length);
  }
  const strategySection = (channel: string, label: string) =>
    canvasesOf(channel)[0]!.sections.find((s) => s.markdown.startsWith(`### ${label} `))?.markdown ?? '';

  it('makes the channel canvas with the department’s plan when the equity lead asks in the channel', async () => {
    const text = await canvasCommand(PRIYA, LIB_CHANNEL);
    expect(text).toContain('I made this channel’s canvas with San José Public Library’s plan');
    expect(canvasesOf(LIB_CHANNEL)).toHaveLength(1);
    const markdown = shown(LIB_CHANNEL);
    expect(markdown).toContain('# San José Public Library: San José Public Library Racial Equity Action Plan FY 2024-2026');
    const strategies = await app.db.prisma.strategy.findMany({ where: { id: { in: Object.values(ids) } }, select: { text: true } });
    for (const label of Object.keys(ids)) expect(markdown).toContain(`### ${label} `);
    expect(markdown).toContain(strategies[0]!.text.slice(0, 30));
    expect(strategySection(LIB_CHANNEL, '2.1')).toContain('Status: :large_blue_circle: In Progress');
    expect(strategySection(LIB_CHANNEL, '2.1')).toContain(`Owner: ![](@${GRACE})`);
    const rows = await app.db.prisma.departmentCanvas.findMany();
    expect(rows).toMatchObject([{ channelId: LIB_CHANNEL, canvasId: canvasesOf(LIB_CHANNEL)[0]!.id, createdBy: PRIYA }]);
    expect(rows[0]!.contentHash).toMatch(/^[0-9a-f]{64}$/);
    // Nothing changed since: the job leaves the canvas alone.
    const edits = app.fake.calls('canvases.edit').length;
    expect(await syncJob()).toBeUndefined();
    expect(app.fake.calls('canvases.edit').length).toBe(edits);
  });

  it('shows a new progress update after the sync job, without writing any section twice', async () => {
    const narrative = 'Sensory-friendly hours now run at all four branches.';
    await submitUpdate('2.1', { [`status.s${ids['2.1']}`]: 'ONGOING', narrative, visibility: 'PUBLIC' });
    const edits = app.fake.calls('canvases.edit').length;
    expect(await syncJob()).toContain('1 synced');
    const section = strategySection(LIB_CHANNEL, '2.1');
    expect(section).toContain('Status: :arrows_counterclockwise: Ongoing');
    expect(section).toContain(`Latest: ${narrative}`);
    // Only the changed strategy's section was rewritten.
    expect(app.fake.calls('canvases.edit').length - edits).toBe(1);
    expectEachSectionOnce(LIB_CHANNEL);
    expect(canvasesOf(LIB_CHANNEL)).toHaveLength(1);
    expect(await syncJob()).toBeUndefined();
    expect(app.fake.calls('canvases.edit').length - edits).toBe(1);
  });

  it('waits out Slack’s Retry-After and then finishes the sync, still with each section once', async () => {
    const narrative = 'Quiet rooms now open at two more branches.';
    await submitUpdate('2.1', { narrative, visibility: 'PUBLIC' });
    app.fake.rateLimitNext('canvases.edit', 90);
    expect(await syncJob()).toContain('1 failed');
    const row = await app.db.prisma.departmentCanvas.findFirstOrThrow({ where: { channelId: LIB_CHANNEL } });
    expect(row).toMatchObject({ attempts: 1, lastError: 'ratelimited', lockedBy: null });
    expect(row.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(clock + 90_000);
    // A minute later Slack's 90 s are not over: the canvas is not touched.
    const edits = app.fake.calls('canvases.edit').length;
    expect(await syncJob()).toBeUndefined();
    expect(app.fake.calls('canvases.edit').length).toBe(edits);
    expect(await syncJob()).toContain('1 synced');
    expect(strategySection(LIB_CHANNEL, '2.1')).toContain(`Latest: ${narrative}`);
    expectEachSectionOnce(LIB_CHANNEL);
    expect(await app.db.prisma.departmentCanvas.findFirstOrThrow({ where: { channelId: LIB_CHANNEL } })).toMatchObject({ attempts: 0, lastError: null });
  });

  it('re-syncs instead of making a second canvas when asked again', async () => {
    const creates = app.fake.calls('conversations.canvases.create').length;
    const text = await canvasCommand(PRIYA, LIB_CHANNEL);
    expect(text).toContain('This channel already has its REAP canvas, so I didn’t make another one. I brought it up to date.');
    expect(app.fake.calls('conversations.canvases.create').length).toBe(creates);
    expect(canvasesOf(LIB_CHANNEL)).toHaveLength(1);
    expect(await app.db.prisma.departmentCanvas.count()).toBe(1);
    expectEachSectionOnce(LIB_CHANNEL);
  });

  it('refuses staff and audits it; typed outside a department channel it says where to type it', async () => {
    const refused = await canvasCommand(GRACE, LIB_CHANNEL);
    expect(refused).toContain('Only your department’s equity lead or an ORSE admin');
    const audit = await app.db.prisma.auditLog.findFirst({ where: { actor: GRACE, action: 'authz.denied' }, orderBy: { id: 'desc' } });
    expect(audit?.detail).toBe('canvas.create');
    expect(canvasesOf(LIB_CHANNEL)).toHaveLength(1);

    const elsewhere = await canvasCommand(PRIYA, GENERAL);
    expect(elsewhere).toContain(`Type \`/reap canvas\` in your department’s channel, <#${LIB_CHANNEL}>`);
    expect(channelCanvas(app.fake.workspace, GENERAL)).toBeUndefined();
  });

  it('keeps an Internal update’s text out of the public channel’s canvas, and shows it in the department’s private one', async () => {
    const secret = 'Confidential: canvas staffing memo for the Tully branch.';
    await submitUpdate('1.1', { narrative: secret, visibility: 'INTERNAL' });
    expect(await syncJob()).toContain('1 synced');
    const section = strategySection(LIB_CHANNEL, '1.1');
    expect(section).toContain('Latest: an Internal update, shared only with the department.');
    expect(shown(LIB_CHANNEL)).not.toContain('staffing memo');
    expectEachSectionOnce(LIB_CHANNEL);

    // The department moves to a private channel: its canvas there may show the text.
    app.fake.addChannel({ id: LIB_PRIVATE, name: 'lib-equity-private', is_private: true, members: [PRIYA, GRACE, app.fake.workspace.bot.userId] });
    await app.db.prisma.department.updateMany({ where: { slackChannelId: LIB_CHANNEL }, data: { slackChannelId: LIB_PRIVATE } });
    expect(await canvasCommand(PRIYA, LIB_PRIVATE)).toContain('I made this channel’s canvas');
    expect(strategySection(LIB_PRIVATE, '1.1')).toContain(`Latest: ${secret}`);
    // The old public channel's canvas still never shows it.
    expect(await syncJob()).toBeUndefined();
    expect(shown(LIB_CHANNEL)).not.toContain('staffing memo');
  });
  it('gives ORSE’s canvas a citywide summary, one line per department, kept current by the job', async () => {
    const admin = 'U0ORSE01';
    const text = await canvasCommand(admin, 'C0ORSE');
    expect(text).toContain('Creé el canvas de este canal'); // Marisol reads Spanish
    const summary = () => canvasesOf('C0ORSE')[0]!.sections.find((s) => s.markdown.startsWith('## REAP citywide '))?.markdown ?? '';
    expect(summary()).toContain('summary, all departments (as of 2026-11-');
    const library = () =>
      summary()
        .split('\n')
        .find((l) => l.includes('(LIB)')) ?? '';
    const completedBefore = Number(/Completed (\d+)/.exec(library())?.[1] ?? 0);
    expect(library()).toMatch(/^- \*\*San José Public Library\*\* \(LIB\): \d+ strategies · /);
    // The ORSE work plan itself is below the summary, each section once.
    expect(shown('C0ORSE')).toContain('### 1.1 ');
    expectEachSectionOnce('C0ORSE');

    // A Library strategy is closed: the summary follows at the next sync.
    const s = await app.db.prisma.strategy.findFirstOrThrow({
      where: { objective: { plan: { key: 'LIB-FY2024-2026' } }, status: { not: 'COMPLETED' }, archivedAt: null },
    });
    await app.db.prisma.strategy.update({ where: { id: s.id }, data: { status: 'COMPLETED' } });
    await syncJob();
    expect(Number(/Completed (\d+)/.exec(library())?.[1])).toBe(completedBefore + 1);
    expectEachSectionOnce('C0ORSE');
  });
});
