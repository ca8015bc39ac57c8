// `npm run build`: compiles src/ to dist/ with tsc, then copies what tsc does not (the
// worker threads' plain JavaScript entry points and the sandbox page's files). With
// --if-stale it does nothing when dist/ is newer than every source, so `npm start` only
// builds after a change. Migrations, manifests and the chart font (assets/) are read from
// the repository at run time; the build also writes a migrated embedded-database template
// into dist/db/, from which a new PGlite data directory starts (src/db/pglite-template.ts).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const stamp = path.join(dist, '.build-stamp');
const INPUTS = ['src', 'prisma/schema.prisma', 'prisma/migrations', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json', 'scripts/build.mjs'];

function newestMtime(p) {
  const stat = fs.statSync(p, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

function isStale() {
  const built = fs.statSync(stamp, { throwIfNoEntry: false });
  if (!built) return true;
  return INPUTS.some((p) => newestMtime(path.join(root, p)) > built.mtimeMs);
}

/** Copies files tsc leaves behind: *.mjs (worker entry points) and the sandbox's web page. */
function copyAssets(from, to) {
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) {
      copyAssets(source, target);
    } else if (entry.name.endsWith('.mjs') || path.relative(path.join(root, 'src'), from).startsWith(path.join('sandbox', 'web'))) {
      fs.mkdirSync(to, { recursive: true });
      fs.copyFileSync(source, target);
    }
  }
}

if (process.argv.includes('--if-stale') && !isStale()) process.exit(0);
const t0 = Date.now();
execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json')], {
  stdio: 'inherit',
});
copyAssets(path.join(root, 'src'), dist);
const { buildTemplate } = await import(pathToFileURL(path.join(dist, 'db', 'pglite-template-build.js')).href);
await buildTemplate(path.join(dist, 'db'));
fs.writeFileSync(stamp, `${new Date().toISOString()}\n`);
console.error(`reap: built dist/ in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
