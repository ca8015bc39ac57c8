// Imported first by src/main.ts: on a Node.js older than the project supports, stop with one
// line instead of a confusing error from deep inside a dependency. A line past its end of life
// still runs; `reap start` logs a warning (endOfLifeWarning), as it gets no security fixes.
export const MIN_NODE = '20.19.0';

/** End of life of each line the project runs on (nodejs.org/en/about/previous-releases). */
export const NODE_END_OF_LIFE: Readonly<Record<number, string>> = {
  20: '2026-04-30',
  22: '2027-04-30',
  24: '2028-04-30',
  26: '2029-04-30',
};

/** True when `version` ("20.20.2" or "v20.20.2") is at least `min`. */
export function nodeIsSupported(version: string, min = MIN_NODE): boolean {
  const a = version.replace(/^v/, '').split('.').map(Number);
  const b = min.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return true;
}

/** The warning for a line past its end of life on `today`, or null. */
export function endOfLifeWarning(version: string, today: Date): string | null {
  const major = Number(version.replace(/^v/, '').split('.')[0]);
  const eol = NODE_END_OF_LIFE[major];
  if (!eol || today.toISOString().slice(0, 10) <= eol) return null;
  return `reap: Node.js ${major} reached end of life on ${eol} and gets no security fixes; run the current LTS line (README, "Requirements")`;
}

if (!nodeIsSupported(process.versions.node)) {
  console.error(`reap: Node.js ${MIN_NODE} or newer is needed (this is ${process.version}); see README, "Requirements"`);
  process.exit(1);
}
