// The progress-reporting path under load, at 10 and 50 concurrent users (BENCH_USERS), each
// sending their next request as soon as the previous one is answered:
// - `/reap update`: command arrival → `views.open` issued (the trigger id is used; it lives
//   3 s), the ack, and the time until the finished form is in the modal;
// - the modal's Submit: arrival → ack (the update is stored inside that time).
// The department has 150 strategies (the select keeps 100), among 60 departments × 30
// strategies × 20 updates of other data, on PGlite and (when reachable) on PostgreSQL. The
// floor is measured in the same run: a bare Bolt app making the same Slack calls with fixed
// content (a loading modal filled by views.update; the Submit acked, then a DM and a channel
// post; bench/serve-target.ts). Each app runs alone in its own process (bench/serve-target.ts); the fake Slack
// and the load generator stay here.
//
// Each cell also reports the app process's CPU time per request (every thread, from /proc):
// unlike latency under a saturating load, it does not depend on what else the machine does.
//
// Two load models. "back-to-back" (default): each user sends the next request the moment
// the last is answered, which keeps the app saturated and measures queueing as much as the
// app. "paced" (BENCH_THINK_MS, e.g. 1000): each user waits that long after the form is in
// the modal before pressing Submit, and after each answer before the next command, as people
// reading and typing do (real ones take far longer).
//
//   npx tsx bench/slack-update.bench.ts        BENCH_REQUESTS=1000 per cell by default
//
// 1,000 because the targets are p99s: of 100 requests the p99 is the second slowest, so one
// stall of the shared machine decided a cell (and its ratio to the floor) from run to run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Database, type Prisma } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
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
import { cpuMs, freshPostgresDatabase, percentile, postgresReachable, printTable, rssMiB, startTarget, startTimingTap, type BenchTarget } from './lib.js';

const SECRET = 'bench-secret';
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1000);
const STRATEGIES = 150;
const STAFF = 50;
const CONCURRENCY = (process.env.BENCH_USERS ?? '10,50').split(',').map(Number);
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 0);
const think = () => (THINK_MS > 0 ? new Promise((r) => setTimeout(r, THINK_MS * (0.5 + Math.random()))) : Promise.resolve());
// The rest of the City, so that queries run against a realistic amount of data.
const OTHER_DEPARTMENTS = 60;
const STRATEGIES_PER_DEPARTMENT = 30;
const UPDATES_PER_STRATEGY = 20;
const NOW = new Date('2026-11-18T17:00:00Z');
const CHANNEL = 'C0BENCHUPD';

// Only the last calls are kept: the benchmark watches them as they come (on('call')).
const fake = await createFakeSlack({ postingRate: false, journalLimit: 500 }).start();
// One listener per user waiting for their modal; 50 at once is expected here.
fake.setMaxListeners(0);
// Every request to an app and every Web API call from it passes through the tap, which times
// them in a process of its own (see bench/timing-tap.ts for why).
const tap = await startTimingTap(fake.origin);
const staffId = (i: number) => `UBU${String(i).padStart(3, '0')}`;
const staff = Array.from({ length: STAFF }, (_, i) => staffId(i));

