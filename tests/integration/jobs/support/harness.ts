// Shared set-up for the jobs tests: a context on the test database with a clock the test
// moves, a fake Slack with users and channels, and a dispatcher pointed at it.
import type { WebClient } from '@slack/web-api';
import { loadConfig, type Config } from '../../../../src/config.js';
import type { Database, Prisma } from '../../../../src/db/client.js';
import { OutboxDispatcher, type DispatcherOptions } from '../../../../src/jobs/outbox/dispatcher.js';
import { createDispatcherClient } from '../../../../src/jobs/slack-client.js';
import { createLogger } from '../../../../src/logger.js';
import { createAppContext, type AppContext } from '../../../../src/services/app-context.js';
import { FakeSlack, type FakeSlackOptions } from '../../../../src/sandbox/fake-slack/index.js';

export const logger = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');

/** A clock that only moves when told to (or follows real time from an offset). */
export class TestClock {
  private offset = 0;
  constructor(private fixed: number | null = null) {}
  now = (): Date => new Date(this.fixed ?? Date.now() + this.offset);
  advance(ms: number): void {
    if (this.fixed !== null) this.fixed += ms;
    else this.offset += ms;
  }
  set(at: Date): void {
    this.fixed = at.getTime();
  }
}

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ REAP_TIMEZONE: 'America/Los_Angeles', ...env });
}

export function testContext(db: Database, options: { now?: () => Date; env?: Record<string, string> } = {}): AppContext {
  return createAppContext(testConfig(options.env), db, logger, options.now);
}

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  return new FakeSlack(options).start();
}

export function clientFor(fake: FakeSlack, timeoutMs = 2000): WebClient {
  return createDispatcherClient(fake.botToken, { apiUrl: fake.url, timeoutMs });
}

export function dispatcherFor(ctx: AppContext, fake: FakeSlack, options: Partial<Omit<DispatcherOptions, 'prisma' | 'logger'>> = {}): OutboxDispatcher {
  return new OutboxDispatcher({
    prisma: ctx.prisma,
    client: options.client ?? clientFor(fake),
    instanceId: options.instanceId ?? 'dispatcher-1',
    logger,
    now: ctx.now,
    // Tests do not wait out real seconds unless they mean to.
    perChannelIntervalMs: 0,
    random: () => 0.5,
    ...options,
  });
}

export async function addAdmins(prisma: Prisma, ids: string[], language: 'en' | 'es' | 'vi' | null = null): Promise<void> {
  for (const slackUserId of ids) {
    await prisma.member.create({ data: { slackUserId, name: slackUserId, roles: ['ORSE_ADMIN'], language } });
  }
}

/** Messages the bot posted in a user's DM, for counting deliveries per recipient. */
export function dmTexts(fake: FakeSlack, userId: string): string[] {
  return fake.messages(fake.dmChannelId(userId)).map((m) => m.text);
}

export async function waitFor(probe: () => Promise<boolean> | boolean, timeoutMs = 10_000, what = 'a condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}
