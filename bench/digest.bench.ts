// Weekly manager digest fan-out: compose and enqueue the digests of 200 managers over 60
// departments × 30 strategies × 20 updates (1,800 strategies, 36,000 updates, 1,800
// milestones), on in-memory PGlite and, when reachable, on a fresh database of a local
// PostgreSQL server.
//
//   npx tsx bench/digest.bench.ts
//   BENCH_POSTGRES_URL=postgres://user@host:5432/test BENCH_RUNS=5 npx tsx bench/digest.bench.ts
//
// Each run is the registered job's handler (load, compose, enqueue in one transaction) at a
// Monday 08:00 fire, with the job context the run coordinator gives it, after the outbox is
// emptied, so every run composes and writes everything. Reported per database, for 20 and
// for 200 managers: median and worst wall time, this process's CPU time (these machines
// are shared: CPU time is the steadier figure), how much of the wall time was the outbox
// insert (run.enqueue, a Prisma createMany) next to a baseline writing the same rows with one
// plain INSERT … SELECT FROM unnest, database operations (counted by a Prisma
// `$extends({ query: { $allOperations } })` wrapper: the number must not grow with the
// managers), messages queued, and the process's RSS and heap before and at their peak
// during the fan-out (PGlite runs in this process, so its RSS includes the database).
// Target (issue 5): under 2 s for 200 managers, with a query count independent of them.
import v8 from 'node:v8';
import vm from 'node:vm';
import type { DatabaseTarget } from '../src/config.js';
import { openDatabase, type Database, type Prisma } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { registerWeeklyDigest } from '../src/jobs/composers/weekly-digest.js';
import { enqueueOutbox } from '../src/jobs/outbox/enqueue.js';
import { periodHelpers } from '../src/jobs/period.js';
import { JobRegistry, type JobRunContext } from '../src/jobs/registry.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { createAppContext } from '../src/services/app-context.js';
import { DEPARTMENTS, FIRE, STRATEGIES_PER_DEPARTMENT, UPDATES_PER_STRATEGY, ZONE, addManagers, generate } from './digest-data.js';
import { POSTGRES_URL, freshPostgresDatabase, median, postgresReachable, printTable } from './lib.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const mib = (bytes: number) => Math.round(bytes / 1024 / 1024);

interface RunResult {
  ms: number;
  cpuMs: number;
  enqueueMs: number;
  rawInsertMs: number;
  queries: number;
  enqueued: number;
  payloadKiB: number;
  rssBefore: number;
  peakRss: number;
  heapBefore: number;
  peakHeap: number;
}

// A garbage collection before each run, so heap figures are the fan-out's own.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/**
 * One fan-out: the job's handler with the job context the run coordinator gives it (its
 * enqueue timed), on a client that counts every database operation.
 */
async function runOnce(db: Database): Promise<RunResult> {
  await db.prisma.$executeRawUnsafe('TRUNCATE "OutboxMessage", "JobRun" RESTART IDENTITY');
  let queries = 0;
  const counted = db.prisma.$extends({
    query: {
      $allOperations({ args, query }) {
        queries++;
        return query(args);
      },
    },
  }) as unknown as Prisma;
  const config = loadConfig({ REAP_TIMEZONE: ZONE, LOG_LEVEL: 'silent' });
  const logger = createLogger('silent');
  const ctx = createAppContext(config, { ...db, prisma: counted }, logger, () => FIRE);
  const registry = new JobRegistry();
  registerWeeklyDigest(registry, { appIdentity: async () => ({ teamId: 'T0BENCH', appId: 'A0BENCH' }) });
  let enqueueMs = 0;
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
    enqueue: async (tx, messages) => {
      const t = performance.now();
      try {
        return await enqueueOutbox(tx, 'weekly-digest', messages, FIRE);
      } finally {
        enqueueMs += performance.now() - t;
      }
    },
  };

  gc();
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const sampler = setInterval(sample, 5);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await registry.get('weekly-digest').handler(run);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(sampler);
  sample();

  // Baseline: the same rows written with one plain INSERT … SELECT FROM unnest (no Prisma).
  const rows = await db.prisma.outboxMessage.findMany({ select: { idempotencyKey: true, userId: true, payload: true } });
  const payloads = rows.map((r) => JSON.stringify(r.payload));
  await db.prisma.$executeRawUnsafe('TRUNCATE "OutboxMessage" RESTART IDENTITY');
  const r0 = performance.now();
  await db.prisma.$executeRawUnsafe(
    `INSERT INTO "OutboxMessage" ("idempotencyKey", job, "userId", payload, "nextAttemptAt", "createdAt")
     SELECT k, 'weekly-digest', u, p, $4, $4 FROM unnest($1::text[], $2::text[], $3::jsonb[]) AS x(k, u, p) ON CONFLICT DO NOTHING`,
    rows.map((r) => r.idempotencyKey),
    rows.map((r) => r.userId),
    payloads,
    FIRE,
  );
  const rawInsertMs = performance.now() - r0;
  return {
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    enqueueMs,
    rawInsertMs,
    queries,
    enqueued: result.enqueued ?? 0,
    payloadKiB: Math.round(payloads.reduce((n, p) => n + p.length, 0) / 1024),
    rssBefore: before.rss,
    peakRss,
    heapBefore: before.heapUsed,
    peakHeap,
  };
}