async function loadData(prisma: Prisma): Promise<void> {
  const dept = await prisma.department.create({ data: { code: 'BENCH', name: 'Department of Benchmarks', slackChannelId: CHANNEL } });
  await prisma.member.createMany({ data: staff.map((id, i) => ({ slackUserId: id, name: `Staff ${i}`, roles: ['STAFF' as const], departmentId: dept.id })) });
  const members = await prisma.member.findMany({ where: { departmentId: dept.id }, orderBy: { id: 'asc' }, select: { id: true } });
  const plan = await prisma.plan.create({
    data: { key: 'BENCH-FY2026-2028', kind: 'DEPARTMENT_REAP', title: 'Bench REAP', departmentId: dept.id, fiscalStartYear: 2026, fiscalEndYear: 2028 },
  });
  await prisma.objective.createMany({
    data: Array.from({ length: 5 }, (_, o) => ({
      planId: plan.id,
      number: o + 1,
      title: `Objective ${o + 1}: a long title about language access and disability access`,
    })),
  });
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
    const author = await prisma.member.create({
      data: { slackUserId: `UOD${String(d).padStart(3, '0')}`, name: `Lead ${d}`, roles: ['EQUITY_LEAD'], departmentId: dept.id },
    });
    const plan = await prisma.plan.create({
      data: { key: `D${d}-FY2026-2028`, kind: 'DEPARTMENT_REAP', title: `REAP ${d}`, departmentId: dept.id, fiscalStartYear: 2026, fiscalEndYear: 2028 },
    });
    const objective = await prisma.objective.create({ data: { planId: plan.id, number: 1, title: 'Objective' } });
    await prisma.strategy.createMany({
      data: Array.from({ length: STRATEGIES_PER_DEPARTMENT }, (_, i) => ({
        objectiveId: objective.id,
        number: i + 1,
        text: `Strategy ${i}`,
        status: 'IN_PROGRESS' as const,
        ownerId: author.id,
      })),
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

// ---------- load ----------

interface Opened {
  /** ms from sending the command until the fake Slack, in this busy process, handled the app's views.open. */
  open: number | null;
  /** The modal's id once the form with `callbackId` is on top of the user's stack. */
  viewId: string | null;
  /** Slack's error for the app's views.open and views.update calls on this modal, if any. */
  refused: string[];
}

/** Watches the fake for one user's modal: the first views.open with the trigger, then the finished form. */
function watchModal(user: string, triggerId: string, callbackId: string, t0: number, timeoutMs = 30_000): Promise<Opened> {
  return new Promise((resolve) => {
    let open: number | null = null;
    let modalId: string | null = null;
    const refused: string[] = [];
    const finish = (viewId: string | null) => {
      clearTimeout(timer);
      fake.off('call', listener);
      resolve({ open, viewId, refused });
    };
    const timer = setTimeout(() => finish(null), timeoutMs);
    const listener = (call: CallRecord) => {
      if (call.method !== 'views.open' && call.method !== 'views.update') return;
      const answer = call.response as { ok?: boolean; error?: string; view?: { id: string; callback_id: string } };
      if (call.method === 'views.open' && call.args.trigger_id === triggerId) {
        if (open === null) open = performance.now() - t0;
        if (answer.view) modalId = answer.view.id;
        if (!answer.ok) refused.push(`views.open ${answer.error} after ${Math.round(performance.now() - t0)} ms`);
      }
      if (call.method === 'views.update' && modalId !== null && call.args.view_id === modalId && !answer.ok) refused.push(`views.update ${answer.error}`);
      const view = answer.view;
      const top = fake.workspace.modalStack(user).at(-1);
      if (view && top?.id === view.id && view.callback_id === callbackId) finish(view.id);
    };
    fake.on('call', listener);
  });
}

interface Sample {
  /** The tap's key for the request's ack time. */
  ackId: string;
  /** ms from sending until the answer was read here (the tap's figure is the ack). */
  ackSeen: number;
  /** The command's trigger, the tap's key for its "open" time; null for a Submit. */
  trigger: string | null;
  openSeen: number | null;
  form: number | null;
  ok: boolean;
  /** What went wrong when not ok, for the list printed after the table. */
  failure?: string;
}

let requestIds = 0;
/** Every failure's description, with how often it happened, printed after the table. */
const failures = new Map<string, number>();

async function send(url: string, body: string): Promise<{ id: string; ms: number; ok: boolean; status: number | string; body: string }> {
  const id = String(++requestIds);
  const t0 = performance.now();
  try {
    const r = await deliver({ url, secret: SECRET, body, contentType: FORM_CONTENT_TYPE }, { timeoutMs: 30_000, headers: { 'x-bench-id': id } });
    return { id, ms: r.ms, ok: r.status === 200, status: r.status, body: r.body };
  } catch (e) {
    return { id, ms: performance.now() - t0, ok: false, status: (e as Error).message, body: '' };
  }
}

/** What the person's modal showed when the form did not come: its callback id and words. */
function shownInstead(user: string): string {
  const top = fake.workspace.modalStack(user).at(-1);
  if (!top) return 'no modal';
  const words =
    JSON.stringify(top.definition.blocks ?? [])
      .match(/"text":"([^"]{1,200})/g)
      ?.map((t) => t.slice(8)) ?? [];
  return `${String(top.definition.callback_id)}: ${words.join(' ').slice(0, 200)}`;
}

/** `/reap update <text>` until the form is open; returns the view id for a submission. */
async function openForm(url: string, user: string, text: string): Promise<Sample & { viewId: string | null }> {
  fake.workspace.clearModals(user);
  const payload = slashCommandPayload(fake, { user, channel: CHANNEL, text });
  const body = formBody(payload as unknown as Record<string, string>);
  const t0 = performance.now();
  const trigger = String(payload.trigger_id);
  const watched = watchModal(user, trigger, 'reap.update', t0);
  const r = await send(url, body);
  const { open, viewId, refused } = await watched;
  const ok = r.ok && viewId !== null;
  const failure = ok ? undefined : r.ok ? `no form in the modal (${[shownInstead(user), ...refused].join('; ')})` : `command answered ${r.status}`;
  return { ackId: r.id, ackSeen: r.ms, trigger, openSeen: open, form: viewId ? performance.now() - t0 : null, ok, failure, viewId };
}

async function submit(url: string, user: string, viewId: string): Promise<Sample> {
  const view = fake.workspace.view(viewId)!;
  view.state.narrative = { narrative: { type: 'plain_text_input', value: `Held two sessions in Spanish and Vietnamese (${Math.random()}).` } };
  const r = await send(url, payloadBody(viewSubmissionPayload(fake, view)));
  // An empty ack closes the modal: the update is stored.
  const ok = r.ok && r.body === '';
  return {
    ackId: r.id,
    ackSeen: r.ms,
    trigger: null,
    openSeen: null,
    form: null,
    ok,
    failure: ok ? undefined : `Submit answered ${r.status} ${r.body.slice(0, 300)}`,
  };
}

interface Result {
  /** Arrival → ack, timed by the tap. */
  ack: number[];
  /** Send → answer read, timed by the load generator. */
  ackSeen: number[];
  /** Command arrival → views.open issued, timed by the tap. */
  open: number[];
  /** Send → views.open handled by the fake Slack, timed in this process. */
  openSeen: number[];
  form: number[];
  /** The app process's resident memory after the cell's requests. */
  rss: number;
  errors: number;
  seconds: number;
  /** The app process's CPU time per request, ms. */
  cpu: number;
}

async function run(
  cell: string,
  target: BenchTarget & { pid: number },
  concurrency: number,
  one: (user: string, i: number) => Promise<Sample>,
): Promise<Result> {
  const res: Result = { ack: [], ackSeen: [], open: [], openSeen: [], form: [], rss: 0, errors: 0, seconds: 0, cpu: 0 };
  const samples: Sample[] = [];
  let sent = 0;
  const t0 = performance.now();
  const cpu0 = cpuMs(target.pid);
  const worker = async (slot: number) => {
    // Paced users do not all start in the same millisecond either.
    if (THINK_MS > 0) await new Promise((r) => setTimeout(r, Math.random() * THINK_MS));
    while (sent < REQUESTS) {
      const i = sent++;
      const r = await one(staff[slot % staff.length]!, i);
      samples.push(r);
      res.ackSeen.push(r.ackSeen);
      if (r.openSeen !== null) res.openSeen.push(r.openSeen);
      if (r.form !== null) res.form.push(r.form);
      if (!r.ok) {
        res.errors++;
        const what = `${cell}, ${concurrency} users: ${r.failure ?? 'failed'}`;
        failures.set(what, (failures.get(what) ?? 0) + 1);
      }
      await think();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, i) => worker(i)));
  res.seconds = (performance.now() - t0) / 1000;
  res.cpu = (cpuMs(target.pid) - cpu0) / REQUESTS;
  res.rss = rssMiB(target.pid);
  await tap.flush();
  for (const s of samples) {
    const ack = tap.acks.get(s.ackId);
    if (ack !== undefined) res.ack.push(ack);
    const open = s.trigger ? tap.opens.get(s.trigger) : undefined;
    if (open !== undefined) res.open.push(open);
  }
  return res;
}

