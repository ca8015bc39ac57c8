// The embedded database runs PGlite in a worker thread (src/db/pglite-remote.ts) so its CPU
// never blocks the main thread. Whatever the rest of the app sees must be what it saw with
// PGlite in the main thread: the same errors, transactions, values and durability. This
// file always uses PGlite (also in the postgres project): it is about the embedded database.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PGlite, messages } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseUnavailableError, openDatabase, type Database } from '../../../src/db/client.js';
import { migrate } from '../../../src/db/migrate.js';
import { RemotePGlite, type RemoteTransaction } from '../../../src/db/pglite-remote.js';
import { unhurried, urgently } from '../../../src/db/urgency.js';
import { loadActor } from '../../../src/services/authz.js';
import { uniqueViolationFields } from '../../../src/services/db-errors.js';
import { TX_OPTIONS } from '../../../src/services/service-context.js';
import { addMilestone } from '../../../src/services/strategies.js';
import { buildWorld, refusal, serviceContext, type World } from '../services/support/world.js';

const run = promisify(execFile);
const repo = path.resolve(import.meta.dirname, '../../..');

let db: Database;
let world: World;

beforeAll(async () => {
  db = await openDatabase({ kind: 'pglite', dataDir: null });
  await migrate(db);
  world = await buildWorld(db.prisma);
});
afterAll(async () => {
  await db?.close();
});

/** What a promise rejected with (fails the test if it resolved). */
async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => expect.fail('expected a rejection'),
    (e: unknown) => e,
  );
}

describe('errors', () => {
  it('maps a unique violation to the conflict the app shows', async () => {
    const ctx = serviceContext(db.prisma);
    const lead = await loadActor(ctx, 'ULIBLEAD');
    await addMilestone(ctx, lead, world.strategy.lib11, { title: 'Book rooms', dueDate: '2025-12-01' });
    const dup = await refusal(addMilestone(ctx, lead, world.strategy.lib11, { title: 'Book rooms', dueDate: '2025-12-02' }));
    expect(dup).toMatchObject({ code: 'conflict', field: 'title', messageKey: 'errors.conflict.milestoneTitleTaken' });

    // The raw error the services inspect: PostgreSQL's SQLSTATE and detail, through the adapter.
    const raw = await rejection(db.prisma.member.create({ data: { slackUserId: 'UADMIN', name: 'Twin' } }));
    expect(raw).toMatchObject({
      name: 'DriverAdapterError',
      cause: { kind: 'postgres', code: '23505', severity: 'ERROR', detail: 'Key ("slackUserId")=(UADMIN) already exists.' },
    });
    expect(uniqueViolationFields(raw)).toEqual(['slackUserId']);
  });

  it('reports a failing raw statement with PostgreSQL’s message and code', async () => {
    const s = await db.session();
    const e = await rejection(s.query('select 1/0'));
    // A real DatabaseError, as pglite-prisma-adapter's instanceof check needs.
    expect(e).toBeInstanceOf(messages.DatabaseError);
    expect(e).toMatchObject({ message: 'division by zero', code: '22012', severity: 'ERROR', query: 'select 1/0' });
    expect(await s.query('select 2 as two')).toEqual([{ two: 2 }]);
  });
});

