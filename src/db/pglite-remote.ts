// The main thread's handle on PGlite running in a worker thread (./pglite-worker.mjs).
// PGlite is PostgreSQL compiled to WebAssembly, so its queries cost CPU on whichever thread
// runs them; on the main thread that held Slack acknowledgements behind other requests'
// queries. RemotePGlite implements exactly the part of PGlite's API that src/db/client.ts
// and pglite-prisma-adapter use (query, exec, transaction with query/exec/rollback, close,
// closed); the main thread only passes messages.
//
// Messages to the worker: { id, op: 'query'|'exec', sql, params?, rowMode?, rawOids?,
// bufferPaths?, tx? }, { id, op: 'begin' } (answers with a transaction id once inside the
// transaction), { id, op: 'rollback', tx }, { id, op: 'end', tx, commit }, { id, op: 'close' };
// any of them may carry `urgent: true` (see src/db/urgency.ts).
// Answers: { id, ok: true, value } or { id, ok: false, error } (see describeError in the worker).
// The worker runs one statement or transaction at a time, urgent ones first: a transaction
// holds the database until it ends, exactly as in one thread.
import { Worker } from 'node:worker_threads';
import { isUrgent } from './urgency.js';
import { messages, TransactionAbortedError, type Results } from '@electric-sql/pglite';

/** Parses one column's PostgreSQL text (PGlite's ParserOptions). */
export type ColumnParser = (text: string, typeId?: number) => unknown;

/** The options of PGlite's query/exec that can be honoured across threads. */
export interface RemoteQueryOptions {
  rowMode?: 'array' | 'object';
  /** Per type OID; run on the main thread on the text the worker sends back. */
  parsers?: Record<number, ColumnParser>;
}

/** PGlite's interactive transaction object, as far as the adapter uses it. */
export interface RemoteTransaction {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[], options?: RemoteQueryOptions): Promise<Results<T>>;
  exec(sql: string, options?: RemoteQueryOptions): Promise<Results[]>;
  rollback(): Promise<void>;
  readonly closed: boolean;
}

interface SerializedError {
  kind: 'database' | 'transaction-aborted' | 'error';
  name: string;
  message: string;
  stack?: string;
  length?: number;
  fields?: Record<string, string>;
  query?: string;
  params?: unknown[];
  code?: unknown;
}

type Request =
  | { op: 'query'; sql: string; params?: unknown[]; bufferPaths?: number[][]; rowMode?: 'array' | 'object'; rawOids?: number[]; tx?: number }
  | { op: 'exec'; sql: string; rowMode?: 'array' | 'object'; rawOids?: number[]; tx?: number }
  | { op: 'begin' }
  | { op: 'rollback'; tx: number }
  | { op: 'end'; tx: number; commit: boolean }
  | { op: 'close' };

type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: SerializedError };
type Notice =
  | { type: 'ready' }
  | { type: 'open-failed'; error: SerializedError }
  | { type: 'abandoned'; tx: number; idleMs: number }
  | { type: 'upkeep-failed'; table: string | null; error: SerializedError };

/** Rolled back by the worker after this long without a statement (see pglite-worker.mjs). */
export const ABANDON_TRANSACTIONS_AFTER_MS = 60_000;

/** How often the worker looks for tables to vacuum and analyze (see pglite-worker.mjs). */
export const UPKEEP_EVERY_MS = 10 * 60_000;

export interface RemotePGliteOptions {
  /** Another worker script speaking the same messages (tests use one that fails). */
  workerUrl?: URL;
  abandonTransactionsAfterMs?: number;
  /** 0: never. */
  upkeepEveryMs?: number;
  /** A new database starts from this PGlite.dumpDataDir() tarball instead of an empty cluster. */
  fromDump?: string;
}

interface Pending {
  resolve(value: unknown): void;
  reject(e: unknown): void;
  /** The caller's options, attached to a DatabaseError as PGlite does. */
  options?: RemoteQueryOptions;
}

