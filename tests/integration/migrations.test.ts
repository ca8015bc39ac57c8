// The migrations are the only way the schema reaches a production database, so they
// must produce exactly what schema.prisma describes, apply once, and survive several
// instances starting together.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
import { listMigrations, migrate } from '../../src/db/migrate.js';
import { snapshotSchema } from '../../src/db/schema-snapshot.js';
import { createTestDatabase, dropTestDatabase, type TestDatabase } from '../support/test-db.js';

const run = promisify(execFile);
const repo = path.resolve(import.meta.dirname, '../..');

/** SQL for schema.prisma from nothing, computed by Prisma itself (no database needed). */
async function schemaFromPrisma(): Promise<string> {
  const { stdout } = await run('npx', ['prisma', 'migrate', 'diff', '--from-empty', '--to-schema-datamodel', 'prisma/schema.prisma', '--script'], {
    cwd: repo,
    maxBuffer: 10 * 1024 * 1024,
  });
  return stdout;
}

describe('migrations', () => {
  let migrated: TestDatabase;
  let reference: TestDatabase;

  beforeAll(async () => {
    migrated = await createTestDatabase();
    reference = await createTestDatabase();
  });
  afterAll(async () => {
    await dropTestDatabase(migrated);
    await dropTestDatabase(reference);
  });

  it('yield exactly the schema in schema.prisma (no drift)', async () => {
    const sql = await schemaFromPrisma();
    const s = await reference.session();
    try {
      await s.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
      await s.exec(sql);
      const expected = await snapshotSchema(s);
      const m = await migrated.session();
      const actual = await snapshotSchema(m);
      await m.release();
      expect(actual.columns.length).toBeGreaterThan(100);
      expect(actual).toEqual(expected);
    } finally {
      await s.release();
    }
  });

  it('are recorded in Prisma format and applied only once', async () => {
    const again = await migrate(migrated);
    expect(again.applied).toEqual([]);
    const s = await migrated.session();
    const rows = await s.query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      'SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
    );
    await s.release();
    const files = listMigrations();
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    expect(rows.map((r) => r.checksum)).toEqual(files.map((f) => f.checksum));
    expect(rows.every((r) => r.finished_at !== null && r.applied_steps_count === 1)).toBe(true);
  });

  it('refuse to run when an applied migration was edited afterwards', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reap-mig-'));
    const name = listMigrations()[0]!.name;
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, 'migration.sql'), '-- edited\n');
    await expect(migrate(migrated, dir)).rejects.toThrow(`migration ${name} was changed after it was applied`);
  });

  it('apply each migration once when three instances start together', { timeout: 180_000 }, async () => {
    const serverUrl = migrated.url;
    let databaseUrl: string;
    let fresh: TestDatabase | undefined;
    if (serverUrl) {
      fresh = await createTestDatabase();
      const s = await fresh.session();
      await s.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
      await s.release();
      databaseUrl = fresh.url!;
    } else {
      // PGlite is single-process: one data directory opened by three starts in a row.
      databaseUrl = `pglite:${fs.mkdtempSync(path.join(os.tmpdir(), 'reap-pglite-'))}`;
    }
    const start = () => run('npx', ['tsx', 'src/main.ts', 'migrate'], { cwd: repo, env: { ...process.env, DATABASE_URL: databaseUrl } });
    const results = serverUrl ? await Promise.all([start(), start(), start()]) : [await start(), await start(), await start()];
    for (const r of results) expect(r.stdout).toMatch(/Database is up to date \(\d+ migrations applied\)/);

    const check = fresh ?? (await openDatabase({ kind: 'pglite', dataDir: databaseUrl.slice('pglite:'.length) }));
    const s = await check.session();
    const rows = await s.query<{ migration_name: string; n: number }>(
      'SELECT migration_name, count(*)::int AS n FROM "_prisma_migrations" GROUP BY 1 ORDER BY 1',
    );
    await s.release();
    if (fresh) await dropTestDatabase(fresh);
    else await check.close();
    expect(rows).toEqual(listMigrations().map((m) => ({ migration_name: m.name, n: 1 })));
  });
});
