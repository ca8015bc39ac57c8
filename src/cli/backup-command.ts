// `reap backup <file>` and `reap restore <file>` (src/db/backup.ts): the whole database as
// one JSON file, for either database, and back into an empty one.
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { BackupError, readBackupFile, restoreBackup, takeBackup, writeBackupFile } from '../db/backup.js';
import { openDatabase, type Database } from '../db/client.js';

async function withDatabase<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  // No migration first: a backup takes the database as it is, a restore builds its schema.
  const db = await openDatabase(loadConfig().database);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

function fail(command: string, e: unknown): void {
  if (!(e instanceof BackupError)) throw e;
  console.error(`reap ${command}: ${e.message}`);
  process.exitCode = 1;
}

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .argument('<file>', 'where to write the backup (.json, or .json.gz to compress it)')
    .description('write every table and the applied migrations to one file (stop the app first on the embedded database)')
    .action(async (file: string) => {
      try {
        const backup = await withDatabase((db) => takeBackup(db));
        writeBackupFile(file, backup);
        const rows = Object.values(backup.tables).reduce((n, t) => n + t.length, 0);
        console.log(`Wrote ${file}: ${rows} rows from ${Object.keys(backup.tables).length} tables, ${backup.migrations.length} migrations.`);
      } catch (e) {
        fail('backup', e);
      }
    });

  program
    .command('restore')
    .argument('<file>', 'a file written by reap backup')
    .description('load a backup into an empty database (a new PostgreSQL database or a new data directory)')
    .action(async (file: string) => {
      try {
        const backup = readBackupFile(file);
        const result = await withDatabase((db) => restoreBackup(db, backup));
        const newer = result.newerMigrations.length ? `; then applied ${result.newerMigrations.length} newer migrations` : '';
        console.log(`Restored ${result.rows} rows into ${result.tables} tables from ${file} (taken ${backup.createdAt})${newer}.`);
      } catch (e) {
        fail('restore', e);
      }
    });
}
