// A new embedded database starts as a copy of a migrated one. Creating a PGlite cluster
// runs initdb in WebAssembly (2-5 s here) and then every migration; unpacking a tarball of
// a migrated cluster takes under 2 s. `npm run build` writes the tarball next to the
// compiled client (dist/db/), named by the migrations' hash; when it is missing or from
// other migrations, a new database is created the long way, as before.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrationsHash } from './migrations-hash.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const TEMPLATE_PREFIX = 'pglite-template-';
/** A built template's file name; nothing else in the folder matches (pglite-template-build.js does not). */
export const TEMPLATE_FILE = /^pglite-template-[0-9a-f]{16}\.tar\.gz$/;

/** Where the build puts the template for these migrations. */
export function builtTemplateFile(hash = migrationsHash(), dir = HERE): string {
  return path.join(dir, `${TEMPLATE_PREFIX}${hash}.tar.gz`);
}

/** The built template for the current migrations, or null when there is none. */
export function findBuiltTemplate(dir = HERE): string | null {
  const file = builtTemplateFile(migrationsHash(), dir);
  return fs.existsSync(file) ? file : null;
}

/** True when a PGlite data directory has no cluster in it yet. */
export function isNewDataDir(dataDir: string): boolean {
  return !fs.existsSync(path.join(dataDir, 'PG_VERSION'));
}