describe('transactions', () => {
  it('roll back everything when a statement inside prisma.$transaction fails', async () => {
    const interactive = rejection(
      db.prisma.$transaction(async (tx) => {
        await tx.department.create({ data: { code: 'TXA', name: 'Written before the failure' } });
        await tx.member.update({ where: { slackUserId: 'ULIBSTAFF' }, data: { name: 'Renamed before the failure' } });
        await tx.member.create({ data: { slackUserId: 'UADMIN', name: 'Duplicate' } });
      }),
    );
    expect(uniqueViolationFields(await interactive)).toEqual(['slackUserId']);
    const batch = rejection(
      db.prisma.$transaction([
        db.prisma.department.create({ data: { code: 'TXB', name: 'Written before the failure' } }),
        db.prisma.member.create({ data: { slackUserId: 'UADMIN', name: 'Duplicate' } }),
      ]),
    );
    expect(await batch).toBeTruthy();

    expect(await db.prisma.department.count({ where: { code: { in: ['TXA', 'TXB'] } } })).toBe(0);
    expect((await db.prisma.member.findUniqueOrThrow({ where: { slackUserId: 'ULIBSTAFF' } })).name).toBe('Person libStaff');
    // …and the connection is usable again, in and out of transactions.
    await db.prisma.$transaction(async (tx) => {
      await tx.department.create({ data: { code: 'TXC', name: 'Committed' } });
    });
    expect(await db.prisma.department.count({ where: { code: 'TXC' } })).toBe(1);
  });

  it('roll back what a callback wrote before it threw', async () => {
    const e = await rejection(
      db.prisma.$transaction(async (tx) => {
        await tx.department.create({ data: { code: 'TXD', name: 'Thrown away' } });
        throw new Error('changed my mind');
      }),
    );
    expect((e as Error).message).toBe('changed my mind');
    expect(await db.prisma.department.count({ where: { code: 'TXD' } })).toBe(0);
  });

  it('make other queries wait for an open interactive transaction, then show its outcome', async () => {
    const id = world.dept.HOUSING;
    const events: string[] = [];
    let outside: Promise<unknown> | undefined;
    await db.prisma.$transaction(async (tx) => {
      await tx.department.update({ where: { id }, data: { name: 'Renamed inside' } });
      outside = db.prisma.department.findUniqueOrThrow({ where: { id } }).then((d) => events.push(`outside read: ${d.name}`));
      await new Promise((r) => setTimeout(r, 150));
      events.push('transaction body done');
    });
    await outside;
    expect(events).toEqual(['transaction body done', 'outside read: Renamed inside']);

    // Rolled back: the waiting read sees the old name.
    events.length = 0;
    await rejection(
      db.prisma.$transaction(async (tx) => {
        await tx.department.update({ where: { id }, data: { name: 'Never committed' } });
        outside = db.prisma.department.findUniqueOrThrow({ where: { id } }).then((d) => events.push(`outside read: ${d.name}`));
        await new Promise((r) => setTimeout(r, 150));
        events.push('transaction body done');
        throw new Error('roll back');
      }),
    );
    await outside;
    expect(events).toEqual(['transaction body done', 'outside read: Renamed inside']);
  });

  it('run concurrent interactive transactions one after the other, all committed', async () => {
    const results = await Promise.all(
      [1, 2, 3, 4].map((n) =>
        db.prisma.$transaction(async (tx) => {
          const before = await tx.auditLog.count({ where: { action: 'tx.concurrent' } });
          await tx.auditLog.create({ data: { actor: 'test', action: 'tx.concurrent', entityType: 'n', entityId: String(n) } });
          return before;
        }),
      ),
    );
    // Each saw every earlier one's row: they never interleaved.
    expect([...results].sort()).toEqual([0, 1, 2, 3]);
    expect(await db.prisma.auditLog.count({ where: { action: 'tx.concurrent' } })).toBe(4);
  });
});

