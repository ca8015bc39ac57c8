// Each test file's database is a copy of a migrated template made once per run. A copy must
// be as good as a freshly migrated database (every migration recorded, nothing left to
// apply) and its own (rows written in one copy are not in another); a changed migration
// must make a new template rather than hand out a stale one.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, migrate } from '../../../src/db/migrate.js';
import { migrationsHash } from '../../support/database-templates.js';
import { createTestDatabase, dropTestDatabase, type TestDatabase } from '../../support/test-db.js';

describe('test databases copied from the migrated template', () => {
  let a: TestDatabase;
  let b: TestDatabase;
  beforeAll(async () => {
    [a, b] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  });
  afterAll(async () => {
    await dropTestDatabase(a);
    await dropTestDatabase(b);
  });

  it('have every migration applied, and nothing left to apply', async () => {
    const migrations = fs.readdirSync(MIGRATIONS_DIR).filter((d) => fs.existsSync(path.join(MIGRATIONS_DIR, d, 'migration.sql')));
    const result = await migrate(a);
    expect(result.applied).toEqual([]);
    expect(result.alreadyApplied).toBe(migrations.length);
    expect(await a.prisma.department.count()).toBe(0);
  });

  it('are independent of each other', async () => {
    await a.prisma.department.create({ data: { code: 'ONLYA', name: 'Only in A' } });
    expect(await a.prisma.department.count({ where: { code: 'ONLYA' } })).toBe(1);
    expect(await b.prisma.department.count({ where: { code: 'ONLYA' } })).toBe(0);
  });

  it('come from a template named by the migrations, which a changed migration renames', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reap-migrations-'));
    try {
      fs.cpSync(MIGRATIONS_DIR, dir, { recursive: true });
      const before = migrationsHash(dir);
      expect(before).toBe(migrationsHash());
      const first = fs.readdirSync(dir).sort()[0]!;
      fs.appendFileSync(path.join(dir, first, 'migration.sql'), '\n-- changed\n');
      expect(migrationsHash(dir)).not.toBe(before);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
