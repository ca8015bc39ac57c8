// Named prepared statements for the embedded database's worker (./pglite-worker.mjs).
//
// PGlite's query() sends every statement through six calls into WebAssembly (parse,
// describe, bind, describe, execute, sync) and plans it again each time. For the short
// statements a request makes, that was most of their cost: reading who is asking took
// 2.1 ms of CPU that way and 0.16 ms as a prepared statement (bench/README.md). Here a
// statement is parsed once, under a name, and each run is one call: bind, execute, sync.
//
// PostgreSQL keeps a prepared statement valid by itself when tables change (it plans
// again); only a change of the columns a statement returns makes it fail, with 0A000
// "cached plan must not change result type". Then the statement is forgotten and, outside
// a transaction, run again once.
//
// Plain JavaScript for the same reason as the worker: it loads there as it is.
import { messages as protocolMessages, parse, protocol } from '@electric-sql/pglite';

const { serialize } = protocol;

/** Statements worth keeping: plain reads and writes (utility statements plan nothing). */
const PREPARABLE = /^\s*(?:\/\*[\s\S]*?\*\/\s*)*(?:select|insert|update|delete|with|values)\b/i;

/** What a changed result shape raises (0A000 also says other things are not supported). */
const resultTypeChanged = (e) => e.code === '0A000' && /cached plan must not change result type/.test(e.message);

// Names are unique in the process, so that two caches on one PGlite never collide.
let next = 1;

function concat(parts) {
  let length = 0;
  for (const p of parts) length += p.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * A cache of up to `max` named statements on `pg`, least recently used out first.
 * `query(sql, params, options, tx)` answers exactly as `(tx ?? pg).query` does (the same
 * Results, the same errors with `query` and `params` attached); `tx` is the PGlite
 * transaction the statement belongs to, if any.
 */
export function preparedStatements(pg, { max = 200 } = {}) {
  /** @type {Map<string, { name: string, paramTypes: number[], rowDescription: unknown[] }>} */
  const statements = new Map();

  async function prepare(sql) {
    const name = `reap_${next++}`;
    // Describing the statement gives the parameters' types (to serialise the values as
    // PGlite does) and the rows' description (the same for every run: results are text).
    const { messages } = await pg.execProtocol(concat([serialize.parse({ name, text: sql }), serialize.describe({ type: 'S', name }), serialize.sync()]), {
      syncToFs: false,
    });
    const statement = {
      name,
      paramTypes: parse.parseDescribeStatementResults(messages),
      rowDescription: messages.filter((m) => m.name === 'rowDescription'),
    };
    statements.set(sql, statement);
    if (statements.size > max) {
      const [oldest, old] = statements.entries().next().value;
      statements.delete(oldest);
      await pg.execProtocol(concat([serialize.close({ type: 'S', name: old.name }), serialize.sync()]), { syncToFs: false });
    }
    return statement;
  }

  function forget(sql) {
    const statement = statements.get(sql);
    if (!statement) return Promise.resolve();
    statements.delete(sql);
    return pg.execProtocol(concat([serialize.close({ type: 'S', name: statement.name }), serialize.sync()]), { syncToFs: false, throwOnError: false });
  }

  // parseResults merges a caller's parsers into PGlite's own (a few hundred types) on every
  // call; the worker passes the same parsers object for the same columns, so merge it once.
  const merged = new WeakMap();
  function parsersFor(extra) {
    if (!extra) return pg.parsers;
    let all = merged.get(extra);
    if (!all) merged.set(extra, (all = { ...pg.parsers, ...extra }));
    return all;
  }

  async function run(sql, params, options, inTransaction) {
    let statement = statements.get(sql);
    if (statement) {
      // Most recently used last.
      statements.delete(sql);
      statements.set(sql, statement);
    } else {
      statement = await prepare(sql);
    }
    const values = params.map((value, i) => {
      if (value === null || value === undefined) return null;
      const oid = statement.paramTypes[i];
      const serializer = options?.serializers?.[oid] ?? pg.serializers[oid];
      return serializer ? serializer(value) : value.toString();
    });
    const { messages } = await pg.execProtocol(concat([serialize.bind({ statement: statement.name, values }), serialize.execute({}), serialize.sync()]), {
      syncToFs: false,
    });
    // As PGlite's query() does after a statement outside a transaction.
    if (!inTransaction) await pg.syncToFs();
    return parse.parseResults(
      [...statement.rowDescription, ...messages],
      parsersFor(options?.parsers),
      options?.rowMode ? { rowMode: options.rowMode } : undefined,
    )[0];
  }

  async function query(sql, params = [], options, tx = null, retried = false) {
    // pg.query waits for the end of any transaction: in one, only its own object may run.
    if (!PREPARABLE.test(sql)) return (tx ?? pg).query(sql, params, options);
    const inTransaction = tx !== null;
    if (tx?.closed) throw new Error('Transaction is closed');
    if (pg.closed) throw new Error('PGlite is closed');
    try {
      return await run(sql, params, options, inTransaction);
    } catch (e) {
      if (!(e instanceof protocolMessages.DatabaseError)) throw e;
      if (resultTypeChanged(e) && statements.has(sql)) {
        await forget(sql);
        // In a transaction the error has aborted it: the caller's retry prepares afresh.
        if (!inTransaction && !retried) return query(sql, params, options, tx, true);
      }
      // What PGlite attaches to its own errors (makePGliteError).
      throw Object.assign(e, { query: sql, params, queryOptions: options });
    }
  }

  return {
    query,
    /** How many statements are prepared now. */
    get size() {
      return statements.size;
    },
  };
}
