// On PostgreSQL, work an ack waits on (a Submit's save, run inside urgently()) gets the next
// free connection before work nobody is timing (src/db/lane-pool.ts): under load the reads of
// forms being filled in hold every connection, and a Submit must not queue behind them all.
// This file always uses the PostgreSQL server (also in the pglite project): it is about the
// server's pool.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, POSTGRES_POOL_SIZE, type Database } from '../../../src/db/client.js';
import { LanePool } from '../../../src/db/lane-pool.js';
import { urgently } from '../../../src/db/urgency.js';

const server = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
// This file's connections, told apart from other test files' (and the other project's run).
const appName = `reap-lanes-${process.pid}`;
const url = `${server}${server.includes('?') ? '&' : '?'}application_name=${appName}`;

let db: Database;

beforeAll(async () => {
  db = await openDatabase({ kind: 'postgres', url });
});
afterAll(async () => {
  await db?.close();
});

const sleeping = (seconds: number) => db.prisma.$queryRawUnsafe(`select 1 as held from pg_sleep(${seconds})`);

/**
 * Takes every connection: one for a second, the others for three. Resolves once all are
 * taken, so the next request waits, and the one-second connection is the first to come free.
 */
async function holdEveryConnection(finished: string[]): Promise<Promise<unknown>[]> {
  const held = [
    sleeping(1).then(() => finished.push('held 1 s')),
    ...Array.from({ length: POSTGRES_POOL_SIZE - 1 }, () => sleeping(3).then(() => finished.push('held 3 s'))),
  ];
  const observer = new LanePool({ connectionString: server, max: 1 });
  try {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const { rows } = await observer.query<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity where application_name = $1 and query like 'select 1 as held from pg_sleep(%' and state = 'active'`,
        [appName],
      );
      if (rows[0]!.n >= POSTGRES_POOL_SIZE) break;
      if (Date.now() > deadline) throw new Error(`only ${rows[0]!.n} of ${POSTGRES_POOL_SIZE} connections were taken`);
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    await observer.end();
  }
  return held;
}

describe('connections on PostgreSQL, urgent work first', () => {
  it('gives the next free connection to urgent work that asked after ordinary work', async () => {
    const finished: string[] = [];
    const held = await holdEveryConnection(finished);
    const ordinary = db.prisma.$queryRaw`select 'ordinary'`.then(() => finished.push('ordinary'));
    await new Promise((r) => setTimeout(r, 50));
    const urgent = urgently(async () => await db.prisma.$queryRaw`select 'urgent'`).then(() => finished.push('urgent'));
    await Promise.all([...held, ordinary, urgent]);
    // The connection free after one second went to the urgent read, though the ordinary one
    // had asked first; the ordinary one had it next.
    expect(finished.slice(0, 3)).toEqual(['held 1 s', 'urgent', 'ordinary']);
  });

  it('gives an urgent transaction the next free connection, and keeps it to the commit', async () => {
    const finished: string[] = [];
    const held = await holdEveryConnection(finished);
    const ordinary = db.prisma.$queryRaw`select 'ordinary'`.then(() => finished.push('ordinary'));
    await new Promise((r) => setTimeout(r, 50));
    const urgent = urgently(() =>
      db.prisma.$transaction(async (tx) => {
        const [first] = await tx.$queryRaw<{ pid: number }[]>`select pg_backend_pid() as pid`;
        const [second] = await tx.$queryRaw<{ pid: number }[]>`select pg_backend_pid() as pid`;
        return first!.pid === second!.pid;
      }),
    ).then((samePid) => {
      finished.push('urgent transaction');
      return samePid;
    });
    const [samePid] = await Promise.all([urgent, ordinary, ...held]);
    expect(finished.slice(0, 3)).toEqual(['held 1 s', 'urgent transaction', 'ordinary']);
    expect(samePid).toBe(true);
  });

  it('answers a wait longer than the connection timeout with pg’s timeout error, and goes on', async () => {
    const pool = new LanePool({ connectionString: server, max: 1, connectionTimeoutMillis: 300 });
    try {
      const holder = await pool.connect();
      const waited = await pool.query('select 1').then(
        () => 'served',
        (e: Error) => e.message,
      );
      expect(waited).toBe('timeout exceeded when trying to connect');
      holder.release();
      // The slot the timed-out request waited for is free again; callback style works too.
      const answer = await new Promise<number>((resolve, reject) =>
        pool.connect((err, client, done) => {
          if (err || !client) return reject(err);
          client.query('select 2 as n').then((r) => {
            done();
            resolve(r.rows[0].n);
          }, reject);
        }),
      );
      expect(answer).toBe(2);
    } finally {
      await pool.end();
    }
  });

  it('gives the slot back when the server refuses the connection', async () => {
    const pool = new LanePool({ connectionString: 'postgres://postgres@127.0.0.1:1/none', max: 1, connectionTimeoutMillis: 2000 });
    try {
      for (let i = 0; i < 3; i++) {
        // Each attempt is refused at once; none waits for a slot a failed attempt kept.
        await expect(pool.query('select 1')).rejects.toThrow(/ECONNREFUSED/);
      }
    } finally {
      await pool.end();
    }
  });
});
