// Writing the template pglite-template.ts describes: by `npm run build` (gzip, into dist/db/)
// and by the test runs (uncompressed, into the system's temp folder).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Database } from './client.js';
import { migrate } from './migrate.js';
import { TEMPLATE_FILE, builtTemplateFile, pgliteTemplateKey } from './pglite-template.js';

/**
 * Migrates an empty cluster and writes it as a PGlite.dumpDataDir() tarball to `file`
 * (gzip: about 5 MB, for dist/; none: about 40 MB, faster to load, for test runs).
 * The test runs also start from another tarball (`fromDump`) and add rows (`fill`).
 */
export async function writePgliteTemplate(
  file: string,
  compression: 'gzip' | 'none',
  opts: { fromDump?: string; fill?: (db: Database) => Promise<void> } = {},
): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reap-pglite-template-'));
  try {
    const db = await openDatabase({ kind: 'pglite', dataDir: dir, ...(opts.fromDump ? { fromDump: opts.fromDump } : {}) });
    try {
      await migrate(db);
      await opts.fill?.(db);
    } finally {
      await db.close();
    }
    // The app's lock file is not part of a database.
    fs.rmSync(path.join(dir, 'reap-tracker.pid'), { force: true });
    const { PGlite } = await import('@electric-sql/pglite');
    const copy = await PGlite.create(dir);
    try {
      const dump = await copy.dumpDataDir(compression);
      // Written under another name first: a process starting now never reads half a file.
      const partial = `${file}.${process.pid}.partial`;
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
      fs.renameSync(partial, file);
    } finally {
      await copy.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Writes the template for the current migrations into `dir` and removes older ones. */
export async function buildTemplate(dir: string): Promise<string> {
  const file = builtTemplateFile(pgliteTemplateKey(), dir);
  for (const old of fs.readdirSync(dir).filter((f) => TEMPLATE_FILE.test(f))) {
    if (path.join(dir, old) !== file) fs.rmSync(path.join(dir, old), { force: true });
  }
  if (!fs.existsSync(file)) await writePgliteTemplate(file, 'gzip');
  return file;
}
