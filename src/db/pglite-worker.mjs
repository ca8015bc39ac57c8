// The embedded database's own thread. PGlite is PostgreSQL compiled to WebAssembly: every
// query costs CPU on the thread that runs it, and on the main thread that CPU held up Slack
// acknowledgements behind other requests' queries. Here it runs beside the main thread;
// src/db/pglite-remote.ts is the main-thread side and documents the messages.
//
// Plain JavaScript on purpose: a worker thread does not reliably inherit its parent's
// module loader, so a .ts file would need a TypeScript loader in each of tsx, vitest and
// plain node. This .mjs file loads in all three as it is.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, messages, TransactionAbortedError } from '@electric-sql/pglite';
import { preparedStatements } from './pglite-statements.mjs';
import { UPKEEP_TABLES, upkeepStatement } from './pglite-upkeep.mjs';

/** @type {{ dataDir: string | null, fromDump?: string, abandonTransactionsAfterMs?: number, upkeepEveryMs?: number }} */
const { dataDir, fromDump, abandonTransactionsAfterMs = 60_000, upkeepEveryMs = 10 * 60_000 } = workerData;

// Columns the caller parses itself (its parsers are functions and cannot cross threads)
// come back as PostgreSQL's text.
const rawText = (text) => text;
const rawParsersCache = new Map();
function rawParsers(oids) {
  if (!oids || oids.length === 0) return undefined;
  const key = oids.join(',');
  let parsers = rawParsersCache.get(key);
  if (!parsers) {
    parsers = Object.fromEntries(oids.map((oid) => [oid, rawText]));
    rawParsersCache.set(key, parsers);
  }
  return parsers;
}

function queryOptions(msg) {
  const parsers = rawParsers(msg.rawOids);
  if (!msg.rowMode && !parsers) return undefined;
  return { ...(msg.rowMode ? { rowMode: msg.rowMode } : {}), ...(parsers ? { parsers } : {}) };
}

/** Buffers arrive as plain Uint8Arrays; make the ones the caller sent as Buffers Buffers again. */
function restoreBuffers(params, paths) {
  if (!params || !paths) return params;
  for (const p of paths) {
    let parent = params;
    for (let i = 0; i < p.length - 1; i++) parent = parent[p[i]];
    const last = p[p.length - 1];
    const u8 = parent[last];
    parent[last] = Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength);
  }
  return params;
}

const DATABASE_ERROR_FIELDS = [
  'severity',
  'code',
  'detail',
  'hint',
  'position',
  'internalPosition',
  'internalQuery',
  'where',
  'schema',
  'table',
  'column',
  'dataType',
  'constraint',
  'file',
  'line',
  'routine',
];

/** An error as plain data; pglite-remote.ts rebuilds a DatabaseError (or Error) from it. */
function describeError(e) {
  if (e instanceof messages.DatabaseError) {
    const out = {
      kind: e instanceof TransactionAbortedError ? 'transaction-aborted' : 'database',
      message: e.message,
      length: e.length,
      name: e.name,
      stack: e.stack,
      fields: {},
    };
    for (const f of DATABASE_ERROR_FIELDS) if (e[f] !== undefined) out.fields[f] = e[f];
    // PGlite attaches the statement and its parameters (makePGliteError).
    if (typeof e.query === 'string') out.query = e.query;
    if (Array.isArray(e.params)) out.params = e.params;
    return out;
  }
  if (e instanceof Error) {
    return { kind: 'error', name: e.name, message: e.message, stack: e.stack, code: e.code };
  }
  return { kind: 'error', name: 'Error', message: String(e) };
}

function reply(id, value) {
  try {
    parentPort.postMessage({ id, ok: true, value });
  } catch (e) {
    // A value structured clone cannot carry (should not happen for query results).
    parentPort.postMessage({ id, ok: false, error: describeError(e) });
  }
}

function replyError(id, e) {
  const error = describeError(e);
  try {
    parentPort.postMessage({ id, ok: false, error });
  } catch {
    // Parameters that cannot be cloned back: drop them rather than lose the error.
    delete error.params;
    parentPort.postMessage({ id, ok: false, error });
  }
}

