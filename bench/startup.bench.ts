// Cold start to healthy on an existing PGlite directory and on PostgreSQL, RSS after
// start, and migrate + seed time on a fresh database. Figures are reported next to a
// baseline measured in the same run (a bare Node HTTP server), as these machines are noisy.
// RSS is also compared with the stack's floor on the same database (stack-floor.mjs:
// Node, a Bolt app and the database client after one query, nothing of ours beyond it).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { seedDatabase } from '../src/db/seed/index.js';
import { createFakeSlack } from '../src/sandbox/fake-slack/index.js';
import { freePort, freshPostgresDatabase, median, postgresReachable, printTable, rssMiB, startUntilHealthy } from './lib.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const fake = await createFakeSlack().start();
const slackEnv = { SLACK_BOT_TOKEN: fake.botToken, SLACK_SIGNING_SECRET: 'bench-secret', SLACK_API_URL: fake.url, LOG_LEVEL: 'warn' };

/** Ports are handed out in sequence; another process on the machine may hold one meanwhile. */
async function startOnFreePort(args: string[], env: NodeJS.ProcessEnv, tries = 5): ReturnType<typeof startUntilHealthy> {
  const port = freePort();
  try {
    return await startUntilHealthy(args, { ...env, PORT: String(port) }, `http://127.0.0.1:${port}/healthz`);
  } catch (e) {
    if (tries > 1 && /EADDRINUSE/.test((e as Error).message)) return startOnFreePort(args, env, tries - 1);
    throw e;
  }
}

async function measureStarts(label: string, args: string[], env: NodeJS.ProcessEnv) {
  const ms: number[] = [];
  const rss: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const p = await startOnFreePort(args, env);
    ms.push(p.msToHealthy);
    await new Promise((r) => setTimeout(r, 300));
    rss.push(rssMiB(p.child.pid!));
    const code = await p.stop();
    if (code !== 0) throw new Error(`${label}: exit code ${code} after SIGTERM`);
  }
  return { label, ms: median(ms), rss: median(rss) };
}

// The production start runs dist/ (npm run build); the tsx rows show what it saves.
execFileSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { stdio: 'inherit' });

const rows: Record<string, string | number>[] = [];
const baseline = await measureStarts('baseline: bare node http (tsx)', ['bench/baseline-server.ts'], {});
/** The stack floor's RSS on the database of the rows that follow it. */
let floorRss: number | null = null;
const add = (r: { label: string; ms: number; rss: number }) => {
  if (r.label.startsWith('stack floor')) floorRss = r.rss;
  rows.push({
    scenario: r.label,
    'start→healthy ms (median)': r.ms.toFixed(0),
    'x baseline': (r.ms / baseline.ms).toFixed(2),
    'RSS MiB': r.rss.toFixed(0),
    'RSS x stack floor': floorRss === null ? '—' : (r.rss / floorRss).toFixed(2),
  });
};
add(baseline);

// Existing PGlite directory: migrated and seeded once beforehand.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reap-bench-'));
{
  const db = await openDatabase({ kind: 'pglite', dataDir: dir });
  await migrate(db);
  await seedDatabase(db.prisma);
  await db.close();
}
add(
  await measureStarts('stack floor (Node, Bolt, database client), existing PGlite dir', ['bench/stack-floor.mjs'], {
    ...slackEnv,
    DATABASE_URL: `pglite:${dir}`,
  }),
);
add(await measureStarts('REAP Tracker (tsx), existing PGlite dir', ['src/main.ts', 'start'], { ...slackEnv, DATABASE_URL: `pglite:${dir}` }));
add(await measureStarts('REAP Tracker (compiled), existing PGlite dir', ['dist/main.js', 'start'], { ...slackEnv, DATABASE_URL: `pglite:${dir}` }));
{
  // A fresh directory each time: create, migrate, then serve (no demo data with credentials).
  const fresh: string[] = [];
  const r = await measureStarts('REAP Tracker (compiled), fresh PGlite dir', ['dist/main.js', 'start'], {
    ...slackEnv,
    get DATABASE_URL() {
      const d = fs.mkdtempSync(path.join(os.tmpdir(), 'reap-bench-fresh-'));
      fresh.push(d);
      return `pglite:${d}`;
    },
  });
  add(r);
  for (const d of fresh) fs.rmSync(d, { recursive: true, force: true });
}

const seedRows: Record<string, string | number>[] = [];
async function migrateAndSeed(label: string, target: Parameters<typeof openDatabase>[0]) {
  const t0 = performance.now();
  const db = await openDatabase(target);
  const t1 = performance.now();
  await migrate(db);
  const t2 = performance.now();
  await seedDatabase(db.prisma);
  const t3 = performance.now();
  await db.close();
  seedRows.push({ database: label, 'open ms': (t1 - t0).toFixed(0), 'migrate ms': (t2 - t1).toFixed(0), 'seed ms': (t3 - t2).toFixed(0) });
}
await migrateAndSeed('PGlite (memory, fresh)', { kind: 'pglite', dataDir: null });

if (await postgresReachable()) {
  const fresh = await freshPostgresDatabase();
  try {
    await migrateAndSeed('PostgreSQL (fresh database)', { kind: 'postgres', url: fresh.url });
    add(await measureStarts('stack floor (Node, Bolt, database client), PostgreSQL', ['bench/stack-floor.mjs'], { ...slackEnv, DATABASE_URL: fresh.url }));
    add(await measureStarts('REAP Tracker (tsx), PostgreSQL', ['src/main.ts', 'start'], { ...slackEnv, DATABASE_URL: fresh.url }));
    add(await measureStarts('REAP Tracker (compiled), PostgreSQL', ['dist/main.js', 'start'], { ...slackEnv, DATABASE_URL: fresh.url }));
  } finally {
    await fresh.drop();
  }
} else {
  console.log('PostgreSQL at 127.0.0.1:5432 not reachable: its rows are missing below.');
}

await fake.stop();
fs.rmSync(dir, { recursive: true, force: true });
printTable(`Cold start to healthy (${RUNS} runs each, median)`, rows);
printTable('Migrate + seed on a fresh database', seedRows);
