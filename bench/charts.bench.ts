// Charts: what a PNG chart costs to render, and what charts add to the weekly digest's
// fan-out for 200 managers (60 departments × 30 strategies × 20 updates, 3 departments per
// manager, three languages: digest-data.ts), on in-memory PGlite with the fake Slack
// taking the uploads over real HTTP.
//
//   npx tsx bench/charts.bench.ts
//   BENCH_RUNS=5 npx tsx bench/charts.bench.ts
//
// Rendering (status mix of three departments, spec → PNG): the first render in the process
// (module and JIT warm-up), a cold render (a spec not seen before, in a warm process), and a
// cached one (the same spec again). Fan-out: the registered job's handler, as digest.bench.ts
// runs it, without charts (the baseline, in the same run), with charts on a fresh renderer
// each run (every chart drawn and uploaded), and with the renderer's cache warm from the
// previous run (uploads only; what a re-run after a failure costs). The variants are
// interleaved run by run so the machine's drift affects each alike.
// Target (issue 16): charts add < 1 s to the 200-manager fan-out.
import { openDatabase, type Database } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { ChartRenderer } from '../src/charts/renderer.js';
import { loadConfig } from '../src/config.js';
import { registerWeeklyDigest, type WeeklyDigestOptions } from '../src/jobs/composers/weekly-digest.js';
import { enqueueOutbox } from '../src/jobs/outbox/enqueue.js';
import { periodHelpers } from '../src/jobs/period.js';
import { JobRegistry, type JobRunContext } from '../src/jobs/registry.js';
import { createDispatcherClient } from '../src/jobs/slack-client.js';
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

const round = (ms: number) => Math.round(ms * 10) / 10;
const counts = (i: number) => ({ COMPLETED: i % 7, IN_PROGRESS: 3 + (i % 5), ONGOING: i % 3, NOT_STARTED: 2 + (i % 4), DEFERRED: i % 2 });
const chartOf = (i: number) =>
  statusMixChart(
    translator((['en', 'es', 'vi'] as const)[i % 3] ?? 'en'),
    [0, 1, 2].map((k) => ({ name: `Department ${i * 3 + k} of the City of San José`, byStatus: counts(i + k) })),
  );

async function timeRender(renderer: ChartRenderer, i: number): Promise<number> {
  const spec = chartOf(i).spec;
  const t = performance.now();
  await renderer.render(spec);
  return performance.now() - t;
}

async function renderRows(): Promise<Record<string, string | number>[]> {
  const renderer = new ChartRenderer();
  const first = await timeRender(renderer, 1_000);
  const cold: number[] = [];
  const cached: number[] = [];
  for (let i = 0; i < RENDERS; i++) cold.push(await timeRender(renderer, i));
  for (let i = 0; i < RENDERS; i++) cached.push(await timeRender(renderer, i));
  const coldMedian = median(cold);
  return [
    { render: 'first in the process', 'median ms': round(first), 'max ms': round(first), 'vs cold': `${(first / coldMedian).toFixed(1)}×` },
    { render: `cold (new spec, ${RENDERS} specs)`, 'median ms': round(coldMedian), 'max ms': round(Math.max(...cold)), 'vs cold': '1.0×' },
    { render: `cached (same spec, ${RENDERS} specs)`, 'median ms': round(median(cached)), 'max ms': round(Math.max(...cached)), 'vs cold': `${(median(cached) / coldMedian).toFixed(4)}×` },
  ];
}

interface FanOut {
  ms: number;
  cpuMs: number;
  detail: string;
}

async function fanOut(db: Database, options: WeeklyDigestOptions): Promise<FanOut> {
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
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await registry.get('weekly-digest').handler(run);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, detail: result.detail ?? '' };
}

async function fanOutRows(): Promise<Record<string, string | number>[]> {
  const db = await openDatabase({ kind: 'pglite', dataDir: null });
  const fake = new FakeSlack({ postingRate: false });
  await fake.start();
  try {
    await migrate(db);
    await generate(db.prisma);
    await addManagers(db.prisma, 0, MANAGERS);
    const client = createDispatcherClient(fake.botToken, { apiUrl: fake.url, timeoutMs: 5_000 });
    const warm = new ChartRenderer();
    const variants: { name: string; options: () => WeeklyDigestOptions }[] = [
      { name: 'no charts (baseline)', options: () => ({ chartClient: null }) },
      { name: 'charts, cold renderer', options: () => ({ chartClient: client, chartRenderer: new ChartRenderer() }) },
      { name: 'charts, warm renderer', options: () => ({ chartClient: client, chartRenderer: warm }) },
    ];
    // One untimed pass of each: JIT, the prepared statements, and the warm renderer's cache.
    for (const v of variants) await fanOut(db, v.options());
    const results = new Map<string, FanOut[]>(variants.map((v) => [v.name, []]));
    for (let i = 0; i < RUNS; i++) for (const v of variants) results.get(v.name)!.push(await fanOut(db, v.options()));

    const base = median(results.get(variants[0]!.name)!.map((r) => r.ms));
    const baseCpu = median(results.get(variants[0]!.name)!.map((r) => r.cpuMs));
    return variants.map((v) => {
      const rs = results.get(v.name)!;
      const ms = median(rs.map((r) => r.ms));
      const cpuMs = median(rs.map((r) => r.cpuMs));
      return {
        fanOut: v.name,
        managers: MANAGERS,
        'median ms': Math.round(ms),
        'max ms': Math.round(Math.max(...rs.map((r) => r.ms))),
        'added ms': Math.round(ms - base),
        'vs baseline': `${(ms / base).toFixed(2)}×`,
        'cpu ms': Math.round(cpuMs),
        'cpu vs baseline': `${(cpuMs / baseCpu).toFixed(2)}×`,
        charts: /charts: (.*)$/.exec(rs[0]!.detail)?.[1] ?? '—',
      };
    });
  } finally {
    await fake.stop();
    await db.close();
  }
}

printTable('Chart rendering: status mix of 3 departments, spec → PNG (2× scale)', await renderRows());
printTable(
  `Weekly digest fan-out with and without charts, PGlite (memory), ${RUNS} runs each, interleaved (target: charts add < 1000 ms for ${MANAGERS} managers)`,
  await fanOutRows(),
);
