// The progress-reporting path under load: `/reap update` (ack latency, and time until the
// modal is open: Slack's trigger id lives 3 s) and the modal's Submit (ack latency, which
// includes storing the update in its transaction) at 10 and 50 concurrent users (BENCH_USERS),
// on a department with 150 strategies (the select keeps 100) among 60 departments × 30
// strategies × 20 updates of other data, on PGlite and (when reachable) on PostgreSQL. The floor is measured in the same run: a bare Bolt app that opens a fixed
// modal and acks the submission without doing anything.
//
//   npx tsx bench/slack-update.bench.ts        BENCH_REQUESTS=100 per cell by default
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { loadConfig } from '../src/config.js';
import { openDatabase, type Database, type Prisma } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { createLogger } from '../src/logger.js';
import {
  createFakeSlack,
  deliver,
  formBody,
  payloadBody,
  slashCommandPayload,
  viewSubmissionPayload,
  FORM_CONTENT_TYPE,
  type CallRecord,
} from '../src/sandbox/fake-slack/index.js';
import { startServer } from '../src/server.js';
import { freshPostgresDatabase, percentile, postgresReachable, printTable, serveReceiver } from './lib.js';

const SECRET = 'bench-secret';
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 100);
const STRATEGIES = 150;
const STAFF = 50;
const CONCURRENCY = (process.env.BENCH_USERS ?? '10,50').split(',').map(Number);
// The rest of the City, so that queries run against a realistic amount of data.
const OTHER_DEPARTMENTS = 60;
const STRATEGIES_PER_DEPARTMENT = 30;
const UPDATES_PER_STRATEGY = 20;
const NOW = new Date('2026-11-18T17:00:00Z');
const CHANNEL = 'C0BENCHUPD';

const fake = await createFakeSlack({ postingRate: false }).start();
// One listener per user waiting for their modal; 50 at once is expected here.
fake.setMaxListeners(0);
const staffId = (i: number) => `UBU${String(i).padStart(3, '0')}`;
const staff = Array.from({ length: STAFF }, (_, i) => staffId(i));

async function loadData(prisma: Prisma): Promise<void> {
  const dept = await prisma.department.create({ data: { code: 'BENCH', name: 'Department of Benchmarks', slackChannelId: CHANNEL } });
  await prisma.member.createMany({ data: staff.map((id, i) => ({ slackUserId: id, name: `Staff ${i}`, roles: ['STAFF' as const], departmentId: dept.id })) });
  const members = await prisma.member.findMany({ where: { departmentId: dept.id }, orderBy: { id: 'asc' }, select: { id: true } });
  const plan = await prisma.plan.create({ data: { key: 'BENCH-FY2026-2028', kind: 'DEPARTMENT_REAP', title: 'Bench REAP', departmentId: dept.id, fiscalStartYear: 2026, fiscalEndYear: 2028 } });
  await prisma.objective.createMany({ data: Array.from({ length: 5 }, (_, o) => ({ planId: plan.id, number: o + 1, title: `Objective ${o + 1}: a long title about language access and disability access` })) });
  const objectives = await prisma.objective.findMany({ where: { planId: plan.id }, orderBy: { number: 'asc' } });
  await prisma.strategy.createMany({
    data: Array.from({ length: STRATEGIES }, (_, i) => ({
      objectiveId: objectives[i % 5]!.id,
      number: Math.floor(i / 5) + 1,
      text: `Strategy ${i}: extend language access and disability access to every program of the department, with community partners.`,
      status: 'IN_PROGRESS' as const,
      // The first STAFF strategies belong one each to the staff (they submit on their own).
      ownerId: members[i % STAFF]!.id,
      performanceMeasures: '% of participants who rate the sessions as good or better',
    })),
  });
}

async function loadOtherDepartments(prisma: Prisma): Promise<void> {
  for (let d = 0; d < OTHER_DEPARTMENTS; d++) {
    const dept = await prisma.department.create({ data: { code: `D${d}`, name: `Department ${d}` } });
    const author = await prisma.member.create({ data: { slackUserId: `UOD${String(d).padStart(3, '0')}`, name: `Lead ${d}`, roles: ['EQUITY_LEAD'], departmentId: dept.id } });
    const plan = await prisma.plan.create({ data: { key: `D${d}-FY2026-2028`, kind: 'DEPARTMENT_REAP', title: `REAP ${d}`, departmentId: dept.id, fiscalStartYear: 2026, fiscalEndYear: 2028 } });
    const objective = await prisma.objective.create({ data: { planId: plan.id, number: 1, title: 'Objective' } });
    await prisma.strategy.createMany({
      data: Array.from({ length: STRATEGIES_PER_DEPARTMENT }, (_, i) => ({ objectiveId: objective.id, number: i + 1, text: `Strategy ${i}`, status: 'IN_PROGRESS' as const, ownerId: author.id })),
    });
    const strategies = await prisma.strategy.findMany({ where: { objectiveId: objective.id }, select: { id: true } });
    await prisma.progressUpdate.createMany({
      data: strategies.flatMap((st) =>
        Array.from({ length: UPDATES_PER_STRATEGY }, (_, u) => ({
          strategyId: st.id,
          periodKey: 'FY2027-Q1',
          periodStart: new Date('2026-07-01'),
          periodEnd: new Date('2026-09-30'),
          statusFrom: 'IN_PROGRESS' as const,
          statusTo: 'IN_PROGRESS' as const,
          narrative: `Update ${u}`,
          authorId: author.id,
          idempotencyKey: `bench:${st.id}:${u}`,
        })),
      ),
    });
  }
}

