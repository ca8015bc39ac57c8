// What each read behind App Home and `/reap status` costs, one at a time, in this process:
// wall and CPU time per call on the read benchmarks' data (read-data.ts: 60 departments ×
// 30 strategies × 20 updates). It tells which read to look at when slack-read's CPU per
// request moves. PGlite in memory by default; BENCH_DB=postgres uses the server (the
// server's own CPU is then not counted).
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { createLogger } from '../src/logger.js';
import { createAppContext } from '../src/services/app-context.js';
import { loadActor } from '../src/services/authz.js';
import { knownChartFiles } from '../src/services/chart-files.js';
import { myDeadlines } from '../src/services/deadlines.js';
import { ownedMeasureTrends } from '../src/services/measure-trends.js';
import { departmentChanges } from '../src/services/period-changes.js';
import { listReportableStrategies } from '../src/services/progress-updates.js';
import { reportingCoverage } from '../src/services/reporting-coverage.js';
import { departmentStatus } from '../src/services/status.js';
import { freshPostgresDatabase, printTable } from './lib.js';
import { leadId, loadData, staffId } from './read-data.js';

const NOW = new Date('2026-11-18T17:00:00Z');
const CALLS = Number(process.env.BENCH_RUNS ?? 40);
const onPostgres = process.env.BENCH_DB === 'postgres';

const fresh = onPostgres ? await freshPostgresDatabase() : null;
const db = await openDatabase(fresh ? { kind: 'postgres', url: fresh.url } : { kind: 'pglite', dataDir: null });
await migrate(db);
const loaded = await loadData(db.prisma);
console.log(`loaded ${loaded.strategies} strategies and ${loaded.updates} updates in ${(loaded.ms / 1000).toFixed(1)} s`);
const config = loadConfig({ ...process.env, SLACK_BOT_TOKEN: '', LOG_LEVEL: 'silent' });
const ctx = createAppContext(config, db, createLogger('silent'), () => NOW);

const leads = await Promise.all(Array.from({ length: 10 }, (_, d) => loadActor(ctx, leadId(d))));
const staff = await Promise.all(Array.from({ length: 10 }, (_, d) => loadActor(ctx, staffId(d, 0))));
const rows: Record<string, string>[] = [];

async function time(read: string, call: (i: number) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < 5; i++) await call(i);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < CALLS; i++) await call(i);
  const cpu = process.cpuUsage(cpu0);
  rows.push({
    read,
    'wall ms/call': ((performance.now() - t0) / CALLS).toFixed(2),
    'CPU ms/call': ((cpu.user + cpu.system) / 1000 / CALLS).toFixed(2),
  });
}

const lead = (i: number) => leads[i % leads.length]!;
const member = (i: number) => staff[i % staff.length]!;
await time('SELECT 1 (per statement)', () => db.prisma.$queryRaw`SELECT 1`);
await time('loadActor', (i) => loadActor(ctx, leadId(i % 10)));
await time('myDeadlines (lead)', (i) => myDeadlines(ctx, lead(i), NOW));
await time('myDeadlines (staff)', (i) => myDeadlines(ctx, member(i), NOW));
await time('departmentStatus', (i) => departmentStatus(ctx, lead(i), undefined, NOW));
await time('departmentChanges', (i) => departmentChanges(ctx, lead(i), lead(i).departmentId!, NOW));
await time('reportingCoverage', (i) => reportingCoverage(ctx, { departmentId: lead(i).departmentId! }, NOW));
await time('ownedMeasureTrends', (i) => ownedMeasureTrends(ctx, member(i)));
await time('listReportableStrategies', (i) => listReportableStrategies(ctx, member(i)));
await time('knownChartFiles', () => knownChartFiles(ctx, ['0'.repeat(64)]));
printTable(`Reads of App Home and /reap status, ${onPostgres ? 'PostgreSQL' : 'PGlite (memory)'}, ${CALLS} calls each`, rows);

await db.close();
await fresh?.drop();
