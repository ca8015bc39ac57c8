// /reap update with typed measures, when Slack retries the submission: the retry comes
// over HTTP with x-slack-retry-num, through the front door, and the values are still
// stored once. On real HTTP (startTestApp) because the retry headers are what it tests;
// the form itself is tested on the listener harness in update-measures.test.ts.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { deliver, FORM_CONTENT_TYPE, payloadBody } from '../../src/sandbox/fake-slack/index.js';
import { TEST_SIGNING_SECRET, startTestApp, strategyIdsByLabel, type TestApp } from '../support/test-app.js';
import { addTypedMeasures, GRACE, NOW, openUpdateForm } from './update-support.js';

describe('/reap update with typed measures, retried by Slack', () => {
  let app: TestApp;
  let strategyId: number;
  let measures: { trained: number; sessions: number; adopted: number };

  beforeAll(async () => {
    app = await startTestApp({ now: () => NOW });
    strategyId = (await strategyIdsByLabel(app, 'LIB-FY2024-2026'))['1.2']!;
    measures = await addTypedMeasures(app, strategyId);
  });
  afterAll(async () => {
    await app?.stop();
  });
  afterEach(() => {
    app.fake.workspace.clearModals(GRACE);
    app.driver.assertNoViolations();
  });

  it('stores the values with the update once, even when Slack retries', async () => {
    const { trained, sessions, adopted } = measures;
    const view = await openUpdateForm(app, GRACE, '1.2');
    const before = await app.db.prisma.progressUpdate.count({ where: { strategyId } });
    const first = await app.driver.viewSubmission({
      viewId: view.id,
      values: {
        narrative: 'Eight bilingual sessions; four were cancelled for the branch closure.',
        [`measure.${trained}`]: '92.5',
        [`measure.${sessions}`]: '8',
        [`measure_note.${sessions}`]: 'Alum Rock closed for repairs in October.',
        [`measure.${adopted}`]: '1',
        visibility: 'PUBLIC',
      },
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
  });
});