function populateFake(): void {
  for (const id of staff) if (!fake.workspace.users.get(id)) fake.addUser({ id, name: id.toLowerCase(), real_name: id });
  if (!fake.workspace.resolveChannel(CHANNEL)) fake.addChannel({ id: CHANNEL, name: 'bench-updates', members: [...staff, fake.workspace.bot.userId] });
}

// ---------- the apps under test ----------

interface Target {
  url: string;
  stop: () => Promise<void>;
}

const fixedModal = {
  type: 'modal' as const,
  callback_id: 'reap.update',
  title: { type: 'plain_text' as const, text: 'Report progress' },
  submit: { type: 'plain_text' as const, text: 'Submit' },
  blocks: [{ type: 'input' as const, block_id: 'narrative', label: { type: 'plain_text' as const, text: 'What was done' }, element: { type: 'plain_text_input' as const, action_id: 'narrative' } }],
};

async function bareBolt(): Promise<Target> {
  const receiver = new HTTPReceiver({ signingSecret: SECRET, logLevel: LogLevel.ERROR });
  const app = new App({ token: fake.botToken, receiver, botId: 'B0BOT', botUserId: 'U0BOT', clientOptions: { slackApiUrl: fake.url, retryConfig: { retries: 0 } } });
  app.command('/reap', async ({ ack, client, command }) => {
    await ack();
    await client.views.open({ trigger_id: command.trigger_id, view: fixedModal });
  });
  app.view('reap.update', async ({ ack }) => {
    await ack();
  });
  return serveReceiver(receiver);
}

async function reapApp(db: Database): Promise<Target> {
  const config = loadConfig({ SLACK_BOT_TOKEN: fake.botToken, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.url, LOG_LEVEL: 'silent' });
  const running = await startServer({
    config,
    logger: createLogger('silent'),
    db,
    now: () => NOW,
    port: 0,
    host: '127.0.0.1',
    scheduler: false,
    slack: { mode: 'http', botToken: fake.botToken, signingSecret: SECRET, apiUrl: fake.url, identity: { botId: 'B0BOT', botUserId: 'U0BOT' } },
  });
  return { url: `http://127.0.0.1:${running.port}/slack/events`, stop: running.stop };
}

// ---------- load ----------

/** Resolves when a modal with `callbackId` is opened (or filled in after loading) for a user. */
function modalFor(user: string, callbackId: string, timeoutMs = 30_000): Promise<string | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      fake.off('call', listener);
      resolve(null);
    }, timeoutMs);
    const listener = (call: CallRecord) => {
      if (call.method !== 'views.open' && call.method !== 'views.update') return;
      const view = (call.response as { ok?: boolean; view?: { id: string; callback_id: string } }).view;
      const top = fake.workspace.modalStack(user).at(-1);
      if (view && top?.id === view.id && view.callback_id === callbackId) {
        clearTimeout(timer);
        fake.off('call', listener);
        resolve(view.id);
      }
    };
    fake.on('call', listener);
  });
}

interface Sample {
  ack: number;
  done: number | null;
  ok: boolean;
}

async function send(url: string, body: string): Promise<{ ms: number; ok: boolean; body: string }> {
  const t0 = performance.now();
  try {
    const r = await deliver({ url, secret: SECRET, body, contentType: FORM_CONTENT_TYPE }, { timeoutMs: 30_000 });
    return { ms: r.ms, ok: r.status === 200, body: r.body };
  } catch {
    return { ms: performance.now() - t0, ok: false, body: '' };
  }
}

/** `/reap update <text>` until the form is open; returns the view id for a submission. */
async function openForm(url: string, user: string, text: string): Promise<Sample & { viewId: string | null }> {
  fake.workspace.clearModals(user);
  const opened = modalFor(user, 'reap.update');
  const body = formBody(slashCommandPayload(fake, { user, channel: CHANNEL, text }) as unknown as Record<string, string>);
  const t0 = performance.now();
  const r = await send(url, body);
  const viewId = r.ok ? await opened : null;
  return { ack: r.ms, done: viewId ? performance.now() - t0 : null, ok: r.ok && viewId !== null, viewId };
}

