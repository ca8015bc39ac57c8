// Opens the database the configuration names: embedded PGlite (a directory or memory)
// or a PostgreSQL server through node-postgres. Both give the same Prisma client and a
// raw SQL runner (used by the migration runner and health checks).
import fs from 'node:fs';
import path from 'node:path';
import type { DatabaseTarget } from '../config.js';
import { DataDirInUseError, lockDataDir } from './data-dir-lock.js';
import type { RemotePGlite } from './pglite-remote.js';
import { findBuiltTemplate, isNewDataDir } from './pglite-template.js';
import { PrismaClient } from '../generated/prisma/client.js';

export type Prisma = InstanceType<typeof PrismaClient>;

/** A connection that can run several statements as one script and hold a session lock. */
export interface SqlSession {
  exec(script: string): Promise<void>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  release(): Promise<void>;
}

export interface Database {
  target: DatabaseTarget;
  prisma: Prisma;
  /** A dedicated session (PostgreSQL) or the single PGlite connection. */
  session(): Promise<SqlSession>;
  /** True when the database answers a trivial query within timeoutMs. */
  ping(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

export class DatabaseUnavailableError extends Error {}

/** Connections to a PostgreSQL server, per instance. */
export const POSTGRES_POOL_SIZE = 10;

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  return target.kind === 'pglite' ? openPglite(target.dataDir, target.fromDump) : openPostgres(target.url);
}

async function openPglite(dataDir: string | null, fromDump?: string): Promise<Database> {
  // PGlite runs in a worker thread: its queries cost CPU that must not hold up the event
  // loop (Slack acknowledgements, other requests). RemotePGlite is its main-thread handle.
  const { RemotePGlite: Remote } = await import('./pglite-remote.js');
  const { PrismaPGlite } = await import('pglite-prisma-adapter');
  let pg: RemotePGlite;
  let unlock = () => {};
  try {
    if (dataDir) {
      fs.mkdirSync(path.resolve(dataDir), { recursive: true });
      // Before PGlite reads a page: a second process in the directory would corrupt it.
      unlock = lockDataDir(dataDir);
      // A new directory starts as a copy of the build's migrated template, when it has one;
      // a directory that holds a database is never touched by a template.
      fromDump = isNewDataDir(dataDir) ? (fromDump ?? findBuiltTemplate() ?? undefined) : undefined;
    }
    pg = await Remote.open(dataDir ? path.resolve(dataDir) : null, fromDump ? { fromDump } : {});
  } catch (e) {
    unlock();
    if (e instanceof DataDirInUseError) throw new DatabaseUnavailableError(e.message);
    throw new DatabaseUnavailableError(`cannot open the embedded database${dataDir ? ` in ${dataDir}` : ''}: ${(e as Error).message}`);
  }
  // pglite-prisma-adapter 0.6 is typed against an older driver-adapter-utils and against
  // PGlite itself; RemotePGlite offers the part of PGlite it uses (query, exec,
  // transaction, DatabaseError instances), exercised by every integration test.
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pg as unknown as never) as unknown as never });
  const session: SqlSession = {
    exec: async (script) => {
      await pg.exec(script);
    },
    query: async <T>(sql: string, params?: unknown[]) => (await pg.query(sql, params)).rows as T[],
    // PGlite has exactly one connection; it is never handed back.
    release: async () => {},
  };
  return {
    target: { kind: 'pglite', dataDir },
    prisma,
    session: async () => session,
    ping: async () => {
      try {
        await pg.query('select 1');
        return true;
      } catch {
        return false;
      }
    },
    close: async () => {
      try {
        await prisma.$disconnect();
        if (!pg.closed) await pg.close();
      } finally {
        unlock();
      }
    },
  };
}

async function openPostgres(url: string): Promise<Database> {
  const { default: pg } = await import('pg');
  const { PrismaPg } = await import('@prisma/adapter-pg');
  // pg's own pool, first come first served. A pool that gave urgent work (a Submit's save)
  // the next free connection first made no Submit faster in three paced runs at 50 users,
  // and App Home in one of them only (bench/README.md), so it went on 2026-12-06.
  const pool = new pg.Pool({
    connectionString: url,
    max: POSTGRES_POOL_SIZE,
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30_000,
  });
  // A dropped idle connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  try {
    const c = await pool.connect();
    c.release();
  } catch (e) {
    await pool.end().catch(() => {});
    throw new DatabaseUnavailableError(`cannot reach PostgreSQL at ${describeUrl(url)}: ${(e as Error).message}`);
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    target: { kind: 'postgres', url },
    prisma,
    session: async () => {
      const client = await pool.connect();
      return {
        exec: async (script) => {
          await client.query(script);
        },
        query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
        release: async () => client.release(),
      };
    },
    ping: async (timeoutMs = 2000) => {
      try {
        await Promise.race([pool.query('select 1'), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), timeoutMs).unref())]);
        return true;
      } catch {
        return false;
      }
    },
    close: async () => {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

/** host:port/db without credentials, for messages and logs. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return 'the configured URL';
  }
}