const WORKER_URL = new URL('./pglite-worker.mjs', import.meta.url);

export class RemotePGlite {
  readonly #worker: Worker;
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;
  /** Set once the worker is gone (crashed, or closed): every later call fails with it. */
  #failure: Error | null = null;
  #ending = false;
  #closed = false;
  #closing: Promise<void> | null = null;

  private constructor(worker: Worker) {
    this.#worker = worker;
  }

  /**
   * Starts the worker and opens PGlite there: in dataDir (an absolute directory), or in
   * memory when null. Rejects with PGlite's own error when the database cannot be opened.
   */
  static async open(dataDir: string | null, options: RemotePGliteOptions = {}): Promise<RemotePGlite> {
    const abandonTransactionsAfterMs = options.abandonTransactionsAfterMs ?? ABANDON_TRANSACTIONS_AFTER_MS;
    const upkeepEveryMs = options.upkeepEveryMs ?? UPKEEP_EVERY_MS;
    const worker = new Worker(options.workerUrl ?? WORKER_URL, {
      workerData: { dataDir, fromDump: options.fromDump, abandonTransactionsAfterMs, upkeepEveryMs },
    });
    const remote = new RemotePGlite(worker);
    await new Promise<void>((resolve, reject) => {
      const settle = (e: Error | null) => {
        worker.off('message', onOpenMessage);
        worker.off('error', onOpenError);
        worker.off('exit', onOpenExit);
        if (!e) return resolve();
        // A late 'error' must not become an uncaught exception of the main thread.
        worker.on('error', () => {});
        void worker.terminate();
        reject(e);
      };
      const onOpenMessage = (m: Notice | Reply) => {
        if (!('type' in m)) return;
        if (m.type === 'ready') settle(null);
        else if (m.type === 'open-failed') settle(toError(m.error));
      };
      const onOpenError = (e: Error) => settle(e);
      const onOpenExit = (code: number) => settle(new Error(`the embedded database worker exited with code ${code} while opening`));
      worker.on('message', onOpenMessage);
      worker.on('error', onOpenError);
      worker.on('exit', onOpenExit);
    });
    remote.#listen();
    // Idle, the worker must not keep the process alive (PGlite in the main thread did not);
    // it is referenced only while an answer is awaited.
    worker.unref();
    return remote;
  }

