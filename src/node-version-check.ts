// Imported first by src/main.ts: on a Node.js older than the project supports, stop with one
// line instead of a confusing error from deep inside a dependency.
export const MIN_NODE = '20.19.0';

/** True when `version` ("20.20.2" or "v20.20.2") is at least `min`. */
export function nodeIsSupported(version: string, min = MIN_NODE): boolean {
  const a = version.replace(/^v/, '').split('.').map(Number);
  const b = min.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return true;
}

if (!nodeIsSupported(process.versions.node)) {
  console.error(`reap: Node.js ${MIN_NODE} or newer is needed (this is ${process.version}); see README, "Requirements"`);
  process.exit(1);
}
