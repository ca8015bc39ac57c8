// PostgreSQL connections handed out urgent work first, as the embedded database's worker
// serves statements (src/db/urgency.ts): when every connection is busy, work someone is
// waiting on with a deadline (a modal's Submit, which Slack drops after 3 s) gets the next
// free one before work nobody is timing (the forms being filled in after their loading view).
//
// Why: pg's pool queues first come, first served. Under load the forms' reads queued dozens
// of requests for the ten connections (measured with bench/slack-update.bench.ts at 50
// users: up to 70 waiting, more than half the time), and a Submit's save waited behind all
// of them. A connection is held until the main thread has read its result, so under load
// its turn is set by the event loop more than by the server; a few extra connections kept
// for urgent work were no help (they ran out just the same and made Submits slower), the
// order in which the existing ones are handed out is.
//
// How: a count of free connections in front of pg's pool, with two queues. A request takes a
// slot before pg's connect() and gives it back when its connection is released, so pg's own
// queue stays empty and the order is decided here. pg's query() checks out through
// this.connect(), so it is ordered too; Prisma's adapter uses only query() and connect().
import pg from 'pg';
import { isUrgent } from './urgency.js';

type Release = (err?: Error | boolean) => void;
type ConnectCallback = (err: Error | undefined, client: pg.PoolClient | undefined, done: Release) => void;

export class LanePool extends pg.Pool {
  #free: number;
  readonly #waiting = { urgent: [] as (() => void)[], ordinary: [] as (() => void)[] };
  readonly #timeoutMs: number;

  constructor(config: pg.PoolConfig) {
    super(config);
    this.#free = config.max ?? 10;
    this.#timeoutMs = config.connectionTimeoutMillis ?? 0;
    const connect = pg.Pool.prototype.connect.bind(this) as (cb: ConnectCallback) => void;
    // An instance property rather than an override: pg's overloads (promise or callback)
    // stay as they are for callers.
    this.connect = ((callback?: ConnectCallback) => {
      const checkedOut = new Promise<pg.PoolClient>((resolve, reject) => {
        this.#takeSlot().then(
          () =>
            connect((err, client) => {
              if (err || !client) {
                this.#giveSlotBack();
                reject(err ?? new Error('no client'));
                return;
              }
              resolve(this.#releasingSlot(client));
            }),
          reject,
        );
      });
      if (!callback) return checkedOut;
      checkedOut.then(
        (client) => callback(undefined, client, client.release as Release),
        (err: Error) => callback(err, undefined, () => {}),
      );
      return undefined;
    }) as pg.Pool['connect'];
  }

  /** Waiting in the lane of the current async context; pg's own timeout applies to the wait. */
  #takeSlot(): Promise<void> {
    if (this.#free > 0) {
      this.#free--;
      return Promise.resolve();
    }
    const queue = isUrgent() ? this.#waiting.urgent : this.#waiting.ordinary;
    return new Promise((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const turn = () => {
        clearTimeout(timer);
        resolve();
      };
      queue.push(turn);
      if (this.#timeoutMs > 0) {
        timer = setTimeout(() => {
          queue.splice(queue.indexOf(turn), 1);
          // pg's words, so callers and logs see the same error either way.
          reject(new Error('timeout exceeded when trying to connect'));
        }, this.#timeoutMs);
        timer.unref();
      }
    });
  }

  #giveSlotBack(): void {
    const next = this.#waiting.urgent.shift() ?? this.#waiting.ordinary.shift();
    if (next) next();
    else this.#free++;
  }

  /** The slot goes back after pg has the client back, so the next in line finds it idle. */
  #releasingSlot(client: pg.PoolClient): pg.PoolClient {
    const release = client.release.bind(client) as Release;
    let released = false;
    client.release = ((err?: Error | boolean) => {
      const result = release(err);
      if (!released) {
        released = true;
        this.#giveSlotBack();
      }
      return result;
    }) as pg.PoolClient['release'];
    return client;
  }
}