async function answer(id, work) {
  try {
    reply(id, await work());
  } catch (e) {
    replyError(id, e);
  }
}

// PostgreSQL's defaults (128 MB of shared buffers, 64 MB for maintenance) are sized for a
// server; this app's whole database is a few megabytes, and PGlite reads pages through the
// OS file cache. Measured on an existing data directory: 317 MiB RSS with the defaults,
// 167 MiB with these. Written to the directory's postgresql.conf, so they stay with it.
const SMALL_APP_SETTINGS = ['shared_buffers=16MB', 'work_mem=2MB', 'maintenance_work_mem=16MB', 'wal_buffers=1MB'];

let pg;
/** The statements queries run as (./pglite-statements.mjs), once PGlite is open. */
let statements;
try {
  // fromDump: a tarball of PGlite.dumpDataDir() (a migrated cluster), unpacked instead of
  // running initdb: under 2 s instead of 2-5 s, and the migrations are already applied.
  const options = { postgresqlconf: SMALL_APP_SETTINGS, ...(fromDump ? { loadDataDir: new Blob([readFileSync(fromDump)]) } : {}) };
  pg = dataDir ? await PGlite.create(dataDir, options) : await PGlite.create(options);
} catch (e) {
  parentPort.postMessage({ type: 'open-failed', error: describeError(e) });
}

// Open interactive transactions: PGlite's transaction object, the promise its callback
// returns (settled by 'end'), and a chain that runs this transaction's messages in the
// order they were sent (tx.rollback() may be sent without waiting, right before 'end').
/** @type {Map<number, { tx: any, settle: { resolve: () => void, reject: (e: unknown) => void }, done: Promise<unknown>, chain: Promise<void>, lastUsed: number }>} */
const transactions = new Map();
let nextTxId = 1;
// Rejects a transaction's callback when the caller's callback threw: PGlite then rolls back.
const CALLER_ROLLED_BACK = Symbol('caller rolled back');

// One statement or transaction at a time, in turn, urgent ones first (src/db/urgency.ts).
// PGlite would serialise them anyway with its own lock, but in arrival order: a Submit's
// short write then waited behind every form read queued before it. Statements inside a
// transaction bypass the turns (the transaction holds its turn until it ends).
const turns = { urgent: [], normal: [] };
let turnTaken = false;

/** Runs `task` (returning a promise that settles when its turn is over) in its turn. */
function inTurn(msg, task) {
  (msg.urgent ? turns.urgent : turns.normal).push(task);
  nextTurn();
}

function nextTurn() {
  if (turnTaken) return;
  const task = turns.urgent.shift() ?? turns.normal.shift();
  if (!task) return;
  turnTaken = true;
  task().finally(() => {
    // The query ran synchronously in WebAssembly: messages that arrived meanwhile are still
    // in the port. setImmediate runs after they are read, so an urgent one can be chosen.
    setImmediate(() => {
      turnTaken = false;
      nextTurn();
    });
  });
}

function inTransaction(msg, work) {
  const entry = transactions.get(msg.tx);
  if (!entry) {
    // Same message PGlite gives for a transaction object used after it ended.
    replyError(msg.id, new Error('Transaction is closed'));
    return;
  }
  entry.lastUsed = Date.now();
  entry.chain = entry.chain
    .then(() => answer(msg.id, () => work(entry)))
    .finally(() => {
      entry.lastUsed = Date.now();
    });
}

// A transaction holds the only connection until its caller ends it. A caller that never
// does (seen once: a transaction Prisma began for an updateMany under load, then neither
// used nor ended) would hold every other statement forever, the whole app with them. No
// caller here waits that long between two statements of a transaction (Prisma's own limit
// is 5 s, the app's 20 s), so one idle this long is rolled back and the others go on.
const ABANDONED = Symbol('abandoned');
setInterval(
  () => {
    const now = Date.now();
    for (const [txId, entry] of transactions) {
      if (now - entry.lastUsed < abandonTransactionsAfterMs) continue;
      transactions.delete(txId);
      entry.settle.reject(ABANDONED);
      entry.done.catch(() => {});
      parentPort.postMessage({ type: 'abandoned', tx: txId, idleMs: now - entry.lastUsed });
    }
  },
  Math.max(10, Math.min(5_000, abandonTransactionsAfterMs / 4)),
).unref();

