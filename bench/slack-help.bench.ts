// Throughput and p50/p99 latency of a signed `/reap help` delivered over real HTTP, at 1,
// 10 and 50 concurrent requests, against the floor for this stack measured in the same
// run: a bare Bolt app (same receiver, same signature check) whose listener only acks.
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { seedDatabase } from '../src/db/seed/index.js';
import { createLogger } from '../src/logger.js';
import { populateDemoWorkspace } from '../src/sandbox/demo-workspace.js';
import { createFakeSlack, deliver, formBody, slashCommandPayload, FORM_CONTENT_TYPE } from '../src/sandbox/fake-slack/index.js';
import { startServer } from '../src/server.js';
import { percentile, printTable, serveReceiver } from './lib.js';

const SECRET = 'bench-secret';
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400);
const fake = await createFakeSlack({ postingRate: false }).start();
populateDemoWorkspace(fake);

async function bareBolt(): Promise<{ url: string; stop: () => Promise<void> }> {
  const receiver = new HTTPReceiver({ signingSecret: SECRET, logLevel: LogLevel.ERROR });
  const app = new App({ token: fake.botToken, receiver, botId: 'B0BOT', botUserId: 'U0BOT', clientOptions: { slackApiUrl: fake.url } });
  app.command('/reap', async ({ ack }) => {
    await ack();
  });
  return serveReceiver(receiver);
}

async function reapApp(): Promise<{ url: string; stop: () => Promise<void> }> {
  const config = loadConfig({ SLACK_BOT_TOKEN: fake.botToken, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.url, LOG_LEVEL: 'silent' });
  const db = await openDatabase({ kind: 'pglite', dataDir: null });
  const running = await startServer({
    config,
    logger: createLogger('silent'),
    db,
    port: 0,
    host: '127.0.0.1',
    slack: { mode: 'http', botToken: fake.botToken, signingSecret: SECRET, apiUrl: fake.url },
    beforeListen: async (ctx) => {
      await seedDatabase(ctx.prisma);
    },
  });
  return { url: `${running.url.replace('localhost', '127.0.0.1')}/slack/events`, stop: running.stop };
}

async function load(url: string, concurrency: number): Promise<{ rps: number; p50: number; p99: number; errors: number }> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const t0 = performance.now();
  const worker = async () => {
    while (next < REQUESTS) {
      next++;
      const body = formBody(slashCommandPayload(fake, { user: 'U0LIB03', channel: 'C0GENERAL', text: 'help' }) as unknown as Record<string, string>);
      const r = await deliver({ url, secret: SECRET, body, contentType: FORM_CONTENT_TYPE });
      if (r.status !== 200) errors++;
      latencies.push(r.ms);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - t0) / 1000;
  return { rps: REQUESTS / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), errors };
}

const bare = await bareBolt();
const reap = await reapApp();
const rows: Record<string, string | number>[] = [];
for (const c of [1, 10, 50]) {
  // Warm both up so JIT and connection setup are not measured.
  await load(bare.url, c);
  await load(reap.url, c);
  const b = await load(bare.url, c);
  const r = await load(reap.url, c);
  rows.push(
    { concurrency: c, app: 'bare Bolt (ack only)', 'req/s': b.rps.toFixed(0), 'p50 ms': b.p50, 'p99 ms': b.p99, errors: b.errors, 'p99 x bare': '1.00' },
    {
      concurrency: c,
      app: 'REAP /reap help',
      'req/s': r.rps.toFixed(0),
      'p50 ms': r.p50,
      'p99 ms': r.p99,
      errors: r.errors,
      'p99 x bare': (r.p99 / Math.max(1, b.p99)).toFixed(2),
    },
  );
}
await reap.stop();
await bare.stop();
await fake.stop();
printTable(`Signed /reap help over HTTP, ${REQUESTS} requests per cell`, rows);
