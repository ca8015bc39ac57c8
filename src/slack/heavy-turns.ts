// Taking turns for the heavy steps of work Slack is not timing: building a 100-option form
// and sending it with views.update, building an App Home. At most one such step starts per
// turn of the event loop, from setImmediate.
//
// Why: Node runs every callback that is ready in one turn before it looks for new requests
// again. Under load, the heavy steps of dozens of forms became ready together and one turn
// took a few hundred milliseconds, while a slash command that had just arrived, whose
// trigger id dies 3 s after it was issued, waited for the next turn to be read at all
// (measured with bench/slack-update.bench.ts: event-loop turns of 100-400 ms at 50 users).
// Taking turns keeps each turn short, so the requests Slack is waiting on are read, acked
// and answered with views.open between two heavy steps; the heavy steps themselves finish
// a little later under load, which nobody is timing.
const waiting: (() => void)[] = [];
let scheduled = false;

function next(): void {
  scheduled = false;
  waiting.shift()?.();
  // Queued from inside the check phase, this runs in the next turn, after its poll phase.
  if (waiting.length > 0) schedule();
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  setImmediate(next);
}

/** Resolves when it is this caller's turn to run a heavy step. */
export function heavyTurn(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    schedule();
  });
}

/** How many heavy steps are waiting for their turn (for tests and diagnostics). */
export const heavyTurnsWaiting = (): number => waiting.length;
