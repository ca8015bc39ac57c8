// Entry point: `npm start` runs `start`; `npm run reap -- <command>` runs the rest
// (src/cli/program.ts).
//
// Node's compile cache keeps the compiled code of our modules and of our dependencies on
// disk (in the system's temporary directory), so a restart does not parse them all again:
// about a third of the time to load them. It must be on before they are imported, hence
// this file and the dynamic import. Node 20 has no compile cache and simply goes without.
import module from 'node:module';

(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
await import('./cli/program.js');
