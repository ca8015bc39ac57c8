// "Report as REAP update" when Slack retries the Submit: the retry comes over HTTP with
// x-slack-retry-num, through the front door, and the update is still stored once. On real
// HTTP (startTestApp) because the retry headers are what it tests; the shortcut itself is
// tested on the listener harness in message-shortcut.test.ts.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { deliver, FORM_CONTENT_TYPE, payloadBody } from '../../src/sandbox/fake-slack/index.js';
import { TEST_SIGNING_SECRET, startTestApp, strategyIdsByLabel, type TestApp } from '../support/test-app.js';
import { GRACE, LIB_CHANNEL, NOW, pickUpdateStrategy, postMessage, runReportShortcut } from './update-support.js';

describe('the "Report as REAP update" message shortcut, retried by Slack', () => {
  let app: TestApp;
  let ids: Record<string, number>;

  beforeAll(async () => {
    app = await startTestApp({ now: () => NOW });
    ids = await strategyIdsByLabel(app, 'LIB-FY2024-2026');
  });
  afterAll(async () => {
    await app?.stop();
  });
  afterEach(() => {
    app.fake.clearViolations();
  });

  it('stores the update once even when Submit is retried', async () => {
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
});
