// The front door: in HTTP mode, Slack's requests are received in a thread of their own
// (./worker.ts) and handed to the Bolt app on the main thread.
//
// Why: the main thread builds forms and App Homes and maps query results. Under load one
// of its event-loop turns can last tens of milliseconds, and a slash command that arrives
// meanwhile is not even read until the turn ends, while Slack's trigger id lives 3 s and
// Slack wants every ack within 3 s. The front door's thread does little: it checks the
// signature, answers `/reap update` and opens its loading view at once, and passes
// everything else on. Acks for the rest still come from the main thread's listeners,
// as in Bolt, so a listener decides what the ack says.
//
// The main thread keeps its own HTTP server on 127.0.0.1 for the other paths (health
// check, sandbox page); the front door passes those requests through.
//
// Only on PGlite. There the database runs in the app's process and its work competes with
// the main thread; under paced load the thread bought 60 % or more on the p99 of opening
// a modal, and without it trigger ids expired. On PostgreSQL it bought nothing steady and
// cost about 34 MiB of memory and 15–25 % more CPU a request (bench/README.md), so the
// same front door runs on the main thread there (./main-thread.ts).
import { Worker } from 'node:worker_threads';
import { ReceiverMultipleAckError, type App, type Receiver } from '@slack/bolt';
import type { Logger } from '../../logger.js';
import type { FrontDoorSettings, FromDoor, LoadingViewOpened, ToDoor } from './messages.js';
import type { Lang } from '../../slack/i18n/index.js';

export type { LoadingViewOpened } from './messages.js';

/** Whether the front door gets a thread of its own, by the database the app runs on. */
export function frontDoorInThread(database: 'pglite' | 'postgres'): boolean {
  return database === 'pglite';
}

/** Bolt context key under which a `/reap update` listener finds its loading view. */
export const LOADING_VIEW_CONTEXT_KEY = 'updateLoadingView';

/**
 * The Bolt receiver on the main thread: requests arrive as messages from the front door's
 * thread. With the front door on the main thread it receives nothing (that door calls the
 * app's processEvent itself) and only keeps Bolt from starting a receiver of its own.
 */
export class FrontDoorReceiver implements Receiver {
  private app: App | null = null;
  private worker: Worker | null = null;
  private readonly opened = new Map<number, (result: LoadingViewOpened) => void>();

  constructor(private readonly logger: Logger) {}

  init(app: App): void {
    this.app = app;
  }

  // The front door's thread is started and stopped by openFrontDoor/close.
  start(): Promise<void> {
    return Promise.resolve();
  }

  stop(): Promise<void> {
    return Promise.resolve();
  }

  /** @internal Messages from the front door's thread. */
  connect(worker: Worker | null): void {
    this.worker = worker;
    // A thread that is gone will not report its loading views.
    for (const [id, settle] of this.opened) {
      this.opened.delete(id);
      settle({ ok: false, error: 'front_door_restarted' });
    }
  }

  /** @internal */
  receive(message: FromDoor): void {
    if (message.type === 'opened') {
      this.opened.get(message.id)?.(message.result);
      this.opened.delete(message.id);
    } else if (message.type === 'event') {
      this.dispatch(message);
    }
  }

  private send(message: ToDoor): void {
    this.worker?.postMessage(message);
  }

  private dispatch(event: Extract<FromDoor, { type: 'event' }>): void {
    const { id } = event;
    let acks = 0;
    const ack = async (response?: unknown): Promise<void> => {
      if (acks++ > 0) throw new ReceiverMultipleAckError();
      // Already answered by the front door (`/reap update`): the listener's ack is a no-op.
      if (!event.acked) this.send({ type: 'ack', id, response });
    };
    const customProperties: Record<string, unknown> = {};
    if (event.acked) {
      customProperties[LOADING_VIEW_CONTEXT_KEY] = new Promise<LoadingViewOpened>((resolve) => this.opened.set(id, resolve));
    }
    if (!this.app) {
      this.send({ type: 'done', id, error: { message: 'the Slack app is not ready' } });
      return;
    }
    this.app.processEvent({ body: event.body, ack, retryNum: event.retryNum, retryReason: event.retryReason, customProperties }).then(
      () => this.send({ type: 'done', id }),
      (e: unknown) => {
        const error = e as Error & { code?: string };
        this.logger.debug({ err: error.message }, 'a Slack request ended with an error');
        this.send({ type: 'done', id, error: { message: error.message, code: typeof error.code === 'string' ? error.code : undefined } });
      },
    );
  }
}