  #listen(): void {
    this.#worker.on('message', (m: Reply | Notice) => {
      if (!('type' in m)) return this.#settle(m);
      // A bug somewhere held the database; say so where operators look (stderr).
      if (m.type === 'abandoned') {
        process.emitWarning(`the embedded database rolled back transaction ${m.tx}, abandoned by its caller for ${m.idleMs} ms`, 'ReapDatabaseWarning');
      } else if (m.type === 'upkeep-failed') {
        // The app goes on; the table only grows until upkeep works again.
        process.emitWarning(`the embedded database could not vacuum or analyze ${m.table ?? 'its tables'}: ${m.error.message}`, 'ReapDatabaseWarning');
      }
    });
    this.#worker.on('error', (e) => {
      this.#fail(new Error(`the embedded database worker crashed: ${e.message}`, { cause: e }));
    });
    this.#worker.on('exit', (code) => {
      this.#fail(this.#ending ? new Error('PGlite is closed') : new Error(`the embedded database worker exited unexpectedly (code ${code})`));
    });
  }

  #settle(m: Reply): void {
    const p = this.#pending.get(m.id);
    if (!p) return;
    this.#forget(m.id);
    if (m.ok) p.resolve(m.value);
    else p.reject(toError(m.error, p.options));
  }

  #fail(e: Error): void {
    this.#failure ??= e;
    const waiting = [...this.#pending.values()];
    this.#pending.clear();
    for (const p of waiting) p.reject(this.#failure);
  }

  #forget(id: number): void {
    this.#pending.delete(id);
    if (this.#pending.size === 0) this.#worker.unref();
  }

  /** Sends one request; resolves with the worker's answer. For the query and transaction code below. */
  call(request: Request, options?: RemoteQueryOptions): Promise<unknown> {
    if (this.#failure) return Promise.reject(this.#failure);
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      if (this.#pending.size === 0) this.#worker.ref();
      this.#pending.set(id, { resolve, reject, options });
      try {
        // Statements outside a transaction, and a transaction's start, wait their turn in the
        // worker; urgent ones go first (src/db/urgency.ts).
        this.#worker.postMessage(isUrgent() ? { id, urgent: true, ...request } : { id, ...request });
      } catch (e) {
        // A parameter structured clone cannot carry (a function, a class with private state…).
        this.#forget(id);
        reject(e);
      }
    });
  }

  get closed(): boolean {
    return this.#closed;
  }

  async query<T = Record<string, unknown>>(sql: string, params?: unknown[], options?: RemoteQueryOptions): Promise<Results<T>> {
    return runQuery<T>(this, undefined, sql, params, options);
  }

  async exec(sql: string, options?: RemoteQueryOptions): Promise<Results[]> {
    return runExec(this, undefined, sql, options);
  }

  /**
   * PGlite's interactive transaction: commits when `callback` returns, rolls back (and
   * rethrows) when it throws. Other queries wait until it ends, as with PGlite itself.
   */
  async transaction<T>(callback: (tx: RemoteTransaction) => Promise<T>): Promise<T> {
    const txId = (await this.call({ op: 'begin' })) as number;
    const tx = new WorkerTransaction(this, txId);
    let result: T;
    try {
      result = await callback(tx);
    } catch (e) {
      tx.ended = true;
      // The worker rejects PGlite's callback so PGlite rolls back. Should that ROLLBACK
      // itself fail, PGlite reports that error instead; so does this.
      await this.call({ op: 'end', tx: txId, commit: false });
      throw e;
    }
    tx.ended = true;
    await this.call({ op: 'end', tx: txId, commit: true });
    return result;
  }

  /** Closes PGlite in the worker (flushing the data directory), then ends the worker. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      // From here the worker's exit is expected; calls still waiting then get PGlite's answer.
      this.#ending = true;
      try {
        if (!this.#failure) await this.call({ op: 'close' });
      } finally {
        this.#closed = true;
        await this.#worker.terminate();
      }
    })();
    return this.#closing;
  }
}

class WorkerTransaction implements RemoteTransaction {
  ended = false;
  #rolledBack = false;

  constructor(
    private readonly remote: RemotePGlite,
    private readonly id: number,
  ) {}

  get closed(): boolean {
    return this.ended || this.#rolledBack;
  }

  query<T = Record<string, unknown>>(sql: string, params?: unknown[], options?: RemoteQueryOptions): Promise<Results<T>> {
    return runQuery<T>(this.remote, this.id, sql, params, options);
  }

  exec(sql: string, options?: RemoteQueryOptions): Promise<Results[]> {
    return runExec(this.remote, this.id, sql, options);
  }

  // Sent at once even when not awaited: the worker runs a transaction's messages in order,
  // so it still precedes the 'end' that follows.
  async rollback(): Promise<void> {
    await this.remote.call({ op: 'rollback', tx: this.id });
    this.#rolledBack = true;
  }
}

async function runQuery<T>(
  remote: RemotePGlite,
  tx: number | undefined,
  sql: string,
  params: unknown[] | undefined,
  options: RemoteQueryOptions | undefined,
): Promise<Results<T>> {
  const rawOids = parserOids(options?.parsers);
  const bufferPaths = params ? findBuffers(params) : undefined;
  const result = (await remote.call(
    {
      op: 'query',
      sql,
      ...(params ? { params } : {}),
      ...(bufferPaths ? { bufferPaths } : {}),
      ...(options?.rowMode ? { rowMode: options.rowMode } : {}),
      ...(rawOids ? { rawOids } : {}),
      ...(tx ? { tx } : {}),
    },
    options,
  )) as Results<T>;
  if (rawOids) applyParsers(result, options!.parsers!, options?.rowMode);
  return result;
}

async function runExec(remote: RemotePGlite, tx: number | undefined, sql: string, options: RemoteQueryOptions | undefined): Promise<Results[]> {
  const rawOids = parserOids(options?.parsers);
  const results = (await remote.call(
    {
      op: 'exec',
      sql,
      ...(options?.rowMode ? { rowMode: options.rowMode } : {}),
      ...(rawOids ? { rawOids } : {}),
      ...(tx ? { tx } : {}),
    },
    options,
  )) as Results[];
  if (rawOids) for (const r of results) applyParsers(r, options!.parsers!, options?.rowMode);
  return results;
}

function parserOids(parsers: Record<number, ColumnParser> | undefined): number[] | undefined {
  if (!parsers) return undefined;
  const oids = Object.keys(parsers).map(Number);
  return oids.length > 0 ? oids : undefined;
}

/** Runs the caller's parsers on the columns the worker left as text, as PGlite would have. */
function applyParsers(result: Results<unknown>, parsers: Record<number, ColumnParser>, rowMode: 'array' | 'object' | undefined): void {
  const { fields } = result;
  if (rowMode === 'array') {
    const columns: number[] = [];
    fields.forEach((f, i) => {
      if (parsers[f.dataTypeID]) columns.push(i);
    });
    if (columns.length === 0) return;
    for (const row of result.rows as unknown[][]) {
      for (const i of columns) {
        const text = row[i];
        if (text !== null) row[i] = parsers[fields[i]!.dataTypeID]!(text as string, fields[i]!.dataTypeID);
      }
    }
    return;
  }
  // Objects: a name used by several columns holds the last column's value.
  const lastByName = new Map<string, { name: string; dataTypeID: number }>();
  for (const f of fields) lastByName.set(f.name, f);
  const columns = [...lastByName.values()].filter((f) => parsers[f.dataTypeID]);
  if (columns.length === 0) return;
  for (const row of result.rows as Record<string, unknown>[]) {
    for (const f of columns) {
      const text = row[f.name];
      if (text !== null) row[f.name] = parsers[f.dataTypeID]!(text as string, f.dataTypeID);
    }
  }
}

/**
 * Where the parameters hold Buffers (at the top level or inside arrays). Structured clone
 * turns them into plain Uint8Arrays; the worker turns them back, so PGlite serialises them
 * exactly as it would have here.
 */
function findBuffers(params: unknown[]): number[][] | undefined {
  let paths: number[][] | undefined;
  const walk = (list: unknown[], prefix: number[]) => {
    list.forEach((v, i) => {
      if (Buffer.isBuffer(v)) (paths ??= []).push([...prefix, i]);
      else if (Array.isArray(v)) walk(v, [...prefix, i]);
    });
  };
  walk(params, []);
  return paths;
}

/** Rebuilds the worker's error: a real DatabaseError for PostgreSQL's errors, as PGlite throws. */
function toError(s: SerializedError, options?: RemoteQueryOptions): Error {
  if (s.kind === 'error') {
    const e = new Error(s.message);
    if (s.name && s.name !== 'Error') e.name = s.name;
    if (s.code !== undefined) (e as Error & { code?: unknown }).code = s.code;
    if (s.stack) e.stack = `${e.stack}\n    [in the database worker] ${s.stack}`;
    return e;
  }
  const e =
    s.kind === 'transaction-aborted' ? new TransactionAbortedError() : new messages.DatabaseError(s.message, s.length ?? 0, s.name as messages.MessageName);
  Object.assign(e, s.fields);
  // PGlite's PGliteError: the statement, its parameters and options travel with the error.
  if (s.query !== undefined) Object.assign(e, { query: s.query, params: s.params, queryOptions: options });
  return e;
}
