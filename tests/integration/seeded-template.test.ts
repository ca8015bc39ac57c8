// Most end-to-end files start from a copy of the run's seeded template instead of seeding
// (database-templates.ts). That shortcut is only honest while the copy holds exactly what
// seeding holds: the same demo people, plans and updates under the same ids, and ids that
// go on from the same place. This compares the two, row by row.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '../../src/db/seed/index.js';
import { SEEDED_TEMPLATE_NOW, seededTemplateKey, seedSourceFiles, seedSourceHash } from '../support/database-templates.js';
import { createTestDatabase, dropTestDatabase, type TestDatabase } from '../support/test-db.js';

const NOW = SEEDED_TEMPLATE_NOW;

/**
 * Every row of every table, sorted. A time after NOW reads "later": the seed writes none,
 * so it is the clock of the moment the row was written (a default now() or updatedAt),
 * which differs between the template and this test by design.
 */
async function dumpAll(db: TestDatabase): Promise<Record<string, string[]>> {
  const s = await db.session();
  try {
    const columns = await s.query<{ table_name: string; column_name: string; data_type: string }>(
      `SELECT c.table_name, c.column_name, c.data_type
         FROM information_schema.columns c
         JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'`,
    );
    const clockColumns = new Set(columns.filter((c) => c.data_type.startsWith('timestamp')).map((c) => `${c.table_name}.${c.column_name}`));
    const out: Record<string, string[]> = {};
    for (const table of [...new Set(columns.map((c) => c.table_name))].sort()) {
      const rows = await s.query<Record<string, unknown>>(`SELECT * FROM "${table}"`);
      out[table] = rows
        .map((row) =>
          JSON.stringify(row, (key, value: unknown) => {
            if (typeof value === 'bigint') return value.toString();
            const raw = (row as Record<string, unknown>)[key];
            if (raw instanceof Date && clockColumns.has(`${table}.${key}`) && raw.getTime() > NOW.getTime()) return 'later';
            return value;
          }),
        )
        .sort();
    }
    return out;
  } finally {
    await s.release();
  }
}

/** Where each id sequence stands: the next row gets the id after it. */
async function sequences(db: TestDatabase): Promise<Record<string, string | null>> {
  const s = await db.session();
  try {
    const rows = await s.query<{ sequencename: string; last_value: string | number | null }>(
      `SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public'`,
    );
    return Object.fromEntries(rows.map((r) => [r.sequencename, r.last_value === null ? null : String(r.last_value)]));
  } finally {
    await s.release();
  }
}

describe('a copy of the seeded template', () => {
  let fresh: TestDatabase;
  let copy: TestDatabase;

  beforeAll(async () => {
    fresh = await createTestDatabase();
    await seedDatabase(fresh.prisma, { now: NOW });
    copy = await createTestDatabase({ seededAt: NOW });
  });
  afterAll(async () => {
    await dropTestDatabase(fresh);
    await dropTestDatabase(copy);
  });

  it('is what the tests at that time get, and only they', async () => {
    // The run's global setup made it: without it every seeding test would be slow again.
    expect(copy.seededAt).toEqual(NOW);
    expect(fresh.seededAt).toBeNull();
    const other = await createTestDatabase({ seededAt: new Date(NOW.getTime() + 1) });
    try {
      expect(other.seededAt).toBeNull();
      expect(await other.prisma.member.count()).toBe(0);
    } finally {
      await dropTestDatabase(other);
    }
  });

  it('holds the same rows, ids included, as seeding at that time', async () => {
    const [seeded, copied] = await Promise.all([dumpAll(fresh), dumpAll(copy)]);
    // The demo workspace is really there, not two empty databases alike.
    expect(seeded.Member!.length).toBeGreaterThan(5);
    expect(seeded.Strategy!.length).toBeGreaterThan(20);
    expect(seeded.ProgressUpdate!.length).toBeGreaterThan(10);
    expect(Object.fromEntries(Object.entries(copied).map(([t, rows]) => [t, rows.length]))).toEqual(
      Object.fromEntries(Object.entries(seeded).map(([t, rows]) => [t, rows.length])),
    );
    for (const table of ['Member', 'Strategy', 'ProgressUpdate']) expect(copied[table], table).toEqual(seeded[table]);
    expect(copied).toEqual(seeded);
  });

  it('gives the next member the same id as a freshly seeded database', async () => {
    expect(await sequences(copy)).toEqual(await sequences(fresh));
    const add = (db: TestDatabase) => db.prisma.member.create({ data: { slackUserId: 'UNEWPERSON', name: 'New Person' }, select: { id: true } });
    expect((await add(copy)).id).toBe((await add(fresh)).id);
  });
});

describe('the seeded template’s name', () => {
  it('changes with any code the seed runs, the instant and the migrated template', () => {
    const files = seedSourceFiles().map((f) => path.relative(process.cwd(), f));
    const fewer = seedSourceFiles().slice(1);
    const seedDir = 'src/db/seed';
    for (const f of fs.readdirSync(seedDir)) expect(files).toContain(path.join(seedDir, f));
    // What the seed calls outside its folder decides rows too.
    expect(files).toContain('src/services/period-snapshots.ts');
    expect(files).toContain('src/domain/fiscal-calendar.ts');

    const key = seededTemplateKey('base', NOW, seedSourceHash());
    expect(seededTemplateKey('base', NOW, seedSourceHash())).toBe(key);
    expect(seededTemplateKey('base', NOW, seedSourceHash(fewer))).not.toBe(key);
    expect(seededTemplateKey('base', new Date(NOW.getTime() + 1), seedSourceHash())).not.toBe(key);
    expect(seededTemplateKey('other', NOW, seedSourceHash())).not.toBe(key);
  });
});
