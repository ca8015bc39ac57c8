// `reap backup` and `reap restore`: every table's rows and the list of applied migrations
// in one JSON file (gzip when the name ends in .gz). The file is the same for PGlite and a
// PostgreSQL server, so it also moves a City from the embedded database to a server.
//
// Consistent: the dump reads every table in one REPEATABLE READ transaction, so a running
// app on PostgreSQL may keep writing meanwhile. An embedded database serves one process at
// a time (src/db/data-dir-lock.ts): stop the app first, then back it up.
//
// Restore goes into an empty database only. It applies the migrations the backup was taken
// at, loads the rows, moves each id sequence past the highest id, then applies any newer
// migrations, so a backup from an older version restores into a newer app.
import fs from 'node:fs';
import zlib from 'node:zlib';
import type { Database, SqlSession } from './client.js';
import { listMigrations, migrate } from './migrate.js';

export const BACKUP_FORMAT = 'reap-tracker-backup';
export const BACKUP_VERSION = 1;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  /** Migrations applied when the backup was taken, oldest first. */
  migrations: string[];
  /** Rows of each table (column → value as PostgreSQL's row_to_json writes it), by primary key. */
  tables: Record<string, Record<string, unknown>[]>;
}

export class BackupError extends Error {}

const MIGRATIONS_TABLE = '_prisma_migrations';

/** Rows per INSERT on restore: large enough to be quick, small enough for one parameter. */
const RESTORE_CHUNK = 500;

const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;

async function tableNames(s: SqlSession): Promise<string[]> {
  const rows = await s.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname <> $1 ORDER BY c.relname`,
    [MIGRATIONS_TABLE],
  );
  return rows.map((r) => r.name);
}

/** Tables ordered so that every table comes after the tables its foreign keys point to. */
async function loadOrder(s: SqlSession, tables: string[]): Promise<string[]> {
  const edges = await s.query<{ child: string; parent: string }>(
    `SELECT cl.relname AS child, pl.relname AS parent FROM pg_constraint co
     JOIN pg_class cl ON cl.oid = co.conrelid JOIN pg_class pl ON pl.oid = co.confrelid
     JOIN pg_namespace n ON n.oid = cl.relnamespace
     WHERE co.contype = 'f' AND n.nspname = current_schema()`,
  );
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const e of edges) if (e.child !== e.parent) parents.get(e.child)?.add(e.parent);
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const next = tables.filter((t) => !placed.has(t) && [...parents.get(t)!].every((p) => placed.has(p) || !parents.has(p)));
    if (next.length === 0) throw new BackupError("the tables' foreign keys form a cycle; cannot order them");
    for (const t of next) {
      ordered.push(t);
      placed.add(t);
    }
  }
  return ordered;
}

async function primaryKey(s: SqlSession, table: string): Promise<string[]> {
  const rows = await s.query<{ name: string }>(
    `SELECT a.attname AS name FROM pg_index i
     JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
     WHERE i.indrelid = $1::regclass AND i.indisprimary ORDER BY array_position(i.indkey, a.attnum)`,
    [ident(table)],
  );
  return rows.map((r) => r.name);
}

async function appliedMigrations(s: SqlSession): Promise<string[]> {
  const exists = await s.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace ns ON ns.oid = c.relnamespace
     WHERE ns.nspname = current_schema() AND c.relname = $1`,
    [MIGRATIONS_TABLE],
  );
  if (exists[0]!.n === 0) return [];
  const rows = await s.query<{ name: string }>(
    `SELECT migration_name AS name FROM ${ident(MIGRATIONS_TABLE)}
     WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows.map((r) => r.name);
}

/** Reads the whole database in one snapshot. */
export async function takeBackup(db: Database, now = new Date()): Promise<Backup> {
  const s = await db.session();
  try {
    await s.exec('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    try {
      // Timestamps written in UTC, so the same data gives the same file on any server.
      await s.exec("SET LOCAL TIME ZONE 'UTC'");
      const migrations = await appliedMigrations(s);
      const tables: Backup['tables'] = {};
      for (const table of await tableNames(s)) {
        const key = await primaryKey(s, table);
        const order = key.length ? ` ORDER BY ${key.map((k) => `t.${ident(k)}`).join(', ')}` : '';
        const rows = await s.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM ${ident(table)} t${order}`);
        tables[table] = rows.map((r) => JSON.parse(r.row) as Record<string, unknown>);
      }
      await s.exec('COMMIT');
      return { format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: now.toISOString(), migrations, tables };
    } catch (e) {
      await s.exec('ROLLBACK').catch(() => {});
      throw e;
    }
  } finally {
    await s.release();
  }
}

