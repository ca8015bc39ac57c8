// Whether `npm test` runs the browser tests. A newcomer's machine may have no Chromium:
// then they are left out with one line saying how to get it, instead of four files failing.
// In CI (CI=true) they always run, so a missing browser fails loudly there.
import fs from 'node:fs';

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

export const SKIP_LINE = 'browser tests skipped: no Chromium found; apt-get install chromium (or set CHROMIUM_PATH)';

export interface BrowserTestPlan {
  run: boolean;
  /** Printed once when the tests are left out. */
  message?: string;
}

export function browserTestPlan(env: NodeJS.ProcessEnv, exists: (p: string) => boolean = fs.existsSync): BrowserTestPlan {
  const path = env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;
  if (exists(path)) return { run: true };
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== '0' && env.CI.toLowerCase() !== 'false';
  if (ci) return { run: true };
  return { run: false, message: SKIP_LINE };
}
