// Single-user PGlite has no autovacuum: without upkeep, a table that churns (JobRun gets a
// row for each of the outbox's 8,640 runs a day, updated once and deleted two days later)
// grows without end, and the planner never has statistics. The embedded database's worker
// vacuums and analyzes by autovacuum's rules (src/db/pglite-upkeep.mjs). This file always
// uses PGlite (also in the postgres project): it is about the embedded database.
import { afterEach, describe, expect, it } from 'vitest';
import { RemotePGlite } from '../../../src/db/pglite-remote.js';

let pg: RemotePGlite | null = null;
afterEach(async () => {
  await pg?.close();
  pg = null;
});

async function stats(db: RemotePGlite, table: string) {
  const { rows } = await db.query<{ vacuums: number; analyzes: number; dead: number; tuples: number; bytes: number }>(
    `SELECT s.vacuum_count::int AS vacuums, s.analyze_count::int AS analyzes, s.n_dead_tup::int AS dead,
            c.reltuples::int AS tuples, pg_relation_size(c.oid)::int AS bytes
       FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid WHERE s.relname = $1`,
    [table],
  );
  return rows[0]!;
}

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('upkeep of the embedded database', () => {
  it('vacuums a table whose rows are written and deleted, so its space is used again', async () => {
    pg = await RemotePGlite.open(null, { upkeepEveryMs: 100 });
    await pg.exec(`CREATE TABLE runs (id serial PRIMARY KEY, status text, detail text)`);
    let firstRound = 0;
    for (let round = 1; round <= 10; round++) {
      const before = (await stats(pg, 'runs')).vacuums;
      // A round of runs: each written, finished, and deleted later, as JobRun's rows are.
      await pg.exec(`INSERT INTO runs (status) SELECT 'RUNNING' FROM generate_series(1, 2000)`);
      await pg.exec(`UPDATE runs SET status = 'SUCCEEDED', detail = 'sent 0'`);
      await pg.exec(`DELETE FROM runs`);
      const after = await until(
        () => stats(pg!, 'runs'),
        (s) => s.vacuums > before,
        `round ${round} was never vacuumed`,
      );
      if (round === 1) firstRound = after.bytes;
    }
    const end = await stats(pg, 'runs');
    expect(end.dead).toBe(0);
    // Ten rounds in the space of about one; unvacuumed, the table kept every round's pages.
    expect(end.bytes).toBeLessThanOrEqual(firstRound * 1.5);
  });

  it('analyzes a table the planner has no statistics for', async () => {
    pg = await RemotePGlite.open(null, { upkeepEveryMs: 100 });
    await pg.exec(`CREATE TABLE updates (id serial PRIMARY KEY, narrative text)`);
    await pg.exec(`INSERT INTO updates (narrative) SELECT 'Held a session' FROM generate_series(1, 500)`);
    expect((await stats(pg, 'updates')).tuples).toBe(-1);
    const analyzed = await until(
      () => stats(pg!, 'updates'),
      (s) => s.analyzes > 0,
      'never analyzed',
    );
    expect(analyzed.tuples).toBe(500);
  });

  it('does nothing when turned off', async () => {
    pg = await RemotePGlite.open(null, { upkeepEveryMs: 0 });
    await pg.exec(`CREATE TABLE updates (id serial PRIMARY KEY, narrative text)`);
    await pg.exec(`INSERT INTO updates (narrative) SELECT 'Held a session' FROM generate_series(1, 500)`);
    await new Promise((r) => setTimeout(r, 500));
    expect(await stats(pg, 'updates')).toMatchObject({ vacuums: 0, analyzes: 0, tuples: -1 });
  });
});
