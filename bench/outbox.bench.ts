// Outbox dispatcher throughput against the fake Slack at its real per-channel limit
// (chat.postMessage ≈ 1 message per second per channel, bursts of 4), and the app's memory
// during a fan-out of 2,000 direct messages.
//
//   npx tsx bench/outbox.bench.ts
//
// Rows for PGlite and, when reachable, PostgreSQL (BENCH_POSTGRES_URL, default
// postgres://postgres@127.0.0.1:5432/test; a throwaway database is created and dropped).
// The fake Slack runs in a child process so memory figures are the app's alone. Baseline:
// the same posts sent by a bare WebClient loop, no database, in the same run.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import { openDatabase, type Database } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { OutboxDispatcher } from '../src/jobs/outbox/dispatcher.js';
import { enqueueOutbox, type OutboxMessageInput } from '../src/jobs/outbox/enqueue.js';
import { createDispatcherClient } from '../src/jobs/slack-client.js';
import { createLogger } from '../src/logger.js';
import { DEFAULT_BOT_TOKEN, FakeSlack } from '../src/sandbox/fake-slack/index.js';
import { freshPostgresDatabase, POSTGRES_URL, postgresReachable, printTable } from './lib.js';

interface Shape {
  channels: number;
  perChannel: number;
  dms: number;
}

const channelId = (i: number) => `C0B${String(i).padStart(5, '0')}`;
const userId = (i: number) => `U0B${String(i).padStart(5, '0')}`;

async function startFake(shape: Shape): Promise<{ url: string; stop: () => void; counts: () => Promise<{ ok: number; ratelimited: number }> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--fake-slack', JSON.stringify(shape)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.once('exit', (code) => reject(new Error(`fake Slack exited (${code})`)));
  });
  const origin = url.replace(/\/api\/$/, '');
  return {
    url,
    stop: () => child.kill('SIGTERM'),
    counts: async () => {
      const { calls } = (await (await fetch(`${origin}/_fake/calls`)).json()) as { calls: { method: string; httpStatus: number }[] };
      const posts = calls.filter((c) => c.method === 'chat.postMessage');
      return { ok: posts.filter((c) => c.httpStatus === 200).length, ratelimited: posts.filter((c) => c.httpStatus === 429).length };
    },
  };
}

function messagesFor(shape: Shape): OutboxMessageInput[] {
  const out: OutboxMessageInput[] = [];
  for (let c = 0; c < shape.channels; c++)
    for (let m = 0; m < shape.perChannel; m++) out.push({ idempotencyKey: `bench:${c}:${m}`, channelId: channelId(c), payload: { text: `message ${m}` } });
  for (let u = 0; u < shape.dms; u++) out.push({ idempotencyKey: `bench:dm:${u}`, userId: userId(u), payload: { text: `digest for ${userId(u)}` } });
  return out;
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

/** A full garbage collection, so "retained" heap is live objects, not garbage awaiting collection. */
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

async function runScenario(db: Database, name: string, shape: Shape) {
  await db.prisma.$executeRawUnsafe('TRUNCATE "OutboxMessage", "DeliveryFailureNotice" RESTART IDENTITY');
  const fake = await startFake(shape);
  try {
    const messages = messagesFor(shape);
    await enqueueOutbox(db.prisma, 'bench', messages, new Date());
    const dispatcher = new OutboxDispatcher({
      prisma: db.prisma,
      client: createDispatcherClient(DEFAULT_BOT_TOKEN, { apiUrl: fake.url }),
      instanceId: 'bench',
      logger: createLogger('silent'),
    });
    collectGarbage();
    const before = process.memoryUsage();
    let peakRss = before.rss;
    let peakHeap = before.heapUsed;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    }, 25);
    const started = performance.now();
    for (;;) {
      await dispatcher.drain();
      const open = await db.prisma.outboxMessage.count({ where: { status: { in: ['PENDING', 'SENDING'] } } });
      if (open === 0) break;
      await new Promise((r) => setTimeout(r, 50)); // what is left waits for its channel's turn
    }
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    collectGarbage();
    const after = process.memoryUsage();
    const { ok, ratelimited } = await fake.counts();
    if (ok !== messages.length) throw new Error(`${name}: Slack received ${ok} posts for ${messages.length} messages`);
    const floor = shape.perChannel > 4 ? shape.perChannel - 4 : 0; // burst of 4, then 1/s
    return {
      database: db.target.kind === 'pglite' ? 'PGlite' : 'PostgreSQL',
      scenario: name,
      messages: messages.length,
      seconds: seconds.toFixed(2),
      'msg/s': (messages.length / seconds).toFixed(1),
      'limit floor s': shape.dms ? '-' : String(floor),
      '429s': ratelimited,
      'RSS MB (start → peak)': `${mb(before.rss)} → ${mb(peakRss)}`,
      'heap MB (start → peak → after GC)': `${mb(before.heapUsed)} → ${mb(peakHeap)} → ${mb(after.heapUsed)}`,
    };
  } finally {
    fake.stop();
  }
}

