// A new embedded database starts as a copy of a migrated one. Creating a PGlite cluster
// runs initdb in WebAssembly (2-5 s here) and then every migration; unpacking a tarball of
// a migrated cluster takes under 2 s. `npm run build` writes the tarball next to the
// compiled client (dist/db/), named by the migrations and the PGlite version it was made
// with (a data directory from another PGlite may not open); when it is missing or from
// other migrations or another PGlite, a new database is created the long way, as before.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrationsHash } from './migrations-hash.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const TEMPLATE_PREFIX = 'pglite-template-';
/** A built template's file name; nothing else in the folder matches (pglite-template-build.js does not). */
export const TEMPLATE_FILE = /^pglite-template-[0-9a-f]{16}\.tar\.gz$/;

/** The installed PGlite's version (its package.json is not exported: found from its entry point). */
export function pgliteVersion(): string {
  let dir = path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  for (;;) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === '@electric-sql/pglite' && pkg.version) return pkg.version;
    }
    const up = path.dirname(dir);
    if (up === dir) throw new Error('cannot find the version of @electric-sql/pglite');
    dir = up;
  }
}

/** Names a template: the migrations in it and the PGlite that wrote it. */
export function pgliteTemplateKey(hash = migrationsHash(), version = pgliteVersion()): string {
  return crypto.createHash('sha256').update(`${hash}\0${version}`).digest('hex').slice(0, 16);
}

/** Where the build puts the template for these migrations and this PGlite. */
export function builtTemplateFile(key = pgliteTemplateKey(), dir = HERE): string {
  return path.join(dir, `${TEMPLATE_PREFIX}${key}.tar.gz`);
}

/** The built template for the current migrations and PGlite, or null when there is none. */
export function findBuiltTemplate(dir = HERE): string | null {
  const file = builtTemplateFile(pgliteTemplateKey(), dir);
  return fs.existsSync(file) ? file : null;
}

/** True when a PGlite data directory has no cluster in it yet. */
export function isNewDataDir(dataDir: string): boolean {
  return !fs.existsSync(path.join(dataDir, 'PG_VERSION'));
}