async function benchDatabase(label: string, target: DatabaseTarget): Promise<Record<string, string | number>[]> {
  const db = await openDatabase(target);
  try {
    await migrate(db);
    const t0 = performance.now();
    await generate(db.prisma);
    console.log(`${label}: generated the data in ${Math.round(performance.now() - t0)} ms`);
    const rows: Record<string, string | number>[] = [];
    let from = 0;
    for (const managers of [20, 200]) {
      await addManagers(db.prisma, from, managers);
      from = managers;
      const results: RunResult[] = [];
      for (let i = 0; i < RUNS; i++) results.push(await runOnce(db));
      const queries = [...new Set(results.map((r) => r.queries))];
      const med = (f: (r: RunResult) => number) => Math.round(median(results.map(f)));
      rows.push({
        database: label,
        managers,
        'median ms': med((r) => r.ms),
        'max ms': Math.round(Math.max(...results.map((r) => r.ms))),
        'cpu ms': med((r) => r.cpuMs),
        'of which enqueue ms': med((r) => r.enqueueMs),
        'raw INSERT ms (baseline)': med((r) => r.rawInsertMs),
        queries: queries.join('/'),
        messages: results[0]!.enqueued,
        'payload KiB': results[0]!.payloadKiB,
        'RSS MiB before→peak': `${mib(med((r) => r.rssBefore))}→${mib(Math.max(...results.map((r) => r.peakRss)))}`,
        'heap MiB before→peak': `${mib(med((r) => r.heapBefore))}→${mib(Math.max(...results.map((r) => r.peakHeap)))}`,
      });
    }
    return rows;
  } finally {
    await db.close();
  }
}

const rows: Record<string, string | number>[] = [];
rows.push(...(await benchDatabase('PGlite (memory)', { kind: 'pglite', dataDir: null })));
if (await postgresReachable()) {
  const fresh = await freshPostgresDatabase();
  try {
    rows.push(...(await benchDatabase('PostgreSQL', { kind: 'postgres', url: fresh.url })));
  } finally {
    await fresh.drop();
  }
} else {
  console.log(`PostgreSQL at ${POSTGRES_URL} is not reachable: PGlite rows only.`);
}
printTable(
  `Weekly digest: compose + enqueue for N managers over ${DEPARTMENTS} departments × ${STRATEGIES_PER_DEPARTMENT} strategies × ${UPDATES_PER_STRATEGY} updates (${RUNS} runs each; target < 2000 ms for 200, queries equal for 20 and 200)`,
  rows,
);
const byDb = new Map<string, string[]>();
for (const r of rows) byDb.set(String(r.database), [...(byDb.get(String(r.database)) ?? []), String(r.queries)]);
for (const [database, counts] of byDb) {
  console.log(
    `${database}: query count ${new Set(counts).size === 1 ? `is the same (${counts[0]})` : `DIFFERS (${counts.join(' vs ')})`} for 20 and 200 managers`,
  );
}
