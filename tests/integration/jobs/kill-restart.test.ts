// Kill an instance (SIGKILL, no goodbye) in the middle of a fan-out of N direct messages,
// start another: every recipient ends up with exactly one message. Slack answers slowly
// here, so the kill usually lands while posts are in flight, the window where a message
// may be on Slack but not recorded as sent.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../src/db/client.js';
import type { FakeSlack } from '../../../src/sandbox/fake-slack/index.js';
import { createTestDatabase, dropTestDatabase, type TestDatabase } from '../../support/test-db.js';
import { startFakeSlack, waitFor } from './support/harness.js';
import { spawnInstance, stopInstance } from './support/processes.js';
import { fanoutUsers } from './support/test-jobs.js';

const N = 150;

let db: TestDatabase | undefined;
let pgliteDir: string | undefined;
let fake: FakeSlack;

beforeAll(async () => {
  db = await createTestDatabase();
  if (!db.url) {
    // Child processes cannot share an in-memory PGlite: they take turns on a directory.
    await dropTestDatabase(db);
    db = undefined;
    pgliteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'reap-jobs-kill-'));
  }
  fake = await startFakeSlack({ postingRate: false, users: fanoutUsers(N).map((id) => ({ id, name: id.toLowerCase() })) });
  // Slack takes 40 ms to answer each post: there is always something in flight.
  fake.faults.add({ method: 'chat.postMessage', kind: 'latency', ms: 40, times: 'always' });
});

afterAll(async () => {
  await fake?.stop();
  await dropTestDatabase(db);
  if (pgliteDir) fs.rmSync(pgliteDir, { recursive: true, force: true });
});

function dmCount(userId: string): number {
  const dm = [...fake.workspace.channels.values()].find((c) => c.kind === 'im' && c.dmUser === userId);
  return dm ? fake.messages(dm.id).length : 0;
}

const totalPosted = () => fanoutUsers(N).reduce((n, u) => n + dmCount(u), 0);

describe('an instance killed in the middle of a fan-out', () => {
  it('leaves every recipient with exactly one message after a restart', { timeout: 90_000 }, async () => {
    const env = {
      DATABASE_URL: db?.url ?? `pglite:${pgliteDir}`,
      SLACK_BOT_TOKEN: fake.botToken,
      SLACK_SIGNING_SECRET: 'test-secret',
      SLACK_API_URL: fake.url,
      REAP_TIMEZONE: 'America/Los_Angeles',
      REAP_CRON_OUTBOX: '* * * * * *',
      JOBS_TEST_MODE: 'fanout',
      JOBS_TEST_FANOUT: String(N),
    };
    const first = spawnInstance({ ...env, JOBS_TEST_INSTANCE: 'first', JOBS_TEST_RUN_FANOUT: '1' });
    await first.ready;
    await waitFor(() => totalPosted() >= N / 3, 30_000, 'a third of the fan-out');
    first.child.kill('SIGKILL');
    await first.exited;
    const atKill = totalPosted();
    expect(atKill).toBeLessThan(N);

    const second = spawnInstance({ ...env, JOBS_TEST_INSTANCE: 'second' });
    try {
      await second.ready;
      await waitFor(() => totalPosted() >= N, 45_000, 'the whole fan-out');
      // Give a duplicate the chance to show up before judging.
      await new Promise((r) => setTimeout(r, 3000));
    } finally {
      await stopInstance(second);
    }

    const counts = fanoutUsers(N).map(dmCount);
    expect(counts.filter((c) => c !== 1)).toEqual([]);

    const check: Database = db ?? (await openDatabase({ kind: 'pglite', dataDir: pgliteDir! }));
    try {
      const rows = await check.prisma.outboxMessage.findMany({ where: { job: 'weekly-digest' } });
      expect(rows).toHaveLength(N);
      expect(rows.filter((r) => r.status !== 'SENT')).toEqual([]);
      const runs = await check.prisma.jobRun.findMany({ where: { job: 'weekly-digest' } });
      expect(runs).toHaveLength(1);
      expect(runs[0]).toMatchObject({ manual: true, status: 'SUCCEEDED', instanceId: 'first' });
    } finally {
      if (!db) await check.close();
    }
  });
});
