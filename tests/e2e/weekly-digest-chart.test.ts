// The weekly digest's chart end to end, with the demo data and the real app: the job queues
// each manager's status mix as a pending chart, the outbox draws it and uploads it with
// files.uploadV2 to the fake Slack when it sends, and the DM shows it in an image block
// naming the uploaded file, with alt text in the reader's language. When the upload fails,
// or Slack refuses the uploaded file, the digest still goes, without the image.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWeeklyDigest } from '../../src/jobs/composers/weekly-digest.js';
import { OutboxDispatcher } from '../../src/jobs/outbox/dispatcher.js';
import { JobRegistry } from '../../src/jobs/registry.js';
import { RunCoordinator } from '../../src/jobs/run-coordinator.js';
import { createDispatcherClient } from '../../src/jobs/slack-client.js';
import { createLogger } from '../../src/logger.js';
import type { ChartFiles } from '../../src/charts/pending-charts.js';
import { startListenerApp, type ListenerApp } from '../support/listener-app.js';

const NOW = new Date('2026-11-16T16:00:00Z'); // Monday 08:00 in San José
const KEVIN = 'U0MGR01'; // manages HOUSING, LIB and PRNS; English
const LORENA = 'U0MGR02'; // manages SJPD; Spanish
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

type Block = { type: string; block_id?: string; slack_file?: { id: string }; alt_text?: string; title?: { text: string } };
type Message = { ts: string; text: string; blocks: Block[] };

async function runDigest(app: ListenerApp, options: { beforeSending?: () => void; charts?: ChartFiles } = {}): Promise<string | undefined> {
  const { ctx } = app;
  const registry = new JobRegistry();
  registerWeeklyDigest(registry, { appIdentity: async () => ({ teamId: app.fake.workspace.team.id, appId: app.fake.bot.appId }) });
  const outcome = await new RunCoordinator({ ctx, registry, instanceId: 'chart-test' }).runFire('weekly-digest', NOW, 'cron');
  if (outcome.outcome !== 'succeeded') throw new Error(`weekly-digest ${outcome.outcome}`);
  options.beforeSending?.();
  await new OutboxDispatcher({
    prisma: ctx.prisma,
    client: createDispatcherClient(app.fake.botToken, { apiUrl: app.fake.url }),
    instanceId: 'chart-test',
    logger: createLogger('silent'),
    now: ctx.now,
    perChannelIntervalMs: 0,
    ...(options.charts ? { charts: options.charts } : {}),
  }).drain();
  return outcome.detail;
}

const dms = (app: ListenerApp, user: string) => app.fake.messages(app.fake.dmChannelId(user)) as unknown as Message[];
const images = (messages: Message[]) => messages.flatMap((m) => m.blocks.filter((b) => b.type === 'image'));

