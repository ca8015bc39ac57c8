// Each reading request (the whole Slack request: caller lookup, authorization, data, Home
// publish) sends the same number of database queries whether a department has a handful of
// strategies or ten times more. Counted through the real app over HTTP, with a Prisma
// extension wrapped around the app's client.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { createFakeSlack, type FakeSlack } from '../../src/sandbox/fake-slack/index.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { countingClient, type CountingClient } from '../integration/services/support/query-counter.js';
import { NOW, PEOPLE, buildWorld, resetDatabase } from '../integration/services/support/world.js';
import { SlackDriver } from '../support/slack-driver.js';
import { TEST_SIGNING_SECRET } from '../support/test-app.js';
import { createTestDatabase, dropTestDatabase, type TestDatabase } from '../support/test-db.js';

const CHANNEL = 'C0GENERAL';
const { admin, libLead, libStaff, manager } = PEOPLE;

describe('queries per reading request', () => {
  let db: TestDatabase;
  let fake: FakeSlack;
  let server: RunningServer;
  let driver: SlackDriver;
  let counter: CountingClient;

  beforeAll(async () => {
    fake = await createFakeSlack().start();
    const people = [admin, libLead, libStaff, manager].map((p) => p.slackUserId);
    for (const id of people) fake.addUser({ id, name: id.toLowerCase(), real_name: id, tz: 'America/Los_Angeles', locale: 'en-US' });
    fake.addChannel({ id: CHANNEL, name: 'general', members: [...people, fake.bot.userId] });
    db = await createTestDatabase();
    counter = countingClient(db.prisma);
    const config = loadConfig({ SLACK_BOT_TOKEN: fake.botToken, SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET, SLACK_API_URL: fake.url, LOG_LEVEL: 'silent' });
    server = await startServer({
      config,
      logger: createLogger('silent'),
      db: { ...db, prisma: counter.prisma },
      now: () => NOW,
      // Scheduled jobs would add their own queries to the count.
      scheduler: false,
      port: 0,
      host: '127.0.0.1',
      slack: { mode: 'http', botToken: fake.botToken, signingSecret: TEST_SIGNING_SECRET, apiUrl: fake.url },
    });
    driver = new SlackDriver({ appUrl: `http://127.0.0.1:${server.port}/slack/events`, signingSecret: TEST_SIGNING_SECRET, fake });
  });
  afterAll(async () => {
    await server?.stop().catch(() => {});
    await fake?.stop();
    await dropTestDatabase(db);
  });

  async function command(user: string, text: string): Promise<number> {
    const before = fake.ephemerals(user).length;
    // A department's report typed outside its channel comes by direct message.
    const posted = () => fake.messages(CHANNEL).length + fake.messages(fake.dmChannelId(user)).length;
    const posts = posted();
    counter.reset();
    await driver.slashCommand({ user, channel: CHANNEL, text });
    if (text.startsWith('report')) await fake.waitFor(() => posted() > posts, 10_000, 'the report upload');
    else await fake.waitFor(() => fake.ephemerals(user).length > before, 10_000, `the answer to ${text}`);
    return counter.count();
  }

  async function home(user: string): Promise<number> {
    const before = fake.calls('views.publish').length;
    counter.reset();
    await driver.appHomeOpened(user);
    await fake.waitFor(() => fake.calls('views.publish').length > before, 10_000, 'the Home publish');
    return counter.count();
  }

  async function measure(scale: number): Promise<Record<string, number>> {
    await resetDatabase(db.prisma);
    await buildWorld(db.prisma, { scale });
    return {
      'status (lead)': await command(libLead.slackUserId, 'status'),
      'status all (admin)': await command(admin.slackUserId, 'status all'),
      'status by name (admin)': await command(admin.slackUserId, 'status housing'),
      'status coverage (admin)': await command(admin.slackUserId, 'status coverage'),
      deadlines: await command(libStaff.slackUserId, 'deadlines'),
      plan: await command(libLead.slackUserId, 'plan'),
      report: await command(libLead.slackUserId, 'report FY2024-2026 library'),
      'home (staff)': await home(libStaff.slackUserId),
      'home (lead)': await home(libLead.slackUserId),
      'home (manager)': await home(manager.slackUserId),
      'home (admin)': await home(admin.slackUserId),
    };
  }

  it('is the same on ten times the data, and a handful per request', async () => {
    const small = await measure(2);
    const large = await measure(20);
    if (process.env.SHOW_QUERY_COUNTS) console.log({ small, large });
    const strategies = await db.prisma.strategy.count();
    expect(strategies).toBeGreaterThan(50);
    expect(large).toEqual(small);
    for (const [request, n] of Object.entries(small)) {
      // At least who is asking and what they asked for (one read since the caller's read
      // also gives the actor); at most a handful, whatever the data.
      expect({ request, n, ok: n >= 2 && n <= 14 }).toEqual({ request, n, ok: true });
    }
    fake.assertNoViolations();
  });
});