export interface FrontDoor {
  /** The public port Slack (or the sandbox) sends requests to. */
  port: number;
  /** Keeps the front door's memory of each person's language in step (loading views). */
  tellLanguage(user: string, lang: Lang): void;
  close(): Promise<void>;
}

/** A front door whose thread is loading, not yet listening. */
export interface StartingFrontDoor {
  /** Listens once the app can serve; `internalPort` is the main thread's own HTTP server. */
  listen(internalPort: number): Promise<FrontDoor>;
  /** Stops the thread, listening or not (e.g. when the start fails). */
  close(): Promise<void>;
}

export interface FrontDoorOptions {
  /** Told of each thread started, the first and every restart (diagnostics, tests). */
  onThread?: (worker: Worker) => void;
}

/**
 * Starts the front door's thread. It does not listen until told: loading it (Bolt and our
 * modules in a fresh isolate) takes about as long as opening the database and checking
 * the bot token, so the start-up does those meanwhile and then calls `listen`.
 */
export function startFrontDoor(receiver: FrontDoorReceiver, settings: FrontDoorSettings, logger: Logger, options: FrontDoorOptions = {}): StartingFrontDoor {
  let closing = false;
  let worker: Worker;
  // The port asked for (0: any), then the one the first front door got, for a restart.
  let port = settings.port;
  let internalPort: number | null = null;
  /** Threads that have ended: closing one must not wait for an exit that already happened. */
  const ended = new WeakSet<Worker>();

  const spawn = () => {
    const thread = new Worker(new URL('./worker-entry.mjs', import.meta.url), { workerData: { ...settings, port } });
    worker = thread;
    receiver.connect(thread);
    options.onThread?.(thread);
    let listening = false;
    const listened = new Promise<number>((resolve, reject) => {
      thread.on('message', (message: FromDoor) => {
        if (message.type === 'listening') {
          listening = true;
          port = message.port;
          resolve(message.port);
        } else if (message.type === 'listen-failed') {
          reject(Object.assign(new Error(`cannot listen on port ${port}: ${message.message}`), { code: message.code }));
        } else {
          receiver.receive(message);
        }
      });
      thread.on('error', (e) => {
        logger.error({ err: e }, 'the HTTP front door failed');
        if (!listening) reject(e);
      });
      thread.on('exit', () => {
        ended.add(thread);
        if (worker === thread) receiver.connect(null);
        if (!listening) reject(new Error('the HTTP front door stopped before it listened'));
        if (closing || !listening) return;
        // Slack's requests would find nobody listening: start a new front door on the same port.
        logger.error('the HTTP front door stopped; starting it again');
        spawn().catch((e: unknown) => logger.fatal({ err: e }, 'the HTTP front door could not be started again'));
      });
    });
    // Whoever awaits it sees a failure; until then it must not count as unhandled.
    listened.catch(() => {});
    // A restarted thread listens at once: the app is serving already.
    if (internalPort !== null) thread.postMessage({ type: 'listen', internalPort } satisfies ToDoor);
    return listened;
  };

  const close = () => {
    closing = true;
    const current = worker;
    // E.g. it could not listen (the port is taken) and the start is being undone.
    if (ended.has(current)) return Promise.resolve();
    return new Promise<void>((resolve) => {
      // The front door stops listening and lets requests in flight finish (up to 5 s).
      current.once('exit', () => resolve());
      current.on('message', (message: FromDoor) => {
        if (message.type === 'closed') void current.terminate();
      });
      current.postMessage({ type: 'close' } satisfies ToDoor);
      setTimeout(() => void current.terminate(), 6_000).unref();
    });
  };

  const first = spawn();
  return {
    close,
    async listen(internal) {
      internalPort = internal;
      worker.postMessage({ type: 'listen', internalPort: internal } satisfies ToDoor);
      return {
        port: await first,
        tellLanguage: (user, lang) => worker.postMessage({ type: 'language', user, lang } satisfies ToDoor),
        close,
      };
    },
  };
}
