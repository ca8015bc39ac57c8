// The reading side under load: `/reap status` (ack latency, and time until the answer is
// on screen) and App Home publish latency at 10 and 50 concurrent users, with 60
// departments × 30 strategies × 20 updates loaded, on PGlite and (when reachable) on
// PostgreSQL. The floor is measured in the same run: a bare Bolt app on the same receiver
// whose listeners only ack (and, for Home, publish a fixed one-block view). Each app runs
// alone in its own process (bench/serve-target.ts); the fake Slack and the load stay here.
// Acks and Home publishes are timed by the timing tap between the apps and the rest
// (bench/timing-tap.ts); a status answer goes by response_url straight to the fake Slack,
// so it is timed here.
//
//   npx tsx bench/slack-read.bench.ts        BENCH_REQUESTS=200 per cell by default
//   BENCH_THINK_MS=1000: paced users (each waits 0.5–1.5 × that after an answer, as people do)
//   BENCH_USERS=10,50 and BENCH_DB=pglite|postgres narrow the run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Database } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import {
  createFakeSlack,
  deliver,
  eventEnvelope,
  formBody,
  slashCommandPayload,
  FORM_CONTENT_TYPE,
  JSON_CONTENT_TYPE,
  type CallRecord,
} from '../src/sandbox/fake-slack/index.js';
import { DEPARTMENTS, STAFF_PER_DEPARTMENT, STRATEGIES_PER_DEPARTMENT, UPDATES_PER_STRATEGY, loadData, people, type People } from './read-data.js';
import { cpuMs, freshPostgresDatabase, percentile, postgresReachable, printTable, startTarget, startTimingTap } from './lib.js';

const SECRET = 'bench-secret';
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const CONCURRENCY = (process.env.BENCH_USERS ?? '10,50').split(',').map(Number);
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 0);
const think = () => (THINK_MS > 0 ? new Promise((r) => setTimeout(r, THINK_MS * (0.5 + Math.random()))) : Promise.resolve());
const ONLY_DB = process.env.BENCH_DB;
const NOW = new Date('2026-11-18T17:00:00Z');
const CHANNEL = 'C0BENCH';

const fake = await createFakeSlack({ postingRate: false }).start();
const tap = await startTimingTap(fake.origin);

function populateFake(p: People): void {
  const everyone = [p.admin, ...p.leads, ...p.staff];
  for (const id of everyone) {
    if (!fake.workspace.users.get(id)) fake.addUser({ id, name: id.toLowerCase(), real_name: id, tz: 'America/Los_Angeles', locale: 'en-US' });
  }
  if (!fake.workspace.resolveChannel(CHANNEL)) fake.addChannel({ id: CHANNEL, name: 'bench', members: [...everyone, fake.workspace.bot.userId] });
}

// ---------- load ----------

/** Resolves when the fake sees `match` for a user: an ephemeral through a response_url, or a Home publish. */
class Arrivals {
  private waiting = new Map<string, { resolve: () => void; count: number }>();
  constructor() {
    fake.on('call', (call: CallRecord) => this.onCall(call));
  }
  private onCall(call: CallRecord): void {
    if (call.method === 'views.publish') {
      const user = String(call.args.user_id);
      const w = this.waiting.get(`home:${user}`);
      if (w && (call.response as { ok?: boolean }).ok) {
        this.waiting.delete(`home:${user}`);
        w.resolve();
      }
    } else if (call.method === 'response_url') {
      for (const [key, w] of this.waiting) {
        if (!key.startsWith('eph:')) continue;
        if (fake.ephemerals(key.slice(4)).length > w.count) {
          this.waiting.delete(key);
          w.resolve();
        }
      }
    }
  }
  ephemeral(user: string): Promise<void> {
    return new Promise((resolve) => this.waiting.set(`eph:${user}`, { resolve, count: fake.ephemerals(user).length }));
  }
  home(user: string): Promise<void> {
    return new Promise((resolve) => this.waiting.set(`home:${user}`, { resolve, count: 0 }));
  }
}
const arrivals = new Arrivals();

interface Result {
  /** Arrival → ack, timed by the tap. */
  ack: number[];
  /** Until the answer: the ephemeral as the fake Slack here saw it, or the Home publish as the tap saw it. */
  done: number[];
  /** Until the Home publish as the fake Slack here saw it. */
  doneSeen: number[];
  errors: number;
  seconds: number;
  /** The app process's CPU time per request (all threads, from /proc), ms. */
  cpu: number;
}

interface Sample {
  id: string;
  done: number | null;
  ok: boolean;
}

