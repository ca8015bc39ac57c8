// A migrated database for one test file. By default an in-memory PGlite (fast, nothing to
// clean up). With TEST_DATABASE_URL=postgres://… the same tests run against a real
// PostgreSQL server: each call creates its own database (reap_test_<random>) on that
// server, so test files running in parallel never see each other's rows, and
// dropTestDatabase removes it again. Both start as copies of a template made once per run
// (database-templates.ts): the migrated one, or, when `seededAt` is the instant the seeded
// one was made for, the seeded one, and then the caller skips seedDatabase.
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
import {
  createDatabaseFrom,
  PGLITE_SEEDED_ENV,
  PGLITE_TEMPLATE_ENV,
  POSTGRES_SEEDED_ENV,
  POSTGRES_TEMPLATE_ENV,
  SEEDED_AT_ENV,
  TEMPLATE_NAME,
} from './database-templates.js';

export interface TestDatabase extends Database {
  /** The per-test database on the server; null for in-memory PGlite. */
  databaseName: string | null;
  /** A DATABASE_URL value that reaches this same database (for CLI tests); null for PGlite, whose memory is private. */
  url: string | null;
  /** When it came seeded: the `now` seedDatabase was given (the default time zone); else null. */
  seededAt: Date | null;
}

export interface TestDatabaseOptions {
  /**
   * Come seeded as seedDatabase(prisma, { now: seededAt }) would leave it, when the run has
   * a seeded template for that very instant (see `seededAt` in the result).
   */
  seededAt?: Date;
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

/** The run's seeded template of this kind, when it was seeded for exactly `at`. */
function seededTemplate(at: Date | undefined, env: string): string | null {
  const made = process.env[SEEDED_AT_ENV];
  if (!at || !made || new Date(made).getTime() !== at.getTime()) return null;
  return process.env[env] || null;
}

export async function createTestDatabase(opts: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const serverUrl = testServerUrl();
  let target: DatabaseTarget;
  let databaseName: string | null = null;
  let seededAt: Date | null = null;
  if (serverUrl === null) {
    // A copy of one of the run's templates (global-setup.ts), else an empty database.
    const seeded = seededTemplate(opts.seededAt, PGLITE_SEEDED_ENV);
    const usable = seeded && fs.existsSync(seeded) ? seeded : null;
    const template = usable ?? process.env[PGLITE_TEMPLATE_ENV];
    if (usable) seededAt = opts.seededAt!;
    target = { kind: 'pglite', dataDir: null, ...(template && fs.existsSync(template) ? { fromDump: template } : {}) };
  } else {
    // Base-36 time and random hex only: safe to splice into DDL, which cannot take bind
    // parameters. The time lets a later run recognise databases a killed run left behind.
    databaseName = `reap_test_${Date.now().toString(36)}_${crypto.randomBytes(4).toString('hex')}`;
    const name = databaseName;
    const seeded = seededTemplate(opts.seededAt, POSTGRES_SEEDED_ENV);
    const usable = seeded && TEMPLATE_NAME.test(seeded) ? seeded : null;
    const template = usable ?? process.env[POSTGRES_TEMPLATE_ENV];
    if (usable) seededAt = opts.seededAt!;
    await admin(serverUrl, async (c) => {
      await dropAbandoned(c);
      await createDatabaseFrom(c, name, template);
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
    seededAt,
  };
  try {
    await migrate(testDb);
  } catch (e) {
    await dropTestDatabase(testDb).catch(() => {});
    throw e;
  }
  return testDb;
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
