// Applies prisma/migrations/*/migration.sql in order, recording each in Prisma's own
// `_prisma_migrations` table so `prisma migrate status` agrees. Prisma's CLI cannot
// apply migrations to a PostgreSQL server through a driver adapter here (see README),
// so the app does it itself. A session-level advisory lock makes concurrent starts
// against one server apply each migration exactly once.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './client.js';

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../prisma/migrations');

// Arbitrary but fixed: every REAP Tracker process uses the same lock.
const MIGRATION_LOCK_KEY = 72707365;

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export function listMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      // Prisma's checksum: SHA-256 of the script, hex.
      return { name, sql, checksum: crypto.createHash('sha256').update(sql).digest('hex') };
    });
}

const CREATE_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

export class MigrationError extends Error {}

export interface MigrateOptions {
  /** Apply only these migrations (a restore rebuilds the schema its backup was taken at). */
  only?: ReadonlySet<string>;
}

export async function migrate(db: Database, dir = MIGRATIONS_DIR, options: MigrateOptions = {}): Promise<MigrateResult> {
  const migrations = listMigrations(dir).filter((m) => !options.only || options.only.has(m.name));
  const s = await db.session();
  const isServer = db.target.kind === 'postgres';
  try {
    if (isServer) await s.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await s.exec(CREATE_TABLE);
      const rows = await s.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
        'SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL',
      );
      const done = new Map(rows.filter((r) => r.finished_at).map((r) => [r.migration_name, r.checksum]));
      const failed = rows.find((r) => !r.finished_at);
      if (failed) {
        throw new MigrationError(`migration ${failed.migration_name} failed earlier and was not rolled back; fix the database, then mark it rolled back`);
      }
      const applied: string[] = [];
      for (const m of migrations) {
        const recorded = done.get(m.name);
        if (recorded) {
          if (recorded !== m.checksum) {
            throw new MigrationError(`migration ${m.name} was changed after it was applied (checksum differs)`);
          }
          continue;
        }
        const id = crypto.randomUUID();
        await s.exec('BEGIN');
        try {
          await s.exec(m.sql);
          await s.query(
            `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, started_at, applied_steps_count)
             VALUES ($1, $2, now(), $3, NULL, now(), 1)`,
            [id, m.checksum, m.name],
          );
          await s.exec('COMMIT');
        } catch (e) {
          await s.exec('ROLLBACK').catch(() => {});
          throw new MigrationError(`migration ${m.name} failed: ${(e as Error).message}`);
        }
        applied.push(m.name);
      }
      return { applied, alreadyApplied: done.size };
    } finally {
      if (isServer) await s.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    }
  } finally {
    await s.release();
  }
}
