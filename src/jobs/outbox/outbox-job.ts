// The `outbox` job: every fire drains what is due. Fires that come while this instance is
// still draining are left to other instances (or the sweep), and row claims keep
// dispatchers on several instances from sending the same row.
import type { JobHandler } from '../registry.js';
import type { OutboxDispatcher } from './dispatcher.js';

export function outboxJob(dispatcher: OutboxDispatcher, budgetMs = 5 * 60_000): JobHandler {
  return async (run) => {
    const s = await dispatcher.drain({ signal: run.signal, budgetMs });
    const busy = s.sent + s.retried + s.failed + s.unconfirmed + s.confirmed + s.resent;
    return {
      // Nothing to say on the quiet fires (most of them): keeps the log readable.
      detail: busy
        ? `sent ${s.sent}, put back ${s.retried}, failed ${s.failed}, unconfirmed ${s.unconfirmed}, confirmed ${s.confirmed}, resent ${s.resent}`
        : undefined,
    };
  };
}