/** `concurrency` users, each sending its next request when the previous one is answered (after thinking, when paced). */
async function run(pid: number, users: readonly string[], concurrency: number, one: (user: string) => Promise<Sample>, doneAtTap = false): Promise<Result> {
  const samples: Sample[] = [];
  let errors = 0;
  let sent = 0;
  const t0 = performance.now();
  const cpu0 = cpuMs(pid);
  const worker = async (slot: number) => {
    // Paced users do not all arrive in the first millisecond.
    if (THINK_MS > 0) await new Promise((r) => setTimeout(r, Math.random() * THINK_MS));
    while (sent < REQUESTS) {
      sent++;
      const r = await one(users[slot % users.length]!);
      samples.push(r);
      if (!r.ok) errors++;
      if (sent < REQUESTS) await think();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, i) => worker(i)));
  const seconds = (performance.now() - t0) / 1000;
  const cpu = (cpuMs(pid) - cpu0) / REQUESTS;
  await tap.flush();
  const ack = samples.flatMap((r) => tap.acks.get(r.id) ?? []);
  const doneSeen = samples.flatMap((r) => (r.done === null ? [] : [r.done]));
  const done = doneAtTap ? samples.flatMap((r) => tap.publishes.get(r.id) ?? []) : doneSeen;
  return { ack, done, doneSeen, errors, seconds, cpu };
}

let requestIds = 0;

/** A signed delivery; a timeout or a non-200 counts as an error (Slack would show the user one). */
async function send(request: Parameters<typeof deliver>[0]): Promise<{ id: string; ok: boolean }> {
  const id = `r${++requestIds}`;
  try {
    const r = await deliver(request, { timeoutMs: 30_000, headers: { 'x-bench-id': id } });
    return { id, ok: r.status === 200 };
  } catch {
    return { id, ok: false };
  }
}

async function status(url: string, user: string, waitForAnswer: boolean) {
  const body = formBody(slashCommandPayload(fake, { user, channel: CHANNEL, text: 'status' }) as unknown as Record<string, string>);
  const t0 = performance.now();
  const answered = waitForAnswer ? arrivals.ephemeral(user) : null;
  const r = await send({ url, secret: SECRET, body, contentType: FORM_CONTENT_TYPE });
  if (!r.ok) return { id: r.id, done: null, ok: false };
  if (answered) await Promise.race([answered, new Promise((res) => setTimeout(res, 30_000))]);
  return { id: r.id, done: answered ? performance.now() - t0 : null, ok: true };
}

async function homeOpened(url: string, user: string, waitForPublish: boolean) {
  const event = { type: 'app_home_opened', user, channel: fake.workspace.dmWith(user).channel.id, tab: 'home', event_ts: (Date.now() / 1000).toFixed(6) };
  const t0 = performance.now();
  const published = waitForPublish ? arrivals.home(user) : null;
  const r = await send({ url, secret: SECRET, body: JSON.stringify(eventEnvelope(fake, event)), contentType: JSON_CONTENT_TYPE });
  if (!r.ok) return { id: r.id, done: null, ok: false };
  if (published) await Promise.race([published, new Promise((res) => setTimeout(res, 30_000))]);
  return { id: r.id, done: published ? performance.now() - t0 : null, ok: true };
}

const p50 = (v: number[]) => percentile(v, 50).toFixed(1);
const p99 = (v: number[]) => percentile(v, 99).toFixed(1);

async function loadDatabase(label: string, db: Database): Promise<People> {
  await migrate(db);
  const p = people();
  const loaded = await loadData(db.prisma);
  console.log(`${label}: loaded ${loaded.strategies} strategies and ${loaded.updates} updates in ${(loaded.ms / 1000).toFixed(1)} s`);
  await db.close();
  return p;
}

