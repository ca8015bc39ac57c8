// The whole app as Slack sees it, for end-to-end tests: a migrated test database, the
// fake Slack with the demo workspace, the real HTTP server with Bolt, and a driver that
// sends signed requests.
import { loadConfig } from '../../src/config.js';
import { seedDatabase } from '../../src/db/seed/index.js';
import { createLogger } from '../../src/logger.js';
import { populateDemoWorkspace } from '../../src/sandbox/demo-workspace.js';
import { createFakeSlack, type FakeSlack, type FakeSlackOptions } from '../../src/sandbox/fake-slack/index.js';
import { readManifestFacts } from '../../src/sandbox/manifest-facts.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { SlackDriver } from './slack-driver.js';
import { createTestDatabase, dropTestDatabase, type TestDatabase, type TestDatabaseOptions } from './test-db.js';

export const TEST_SIGNING_SECRET = 'test-signing-secret-8f1c2a';

export interface TestAppOptions {
  /**
   * Load the ORSE work plan and the demo data (default true). With the clock at
   * SEEDED_TEMPLATE_NOW (database-templates.ts) the database comes seeded, which is faster.
   */
  seed?: boolean;
  /** The app's clock (and the seed's "now"). */
  now?: () => Date;
  adminUserIds?: string[];
  fake?: FakeSlackOptions;
  /** The Prisma client the app uses, made from the test database's (e.g. with a watching extension). */
  prisma?: (prisma: TestDatabase['prisma']) => TestDatabase['prisma'];
  /** Receive Slack's requests in a thread of their own (default: on PGlite only, as the app). */
  frontDoorThread?: boolean;
}

export interface TestApp {
  fake: FakeSlack;
  driver: SlackDriver;
  db: TestDatabase;
  server: RunningServer;
  /** http://127.0.0.1:PORT */
  baseUrl: string;
  stop(): Promise<void>;
}

/** The app's settings for a test app talking to `fake` (shared with listener-app.ts). */
export function testAppConfig(fake: FakeSlack, opts: Pick<TestAppOptions, 'adminUserIds'> = {}) {
  return loadConfig({
    SLACK_BOT_TOKEN: fake.botToken,
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_API_URL: fake.url,
    REAP_ADMIN_USER_IDS: (opts.adminUserIds ?? []).join(','),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
  });
}

/**
 * Asks for a database that comes seeded (a copy of the run's seeded template, when it was
 * seeded for this clock's time), so seedDatabase need not run. Not with admins: startServer
 * adds them before it seeds, and a seeded copy would put them after the demo members.
 */
export function seededCopy(opts: Pick<TestAppOptions, 'seed' | 'adminUserIds'>, now: () => Date): TestDatabaseOptions {
  return (opts.seed ?? true) && !opts.adminUserIds?.length ? { seededAt: now() } : {};
}

export async function startTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  // The custom workflow steps Slack knows of are the ones the manifest declares.
  const fake = await createFakeSlack({ functions: readManifestFacts().functions, ...opts.fake }).start();
  populateDemoWorkspace(fake);
  const now = opts.now ?? (() => new Date());
  const db = await createTestDatabase(seededCopy(opts, now));
  const config = testAppConfig(fake, opts);
  const logger = createLogger(config.logLevel);
  let server: RunningServer;
  try {
    server = await startServer({
      config,
      logger,
      db: opts.prisma ? { ...db, prisma: opts.prisma(db.prisma) } : db,
      now,
      port: 0,
      host: '127.0.0.1',
      // Tests run jobs explicitly (server.jobs is null); see tests/integration/jobs.
      scheduler: false,
      frontDoorThread: opts.frontDoorThread,
      slack: { mode: 'http', botToken: fake.botToken, signingSecret: TEST_SIGNING_SECRET, apiUrl: fake.url },
      beforeListen: async (ctx) => {
        if ((opts.seed ?? true) && !db.seededAt) await seedDatabase(ctx.prisma, { now: now() });
      },
    });
  } catch (e) {
    await fake.stop();
    await dropTestDatabase(db);
    throw e;
  }
  const baseUrl = `http://127.0.0.1:${server.port}`;
  const driver = new SlackDriver({ appUrl: `${baseUrl}/slack/events`, signingSecret: TEST_SIGNING_SECRET, fake });
  return {
    fake,
    driver,
    db,
    server,
    baseUrl,
    stop: async () => {
      await server.stop();
      await fake.stop();
      await dropTestDatabase(db);
    },
  };
}

/** A plan's strategy ids by label ("1.1" → id), e.g. for the seeded LIB-FY2024-2026. */
export async function strategyIdsByLabel(app: { db: TestDatabase }, planKey: string): Promise<Record<string, number>> {
  const rows = await app.db.prisma.strategy.findMany({
    where: { objective: { plan: { key: planKey } } },
    select: { id: true, number: true, objective: { select: { number: true } } },
  });
  return Object.fromEntries(rows.map((s) => [`${s.objective.number}.${s.number}`, s.id]));
}