// Upkeep: what autovacuum does on a PostgreSQL server, which single-user PGlite has no
// process for. Without it a table that churns only grows: the scheduler writes a JobRun row
// for each of the outbox's 8,640 runs a day, updates it, and deletes it two days later,
// and the space of deleted and updated rows is never reused (measured: the same 6,000
// rows took 4× the space after 16 simulated days and kept growing; vacuumed, it stayed
// flat). Nor would the planner ever have statistics. Every upkeepEveryMs the worker reads
// the table statistics and vacuums and analyzes the tables that need it (./pglite-upkeep.mjs),
// each table in a turn of its own (a few milliseconds each), so statements the app is
// waiting on go between them, urgent ones first.
function upkeep() {
  inTurn({}, async () => {
    let tables;
    try {
      tables = (await pg.query(UPKEEP_TABLES)).rows;
    } catch (e) {
      parentPort.postMessage({ type: 'upkeep-failed', table: null, error: describeError(e) });
      return;
    }
    for (const t of tables) {
      const sql = upkeepStatement(t);
      // VACUUM cannot run inside a transaction; a turn never is.
      if (sql) {
        inTurn({}, async () => {
          try {
            await pg.exec(sql);
          } catch (e) {
            parentPort.postMessage({ type: 'upkeep-failed', table: t.name, error: describeError(e) });
          }
        });
      }
    }
  });
}

/** Starts a transaction; the promise settles when it has ended (its turn is over). */
function begin(msg) {
  const txId = nextTxId++;
  let entered = false;
  const done = pg.transaction(
    (tx) =>
      new Promise((resolve, reject) => {
        entered = true;
        transactions.set(txId, { tx, settle: { resolve, reject }, done, chain: Promise.resolve(), lastUsed: Date.now() });
        reply(msg.id, txId);
      }),
  );
  // Failing before the callback ran (BEGIN failed, database closing) answers 'begin';
  // afterwards 'end' reports the outcome.
  return done.catch((e) => {
    if (!entered) replyError(msg.id, e);
  });
}

function end(msg) {
  inTransaction(msg, async (entry) => {
    transactions.delete(msg.tx);
    if (msg.commit) entry.settle.resolve(undefined);
    else entry.settle.reject(CALLER_ROLLED_BACK);
    try {
      await entry.done;
    } catch (e) {
      if (e !== CALLER_ROLLED_BACK) throw e;
    }
  });
}

async function close(msg) {
  await answer(msg.id, async () => {
    if (!pg.closed) await pg.close();
  });
  // Nothing else to do: let the thread end once the port is closed.
  parentPort.close();
}

function handle(msg) {
  switch (msg.op) {
    case 'query': {
      // A transaction's statements run in its turn, between its BEGIN and its end.
      const run = (tx) => statements.query(msg.sql, restoreBuffers(msg.params, msg.bufferPaths), queryOptions(msg), tx);
      if (msg.tx) inTransaction(msg, (entry) => run(entry.tx));
      else inTurn(msg, () => answer(msg.id, () => run(null)));
      return;
    }
    case 'exec': {
      const run = (target) => target.exec(msg.sql, queryOptions(msg));
      if (msg.tx) inTransaction(msg, (entry) => run(entry.tx));
      else inTurn(msg, () => answer(msg.id, () => run(pg)));
      return;
    }
    case 'rollback':
      inTransaction(msg, (entry) => entry.tx.rollback());
      return;
    case 'begin':
      inTurn(msg, () => begin(msg));
      return;
    case 'end':
      end(msg);
      return;
    case 'close':
      // After everything already asked for.
      inTurn(msg, () => close(msg));
      return;
    default:
      replyError(msg.id, new Error(`unknown message ${msg.op}`));
  }
}

if (pg) {
  statements = preparedStatements(pg);
  parentPort.on('message', handle);
  parentPort.postMessage({ type: 'ready' });
  if (upkeepEveryMs > 0) setInterval(upkeep, upkeepEveryMs).unref();
}
