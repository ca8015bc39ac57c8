// A migrated database for one test file. By default an in-memory PGlite (fast, nothing to
// clean up). With TEST_DATABASE_URL=postgres://… the same tests run against a real
// PostgreSQL server: each call creates its own database (reap_test_<random>) on that
// server, so test files running in parallel never see each other's rows, and
// dropTestDatabase removes it again. Both start as copies of a migrated template made once
// per run (database-templates.ts).
//
//   let db: TestDatabase;
//   beforeAll(async () => { db = await createTestDatabase(); });
//   afterAll(async () => { await dropTestDatabase(db); });
import crypto from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import type { DatabaseTarget } from '../../src/config.js';
import { openDatabase, type Database } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';
import { PGLITE_TEMPLATE_ENV, POSTGRES_TEMPLATE_ENV } from './database-templates.js';

export interface TestDatabase extends Database {
  /** The per-test database on the server; null for in-memory PGlite. */
  databaseName: string | null;
  /** A DATABASE_URL value that reaches this same database (for CLI tests); null for PGlite, whose memory is private. */
  url: string | null;
}

/** The server URL from TEST_DATABASE_URL, or null to use PGlite. */
export function testServerUrl(env: NodeJS.ProcessEnv = process.env): string | null {
  const raw = env.TEST_DATABASE_URL?.trim();
  if (!raw) return null;
  if (!/^postgres(ql)?:\/\//.test(raw)) {
    throw new Error(`TEST_DATABASE_URL must be a postgres:// URL (got "${raw}")`);
  }
  return raw;
}

/** The same server, database `postgres`: where CREATE/DROP DATABASE are issued from. */
function adminUrl(serverUrl: string): string {
  const u = new URL(serverUrl);
  u.pathname = '/postgres';
  return u.toString();
}

function withDatabase(serverUrl: string, name: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(serverUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl(serverUrl), connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = testServerUrl();
  let target: DatabaseTarget;
  let databaseName: string | null = null;
  if (serverUrl === null) {
    // A copy of the run's migrated template (global-setup.ts), else an empty database.
    const template = process.env[PGLITE_TEMPLATE_ENV];
    target = { kind: 'pglite', dataDir: null, ...(template && fs.existsSync(template) ? { fromDump: template } : {}) };
  } else {
    // Base-36 time and random hex only: safe to splice into DDL, which cannot take bind
    // parameters. The time lets a later run recognise databases a killed run left behind.
    databaseName = `reap_test_${Date.now().toString(36)}_${crypto.randomBytes(4).toString('hex')}`;
    const name = databaseName;
    const template = process.env[POSTGRES_TEMPLATE_ENV];
    await admin(serverUrl, async (c) => {
      await dropAbandoned(c);
      await createDatabase(c, name, template);
    });
    target = { kind: 'postgres', url: withDatabase(serverUrl, databaseName) };
  }
  let db: Database;
  try {
    db = await openDatabase(target);
  } catch (e) {
    if (serverUrl && databaseName) await dropByName(serverUrl, databaseName).catch(() => {});
    throw e;
  }
  const testDb: TestDatabase = {
    ...db,
    databaseName,
    url: target.kind === 'postgres' ? target.url : null,
  };
  try {
    await migrate(testDb);
  } catch (e) {
    await dropTestDatabase(testDb).catch(() => {});
    throw e;
  }
  return testDb;
}

/** CREATE DATABASE, copied from the run's migrated template when there is one. */
async function createDatabase(c: pg.Client, name: string, template: string | undefined): Promise<void> {
  if (!template || !/^reap_template_[0-9a-z_]+$/.test(template)) {
    await c.query(`CREATE DATABASE "${name}"`);
    return;
  }
  // Two copies starting at the same moment can find the template "being accessed by other
  // users" (each copy briefly connects to it); the next try goes through.
  for (let attempt = 1; ; attempt++) {
    try {
      await c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
      return;
    } catch (e) {
      if ((e as { code?: string }).code !== '55006' || attempt >= 20) throw e;
      await new Promise((r) => setTimeout(r, 50 * attempt));
    }
  }
}

// Longer than any test run (CI stops at 90 minutes), so a database still in use is never taken.
const ABANDONED_AFTER_MS = 3 * 60 * 60 * 1000;

/** Drops per-test databases older than ABANDONED_AFTER_MS: a run killed mid-way never reached its cleanup. */
async function dropAbandoned(c: pg.Client): Promise<void> {
  const { rows } = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname ~ '^reap_test_[0-9a-z]+_[0-9a-f]+$'`);
  for (const { datname } of rows) {
    const createdAt = parseInt(datname.split('_')[2]!, 36);
    if (Date.now() - createdAt < ABANDONED_AFTER_MS) continue;
    // No FORCE: should anything still be connected, leave it for a later run.
    await c.query(`DROP DATABASE IF EXISTS "${datname}"`).catch(() => {});
  }
}

async function dropByName(serverUrl: string, name: string): Promise<void> {
  // FORCE ends sessions a failed test left open (PostgreSQL 13+).
  await admin(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** Closes the database and, on a server, drops the per-test database. Safe to call twice. */
export async function dropTestDatabase(db: TestDatabase | undefined): Promise<void> {
  if (!db) return;
  try {
    await db.close();
  } catch {
    // Already closed, or the connection died with the test: dropping still matters.
  }
  const serverUrl = testServerUrl();
  if (serverUrl && db.databaseName) await dropByName(serverUrl, db.databaseName);
}
