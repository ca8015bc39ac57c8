// Charts: what a PNG chart costs to render, and what charts add to the weekly digest's
// fan-out for 200 managers (60 departments × 30 strategies × 20 updates, 3 departments per
// manager, three languages: digest-data.ts), on in-memory PGlite with the fake Slack
// taking the uploads over real HTTP.
//
//   npx tsx bench/charts.bench.ts
//   BENCH_RUNS=5 npx tsx bench/charts.bench.ts
//
// Rendering (status mix of three departments, spec → PNG): the first render in the process
// (module and JIT warm-up), a cold render (a spec not seen before, in a warm process), the
// same with the full DejaVu Sans instead of the subset the app ships (interleaved with it),
// and a cached one (the same spec again). Fan-out: the registered job's handler, as digest.bench.ts
// runs it, without charts (the baseline, in the same run) and with them; the job queues each
// chart as a pending block, so this is what charts cost the fan-out itself. Sending: the
// outbox dispatcher posting the 200 digests to the fake Slack, without charts (baseline),
// with charts on a fresh renderer (every distinct chart drawn and uploaded), the same with
// the full font, and with the renderer's cache warm (uploads only). The variants are interleaved run by run so the
// machine's drift affects each alike.
// Target (issue 16): charts add < 1 s to the 200-manager fan-out.
import { createRequire } from 'node:module';
import { openDatabase, type Database } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { ChartRenderer } from '../src/charts/renderer.js';
import { loadConfig } from '../src/config.js';
import { registerWeeklyDigest, type WeeklyDigestOptions } from '../src/jobs/composers/weekly-digest.js';
import { enqueueOutbox } from '../src/jobs/outbox/enqueue.js';
import { periodHelpers } from '../src/jobs/period.js';
import { JobRegistry, type JobRunContext } from '../src/jobs/registry.js';
import { createDispatcherClient } from '../src/jobs/slack-client.js';
import { OutboxDispatcher } from '../src/jobs/outbox/dispatcher.js';
import { ChartUploads } from '../src/charts/chart-uploads.js';
import type { WebClient } from '@slack/web-api';
import { createLogger } from '../src/logger.js';
import { FakeSlack } from '../src/sandbox/fake-slack/index.js';
import { createAppContext } from '../src/services/app-context.js';
import { translator } from '../src/slack/i18n/index.js';
import { statusMixChart } from '../src/slack/ui/charts/status-mix.js';
import { FIRE, ZONE, addManagers, generate } from './digest-data.js';
import { median, printTable } from './lib.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const MANAGERS = 200;
const RENDERS = 20;
/** The font the subset is cut from (scripts/subset-chart-font.sh), to show what it saves. */
const FULL_FONT = [createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')];

const round = (ms: number) => Math.round(ms * 10) / 10;
const counts = (i: number) => ({ COMPLETED: i % 7, IN_PROGRESS: 3 + (i % 5), ONGOING: i % 3, NOT_STARTED: 2 + (i % 4), DEFERRED: i % 2 });
const chartOf = (i: number) =>
  statusMixChart(
    translator((['en', 'es', 'vi'] as const)[i % 3] ?? 'en'),
    [0, 1, 2].map((k) => ({ name: `Department ${i * 3 + k} of the City of San José`, byStatus: counts(i + k) })),
  );

async function timeRender(renderer: ChartRenderer, i: number): Promise<Timed> {
  const spec = chartOf(i).spec;
  return timed(() => renderer.render(spec));
}

async function renderRows(): Promise<Record<string, string | number>[]> {
  const renderer = new ChartRenderer();
  const full = new ChartRenderer({ fontFiles: FULL_FONT });
  const first = await timeRender(renderer, 1_000);
  await timeRender(full, 1_000);
  const cold: Timed[] = [];
  const coldFull: Timed[] = [];
  const cached: Timed[] = [];
  for (let i = 0; i < RENDERS; i++) {
    cold.push(await timeRender(renderer, i));
    coldFull.push(await timeRender(full, i));
  }
  for (let i = 0; i < RENDERS; i++) cached.push(await timeRender(renderer, i));
  const coldMedian = median(cold.map((r) => r.ms));
  const coldCpu = median(cold.map((r) => r.cpuMs));
  // CPU time counts resvg's work on the thread pool too, and less of what other processes do.
  const row = (render: string, rs: Timed[]) => ({
    render,
    'median ms': round(median(rs.map((r) => r.ms))),
    'max ms': round(Math.max(...rs.map((r) => r.ms))),
    'cpu ms': round(median(rs.map((r) => r.cpuMs))),
    'vs cold': `${(median(rs.map((r) => r.ms)) / coldMedian).toFixed(rs === cached ? 4 : 1)}×`,
    'cpu vs cold': `${(median(rs.map((r) => r.cpuMs)) / coldCpu).toFixed(rs === cached ? 4 : 2)}×`,
  });
  return [
    row('first in the process', [first]),
    row(`cold (new spec, ${RENDERS} specs)`, cold),
    row('cold, full DejaVu Sans', coldFull),
    row(`cached (same spec, ${RENDERS} specs)`, cached),
  ];
}

interface Timed {
  ms: number;
  cpuMs: number;
}

async function timed(work: () => Promise<unknown>): Promise<Timed> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await work();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000 };
}

