// App Home refreshes that follow a change (a progress update saved, a strategy managed, a
// person deactivated) run here, behind the requests Slack is waiting on, not beside them.
//
// Why: every refresh reads the viewer's whole picture and publishes a large view. When many
// people submit at once, doing each refresh the moment its change lands put those reads in
// front of other people's Submits and slash commands, whose answers Slack times out after
// 3 s. Here, per instance:
// - a person already waiting for a refresh is not queued twice: the refresh that has not
//   started yet reads the data after both changes, so one publish shows both;
// - at most REFRESH_CONCURRENCY refreshes run at once, each started from setImmediate so
//   the requests that arrived meanwhile are handled first;
// - a caller can still await "their" refreshes (tests, the user_change listener).
import type { AppContext } from '../../../services/app-context.js';

export const REFRESH_CONCURRENCY = 2;

interface Waiting {
  run: () => Promise<void>;
  done: Promise<void>;
  resolve: () => void;
}

class RefreshQueue {
  private readonly waiting = new Map<string, Waiting>();
  private running = 0;
  private readonly inFlight = new Set<Promise<void>>();
  /** Work started after a publish (drawing its charts), awaited on close. */
  private readonly background = new Set<Promise<void>>();
  private closed = false;

  track(work: Promise<void>): void {
    if (this.closed) return;
    const done = work.catch(() => {}).finally(() => this.background.delete(done));
    this.background.add(done);
  }

  /** Resolves when the background work started so far, and the refreshes it queued, are done. */
  async settled(): Promise<void> {
    while (this.background.size > 0 || this.inFlight.size > 0 || this.waiting.size > 0) {
      await Promise.all([...this.background, ...this.inFlight, ...[...this.waiting.values()].map((w) => w.done)]);
    }
  }

  /** Resolves once a refresh for `key` that started after this call has finished. */
  refresh(key: string, run: () => Promise<void>): Promise<void> {
    if (this.closed) return Promise.resolve();
    const queued = this.waiting.get(key);
    if (queued) return queued.done;
    let resolve!: () => void;
    const done = new Promise<void>((r) => (resolve = r));
    this.waiting.set(key, { run, done, resolve });
    this.pump();
    return done;
  }

  private pump(): void {
    while (!this.closed && this.running < REFRESH_CONCURRENCY && this.waiting.size > 0) {
      const [key, next] = this.waiting.entries().next().value!;
      this.waiting.delete(key);
      this.running++;
      const task = new Promise<void>((started) => setImmediate(started))
        .then(() => (this.closed ? undefined : next.run()))
        // run() reports its own failures (publishHome never throws); this only keeps the queue going.
        .catch(() => {})
        .finally(() => {
          this.running--;
          this.inFlight.delete(task);
          next.resolve();
          this.pump();
        });
      this.inFlight.add(task);
    }
  }

  /** Drops what has not started (App Home refreshes when it is next opened) and waits for the rest. */
  async close(): Promise<void> {
    this.closed = true;
    for (const w of this.waiting.values()) w.resolve();
    this.waiting.clear();
    await Promise.all([...this.inFlight, ...this.background]);
  }
}

const queues = new WeakMap<AppContext, RefreshQueue>();

function queueOf(ctx: AppContext): RefreshQueue {
  let q = queues.get(ctx);
  if (!q) {
    q = new RefreshQueue();
    queues.set(ctx, q);
  }
  return q;
}

export function queueHomeRefresh(ctx: AppContext, slackUserId: string, run: () => Promise<void>): Promise<void> {
  return queueOf(ctx).refresh(slackUserId, run);
}

/** Runs `work` after an answer (drawing a Home's charts); shutdown waits for it. */
export function trackHomeWork(ctx: AppContext, work: Promise<void>): void {
  queueOf(ctx).track(work);
}

/** For tests: resolves once the App Home work under way (and what it queued) is done. */
export function homeWorkSettled(ctx: AppContext): Promise<void> {
  return queues.get(ctx)?.settled() ?? Promise.resolve();
}

/** On shutdown, before the database closes. */
export function closeHomeRefreshes(ctx: AppContext): Promise<void> {
  return queues.get(ctx)?.close() ?? Promise.resolve();
}