/** The same channel posts from a bare WebClient loop (16 at a time, no database, no pacing). */
async function baseline(shape: Shape) {
  const fake = await startFake(shape);
  try {
    const client = createDispatcherClient(DEFAULT_BOT_TOKEN, { apiUrl: fake.url });
    const messages = messagesFor(shape);
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < messages.length) {
          const m = messages[next++]!;
          await client.chat.postMessage({ channel: m.channelId!, text: m.payload.text });
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    return {
      database: '-',
      scenario: 'baseline: bare WebClient, 300 channels × 1',
      messages: messages.length,
      seconds: seconds.toFixed(2),
      'msg/s': (messages.length / seconds).toFixed(1),
      'limit floor s': '0',
      '429s': (await fake.counts()).ratelimited,
      'RSS MB (start → peak)': '-',
      'heap MB (start → peak → after GC)': '-',
    };
  } finally {
    fake.stop();
  }
}

async function withDatabase<T>(kind: 'pglite' | 'postgres', fn: (db: Database) => Promise<T>): Promise<T> {
  if (kind === 'pglite') {
    const db = await openDatabase({ kind: 'pglite', dataDir: null });
    try {
      await migrate(db);
      return await fn(db);
    } finally {
      await db.close();
    }
  }
  const fresh = await freshPostgresDatabase();
  const db = await openDatabase({ kind: 'postgres', url: fresh.url });
  try {
    await migrate(db);
    return await fn(db);
  } finally {
    await db.close();
    await fresh.drop();
  }
}

async function main() {
  const scenarios: [string, Shape][] = [
    ['300 channels × 1 message', { channels: 300, perChannel: 1, dms: 0 }],
    ['60 channels × 5 messages', { channels: 60, perChannel: 5, dms: 0 }],
    ['1 channel × 12 messages', { channels: 1, perChannel: 12, dms: 0 }],
    ['fan-out: 2,000 DMs', { channels: 0, perChannel: 0, dms: 2000 }],
  ];
  const rows: Record<string, string | number>[] = [await baseline({ channels: 300, perChannel: 1, dms: 0 })];
  const kinds: ('pglite' | 'postgres')[] = ['pglite'];
  if (await postgresReachable()) kinds.push('postgres');
  else console.log(`PostgreSQL at ${POSTGRES_URL} is not reachable: PGlite rows only.`);
  for (const kind of kinds) {
    await withDatabase(kind, async (db) => {
      for (const [name, shape] of scenarios) rows.push(await runScenario(db, name, shape));
    });
  }
  printTable('Outbox dispatcher against the fake Slack (1 msg/s per channel, burst 4)', rows);
  console.log('\n"limit floor s": the least time Slack\'s per-channel limit allows for that shape; 429s: rate-limit answers the dispatcher caused.');
}

// ---------- entry: the benchmark, or (as a child) the fake Slack ----------

if (process.argv[2] === '--fake-slack') {
  const shape = JSON.parse(process.argv[3]!) as Shape;
  const fake = await new FakeSlack().start(); // default posting rate: 1/s per channel, burst 4
  for (let i = 0; i < shape.channels; i++) fake.addChannel({ id: channelId(i), name: `bench-${i}`, members: [fake.bot.userId] });
  for (let i = 0; i < shape.dms; i++) fake.addUser({ id: userId(i), name: `person-${i}` });
  process.stdout.write(`${JSON.stringify({ url: fake.url })}\n`);
  process.once('SIGTERM', () => void fake.stop().then(() => process.exit(0)));
} else {
  await main();
}