async function fanOut(db: Database, options: WeeklyDigestOptions): Promise<Timed> {
  await db.prisma.$executeRawUnsafe('TRUNCATE "OutboxMessage", "JobRun" RESTART IDENTITY');
  const config = loadConfig({ REAP_TIMEZONE: ZONE, LOG_LEVEL: 'silent' });
  const logger = createLogger('silent');
  const ctx = createAppContext(config, db, logger, () => FIRE);
  const registry = new JobRegistry();
  registerWeeklyDigest(registry, { appIdentity: async () => ({ teamId: 'T0BENCH', appId: 'A0BENCH' }), ...options });
  const run: JobRunContext = {
    ctx,
    job: 'weekly-digest',
    fireTime: FIRE,
    manual: false,
    runId: 0,
    instanceId: 'bench',
    period: periodHelpers(FIRE, ZONE),
    logger,
    signal: new AbortController().signal,
    enqueue: (tx, messages) => enqueueOutbox(tx, 'weekly-digest', messages, FIRE),
  };
  return timed(() => registry.get('weekly-digest').handler(run));
}

/** Sends what the fan-out queued to the fake Slack; charts are drawn and uploaded here. */
async function send(db: Database, client: WebClient, renderer: ChartRenderer): Promise<Timed & { images: number }> {
  const logger = createLogger('silent');
  const charts = new ChartUploads({ client, logger, renderer, filePrefix: 'chart', rethrowRateLimits: true });
  const dispatcher = new OutboxDispatcher({ prisma: db.prisma, client, instanceId: 'bench', logger, now: () => FIRE, perChannelIntervalMs: 0, charts });
  const t = await timed(async () => {
    const stats = await dispatcher.drain();
    if (stats.sent < MANAGERS) throw new Error(`only ${stats.sent} digests sent: ${JSON.stringify(stats)}`);
  });
  return { ...t, images: charts.stats().uploaded };
}

type Row = Record<string, string | number>;

function rowsOf(variants: readonly string[], results: Map<string, Timed[]>, label: string, extra: (name: string) => Row = () => ({})): Row[] {
  const base = median(results.get(variants[0]!)!.map((r) => r.ms));
  const baseCpu = median(results.get(variants[0]!)!.map((r) => r.cpuMs));
  return variants.map((name) => {
    const rs = results.get(name)!;
    const ms = median(rs.map((r) => r.ms));
    const cpuMs = median(rs.map((r) => r.cpuMs));
    return {
      [label]: name,
      managers: MANAGERS,
      'median ms': Math.round(ms),
      'max ms': Math.round(Math.max(...rs.map((r) => r.ms))),
      'added ms': Math.round(ms - base),
      'vs baseline': `${(ms / base).toFixed(2)}×`,
      'cpu ms': Math.round(cpuMs),
      'cpu vs baseline': `${(cpuMs / baseCpu).toFixed(2)}×`,
      ...extra(name),
    };
  });
}


const db = await openDatabase({ kind: 'pglite', dataDir: null });
const fake = new FakeSlack({ postingRate: false });
await fake.start();
await migrate(db);
await generate(db.prisma);
await addManagers(db.prisma, 0, MANAGERS);
for (const m of await db.prisma.member.findMany({ where: { slackUserId: { startsWith: 'U0M' } }, select: { slackUserId: true, name: true } })) fake.addUser({ id: m.slackUserId, name: m.name });
const client = createDispatcherClient(fake.botToken, { apiUrl: fake.url, timeoutMs: 5_000 });
await fanOut(db, { charts: true }); await send(db, client, new ChartRenderer());
const mode = process.env.MODE ?? 'cold';
const { Session } = await import('node:inspector/promises');
const session = new Session(); session.connect();
await session.post('Profiler.enable'); await session.post('Profiler.start');
for (let i = 0; i < 3; i++) {
  await fanOut(db, { charts: mode !== 'none' });
  const r = new ChartRenderer();
  const t = await send(db, client, r);
  console.log(mode, Math.round(t.ms), Math.round(t.cpuMs), t.images, r.stats());
}
const { profile } = await session.post('Profiler.stop');
(await import('node:fs')).writeFileSync(`/tmp/prof/${mode}.cpuprofile`, JSON.stringify(profile));
await fake.stop(); await db.close();
