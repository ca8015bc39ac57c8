// The embedded database's worker runs statements as named prepared statements
// (src/db/pglite-statements.mjs) to save PGlite's per-statement cost. The app must not see
// the difference: the same rows, the same errors, transactions as before. This file always
// uses PGlite (also in the postgres project): it is about the embedded database.
import { PGlite, messages } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preparedStatements } from '../../../src/db/pglite-statements.mjs';

let pg: PGlite;

beforeAll(async () => {
  pg = await PGlite.create();
  await pg.exec(`
    CREATE TABLE person (id serial PRIMARY KEY, name text NOT NULL UNIQUE, born date, active boolean NOT NULL DEFAULT true,
                         tags text[] NOT NULL DEFAULT '{}', seen timestamptz, photo bytea);
    INSERT INTO person (name, born, tags, seen) VALUES ('Ana', '1990-05-01', '{a,b}', '2026-12-01T10:00:00Z'), ('Bo', NULL, '{}', NULL);`);
});
afterAll(async () => {
  await pg?.close();
});

const prepared = async () => (await pg.query<{ name: string; statement: string }>('SELECT name, statement FROM pg_prepared_statements ORDER BY name')).rows;

describe('prepared statements', () => {
  it('answer exactly as PGlite query does, in both row modes, with every kind of value', async () => {
    const statements = preparedStatements(pg);
    const sql = 'SELECT id, name, born, active, tags, seen, photo FROM person WHERE name = ANY($1::text[]) AND active = $2 ORDER BY id';
    const params = [['Ana', 'Bo'], true];
    // The worker's own parsers for some types (dates here), as pglite-remote.ts passes them.
    const dateAsText = { 1082: (text: string) => `date ${text}` };
    for (const options of [undefined, { rowMode: 'array' as const }, { parsers: dateAsText }, { rowMode: 'array' as const, parsers: dateAsText }]) {
      const expected = await pg.query(sql, params, options);
      // Twice: the first run prepares, the second runs what was prepared.
      expect(await statements.query(sql, params, options)).toEqual(expected);
      expect(await statements.query(sql, params, options)).toEqual(expected);
    }
    expect((await statements.query(sql, params)).rows.map((r) => (r as { name: string }).name)).toEqual(['Ana', 'Bo']);
  });

  it('prepare a statement once under a name and run it again with other values', async () => {
    const statements = preparedStatements(pg);
    const sql = 'SELECT name FROM person WHERE id = $1';
    expect((await statements.query(sql, [1])).rows).toEqual([{ name: 'Ana' }]);
    expect((await statements.query(sql, [2])).rows).toEqual([{ name: 'Bo' }]);
    expect((await prepared()).filter((p) => p.statement === sql)).toHaveLength(1);
  });

  it('write, report the rows they changed, and take bytes and dates as values', async () => {
    const statements = preparedStatements(pg);
    const update = await statements.query('UPDATE person SET photo = $1, seen = $2 WHERE name = $3', [
      Buffer.from([1, 2, 255]),
      new Date('2026-12-06T08:00:00Z'),
      'Bo',
    ]);
    expect(update).toMatchObject({ affectedRows: 1, rows: [] });
    const row = (await pg.query<{ photo: Uint8Array; seen: Date }>(`SELECT photo, seen FROM person WHERE name = 'Bo'`)).rows[0];
    expect([...(row?.photo ?? [])]).toEqual([1, 2, 255]);
    expect(row?.seen).toEqual(new Date('2026-12-06T08:00:00Z'));
  });

  it('keep at most the number asked for, the least recently used going first', async () => {
    await pg.exec('DEALLOCATE ALL');
    const statements = preparedStatements(pg, { max: 2 });
    await statements.query('SELECT 1 AS one');
    await statements.query('SELECT 2 AS two');
    await statements.query('SELECT 1 AS one');
    await statements.query('SELECT 3 AS three');
    expect(statements.size).toBe(2);
    expect((await prepared()).map((p) => p.statement).sort()).toEqual(['SELECT 1 AS one', 'SELECT 3 AS three']);
  });

  it('leave utility statements to PGlite, unprepared', async () => {
    await pg.exec('DEALLOCATE ALL');
    const statements = preparedStatements(pg);
    expect((await statements.query('SHOW work_mem')).rows).toHaveLength(1);
    expect(await prepared()).toEqual([]);
  });

  it('fail with the database error PGlite gives, statement and values attached, and go on', async () => {
    const statements = preparedStatements(pg);
    const e = await statements.query('INSERT INTO person (name) VALUES ($1)', ['Ana']).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(messages.DatabaseError);
    expect(e).toMatchObject({ code: '23505', constraint: 'person_name_key', query: 'INSERT INTO person (name) VALUES ($1)', params: ['Ana'] });
    const syntax = await statements.query('SELECT FROM WHERE $1', [1]).catch((x: unknown) => x);
    expect(syntax).toMatchObject({ code: '42601' });
    expect((await statements.query('SELECT count(*)::int AS n FROM person')).rows).toEqual([{ n: 2 }]);
  });

  it('follow a table whose columns changed since the statement was prepared', async () => {
    const statements = preparedStatements(pg);
    await pg.exec('CREATE TABLE shape (a int); INSERT INTO shape VALUES (1);');
    expect((await statements.query('SELECT * FROM shape')).rows).toEqual([{ a: 1 }]);
    await pg.exec('ALTER TABLE shape ADD COLUMN b text');
    expect((await statements.query('SELECT * FROM shape')).rows).toEqual([{ a: 1, b: null }]);
  });

  it('run inside a transaction: its writes seen by its reads, undone by its rollback', async () => {
    const statements = preparedStatements(pg);
    await pg
      .transaction(async (tx) => {
        await statements.query('INSERT INTO person (name) VALUES ($1)', ['Cy'], undefined, tx);
        expect((await statements.query('SELECT count(*)::int AS n FROM person', [], undefined, tx)).rows).toEqual([{ n: 3 }]);
        // A utility statement in the transaction goes through its own object (pg.query would wait for its end).
        expect((await statements.query('SHOW work_mem', [], undefined, tx)).rows).toHaveLength(1);
        await tx.rollback();
      })
      .catch(() => {});
    expect((await statements.query('SELECT count(*)::int AS n FROM person')).rows).toEqual([{ n: 2 }]);
  });
});