export interface RestoreResult {
  rows: number;
  tables: number;
  /** Migrations applied after the rows were loaded (the backup was older than this app). */
  newerMigrations: string[];
}

/** Loads a backup into an empty database. */
export async function restoreBackup(db: Database, backup: Backup): Promise<RestoreResult> {
  checkShape(backup);
  const files = new Set(listMigrations().map((m) => m.name));
  const unknown = backup.migrations.filter((m) => !files.has(m));
  if (unknown.length) throw new BackupError(`the backup comes from a newer version of REAP Tracker (migration ${unknown[0]}): upgrade first`);
  const s = await db.session();
  try {
    const applied = await appliedMigrations(s);
    const known = new Set(backup.migrations);
    if (applied.some((m) => !known.has(m))) {
      throw new BackupError(
        `the database is already migrated past the backup (${applied.filter((m) => !known.has(m)).join(', ')}): restore into a new, empty database`,
      );
    }
    for (const table of await tableNames(s)) {
      const [{ n }] = (await s.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${ident(table)}`)) as [{ n: number }];
      if (n > 0) throw new BackupError(`the database is not empty (table ${table} has ${n} rows): restore into a new, empty database`);
    }
  } finally {
    await s.release();
  }

  // The schema as it was when the backup was taken, so every row fits its table.
  await migrate(db, undefined, { only: new Set(backup.migrations) });

  const s2 = await db.session();
  let rows = 0;
  try {
    const tables = await tableNames(s2);
    const missing = Object.keys(backup.tables).filter((t) => !tables.includes(t));
    if (missing.length) throw new BackupError(`the backup has tables this version does not know: ${missing.join(', ')}`);
    await s2.exec('BEGIN');
    try {
      for (const table of await loadOrder(s2, tables)) {
        const data = backup.tables[table] ?? [];
        for (let i = 0; i < data.length; i += RESTORE_CHUNK) {
          // PostgreSQL turns each JSON field back into its column's type.
          await s2.query(`INSERT INTO ${ident(table)} SELECT * FROM json_populate_recordset(NULL::${ident(table)}, $1::json)`, [
            JSON.stringify(data.slice(i, i + RESTORE_CHUNK)),
          ]);
        }
        rows += data.length;
      }
      const serials = await s2.query<{ table: string; column: string; seq: string }>(
        `SELECT table_name AS table, column_name AS column, pg_get_serial_sequence(quote_ident(table_name), column_name) AS seq
         FROM information_schema.columns WHERE table_schema = current_schema() AND column_default LIKE 'nextval(%'`,
      );
      for (const c of serials) {
        await s2.query(`SELECT setval($1, COALESCE((SELECT max(${ident(c.column)}) FROM ${ident(c.table)}), 0) + 1, false)`, [c.seq]);
      }
      await s2.exec('COMMIT');
    } catch (e) {
      await s2.exec('ROLLBACK').catch(() => {});
      throw e instanceof BackupError ? e : new BackupError(`the restore failed and wrote nothing: ${(e as Error).message}`);
    }
  } finally {
    await s2.release();
  }
  const after = await migrate(db);
  return { rows, tables: Object.keys(backup.tables).length, newerMigrations: after.applied };
}

function checkShape(backup: Backup): void {
  if (backup?.format !== BACKUP_FORMAT) throw new BackupError('this is not a REAP Tracker backup file');
  if (backup.version !== BACKUP_VERSION) throw new BackupError(`backup format version ${backup.version} is not supported (expected ${BACKUP_VERSION})`);
  if (!Array.isArray(backup.migrations) || typeof backup.tables !== 'object' || backup.tables === null) {
    throw new BackupError('the backup file is damaged: migrations or tables are missing');
  }
}

export function writeBackupFile(file: string, backup: Backup): void {
  const text = JSON.stringify(backup);
  fs.writeFileSync(file, file.endsWith('.gz') ? zlib.gzipSync(text) : text);
}

export function readBackupFile(file: string): Backup {
  if (!fs.existsSync(file)) throw new BackupError(`no such file: ${file}`);
  const raw = fs.readFileSync(file);
  const gzipped = raw[0] === 0x1f && raw[1] === 0x8b;
  try {
    return JSON.parse((gzipped ? zlib.gunzipSync(raw) : raw).toString('utf8')) as Backup;
  } catch (e) {
    throw new BackupError(`cannot read ${file}: ${(e as Error).message}`);
  }
}
