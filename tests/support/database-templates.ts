// Databases that each test file's database is copied from, made once per `npm test`
// (vitest's globalSetup) instead of once per file:
//
// - migrated and empty. Opening an empty in-memory PGlite runs initdb (2-5 s on these
//   machines) and every file then applied every migration; a copy of a migrated one opens
//   in about 0.6 s. On PostgreSQL, CREATE DATABASE … TEMPLATE copies the migrated tables
//   instead of running the migrations again.
// - migrated and seeded as seedDatabase(prisma, { now: SEEDED_TEMPLATE_NOW }) leaves it.
//   Most end-to-end files seed for that same instant, which took each 1-3 s on PGlite
//   (5-7 s with the machine busy) and about 0.5 s on PostgreSQL; a copy of the seeded
//   template costs what a copy of the empty one does (createTestDatabase's `seededAt`).
//
// Each is named by a hash of prisma/migrations (the PGlite ones also by the PGlite
// version), the seeded ones also by the seed's source, the instant and the time zone, so a
// new migration, an upgrade or a seed change makes a new template. Another run's templates
// are deleted once they are a few hours old. createTestDatabase still runs migrate() on the
// copy, which finds nothing to do. tests/integration/seeded-template.test.ts checks that a
// copy of the seeded template holds what seeding holds.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';
import { migrationsHash } from '../../src/db/migrations-hash.js';
import { pgliteTemplateKey } from '../../src/db/pglite-template.js';
import { writePgliteTemplate } from '../../src/db/pglite-template-build.js';
import { DEFAULT_SEED_TIME_ZONE, seedDatabase } from '../../src/db/seed/index.js';

export { migrationsHash };

/** Where createTestDatabase finds the templates (set by globalSetup, read in each worker). */
export const PGLITE_TEMPLATE_ENV = 'REAP_TEST_PGLITE_TEMPLATE';
export const POSTGRES_TEMPLATE_ENV = 'REAP_TEST_POSTGRES_TEMPLATE';
export const PGLITE_SEEDED_ENV = 'REAP_TEST_PGLITE_SEEDED';
export const POSTGRES_SEEDED_ENV = 'REAP_TEST_POSTGRES_SEEDED';
/** The instant the seeded templates were seeded for, as an ISO string. */
export const SEEDED_AT_ENV = 'REAP_TEST_SEEDED_AT';

/** The clock most end-to-end tests give startTestApp and startListenerApp. */
export const SEEDED_TEMPLATE_NOW = new Date('2026-11-18T17:00:00Z');

/** Templates of other migrations or seeds are dropped once this old (another run may still copy them). */
const STALE_AFTER_MS = 3 * 60 * 60 * 1000;

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src');

/**
 * The seed's code: src/db/seed/index.ts and every module it imports for more than types
 * (the fiscal calendar, the period snapshots…), found by following the relative imports.
 * Generated Prisma code is left out: the migrations name it.
 */
export function seedSourceFiles(entry = path.join(SRC, 'db/seed/index.ts')): string[] {
  const files = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^(?:import|export)\s+(type\s+)?[^;]*?\bfrom\s+'(\.[^']+)'/gm)) {
      if (m[1] || m[2]!.includes('/generated/')) continue;
      const target = path.resolve(path.dirname(file), m[2]!);
      const ts = target.replace(/\.js$/, '.ts');
      visit(fs.existsSync(ts) ? ts : target);
    }
  };
  visit(entry);
  return [...files].sort();
}

