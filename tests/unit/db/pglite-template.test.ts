// A new embedded database starts as a copy of the build's migrated template: migrations
// already applied, nothing else in it. A directory that already holds a database is never
// replaced by a template, and a template made from other migrations is not used. (Under
// tests/unit: it needs PGlite only, so the PostgreSQL pass leaves it out.)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/client.js';
import { migrate } from '../../../src/db/migrate.js';
import { migrationsHash } from '../../../src/db/migrations-hash.js';
import { builtTemplateFile, findBuiltTemplate, pgliteTemplateKey, pgliteVersion } from '../../../src/db/pglite-template.js';
import { buildTemplate, writePgliteTemplate } from '../../../src/db/pglite-template-build.js';

describe('the embedded database template', () => {
  let root: string;
  let template: string;
  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'reap-template-test-'));
    template = builtTemplateFile(pgliteTemplateKey(), root);
    await writePgliteTemplate(template, 'gzip');
  }, 120_000);
  afterAll(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('is named by the migrations and by the PGlite that wrote it', () => {
    const key = pgliteTemplateKey(migrationsHash(), pgliteVersion());
    expect(path.basename(template)).toBe(`pglite-template-${key}.tar.gz`);
    // After an upgrade of PGlite a template from the old one is not used.
    expect(pgliteTemplateKey(migrationsHash(), '0.0.1')).not.toBe(key);
    expect(pgliteTemplateKey('0000000000000000', pgliteVersion())).not.toBe(key);
  });

  it('is found for the current migrations only', () => {
    expect(findBuiltTemplate(root)).toBe(template);
    const other = fs.mkdtempSync(path.join(root, 'other-'));
    fs.copyFileSync(template, path.join(other, 'pglite-template-0000000000000000.tar.gz'));
    expect(findBuiltTemplate(other)).toBeNull();
  });

  it('gives a new directory every migration and no rows', async () => {
    const dir = path.join(root, 'new');
    const db = await openDatabase({ kind: 'pglite', dataDir: dir, fromDump: template });
    try {
      const result = await migrate(db);
      expect(result.applied).toEqual([]);
      expect(result.alreadyApplied).toBeGreaterThan(0);
      expect(await db.prisma.department.count()).toBe(0);
    } finally {
      await db.close();
    }
  });

  it('never replaces a directory that holds a database', async () => {
    const dir = path.join(root, 'existing');
    const first = await openDatabase({ kind: 'pglite', dataDir: dir, fromDump: template });
    await first.prisma.department.create({ data: { code: 'KEEP', name: 'Kept department' } });
    await first.close();
    const again = await openDatabase({ kind: 'pglite', dataDir: dir, fromDump: template });
    try {
      expect(await again.prisma.department.count({ where: { code: 'KEEP' } })).toBe(1);
    } finally {
      await again.close();
    }
  });
});

describe('building the template into a folder', () => {
  it('replaces an older template and leaves the compiled modules beside it alone', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reap-template-build-'));
    try {
      for (const f of ['pglite-template-0000000000000000.tar.gz', 'pglite-template-build.js', 'pglite-template-build.js.map', 'pglite-template.js']) {
        fs.writeFileSync(path.join(dir, f), 'x');
      }
      const file = await buildTemplate(dir);
      expect(fs.readdirSync(dir).sort()).toEqual(
        [path.basename(file), 'pglite-template-build.js', 'pglite-template-build.js.map', 'pglite-template.js'].sort(),
      );
      expect(findBuiltTemplate(dir)).toBe(file);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
