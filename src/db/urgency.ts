// Database work someone is waiting on with a deadline (a modal's Submit: Slack closes the
// connection after 3 s) goes before work nobody is timing (filling in a form already shown
// as a loading view, App Home refreshes, reminders). The embedded database runs one
// statement at a time in its worker (src/db/pglite-worker.mjs), which serves urgent
// statements first. On PostgreSQL the mark changes nothing: the server runs statements side
// by side, and handing urgent work the next free connection first bought nothing measurable
// (bench/README.md). The mark travels with the async context, so the services and Prisma
// need not know about it.
//
// A Prisma query starts when it is awaited, not when it is built: await it inside `work`
// (`urgently(async () => await prisma…)`); a query returned unawaited runs in the caller's lane.
import { AsyncLocalStorage } from 'node:async_hooks';

const urgency = new AsyncLocalStorage<boolean>();

/** Runs `work` with its database statements served first. */
export function urgently<T>(work: () => Promise<T>): Promise<T> {
  return urgency.run(true, work);
}

/** Runs `work` (started from urgent work, e.g. after the ack) at the normal pace. */
export function unhurried<T>(work: () => Promise<T>): Promise<T> {
  return urgency.run(false, work);
}

export function isUrgent(): boolean {
  return urgency.getStore() === true;
}
