// App Home refreshes after a change: one per person however many changes arrive before it
// starts, a bounded number at once, none after shutdown. A person whose Home showed stale
// data, or a burst of Submits that published the same Home fifty times, would notice.
import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../../src/services/app-context.js';
import { REFRESH_CONCURRENCY, closeHomeRefreshes, queueHomeRefresh } from '../../../src/slack/features/home/refresh-queue.js';

const newCtx = () => ({}) as AppContext;

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { open, opened };
}

describe('App Home refresh queue', () => {
  it('publishes once for a person whose refresh is still waiting, and again for a change after it started', async () => {
    const ctx = newCtx();
    const runs: string[] = [];
    const first = gate();
    const a1 = queueHomeRefresh(ctx, 'UA', async () => {
      runs.push('A#1');
      await first.opened;
    });
    // Fills the other slot, so that B waits.
    const c = queueHomeRefresh(ctx, 'UC', async () => {
      runs.push('C');
      await first.opened;
    });
    const b1 = queueHomeRefresh(ctx, 'UB', async () => void runs.push('B#1'));
    const b2 = queueHomeRefresh(ctx, 'UB', async () => void runs.push('B#2'));
    expect(b2).toBe(b1);
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    // A has started (read its data): a change now needs a refresh of its own.
    const a2 = queueHomeRefresh(ctx, 'UA', async () => void runs.push('A#2'));
    expect(a2).not.toBe(a1);
    first.open();
    await Promise.all([a1, a2, b1, c]);
    expect(runs.sort()).toEqual(['A#1', 'A#2', 'B#1', 'C']);
  });

  it(`runs at most ${REFRESH_CONCURRENCY} at once and keeps going after a failure`, async () => {
    const ctx = newCtx();
    let running = 0;
    let peak = 0;
    const done: string[] = [];
    const work = (id: string, fail = false) =>
      queueHomeRefresh(ctx, id, async () => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, 5));
        running--;
        if (fail) throw new Error('Slack said no');
        done.push(id);
      });
    await Promise.all([work('U1', true), ...['U2', 'U3', 'U4', 'U5', 'U6'].map((id) => work(id))]);
    expect(peak).toBe(REFRESH_CONCURRENCY);
    expect(done.sort()).toEqual(['U2', 'U3', 'U4', 'U5', 'U6']);
  });

  it('on shutdown drops what has not started and waits for what has', async () => {
    const ctx = newCtx();
    const runs: string[] = [];
    const slow = gate();
    const started = queueHomeRefresh(ctx, 'U1', async () => {
      runs.push('U1 started');
      await slow.opened;
      runs.push('U1 done');
    });
    void queueHomeRefresh(ctx, 'U2', async () => void (await slow.opened));
    const dropped = queueHomeRefresh(ctx, 'U3', async () => void runs.push('U3'));
    await new Promise((r) => setImmediate(r));
    const closing = closeHomeRefreshes(ctx);
    await dropped;
    setTimeout(slow.open, 5);
    await closing;
    await started;
    expect(runs).toEqual(['U1 started', 'U1 done']);
    // Nothing runs once the instance is stopping.
    await queueHomeRefresh(ctx, 'U4', async () => void runs.push('U4'));
    expect(runs).not.toContain('U4');
  });
});
