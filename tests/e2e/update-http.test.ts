// The /reap update tests that need real HTTP (startTestApp): Slack retrying a Submit with
// x-slack-retry-num, a retry racing its original through the front door, and answers and
// the loading view in time while the database is slower than Slack's 3 seconds. Everything
// else about /reap update runs on the listener harness (update-measures, message-shortcut,
// update-bad-input and the other update-*.test.ts files). These share one app: starting one
// costs seconds, more than the tests themselves.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Prisma } from '../../src/db/client.js';
import { deliver, FORM_CONTENT_TYPE, payloadBody, viewSubmissionPayload } from '../../src/sandbox/fake-slack/index.js';
import { TEST_SIGNING_SECRET, startTestApp, strategyIdsByLabel, type TestApp } from '../support/test-app.js';
import {
  addTypedMeasures,
  CHANNEL,
  expectNoViolations,
  GRACE,
  LIB_CHANNEL,
  MINH,
  NOW,
  openUpdateForm,
  pickUpdateStrategy,
  postMessage,
  measuresSubmission,
  runReportShortcut,
  sabotageSql,
} from './update-support.js';

describe('/reap update retried by Slack, or slower than Slack waits', () => {
  let app: TestApp;
  let ids: Record<string, number>;
  let realPrisma: Prisma;
  /** On LIB 2.1, which the other tests here leave alone. */
  let measures: { trained: number; sessions: number; adopted: number };

  beforeAll(async () => {
    app = await startTestApp({ now: () => NOW });
    realPrisma = app.server.ctx.prisma;
    ids = await strategyIdsByLabel(app, 'LIB-FY2024-2026');
    measures = await addTypedMeasures(app, ids['2.1']!);
  });
  afterAll(async () => {
    await app?.stop();
  });
  afterEach(() => {
    app.server.ctx.prisma = realPrisma;
    app.fake.clearFaults();
    for (const u of [GRACE, MINH]) app.fake.workspace.clearModals(u);
    expectNoViolations(app);
  });

  const openUpdate = (user: string, text: string) => openUpdateForm(app, user, text);
  const count = (strategyId: number) => app.db.prisma.progressUpdate.count({ where: { strategyId } });

  /** The SQL that lists the strategies a form offers (reportable-strategy-rows.ts). */
  const sabotageStrategyList = (behave: () => Promise<void>) => sabotageSql(app.server.ctx, realPrisma, 'reportable strategies', behave);

  it('stores typed measure values with the update once, even when Slack retries', async () => {
    const { trained, sessions, adopted } = measures;
    const strategyId = ids['2.1']!;
    const view = await openUpdateForm(app, GRACE, '2.1');
    const before = await app.db.prisma.progressUpdate.count({ where: { strategyId } });
    const first = await app.driver.viewSubmission({
      viewId: view.id,
      values: measuresSubmission(measures),
    });
    expect(first.ack).toEqual({ action: 'close' });
    const retry = await deliver(
      { url: `${app.baseUrl}/slack/events`, secret: TEST_SIGNING_SECRET, body: payloadBody(first.payload), contentType: FORM_CONTENT_TYPE },
      { retryNum: 1, retryReason: 'http_timeout' },
    );
    expect(retry.status).toBe(200);

    expect(await app.db.prisma.progressUpdate.count({ where: { strategyId } })).toBe(before + 1);
    expect(await app.db.prisma.measureValue.count()).toBe(3);
    const update = await app.db.prisma.progressUpdate.findFirstOrThrow({ where: { strategyId }, orderBy: { id: 'desc' }, include: { values: true } });
    expect(update.values.map((v) => [v.measureId, Number(v.value), v.note]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([
      [trained, 92.5, null],
      [sessions, 8, 'Alum Rock closed for repairs in October.'],
      [adopted, 1, null],
    ]);
    app.driver.assertNoViolations();
  });

  it('stores an update from the message shortcut once, even when Slack retries Submit', async () => {
    const ts = postMessage(app, GRACE, LIB_CHANNEL, 'Story time ran at Tully branch: 42 families.');
    await runReportShortcut(app, GRACE, LIB_CHANNEL, ts);
    const view = await app.driver.waitForModal(GRACE, 5000, 'reap.update');
    await pickUpdateStrategy(app, GRACE, view, ids['1.1']!);
    const before = await app.db.prisma.progressUpdate.count({ where: { strategyId: ids['1.1'] } });
    const first = await app.driver.viewSubmission({ viewId: view.id, values: { [`status.s${ids['1.1']}`]: 'IN_PROGRESS' } });
    expect(first.ack).toEqual({ action: 'close' });

    // Slack retries the submission (no answer within 3 s on its side): still one update.
    const retry = await deliver(
      { url: `${app.baseUrl}/slack/events`, secret: TEST_SIGNING_SECRET, body: payloadBody(first.payload), contentType: FORM_CONTENT_TYPE },
      { retryNum: 1, retryReason: 'http_timeout' },
    );
    expect(retry.status).toBe(200);
    expect(await app.db.prisma.progressUpdate.count({ where: { strategyId: ids['1.1'] } })).toBe(before + 1);
    // The confirmation reaches Grace as for /reap update.
    const dm = app.fake.dmChannelId(GRACE);
    await app.fake.waitFor(() => app.fake.messages(dm).some((m) => JSON.stringify(m.blocks).includes('42 families')), 5000, 'the confirmation');
    app.driver.assertNoViolations();
  });

  it('stores a submission Slack retries (x-slack-retry-num) once and answers both', async () => {
    const url = `${app.baseUrl}/slack/events`;
    const view = await openUpdate(GRACE, '1.2');
    const dm = app.fake.dmChannelId(GRACE);
    const before = await count(ids['1.2']!);
    const first = await app.driver.viewSubmission({ viewId: view.id, values: { narrative: 'Toolkit session at Biblioteca.' } });
    expect(first.ack).toEqual({ action: 'close' });
    await app.fake.waitFor(() => app.fake.messages(dm).some((m) => JSON.stringify(m.blocks).includes('Toolkit session at Biblioteca')), 5000, 'confirmation');
    const dms = app.fake.messages(dm).length;
    const retry = await deliver(
      { url, secret: TEST_SIGNING_SECRET, body: payloadBody(first.payload), contentType: FORM_CONTENT_TYPE },
      { retryNum: 1, retryReason: 'http_timeout' },
    );
    expect(retry.status).toBe(200);
    expect(retry.body).toBe('');
    expect(await count(ids['1.2']!)).toBe(before + 1);

    // A retry racing the original: both close the modal, one row.
    const view2 = await openUpdate(GRACE, '1.2');
    const record = app.fake.workspace.view(view2.id)!;
    record.state.narrative = { narrative: { type: 'plain_text_input', value: 'Second session, racing its retry.' } };
    const body = payloadBody(viewSubmissionPayload(app.fake, record));
    const [a, b] = await Promise.all([
      deliver({ url, secret: TEST_SIGNING_SECRET, body, contentType: FORM_CONTENT_TYPE }),
      deliver({ url, secret: TEST_SIGNING_SECRET, body, contentType: FORM_CONTENT_TYPE }, { retryNum: 1, retryReason: 'http_timeout' }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect([a.body, b.body]).toEqual(['', '']);
    expect(await count(ids['1.2']!)).toBe(before + 2);
    await app.fake.waitFor(() => app.fake.messages(dm).some((m) => JSON.stringify(m.blocks).includes('racing its retry')), 5000, 'confirmation');
    await new Promise((r) => setTimeout(r, 300));
    // One confirmation per stored update, none for the repeats.
    expect(app.fake.messages(dm).length).toBe(dms + 1);
  });

  it('answers in time even when rebuilding the form after a conflict is slow, and the text survives', async () => {
    const graceView = await openUpdate(GRACE, '1.3');
    const minhView = await openUpdate(MINH, '1.3');
    await app.driver.viewSubmission({ viewId: graceView.id, values: { narrative: 'Grace first.' } });
    // Listing strategies (which the rebuilt form needs) now takes longer than Slack waits.
    sabotageStrategyList(() => new Promise((r) => setTimeout(r, 3_000)));
    const m = await app.driver.viewSubmission({ viewId: minhView.id, values: { narrative: 'Minh second.' } });
    expect(m.ms).toBeLessThan(3000);
    expect((m.ack as { errors: Record<string, string> }).errors).toEqual({
      strategy: 'REAP Tracker đang bận nên chưa có gì được lưu. Nội dung của bạn vẫn còn đây: hãy bấm Gửi lại sau vài giây.',
    });
    expect(app.fake.view(minhView.id)!.state.values.narrative!.narrative!.value).toBe('Minh second.');
    app.server.ctx.prisma = realPrisma;
    await new Promise((r) => setTimeout(r, 3_000)); // the slow reads finish in the background
    expect((await app.driver.viewSubmission({ viewId: minhView.id })).ack.action).toBe('update');
    expect((await app.driver.viewSubmission({ viewId: minhView.id })).ack).toEqual({ action: 'close' });
    expect(await app.db.prisma.progressUpdate.count({ where: { strategyId: ids['1.3'], narrative: { in: ['Grace first.', 'Minh second.'] } } })).toBe(2);
  });

  it('opens a loading view within the trigger window when the data is slow, then fills it in', async () => {
    sabotageStrategyList(() => new Promise((r) => setTimeout(r, 1_600)));
    const opens = app.fake.calls('views.open').length;
    const res = await app.driver.slashCommand({ user: GRACE, channel: CHANNEL, text: 'update 1.2' });
    expect(res.ms).toBeLessThan(3000);
    const open = await app.fake.waitFor(() => app.fake.calls('views.open')[opens], 5000, 'views.open');
    expect((open.args as { view: string }).view).toContain('reap.update.loading');
    // The loading view stays while the list is read.
    await new Promise((r) => setTimeout(r, 1_000));
    expect(app.fake.openViews(GRACE).at(-1)?.callback_id).toBe('reap.update.loading');
    const view = await app.fake.waitFor(
      () => {
        const v = app.fake.openViews(GRACE).at(-1);
        return v?.callback_id === 'reap.update' ? v : undefined;
      },
      8000,
      'the filled-in form',
    );
    const update = app.fake.calls('views.update').at(-1)!;
    expect((update.args as { hash?: string }).hash).toBeTruthy();
    expect(JSON.parse(view.private_metadata)).toMatchObject({ strategyId: ids['1.2'] });
  });

  it('answers a save slower than Slack’s 3 seconds in time, confirms it when done, and does not store the retry', async () => {
    const view = await openUpdate(GRACE, '1.2');
    const before = await count(ids['1.2']!);
    sabotageSql(app.server.ctx, realPrisma, 'store progress update', () => new Promise((r) => setTimeout(r, 3_500)), 1);
    const sub = await app.driver.viewSubmission({ viewId: view.id, values: { narrative: 'Slow database day.' } });
    expect(sub.ms).toBeLessThan(3000);
    expect((sub.ack as { errors: Record<string, string> }).errors.narrative).toContain('will not be stored twice');
    const dm = app.fake.dmChannelId(GRACE);
    await app.fake.waitFor(() => app.fake.messages(dm).some((m) => JSON.stringify(m.blocks).includes('Slow database day.')), 8000, 'the late confirmation');
    expect(await count(ids['1.2']!)).toBe(before + 1);
    const again = await app.driver.viewSubmission({ viewId: view.id });
    expect(again.ack).toEqual({ action: 'close' });
    expect(await count(ids['1.2']!)).toBe(before + 1);
  });
});