const p50 = (v: number[]) => (v.length ? percentile(v, 50).toFixed(1) : '—');
const p99 = (v: number[]) => (v.length ? percentile(v, 99).toFixed(1) : '—');
const vsFloor = (v: number[], floor: number[]) =>
  v.length && floor.length ? `${p99(v)} (${(percentile(v, 99) / Math.max(0.1, percentile(floor, 99))).toFixed(1)}x)` : p99(v);

const targetEnv = (databaseUrl: string) => ({
  SLACK_BOT_TOKEN: fake.botToken,
  SLACK_SIGNING_SECRET: SECRET,
  SLACK_API_URL: tap.apiUrl,
  DATABASE_URL: databaseUrl,
  BENCH_NOW: NOW.toISOString(),
});

/** Loads the data through `db` and returns each staff member's first own strategy id. */
async function prepareDatabase(db: Database): Promise<Map<string, number>> {
  await migrate(db);
  await loadOtherDepartments(db.prisma);
  await loadData(db.prisma);
  // Statistics, as a live database has them (autovacuum on PostgreSQL, the upkeep on PGlite).
  await db.prisma.$executeRawUnsafe('ANALYZE');
  const own = new Map<string, number>();
  for (const s of await db.prisma.strategy.findMany({
    where: { owner: { slackUserId: { in: staff } } },
    orderBy: { id: 'asc' },
    select: { id: true, owner: { select: { slackUserId: true } } },
  })) {
    if (!own.has(s.owner!.slackUserId)) own.set(s.owner!.slackUserId, s.id);
  }
  await db.close();
  return own;
}

