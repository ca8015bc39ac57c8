// Migrated, empty databases that each test file's database is copied from, made once per
// `npm test` (vitest's globalSetup) instead of once per file. Opening an empty in-memory
// PGlite runs initdb (2-5 s on these machines) and every file then applied every
// migration; a copy of a migrated one opens in about 0.6 s. On PostgreSQL, CREATE
// DATABASE … TEMPLATE copies the migrated tables instead of running the migrations again.
//
// Both are named by a hash of prisma/migrations (the PGlite one also by the PGlite version),
// so a new migration or an upgrade makes a new template;
// createTestDatabase still runs migrate() on the copy, which finds nothing to do.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';
import { migrationsHash } from '../../src/db/migrations-hash.js';
import { pgliteTemplateKey } from '../../src/db/pglite-template.js';
import { writePgliteTemplate } from '../../src/db/pglite-template-build.js';

export { migrationsHash };

/** Where createTestDatabase finds the templates (set by globalSetup, read in each worker). */
export const PGLITE_TEMPLATE_ENV = 'REAP_TEST_PGLITE_TEMPLATE';
export const POSTGRES_TEMPLATE_ENV = 'REAP_TEST_POSTGRES_TEMPLATE';

/** An uncompressed PGlite template of a migrated database, made if missing; its path. */
export async function pgliteTemplate(key = pgliteTemplateKey()): Promise<string> {
  const file = path.join(os.tmpdir(), `reap-pglite-template-${key}.tar`);
  if (!fs.existsSync(file)) await writePgliteTemplate(file, 'none');
  return file;
}

const TEMPLATE_PREFIX = 'reap_template_';
/** Templates of other migrations are dropped once this old (another run may still copy them). */
const STALE_AFTER_MS = 3 * 60 * 60 * 1000;

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
export async function postgresTemplate(serverUrl: string, hash = migrationsHash()): Promise<string> {
  // reap_template_<hash>_<base-36 time>, and reap_template_build_<time>_<random> while built.
  const ours = `${TEMPLATE_PREFIX}${hash}_`;
  const found = await withAdmin(serverUrl, async (c) => {
    const { rows } = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'reap\\_template\\_%'`);
    for (const { datname } of rows) {
      if (datname.startsWith(ours)) continue;
      const stamp = datname.startsWith(`${TEMPLATE_PREFIX}build_`) ? datname.split('_')[3] : datname.split('_').at(-1);
      const age = Date.now() - parseInt(stamp ?? '', 36);
      if (age > STALE_AFTER_MS) await c.query(`DROP DATABASE IF EXISTS "${datname}"`).catch(() => {});
    }
    return rows.find((r) => r.datname.startsWith(ours))?.datname ?? null;
  });
  if (found) return found;
  // Built under a name of its own, then renamed: a run starting meanwhile never copies a
  // half-migrated template.
  const building = `${TEMPLATE_PREFIX}build_${Date.now().toString(36)}_${crypto.randomBytes(4).toString('hex')}`;
  await withAdmin(serverUrl, (c) => c.query(`CREATE DATABASE "${building}"`));
  const u = new URL(serverUrl);
  u.pathname = `/${building}`;
  const db = await openDatabase({ kind: 'postgres', url: u.toString() });
  try {
    await migrate(db);
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
