// Import throughput: 5,000 strategy rows for 60 departments, written to temporary CSV files
// and imported with the same service `reap import` uses (one transaction), on in-memory
// PGlite and, when reachable, on a fresh database of a local PostgreSQL server.
//
//   npx tsx bench/import.bench.ts [rows]          (default 5000)
//   BENCH_POSTGRES_URL=postgres://user@host:5432/test npx tsx bench/import.bench.ts
//
// Three runs per database: into an empty database, the same files again (nothing changes)
// and the files with every strategy's status and due date changed (every row updated).
// Target: the first run under 10 s on PGlite.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { DatabaseTarget } from '../src/config.js';
import { openDatabase, type Database } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { COLUMNS, importPaths, renderCsv, type CellRow } from '../src/services/import-export/index.js';

const ROWS = Number(process.argv[2] ?? 5000);
const DEPARTMENTS = 60;
const OBJECTIVES_PER_PLAN = 5;
const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const STATUSES = ['Not Started', 'In Progress', 'Ongoing', 'Completed', 'Deferred'];

function generate(dir: string, variant: number): void {
  const departments: CellRow[] = [];
  const members: CellRow[] = [];
  const plans: CellRow[] = [];
  const blank = Object.fromEntries(COLUMNS.plans.map((c) => [c.name, '']));
  const perPlan = Math.ceil(ROWS / DEPARTMENTS);
  for (let d = 0; d < DEPARTMENTS; d++) {
    const code = `D${String(d).padStart(2, '0')}`;
    departments.push({
      code,
      name: `Department ${d}`,
      maturity_tier: ['beginner', 'intermediate', 'advanced'][d % 3]!,
      dedicated_equity_staff: d % 2 ? 'yes' : 'no',
      slack_channel: `C0${code}`,
      active_equity_action_team: d % 3 ? 'yes' : 'no',
      reporting_cadence: d % 4 ? 'quarterly' : 'monthly',
    });
    for (let m = 0; m < 3; m++) {
      members.push({
        slack_user_id: `U0${code}M${m}`,
        name: `Member ${d}.${m}`,
        email: `m${d}.${m}@sanjoseca.gov`,
        department_code: code,
        roles: m === 0 ? 'equity_lead' : m === 1 ? 'manager' : 'staff',
        manages: m === 1 ? code : '',
        language: ['en', 'es', 'vi'][m]!,
        time_zone: 'America/Los_Angeles',
        active: 'yes',
      });
    }
    const rows = Math.min(perPlan, ROWS - d * perPlan);
    for (let i = 0; i < rows; i++) {
      const objective = (i % OBJECTIVES_PER_PLAN) + 1;
      const number = Math.floor(i / OBJECTIVES_PER_PLAN) + 1;
      const month = ((i + variant) % 12) + 1;
      plans.push({
        ...blank,
        plan_key: `${code}-FY2024-2026`,
        plan_kind: 'department_reap',
        plan_title: `Department ${d} Racial Equity Action Plan FY 2024-2026`,
        department_code: code,
        fiscal_start_year: '2024',
        fiscal_end_year: '2026',
        objective_number: String(objective),
        objective_title: `Objective ${objective}: close a measured disparity in service ${d}`,
        strategy_number: String(number),
        strategy_text: `Strategy ${objective}.${number}: reach residents in equity priority areas with services in English, Spanish and Vietnamese.`,
        status: STATUSES[(i + variant) % STATUSES.length]!,
        owner: `U0${code}M${i % 3}`,
        due_date: `2025-${String(month).padStart(2, '0')}-15`,
        performance_measures: '# of residents reached\n% satisfied',
        outputs: 'Outreach plan',
        language_access: i % 2 ? 'yes' : 'no',
        disability_access: i % 3 ? 'yes' : 'no',
        gender_equity: 'no',
        priority_communities: 'yes',
        deferred_reason: (i + variant) % STATUSES.length === 4 ? 'Waiting for funding' : '',
        milestones: i % 2 ? `2025-${String(month).padStart(2, '0')}-01 Kick-off\n2025-12-01 Report` : '',
      });
    }
  }
  fs.writeFileSync(path.join(dir, 'departments.csv'), renderCsv('departments', departments));
  fs.writeFileSync(path.join(dir, 'members.csv'), renderCsv('members', members));
  fs.writeFileSync(path.join(dir, 'plans.csv'), renderCsv('plans', plans));
}

async function run(label: string, target: DatabaseTarget, dirs: { fresh: string; changed: string }): Promise<void> {
  const db: Database = await openDatabase(target);
  try {
    await migrate(db);
    for (const [what, dir] of [
      ['into an empty database', dirs.fresh],
      ['same files again (unchanged)', dirs.fresh],
      ['every strategy changed', dirs.changed],
    ] as const) {
      const t0 = performance.now();
      const r = await importPaths(db.prisma, [dir]);
      const ms = performance.now() - t0;
      if (!r.ok) throw new Error(`import failed:\n${r.messages.slice(0, 20).join('\n')}`);
      const s = r.counts.strategies;
      const rows = s.created + s.updated + s.unchanged;
      console.log(
        `${label.padEnd(10)} ${what.padEnd(30)} ${String(Math.round(ms)).padStart(6)} ms  ${String(Math.round((rows / ms) * 1000)).padStart(6)} rows/s  (${s.created} new, ${s.updated} updated, ${s.unchanged} unchanged)`,
      );
    }
  } finally {
    await db.close();
  }
}

/** A fresh database on the server, or null when the server cannot be reached. */
async function createServerDatabase(): Promise<{ url: string; drop: () => Promise<void> } | null> {
  const adminUrl = new URL(POSTGRES_URL);
  adminUrl.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: adminUrl.toString(), connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (e) {
    console.log(`postgres   skipped: cannot reach ${adminUrl.host} (${(e as Error).message})`);
    return null;
  }
  // Random hex only: safe to splice into DDL, which takes no bind parameters.
  const name = `reap_bench_${crypto.randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'reap-import-bench-'));
try {
  const dirs = { fresh: path.join(tmp, 'fresh'), changed: path.join(tmp, 'changed') };
  fs.mkdirSync(dirs.fresh);
  fs.mkdirSync(dirs.changed);
  generate(dirs.fresh, 0);
  generate(dirs.changed, 1);
  const size = fs.statSync(path.join(dirs.fresh, 'plans.csv')).size;
  console.log(`${ROWS} strategy rows, ${DEPARTMENTS} departments, ${DEPARTMENTS * 3} members; plans.csv ${(size / 1024).toFixed(0)} KiB\n`);

  await run('pglite', { kind: 'pglite', dataDir: null }, dirs);
  const server = await createServerDatabase();
  if (server) {
    try {
      await run('postgres', { kind: 'postgres', url: server.url }, dirs);
    } finally {
      await server.drop();
    }
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
