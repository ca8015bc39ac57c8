// Three instances on one database, a job every 2 seconds for ~24 s: every fire runs exactly
// once and its message reaches Slack exactly once. On PostgreSQL the instances are three
// processes with their own connection pools; on PGlite (one process only) three schedulers
// with their own contexts share the embedded database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScheduler, type RunningScheduler } from '../../../src/jobs/start-scheduler.js';
import type { FakeSlack } from '../../../src/sandbox/fake-slack/index.js';
import { createTestDatabase, dropTestDatabase, type TestDatabase } from '../../support/test-db.js';
import { clientFor, dispatcherFor, startFakeSlack, testContext } from './support/harness.js';
import { spawnInstance, stopInstance, type Instance } from './support/processes.js';
import { FAST_CLIENT_TIMEOUT_MS, FAST_RECOVERY, TICK_CHANNEL, tickerRegistry } from './support/test-jobs.js';

const RUN_FOR_MS = 24_000;
const CRON = { REAP_CRON_BRIEFINGS: '*/2 * * * * *', REAP_CRON_OUTBOX: '* * * * * *' };

let db: TestDatabase;
let fake: FakeSlack;

beforeAll(async () => {
  db = await createTestDatabase();
  fake = await startFakeSlack({ channels: [{ id: TICK_CHANNEL, name: 'tick', members: ['U0BOT'] }] });
});

afterAll(async () => {
  await fake?.stop();
  await dropTestDatabase(db);
});

async function runThreeInstances(): Promise<void> {
  if (db.url) {
    const env = {
      DATABASE_URL: db.url,
      SLACK_BOT_TOKEN: fake.botToken,
      SLACK_SIGNING_SECRET: 'test-secret',
      SLACK_API_URL: fake.url,
      REAP_TIMEZONE: 'America/Los_Angeles',
      ...CRON,
    };
    const instances: Instance[] = ['p1', 'p2', 'p3'].map((id) => spawnInstance({ ...env, JOBS_TEST_INSTANCE: id, JOBS_TEST_MODE: 'ticker' }));
    try {
      await Promise.all(instances.map((i) => i.ready));
      await new Promise((r) => setTimeout(r, RUN_FOR_MS));
    } finally {
      await Promise.all(instances.map((i) => stopInstance(i)));
    }
    return;
  }
  const running: RunningScheduler[] = [];
  try {
    for (const id of ['s1', 's2', 's3']) {
      const ctx = testContext(db, { env: CRON });
      running.push(
        await startScheduler(ctx, { instanceId: id, registry: tickerRegistry(id), client: clientFor(fake, FAST_CLIENT_TIMEOUT_MS), ...FAST_RECOVERY }),
      );
    }
    await new Promise((r) => setTimeout(r, RUN_FOR_MS));
  } finally {
    for (const r of running) await r.stop();
  }
}

describe('three instances on one database', () => {
  it('runs each fire of an every-2-seconds job exactly once and sends its message once', { timeout: 90_000 }, async () => {
    await runThreeInstances();
    const prisma = db.prisma;
    // Messages of the last fires may still be queued: send them now.
    await dispatcherFor(testContext(db), fake, { instanceId: 'final' }).drain();

    const runs = await prisma.jobRun.findMany({ where: { job: 'briefings' }, orderBy: { fireTime: 'asc' } });
    const fires = runs.map((r) => r.fireTime.getTime());
    expect(runs.length).toBeGreaterThanOrEqual(10);
    expect(runs.every((r) => r.status === 'SUCCEEDED')).toBe(true);
    // No fire skipped between the first and the last.
    expect(fires.slice(1).map((t, i) => t - fires[i]!)).toEqual(fires.slice(1).map(() => 2000));
    // The job body ran once per fire (audit rows are not idempotent, so a double run would show).
    const bodies = await prisma.auditLog.findMany({ where: { action: 'test.fire' } });
    expect(bodies.map((b) => b.entityId).sort()).toEqual(runs.map((r) => r.fireTime.toISOString()));
    // Whichever instance won a fire ran it; the claim is a race, not a fixed leader.
    expect(runs.every((r) => /^[ps][123]$/.test(r.instanceId))).toBe(true);
    // Every fire's message reached Slack exactly once.
    const posted = fake
      .messages(TICK_CHANNEL)
      .map((m) => m.text)
      .sort();
    expect(posted).toEqual(runs.map((r) => r.fireTime.toISOString()));
    const outbox = await prisma.outboxMessage.findMany();
    expect(outbox.every((m) => m.status === 'SENT' && m.slackTs)).toBe(true);
  });
});