describe('values', () => {
  const SQL = `select 9223372036854775807::int8 as big, 42::int8 as small,
      '2026-11-01 01:30:00.123-07'::timestamptz as ts, '2024-02-29'::date as d,
      '2026-03-08 02:30:00'::timestamp as local,
      '{"a":[1,2.5,"x",null,{"b":true}],"big":9007199254740993}'::jsonb as j,
      array['a','b,c','"q"',null]::text[] as arr, array[1,2,3]::int4[] as ints,
      '\\x00ff10'::bytea as b, 12.50::numeric as n, 't'::bool as yes, null::text as nothing`;

  it('come back from Prisma models as PostgreSQL holds them', async () => {
    const at = new Date('2026-03-08T10:30:00.123Z');
    const after = { nested: [1, 'two', null, { three: true }], text: 'Tiếng Việt ✓ 📚', n: 1.5 };
    const row = await db.prisma.auditLog.create({
      data: { actor: 'test', action: 'values', entityType: 't', entityId: '1', at, after },
    });
    expect(typeof row.id).toBe('bigint');
    const back = await db.prisma.auditLog.findUniqueOrThrow({ where: { id: row.id } });
    expect(back).toMatchObject({ at, after, before: null });

    const holiday = await db.prisma.holiday.create({ data: { date: new Date('2028-02-29T00:00:00Z'), name: 'Leap day' } });
    expect((await db.prisma.holiday.findUniqueOrThrow({ where: { id: holiday.id } })).date).toEqual(new Date('2028-02-29T00:00:00Z'));

    const member = await db.prisma.member.findUniqueOrThrow({ where: { slackUserId: 'UADMIN2' } });
    expect(member.roles).toEqual(['ORSE_ADMIN', 'EQUITY_LEAD']);
    const briefing = await db.prisma.briefing.create({
      data: { quarterKey: 'FY2026-Q2', title: 't', body: 'b', createdById: member.id, channelIds: ['C1', 'C,2', 'C"3'] },
    });
    expect((await db.prisma.briefing.findUniqueOrThrow({ where: { id: briefing.id } })).channelIds).toEqual(['C1', 'C,2', 'C"3']);
  });

  it('come back from raw Prisma queries as PostgreSQL holds them', async () => {
    const [row] = await db.prisma.$queryRawUnsafe<Record<string, unknown>[]>(SQL);
    expect(row).toMatchObject({
      big: 9223372036854775807n,
      small: 42n,
      ts: new Date('2026-11-01T08:30:00.123Z'),
      d: new Date('2024-02-29T00:00:00.000Z'),
      local: new Date('2026-03-08T02:30:00.000Z'),
      arr: ['a', 'b,c', '"q"', null],
      ints: [1, 2, 3],
      yes: true,
      nothing: null,
    });
    // biome-ignore lint/correctness/noPrecisionLoss: the same rounding JSON.parse does to the stored value is what is checked.
    expect(row!.j).toEqual({ a: [1, 2.5, 'x', null, { b: true }], big: 9007199254740993 });
    expect(String(row!.n)).toBe('12.5');
    expect([...(row!.b as Uint8Array)]).toEqual([0, 255, 16]);
  });

  it('come back from raw sessions exactly as PGlite in this thread gives them', async () => {
    const local = await PGlite.create();
    try {
      const expected = (await local.query(SQL)).rows;
      const s = await db.session();
      expect(await s.query(SQL)).toEqual(expected);
      const params = [new Date('2026-01-02T03:04:05.678Z'), 1234567890123456789n, { k: ['v'] }, [1, 2], Buffer.from([7, 8])];
      const withParams = 'select $1::timestamptz as t, $2::int8 as i, $3::jsonb as j, $4::int4[] as a, $5::bytea as b';
      expect(await s.query(withParams, params)).toEqual((await local.query(withParams, params)).rows);
    } finally {
      await local.close();
    }
  });
});