async function submit(url: string, user: string, viewId: string): Promise<Sample> {
  const view = fake.workspace.view(viewId)!;
  view.state.narrative = { narrative: { type: 'plain_text_input', value: `Held two sessions in Spanish and Vietnamese (${Math.random()}).` } };
  const r = await send(url, payloadBody(viewSubmissionPayload(fake, view)));
  // An empty ack closes the modal: the update is stored.
  return { ack: r.ms, done: null, ok: r.ok && r.body === '' };
}

interface Result {
  ack: number[];
  done: number[];
  errors: number;
  seconds: number;
}

async function run(concurrency: number, one: (user: string, i: number) => Promise<Sample>): Promise<Result> {
  const ack: number[] = [];
  const done: number[] = [];
  let errors = 0;
  let sent = 0;
  const t0 = performance.now();
  const worker = async (slot: number) => {
    while (sent < REQUESTS) {
      const i = sent++;
      const r = await one(staff[slot % staff.length]!, i);
      ack.push(r.ack);
      if (r.done !== null) done.push(r.done);
      if (!r.ok) errors++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, i) => worker(i)));
  return { ack, done, errors, seconds: (performance.now() - t0) / 1000 };
}

const p50 = (v: number[]) => (v.length ? percentile(v, 50).toFixed(1) : '—');
const p99 = (v: number[]) => (v.length ? percentile(v, 99).toFixed(1) : '—');

async function benchDatabase(label: string, db: Database, rows: Record<string, string | number>[]) {
  await migrate(db);
  await loadOtherDepartments(db.prisma);
  await loadData(db.prisma);
  populateFake();
  const reap = await reapApp(db);
  const bare = await bareBolt();
  const row = (users: number, request: string, app: string, r: Result, base?: Result) => ({
    db: label,
    users,
    request,
    app,
    'ack p50': p50(r.ack),
    'ack p99': p99(r.ack),
    'modal p50': p50(r.done),
    'modal p99': base && r.done.length && base.done.length ? `${p99(r.done)} (${(percentile(r.done, 99) / Math.max(0.1, percentile(base.done, 99))).toFixed(1)}x)` : p99(r.done),
    'req/s': (REQUESTS / r.seconds).toFixed(0),
    errors: r.errors,
  });
  for (const c of CONCURRENCY) {
    await run(c, (u) => openForm(reap.url, u, 'update')); // warm-up
    const bOpen = await run(c, (u) => openForm(bare.url, u, 'update'));
    const list = await run(c, (u) => openForm(reap.url, u, 'update'));
    const pre = await run(c, (u) => openForm(reap.url, u, 'update 1.1'));
    rows.push(row(c, '/reap update', 'bare Bolt (fixed modal)', bOpen), row(c, '/reap update', 'REAP Tracker', list, bOpen), row(c, '/reap update 1.1', 'REAP Tracker', pre, bOpen));

    // Submit: each user opens a fresh form on their own strategy (by id), then submits it.
    const own = new Map<string, number>();
    for (const s of await db.prisma.strategy.findMany({ where: { owner: { slackUserId: { in: staff } } }, orderBy: { id: 'asc' }, select: { id: true, owner: { select: { slackUserId: true } } } })) {
      if (!own.has(s.owner!.slackUserId)) own.set(s.owner!.slackUserId, s.id);
    }
    const bSub = await run(c, async (u) => {
      const o = await openForm(bare.url, u, 'update');
      return o.viewId ? submit(bare.url, u, o.viewId) : { ...o, done: null };
    });
    const sub = await run(c, async (u) => {
      const o = await openForm(reap.url, u, `update ${own.get(u)}`);
      return o.viewId ? submit(reap.url, u, o.viewId) : { ...o, done: null };
    });
    rows.push(row(c, 'Submit', 'bare Bolt (ack only)', bSub), row(c, 'Submit', 'REAP Tracker', sub));
  }
  await reap.stop();
  await bare.stop();
}

const rows: Record<string, string | number>[] = [];
await benchDatabase('PGlite', await openDatabase({ kind: 'pglite', dataDir: null }), rows);
if (await postgresReachable()) {
  const fresh = await freshPostgresDatabase();
  try {
    await benchDatabase('PostgreSQL', await openDatabase({ kind: 'postgres', url: fresh.url }), rows);
  } finally {
    await fresh.drop();
  }
} else {
  console.log('PostgreSQL is not reachable: PGlite rows only.');
}
printTable(`/reap update and Submit, ${REQUESTS} requests per cell, ${STRATEGIES} strategies in the department, ${OTHER_DEPARTMENTS}×${STRATEGIES_PER_DEPARTMENT}×${UPDATES_PER_STRATEGY} other data (ms; "modal" = until the form is open)`, rows);
await fake.stop();
process.exit(0);