describe('weekly digest chart', () => {
  let app: ListenerApp;
  let uploadedByTheJob = -1;
  beforeAll(async () => {
    app = await startListenerApp({ now: () => NOW });
    await runDigest(app, { beforeSending: () => (uploadedByTheJob = app.fake.calls('files.getUploadURLExternal').length) });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('shows each manager their departments’ status mix as an uploaded PNG', async () => {
    const kevin = dms(app, KEVIN);
    const [image, ...more] = images(kevin);
    expect(more).toEqual([]);
    // In the first message, after the opening lines.
    expect(kevin[0]!.blocks.findIndex((b) => b.type === 'image')).toBe(3);
    expect(image).toMatchObject({ type: 'image', block_id: 'digest_chart', title: { text: 'Strategies by status' } });

    const file = app.fake.files().find((f) => f.id === image!.slack_file!.id)!;
    expect(file).toMatchObject({ uploaded: true, completed: true, channels: [] });
    expect(file.name).toMatch(/^weekly-digest-2026-W47-[0-9a-f]{12}\.png$/);
    expect(file.content!.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(file.content!.length).toBeGreaterThan(8_000);
    expect(file.alt_txt).toBe(image!.alt_text);

    // The alt text gives each of his departments' figures, as the database has them.
    const departments = await app.db.prisma.department.findMany({ where: { code: { in: ['HOUSING', 'LIB', 'PRNS'] } }, select: { id: true, name: true } });
    for (const d of departments) {
      const strategies = await app.db.prisma.strategy.count({ where: { archivedAt: null, objective: { plan: { departmentId: d.id } } } });
      const completed = await app.db.prisma.strategy.count({ where: { archivedAt: null, status: 'COMPLETED', objective: { plan: { departmentId: d.id } } } });
      expect(image!.alt_text).toContain(`${d.name}: `);
      if (completed > 0) expect(image!.alt_text).toContain(`${d.name}: ${completed} completed`);
      expect(strategies).toBeGreaterThan(0);
    }
  });

  it('tells a department what changed since the end of last quarter', async () => {
    // The Library reports quarterly: the demo's Q1 snapshots come from its history.
    const text = JSON.stringify(dms(app, KEVIN).flatMap((m) => m.blocks));
    expect(text).toMatch(/\*Since the end of FY 2026-27 Q1:\* /);
  });

  it('speaks the reader’s language in the chart and its alt text', () => {
    const [image] = images(dms(app, LORENA));
    expect(image).toMatchObject({ title: { text: 'Estrategias por estado' } });
    expect(image!.alt_text).toMatch(/^Gráfico de barras de las estrategias por estado\. .+: \d+ /);
    expect(image!.slack_file!.id).not.toBe(images(dms(app, KEVIN))[0]!.slack_file!.id);
  });

  it('uploads each distinct chart once, when sending, never shared into a channel', () => {
    // The job only queues: nothing is drawn or uploaded until the outbox sends.
    expect(uploadedByTheJob).toBe(0);
    expect(app.fake.calls('files.getUploadURLExternal')).toHaveLength(2);
    expect(app.fake.calls('files.completeUploadExternal').every((c) => c.args.channel_id === undefined)).toBe(true);
    app.driver.assertNoViolations();
  });
});

describe('weekly digest when the chart upload fails', () => {
  let app: ListenerApp;
  beforeAll(async () => {
    app = await startListenerApp({ now: () => NOW });
    app.fake.failNext('files.getUploadURLExternal', 'internal_error', 'always');
    await runDigest(app);
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('still sends every digest, without an image', () => {
    for (const user of [KEVIN, LORENA]) {
      const messages = dms(app, user);
      expect(messages.length, user).toBeGreaterThanOrEqual(1);
      expect(JSON.stringify(messages[0]!.blocks)).toMatch(/weekly REAP digest|resumen semanal de REAP/);
      expect(images(messages), user).toEqual([]);
    }
    expect(app.fake.calls('files.getUploadURLExternal').length).toBeGreaterThan(0);
    expect(app.fake.files()).toEqual([]);
    app.driver.assertNoViolations();
  });
});

describe('weekly digest when Slack refuses the uploaded chart at sending time', () => {
  let app: ListenerApp;
  beforeAll(async () => {
    app = await startListenerApp({ now: () => NOW });
    // Uploaded, then gone before the post (as when Slack has not finished processing a
    // file, or the app lost access to it): the file id names no file the fake Slack has.
    await runDigest(app, { charts: { fileFor: async () => 'F0GONE00000' } });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('sends the digest again without the image, once', () => {
    for (const user of [KEVIN, LORENA]) {
      const messages = dms(app, user);
      expect(messages.length, user).toBeGreaterThanOrEqual(1);
      expect(images(messages), user).toEqual([]);
    }
    const refused = app.fake.violations().filter((v) => v.code === 'invalid_blocks');
    expect(refused).toHaveLength(2);
    expect(refused.every((v) => /invalid slack file/.test(v.message))).toBe(true);
    app.driver.assertNoViolations({ allow: ['invalid_blocks'] });
  });
});

describe('weekly digest when Slack rate-limits the chart upload', () => {
  let app: ListenerApp;
  beforeAll(async () => {
    app = await startListenerApp({ now: () => NOW });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('holds the message until Slack allows it, then sends it with its chart', async () => {
    const { ctx } = app;
    const registry = new JobRegistry();
    registerWeeklyDigest(registry, { appIdentity: async () => null });
    await new RunCoordinator({ ctx, registry, instanceId: 'chart-test' }).runFire('weekly-digest', NOW, 'cron');
    app.fake.rateLimitNext('files.getUploadURLExternal', 30, 1);
    const drain = (at: Date) =>
      new OutboxDispatcher({
        prisma: ctx.prisma,
        client: createDispatcherClient(app.fake.botToken, { apiUrl: app.fake.url }),
        instanceId: 'chart-test',
        logger: createLogger('silent'),
        now: () => at,
        perChannelIntervalMs: 0,
        concurrency: 1,
      }).drain();

    await drain(NOW);
    const waiting = await ctx.prisma.outboxMessage.findMany({ where: { status: 'PENDING' } });
    expect(waiting).toHaveLength(1);
    expect(waiting[0]!.lastError).toBe('ratelimited: chart upload');
    expect(waiting[0]!.nextAttemptAt.getTime()).toBe(NOW.getTime() + 30_000);
    const held = waiting[0]!.userId!;
    expect(dms(app, held)).toEqual([]);

    await drain(new Date(NOW.getTime() + 31_000));
    const [image] = images(dms(app, held));
    expect(image?.slack_file?.id).toMatch(/^F/);
    for (const user of [KEVIN, LORENA]) expect(images(dms(app, user)), user).toHaveLength(1);
    app.driver.assertNoViolations({ allow: ['ratelimited'] });
  });
});