describe('the data directory', () => {
  it('keeps what was written across close and reopen', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reap-pglite-worker-'));
    try {
      const first = await openDatabase({ kind: 'pglite', dataDir: dir });
      await migrate(first);
      await first.prisma.department.create({ data: { code: 'KEPT', name: 'Survives a restart' } });
      await first.close();
      expect(await first.ping()).toBe(false);

      const second = await openDatabase({ kind: 'pglite', dataDir: dir });
      try {
        expect((await migrate(second)).applied).toEqual([]);
        expect(await second.prisma.department.findUnique({ where: { code: 'KEPT' } })).toMatchObject({ name: 'Survives a restart' });
      } finally {
        await second.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is refused to a second opener, in this process or another, while open; free again once closed', { timeout: 60_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reap-pglite-worker-'));
    try {
      const first = await openDatabase({ kind: 'pglite', dataDir: dir });
      try {
        await migrate(first);
        await first.prisma.department.create({ data: { code: 'HELD', name: 'Written by the holder' } });
        const inUse = `the embedded database in ${dir} is in use by another REAP Tracker process ${process.pid}, since `;
        const e = await rejection(openDatabase({ kind: 'pglite', dataDir: dir }));
        expect(e).toBeInstanceOf(DatabaseUnavailableError);
        expect((e as Error).message).toContain(inUse);
        // An operator's command in another process (here a migration) is refused in one line, and touches nothing.
        const refused = await run('npx', ['tsx', 'src/main.ts', 'migrate'], { cwd: repo, env: { ...process.env, DATABASE_URL: `pglite:${dir}` } }).then(
          () => expect.fail('the second process should have been refused'),
          (err: { code: number; stderr: string }) => err,
        );
        expect(refused.code).toBe(1);
        expect(refused.stderr).toContain(`reap: ${inUse}`);
        expect(await first.prisma.department.findUnique({ where: { code: 'HELD' } })).toMatchObject({ name: 'Written by the holder' });
      } finally {
        await first.close();
      }
      const second = await openDatabase({ kind: 'pglite', dataDir: dir });
      try {
        expect(await second.prisma.department.count({ where: { code: 'HELD' } })).toBe(1);
      } finally {
        await second.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a directory PGlite cannot open as DatabaseUnavailableError, as before', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reap-pglite-worker-'));
    try {
      fs.writeFileSync(path.join(dir, 'PG_VERSION'), '9\n');
      const e = await rejection(openDatabase({ kind: 'pglite', dataDir: dir }));
      expect(e).toBeInstanceOf(DatabaseUnavailableError);
      expect((e as Error).message).toBe(`cannot open the embedded database in ${dir}: PGlite failed to initialize properly`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the worker thread', () => {
  it('leaves the main thread responsive while a heavy query runs', async () => {
    const s = await db.session();
    let last = performance.now();
    let maxGap = 0;
    let ticks = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      maxGap = Math.max(maxGap, now - last);
      last = now;
      ticks++;
    }, 1);
    const started = performance.now();
    let rows: { count: number }[];
    try {
      rows = await s.query<{ count: number }>('select count(*) from generate_series(1, 6000000)');
    } finally {
      clearInterval(timer);
    }
    const took = performance.now() - started;
    expect(rows).toEqual([{ count: 6000000 }]);
    // The query kept the database busy for a while; the event loop kept ticking throughout.
    // With PGlite on the main thread the longest pause is the whole query (seconds); the
    // bound is a tenth of it, because with two test files running on two cores the OS alone
    // has paused this thread for 60 ms at a time.
    expect(took).toBeGreaterThan(1000);
    expect(ticks).toBeGreaterThan(took / 50);
    expect(maxGap, `longest pause ${maxGap.toFixed(1)} ms in ${took.toFixed(0)} ms, ${ticks} ticks`).toBeLessThan(took / 10);
  });

  it('lets a process exit once the database is closed, and also when it never is', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reap-pglite-worker-'));
    try {
      for (const close of [true, false]) {
        const script = path.join(dir, `exit-${close}.mts`);
        fs.writeFileSync(
          script,
          `import { openDatabase } from ${JSON.stringify(path.join(repo, 'src/db/client.ts'))};
          const db = await openDatabase({ kind: 'pglite', dataDir: null });
          const s = await db.session();
          console.log(JSON.stringify(await s.query('select 1 as one')));
          ${close ? 'await db.close();' : ''}`,
        );
        // Hangs (and the timeout kills it) if the worker kept the event loop alive.
        const { stdout } = await run(path.join(repo, 'node_modules/.bin/tsx'), [script], { cwd: repo, timeout: 100_000 });
        expect(stdout.trim()).toBe('[{"one":1}]');
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);

  it('fails every waiting call with a clear error when the worker dies', async () => {
    // A stand-in worker that opens at once, never answers, and dies on request.
    const fake = (death: string) =>
      new URL(
        `data:text/javascript,${encodeURIComponent(`
          import { parentPort } from 'node:worker_threads';
          parentPort.postMessage({ type: 'ready' });
          parentPort.on('message', (m) => { if (m.sql === 'die') setTimeout(() => { ${death} }, 20); });
        `)}`,
      );
    for (const [death, message] of [
      ["throw new Error('wasm trap')", 'the embedded database worker crashed: wasm trap'],
      ['process.exit(7)', 'the embedded database worker exited unexpectedly (code 7)'],
    ] as const) {
      const remote = await RemotePGlite.open(null, { workerUrl: fake(death) });
      const waiting = [remote.query('select 1'), remote.transaction(async () => 1), remote.query('die')];
      for (const p of waiting) expect(await rejection(p)).toMatchObject({ message });
      expect(await rejection(remote.exec('select 1'))).toMatchObject({ message });
      await remote.close();
    }
  });
});

describe('an abandoned transaction', () => {
  it('is rolled back after its idle limit, so the database is not held forever', async () => {
    const remote = await RemotePGlite.open(null, { abandonTransactionsAfterMs: 300 });
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    try {
      await remote.exec('create table t (n int)');
      // A caller that begins, writes and then neither commits nor rolls back (what a
      // transaction Prisma began under load was seen doing).
      let tx: RemoteTransaction | undefined;
      void remote
        .transaction(async (t) => {
          tx = t;
          await t.query('insert into t values (1)');
          await new Promise(() => {});
        })
        .catch(() => {});
      await expect.poll(() => tx !== undefined).toBe(true);
      // Everyone else waits behind it only until the limit; its write is undone.
      const t0 = Date.now();
      expect((await remote.query<{ n: number }>('select count(*)::int as n from t')).rows).toEqual([{ n: 0 }]);
      expect(Date.now() - t0).toBeLessThan(5_000);
      await expect
        .poll(() => warnings.find((w) => w.includes('abandoned by its caller')))
        .toMatch(/^the embedded database rolled back transaction \d+, abandoned by its caller for \d+ ms$/);
      // The caller learns it is over if it ever comes back.
      await expect(tx!.query('select 1')).rejects.toThrow('Transaction is closed');
      // A transaction that keeps working is left alone, however long it lasts in all.
      const long = await remote.transaction(async (t) => {
        for (let i = 0; i < 6; i++) {
          await t.query('insert into t values ($1)', [i]);
          await new Promise((r) => setTimeout(r, 100));
        }
        return (await t.query<{ n: number }>('select count(*)::int as n from t')).rows[0]!.n;
      });
      expect(long).toBe(6);
    } finally {
      process.off('warning', onWarning);
      await remote.close();
    }
  });
});

describe('turns', () => {
  // A Submit's statements (urgently) must not wait behind every form read queued before them.
  it('serves urgent statements, sent through Prisma, before the ordinary ones already waiting', async () => {
    const finished: string[] = [];
    const note = (name: string) => () => void finished.push(name);
    // Keeps the database busy while the rest queue up behind it.
    const busy = db.prisma.$queryRaw`select count(*) from generate_series(1, 1500000)`.then(note('busy'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const ordinary = [1, 2, 3].map((n) => db.prisma.$queryRaw`select ${n}::int as n`.then(note(`ordinary ${n}`)));
    const urgent = [
      urgently(() => db.prisma.member.findUnique({ where: { slackUserId: 'ULIBLEAD' } }).then(note('urgent read'))),
      // With the app's own transaction options: Prisma's default 2 s to start one is less than
      // the busy statement can take on a loaded machine, and the order is what is tested here.
      urgently(() => db.prisma.$transaction(async (tx) => tx.member.count(), TX_OPTIONS).then(note('urgent transaction'))),
    ];
    // Started from urgent work but not urgent itself: in line with the others.
    const later = urgently(() => unhurried(() => db.prisma.$queryRaw`select 4 as n`.then(note('unhurried'))));
    await Promise.all([busy, ...ordinary, ...urgent, later]);
    expect(finished[0]).toBe('busy');
    expect(finished.slice(1, 3).sort()).toEqual(['urgent read', 'urgent transaction']);
    expect(finished.slice(3)).toEqual(['ordinary 1', 'ordinary 2', 'ordinary 3', 'unhurried']);
  });
});
