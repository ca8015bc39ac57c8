// The front door's thread starts here. Node runs a worker's first file as plain
// JavaScript, whatever loader the main thread has. Built (dist/), the compiled worker.js
// sits beside this file; in development (`npm run dev`, tests) only worker.ts does, and
// tsx's scoped import loads it.
import fs from 'node:fs';
import module from 'node:module';

// As in src/main.ts: compiled code from disk, so a thread (or its restart) loads faster.
module.enableCompileCache?.();

const compiled = new URL('./worker.js', import.meta.url);
if (fs.existsSync(compiled)) {
  await import(compiled.href);
} else {
  const { tsImport } = await import('tsx/esm/api');
  await tsImport('./worker.ts', import.meta.url);
}