async function benchDatabase(label: string, databaseUrl: string, own: Map<string, number>, rows: Record<string, string | number>[]) {
  populateFake();
  const reapProcess = await startTarget({ ...targetEnv(databaseUrl), BENCH_TARGET: 'reap' });
  const bareProcess = await startTarget({ ...targetEnv(databaseUrl), BENCH_TARGET: 'bare', BENCH_CHANNEL: CHANNEL });
  const reap = { ...reapProcess, url: tap.via(reapProcess.url) };
  const bare = { ...bareProcess, url: tap.via(bareProcess.url) };
  startRss.push({ db: label, app: 'REAP Tracker', 'RSS MiB after start': rssMiB(reapProcess.pid).toFixed(0) });
  startRss.push({ db: label, app: 'bare Bolt', 'RSS MiB after start': rssMiB(bareProcess.pid).toFixed(0) });
  const row = (users: number, request: string, app: string, r: Result, base?: Result) => ({
    db: label,
    users,
    request,
    app,
    'ack p99': p99(r.ack),
    'open p50': p50(r.open),
    'open p99': base ? vsFloor(r.open, base.open) : p99(r.open),
    'open p99 seen': base ? vsFloor(r.openSeen, base.openSeen) : p99(r.openSeen),
    'form p50': p50(r.form),
    'form p99': p99(r.form),
    'submit p50': '—',
    'submit p99': '—',
    'submit p99 seen': '—',
    'req/s': (REQUESTS / r.seconds).toFixed(0),
    'CPU ms/req': r.cpu.toFixed(1),
    'RSS MiB after': r.rss.toFixed(0),
    errors: r.errors,
  });
  const submitRow = (users: number, app: string, r: Result, base?: Result) => ({
    ...row(users, 'Submit', app, { ...r, open: [], openSeen: [], form: [] }),
    'ack p99': '—',
    'submit p50': p50(r.ack),
    'submit p99': base ? vsFloor(r.ack, base.ack) : p99(r.ack),
    'submit p99 seen': base ? vsFloor(r.ackSeen, base.ackSeen) : p99(r.ackSeen),
  });
  try {
    for (const c of CONCURRENCY) {
      await run(`${label} REAP Tracker warm-up`, reap, c, (u) => openForm(reap.url, u, 'update')); // warm-up: JIT, caches, pools
      await run(`${label} bare Bolt warm-up`, bare, c, (u) => openForm(bare.url, u, 'update'));
      const bOpen = await run(`${label} bare Bolt /reap update`, bare, c, (u) => openForm(bare.url, u, 'update'));
      const list = await run(`${label} REAP Tracker /reap update`, reap, c, (u) => openForm(reap.url, u, 'update'));
      const pre = await run(`${label} REAP Tracker /reap update 1.1`, reap, c, (u) => openForm(reap.url, u, 'update 1.1'));
      rows.push(
        row(c, '/reap update', 'bare Bolt (fixed modal, filled)', bOpen),
        row(c, '/reap update', 'REAP Tracker', list, bOpen),
        row(c, '/reap update 1.1', 'REAP Tracker', pre, bOpen),
      );

      // Submit: each user opens a fresh form on their own strategy (by id), then submits it;
      // only the Submit's ack is counted here.
      const submitOnly = async (url: string, u: string, text: string): Promise<Sample> => {
        const o = await openForm(url, u, text);
        if (!o.viewId) return { ...o, trigger: null, openSeen: null, form: null };
        await think();
        return submit(url, u, o.viewId);
      };
      const bSub = await run(`${label} bare Bolt Submit`, bare, c, (u) => submitOnly(bare.url, u, 'update'));
      const sub = await run(`${label} REAP Tracker Submit`, reap, c, (u) => submitOnly(reap.url, u, `update ${own.get(u)}`));
      rows.push(submitRow(c, 'bare Bolt (ack, DM, post)', bSub), submitRow(c, 'REAP Tracker', sub, bSub));
    }
  } finally {
    await reap.stop();
    await bare.stop();
  }
}

