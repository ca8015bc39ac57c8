// The front door's thread starts here. Node runs a worker's first file as plain
// JavaScript, whatever loader the main thread has (tsx under `npm start`, vitest's own in
// tests), so this file loads the TypeScript with tsx's scoped import.
import { tsImport } from 'tsx/esm/api';

await tsImport('./worker.ts', import.meta.url);