async function benchDatabase(label: string, databaseUrl: string, p: People, rows: Record<string, string | number>[]) {
  populateFake(p);
  const env = {
    SLACK_BOT_TOKEN: fake.botToken,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: tap.apiUrl,
    DATABASE_URL: databaseUrl,
    BENCH_NOW: NOW.toISOString(),
  };
  const reapProcess = await startTarget({ ...env, BENCH_TARGET: 'reap' });
  const bareProcess = await startTarget({ ...env, BENCH_TARGET: 'bare' });
  const reap = { ...reapProcess, url: tap.via(reapProcess.url) };
  const bare = { ...bareProcess, url: tap.via(bareProcess.url) };
  // Leads see their department's status; Home goes to a mix of staff and leads.
  const statusUsers = p.leads;
  const homeUsers = p.leads.flatMap((l, i) => [l, p.staff[i * STAFF_PER_DEPARTMENT]!]);
  // The static publisher gets other people: its views would otherwise change the hashes REAP
  // Tracker remembers and make it retry (hash_conflict), which is correct but not this test.
  const bareHomeUsers = p.staff.filter((_, i) => i % STAFF_PER_DEPARTMENT === 1);
  for (const c of CONCURRENCY) {
    // Warm-up: JIT, connection pools, PGlite caches.
    await run(reap.pid, statusUsers, c, (u) => status(reap.url, u, true));
    await run(reap.pid, homeUsers, c, (u) => homeOpened(reap.url, u, true), true);
    const conflictsBefore = fake.calls('views.publish').filter((x) => (x.response as { error?: string }).error === 'hash_conflict').length;

    const b = await run(bare.pid, statusUsers, c, (u) => status(bare.url, u, true));
    const s = await run(reap.pid, statusUsers, c, (u) => status(reap.url, u, true));
    rows.push(
      {
        db: label,
        users: c,
        request: '/reap status',
        app: 'bare Bolt (fixed answer)',
        'ack p50': p50(b.ack),
        'ack p99': p99(b.ack),
        'answer p50': p50(b.done),
        'answer p99': p99(b.done),
        'answer p99 seen': p99(b.doneSeen),
        'req/s': (REQUESTS / b.seconds).toFixed(0),
        'CPU ms/req': b.cpu.toFixed(1),
        errors: b.errors,
      },
      {
        db: label,
        users: c,
        request: '/reap status',
        app: 'REAP Tracker',
        'ack p50': p50(s.ack),
        'ack p99': `${p99(s.ack)} (${(percentile(s.ack, 99) / Math.max(0.1, percentile(b.ack, 99))).toFixed(1)}x)`,
        'answer p50': p50(s.done),
        'answer p99': p99(s.done),
        'answer p99 seen': p99(s.doneSeen),
        'req/s': (REQUESTS / s.seconds).toFixed(0),
        'CPU ms/req': `${s.cpu.toFixed(1)} (${(s.cpu / Math.max(0.1, b.cpu)).toFixed(1)}x)`,
        errors: s.errors + (REQUESTS - s.done.length),
      },
    );
    const be = await run(bare.pid, bareHomeUsers, c, (u) => homeOpened(bare.url, u, true), true);
    const h = await run(reap.pid, homeUsers, c, (u) => homeOpened(reap.url, u, true), true);
    rows.push(
      {
        db: label,
        users: c,
        request: 'App Home',
        app: 'bare Bolt (static publish)',
        'ack p50': p50(be.ack),
        'ack p99': p99(be.ack),
        'answer p50': p50(be.done),
        'answer p99': p99(be.done),
        'answer p99 seen': p99(be.doneSeen),
        'req/s': (REQUESTS / be.seconds).toFixed(0),
        'CPU ms/req': be.cpu.toFixed(1),
        errors: be.errors + (REQUESTS - be.done.length),
      },
      {
        db: label,
        users: c,
        request: 'App Home',
        app: 'REAP Tracker',
        'ack p50': p50(h.ack),
        'ack p99': p99(h.ack),
        'answer p50': p50(h.done),
        'answer p99': `${p99(h.done)} (${(percentile(h.done, 99) / Math.max(0.1, percentile(be.done, 99))).toFixed(1)}x)`,
        'answer p99 seen': `${p99(h.doneSeen)} (${(percentile(h.doneSeen, 99) / Math.max(0.1, percentile(be.doneSeen, 99))).toFixed(1)}x)`,
        'req/s': (REQUESTS / h.seconds).toFixed(0),
        'CPU ms/req': `${h.cpu.toFixed(1)} (${(h.cpu / Math.max(0.1, be.cpu)).toFixed(1)}x)`,
        errors: h.errors + (REQUESTS - h.done.length),
      },
    );
    const conflicts = fake.calls('views.publish').filter((x) => (x.response as { error?: string }).error === 'hash_conflict').length - conflictsBefore;
    if (conflicts > 0) console.log(`${label}, ${c} users: ${conflicts} hash_conflict retries during the measured Home runs`);
  }
  await reap.stop();
  await bare.stop();
  fake.assertNoViolations({ allow: ['hash_conflict'] });
  fake.clearViolations();
}

const rows: Record<string, string | number>[] = [];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'reap-bench-read-'));
if (ONLY_DB !== 'postgres') {
  try {
    const p = await loadDatabase('PGlite', await openDatabase({ kind: 'pglite', dataDir }));
    await benchDatabase('PGlite', `pglite:${dataDir}`, p, rows);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
if (ONLY_DB === 'pglite') {
  // PGlite only, as asked.
} else if (await postgresReachable()) {
  const fresh = await freshPostgresDatabase();
  try {
    const p = await loadDatabase('PostgreSQL', await openDatabase({ kind: 'postgres', url: fresh.url }));
    await benchDatabase('PostgreSQL', fresh.url, p, rows);
  } finally {
    await fresh.drop();
  }
} else {
  console.log('PostgreSQL is not reachable: PGlite rows only.');
}
await tap.stop();
await fake.stop();
printTable(
  `Reading under load: ${DEPARTMENTS} departments × ${STRATEGIES_PER_DEPARTMENT} strategies × ${UPDATES_PER_STRATEGY} updates, ${REQUESTS} requests per cell, ${THINK_MS > 0 ? `paced (each user thinks ${THINK_MS / 2}–${(THINK_MS * 3) / 2} ms between requests)` : 'back-to-back'} (ms; "ack" = arrival → ack at the timing tap; "answer" = until the ephemeral is in Slack, or for App Home from the event's arrival until the app's accepted views.publish, at the tap; "answer p99 seen" = the same as the fake Slack in this process saw it)`,
  rows,
);