const rows: Record<string, string | number>[] = [];
const startRss: Record<string, string | number>[] = [];
// BENCH_DB=pglite or postgres measures only that one.
const only = process.env.BENCH_DB;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'reap-bench-update-'));
try {
  if (only !== 'postgres') {
    const own = await prepareDatabase(await openDatabase({ kind: 'pglite', dataDir }));
    await benchDatabase('PGlite', `pglite:${dataDir}`, own, rows);
  }
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
if (only === 'pglite') {
  // PostgreSQL not asked for.
} else if (await postgresReachable()) {
  const fresh = await freshPostgresDatabase();
  try {
    const own = await prepareDatabase(await openDatabase({ kind: 'postgres', url: fresh.url }));
    await benchDatabase('PostgreSQL', fresh.url, own, rows);
  } finally {
    await fresh.drop();
  }
} else {
  console.log('PostgreSQL is not reachable: PGlite rows only.');
}
printTable(
  `/reap update and Submit, ${THINK_MS > 0 ? `paced (each user thinks ${THINK_MS / 2}–${(THINK_MS * 3) / 2} ms between steps)` : 'back-to-back'}, ${REQUESTS} requests per cell, ${STRATEGIES} strategies in the department, ${OTHER_DEPARTMENTS}×${STRATEGIES_PER_DEPARTMENT}×${UPDATES_PER_STRATEGY} other data (ms; "open" = command arrival → views.open issued and "submit" = Submit arrival → ack, both timed by the tap between the app and the rest; "… seen" = the same as the load generator and the fake Slack in this process saw them; "form" = until the finished form is in the modal)`,
  rows,
);
printTable('Resident memory of each app process after start (the table above: after each cell)', startRss);
for (const [failure, count] of failures) console.log(`failed ${count}×: ${failure}`);
await tap.stop();
await fake.stop();
process.exit(0);
