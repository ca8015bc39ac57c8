// The `period-snapshots` job (every 15 minutes): writes the closing snapshot of every live
// strategy for each finished fiscal quarter that has none (services/period-snapshots.ts).
// It sends nothing. Most runs ask one question and find every quarter closed; the run after
// a quarter ends closes it, and a first run (or one after the app was down over a close)
// rebuilds the missing quarters from the update history, marking them derived.
import { closeFinishedQuarters } from '../../services/period-snapshots.js';
import type { JobHandler, JobRegistry } from '../registry.js';

export function registerPeriodSnapshots(registry: JobRegistry): void {
  registry.register('period-snapshots', periodSnapshotsJob());
}

export function periodSnapshotsJob(): JobHandler {
  return async (run) => {
    const r = await closeFinishedQuarters(run.ctx, run.fireTime);
    // Quiet when there was nothing to close, as nearly every run.
    if (r.written === 0) return {};
    return { detail: `${r.quarter.key}: ${r.written} snapshots of ${r.strategies} strategies closed (${r.derived} rebuilt from history)` };
  };
}