/** A short hash of the seed's code (seedSourceFiles). */
export function seedSourceHash(files = seedSourceFiles()): string {
  const hash = crypto.createHash('sha256');
  for (const file of files) hash.update(path.relative(SRC, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  return hash.digest('hex').slice(0, 16);
}

/** Names a seeded template: the template it was copied from, the seed's code, the instant and the zone. */
export function seededTemplateKey(baseKey: string, now = SEEDED_TEMPLATE_NOW, seedHash = seedSourceHash()): string {
  const what = [baseKey, seedHash, now.toISOString(), DEFAULT_SEED_TIME_ZONE].join('\0');
  return crypto.createHash('sha256').update(what).digest('hex').slice(0, 16);
}

/** Deletes template files in the temp folder other than `keep` once they are STALE_AFTER_MS old. */
function removeStaleFiles(prefix: string, keep: string): void {
  for (const name of fs.readdirSync(os.tmpdir())) {
    if (!name.startsWith(prefix) || path.join(os.tmpdir(), name) === keep) continue;
    const file = path.join(os.tmpdir(), name);
    try {
      if (Date.now() - fs.statSync(file).mtimeMs > STALE_AFTER_MS) fs.rmSync(file, { force: true });
    } catch {
      // Another run removed it first.
    }
  }
}

/** An uncompressed PGlite template of a migrated database, made if missing; its path. */
export async function pgliteTemplate(key = pgliteTemplateKey()): Promise<string> {
  const file = path.join(os.tmpdir(), `reap-pglite-template-${key}.tar`);
  removeStaleFiles('reap-pglite-template-', file);
  if (!fs.existsSync(file)) await writePgliteTemplate(file, 'none');
  return file;
}

/** The migrated PGlite template `migrated`, seeded for `now`, made if missing; its path. */
export async function pgliteSeededTemplate(migrated: string, key: string, now = SEEDED_TEMPLATE_NOW): Promise<string> {
  const file = path.join(os.tmpdir(), `reap-pglite-seeded-${key}.tar`);
  removeStaleFiles('reap-pglite-seeded-', file);
  if (!fs.existsSync(file)) await writePgliteTemplate(file, 'none', { fromDump: migrated, fill: (db) => seedFor(db, now) });
  return file;
}

async function seedFor(db: Database, now: Date): Promise<void> {
  await seedDatabase(db.prisma, { now });
}

async function withAdmin<T>(serverUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const u = new URL(serverUrl);
  u.pathname = '/postgres';
  const client = new pg.Client({ connectionString: u.toString(), connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A migrated database on the server to copy test databases from, made if missing; its name. */
export function postgresTemplate(serverUrl: string, hash = migrationsHash()): Promise<string> {
  return serverTemplate(serverUrl, 'reap_template_', hash, null, migrate);
}

/** The migrated database `migrated` on the server, copied and seeded for `now`, made if missing; its name. */
export function postgresSeededTemplate(serverUrl: string, migrated: string, key: string, now = SEEDED_TEMPLATE_NOW): Promise<string> {
  return serverTemplate(serverUrl, 'reap_seeded_', key, migrated, (db) => seedFor(db, now));
}

/**
 * <prefix><key>_<base-36 time>, made if missing (empty or copied from `from`, then `fill`),
 * and <prefix>build_<time>_<random> while it is built. Other keys' templates are dropped
 * once STALE_AFTER_MS old.
 */
async function serverTemplate(
  serverUrl: string,
  prefix: 'reap_template_' | 'reap_seeded_',
  key: string,
  from: string | null,
  fill: (db: Database) => Promise<unknown>,
): Promise<string> {
  const ours = `${prefix}${key}_`;
  const found = await withAdmin(serverUrl, async (c) => {
    const { rows } = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE starts_with(datname, $1)`, [prefix]);
    for (const { datname } of rows) {
      if (datname.startsWith(ours)) continue;
      const rest = datname.slice(prefix.length);
      const stamp = rest.startsWith('build_') ? rest.split('_')[1] : rest.split('_').at(-1);
      const age = Date.now() - parseInt(stamp ?? '', 36);
      if (age > STALE_AFTER_MS) await c.query(`DROP DATABASE IF EXISTS "${datname}"`).catch(() => {});
    }
    return rows.find((r) => r.datname.startsWith(ours))?.datname ?? null;
  });
  if (found) return found;
  // Built under a name of its own, then renamed: a run starting meanwhile never copies a
  // half-made template.
  const building = `${prefix}build_${Date.now().toString(36)}_${crypto.randomBytes(4).toString('hex')}`;
  await withAdmin(serverUrl, (c) => createDatabaseFrom(c, building, from));
  const u = new URL(serverUrl);
  u.pathname = `/${building}`;
  const db = await openDatabase({ kind: 'postgres', url: u.toString() });
  try {
    await fill(db);
  } finally {
    await db.close();
  }
  const name = `${ours}${Date.now().toString(36)}`;
  return withAdmin(serverUrl, async (c) => {
    // Another run may have made the same template meanwhile: use theirs.
    const { rows } = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE starts_with(datname, $1)`, [ours]);
    if (rows[0]) {
      await c.query(`DROP DATABASE IF EXISTS "${building}"`);
      return rows[0].datname;
    }
    await c.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
    return name;
  });
}

/** Names safe to splice into DDL, which cannot take bind parameters. */
export const TEMPLATE_NAME = /^reap_(template|seeded)_[0-9a-z_]+$/;

/** CREATE DATABASE `name`, copied from the template `from` when there is one. */
export async function createDatabaseFrom(c: pg.Client, name: string, from: string | null | undefined): Promise<void> {
  if (!from || !TEMPLATE_NAME.test(from)) {
    await c.query(`CREATE DATABASE "${name}"`);
    return;
  }
  // Two copies starting at the same moment can find the template "being accessed by other
  // users" (each copy briefly connects to it); the next try goes through.
  for (let attempt = 1; ; attempt++) {
    try {
      await c.query(`CREATE DATABASE "${name}" TEMPLATE "${from}"`);
      return;
    } catch (e) {
      if ((e as { code?: string }).code !== '55006' || attempt >= 20) throw e;
      await new Promise((r) => setTimeout(r, 50 * attempt));
    }
  }
}
