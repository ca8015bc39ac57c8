// reap backup / reap restore: a backup restored into an empty database gives back the same
// data, byte for byte, on either database and from one to the other.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackupError, readBackupFile, restoreBackup, takeBackup, writeBackupFile, type Backup } from '../../src/db/backup.js';
import { openDatabase, type Database } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';
import { seedDatabase } from '../../src/db/seed/index.js';
import { collectExport, renderJson, writeExport } from '../../src/services/import-export/export-service.js';
import { createTestDatabase, dropTestDatabase, type TestDatabase } from '../support/test-db.js';

const NOW = new Date('2026-11-18T17:00:00Z');

describe('backup and restore', () => {
  // The source is always an embedded database with the demo data and some history.
  let source: Database;
  let backup: Backup;
  let target: TestDatabase;

  beforeAll(async () => {
    source = await openDatabase({ kind: 'pglite', dataDir: null });
    await migrate(source);
    await seedDatabase(source.prisma, { now: NOW });
    const strategy = await source.prisma.strategy.findFirstOrThrow({ where: { archivedAt: null }, orderBy: { id: 'asc' } });
    await source.prisma.auditLog.create({
      data: { actor: 'U0TEST', action: 'test', entityType: 'strategy', entityId: String(strategy.id), after: { note: 'é 👋 "quoted"' } },
    });
    backup = await takeBackup(source, NOW);
    target = await createTestDatabase(); // PGlite in the pglite project, the server in the postgres project
  });
  afterAll(async () => {
    await source?.close();
    await dropTestDatabase(target);
  });

  it('restores every row into an empty database, and a new backup of it is the same', async () => {
    expect(backup.migrations.length).toBeGreaterThan(0);
    expect(backup.tables.Strategy!.length).toBeGreaterThan(26);
    const result = await restoreBackup(target, backup);
    expect(result.rows).toBe(Object.values(backup.tables).reduce((n, t) => n + t.length, 0));
    const again = await takeBackup(target, NOW);
    expect(JSON.stringify(again)).toBe(JSON.stringify(backup));
  });

  it('gives the same export after the restore as before', async () => {
    expect(renderJson(await collectExport(target.prisma))).toBe(renderJson(await collectExport(source.prisma)));
  });

  it('carries progress updates, revisions, briefings and the audit log in the full JSON export', async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'reap-export-')), 'all.json');
    await writeExport(source.prisma, { format: 'json', out, today: '2026-11-18' });
    const doc = JSON.parse(fs.readFileSync(out, 'utf8')) as Record<string, Array<Record<string, unknown>>>;
    expect(doc.progress_updates).toHaveLength(await source.prisma.progressUpdate.count());
    expect(doc.progress_updates!.length).toBeGreaterThan(0);
    expect(doc.briefings).toHaveLength(await source.prisma.briefing.count());
    expect(doc.progress_update_revisions).toHaveLength(await source.prisma.progressUpdateRevision.count());
    // Internal updates are the City's own records too: the operator export keeps them.
    const internal = await source.prisma.progressUpdate.count({ where: { visibility: 'INTERNAL' } });
    expect(doc.progress_updates!.filter((u) => u.visibility === 'INTERNAL')).toHaveLength(internal);
    const first = await source.prisma.progressUpdate.findFirstOrThrow({
      orderBy: { id: 'asc' },
      include: { strategy: { include: { objective: { include: { plan: true } } } } },
    });
    expect(doc.progress_updates![0]).toMatchObject({
      plan_key: first.strategy.objective.plan.key,
      strategy_number: first.strategy.number,
      narrative: first.narrative,
    });
    expect(doc.audit_log!.at(-1)).toMatchObject({ actor: 'U0TEST', after: { note: 'é 👋 "quoted"' } });
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  });

  it('continues ids after the restored ones', async () => {
    const max = await target.prisma.auditLog.aggregate({ _max: { id: true } });
    const row = await target.prisma.auditLog.create({ data: { actor: 'cli', action: 'after-restore', entityType: 'x', entityId: '1' } });
    expect(row.id).toBeGreaterThan(max._max.id!);
  });

  it('refuses a database that is not empty, and writes nothing', async () => {
    const before = await target.prisma.auditLog.count();
    await expect(restoreBackup(target, backup)).rejects.toThrow(/the database is not empty \(table \w+ has \d+ rows\)/);
    expect(await target.prisma.auditLog.count()).toBe(before);
  });

  it('builds the schema itself in a brand-new database, and reads its own gzip file', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'reap-backup-')), 'reap.json.gz');
    writeBackupFile(file, backup);
    expect(fs.readFileSync(file)[0]).toBe(0x1f); // gzip
    const fresh = await openDatabase({ kind: 'pglite', dataDir: null });
    try {
      await restoreBackup(fresh, readBackupFile(file));
      expect(await fresh.prisma.strategy.count()).toBe(backup.tables.Strategy!.length);
    } finally {
      await fresh.close();
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });

  it('says what is wrong with a file that is not a backup, or from a newer version', async () => {
    const fresh = await openDatabase({ kind: 'pglite', dataDir: null });
    try {
      await expect(restoreBackup(fresh, { ...backup, format: 'other' } as unknown as Backup)).rejects.toThrow(
        new BackupError('this is not a REAP Tracker backup file'),
      );
      await expect(restoreBackup(fresh, { ...backup, migrations: [...backup.migrations, '29990101000000_future'] })).rejects.toThrow(
        /comes from a newer version of REAP Tracker \(migration 29990101000000_future\)/,
      );
    } finally {
      await fresh.close();
    }
  });
});
