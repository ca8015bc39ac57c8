// What the embedded database's upkeep runs on a table (src/db/pglite-upkeep.mjs): the
// decisions autovacuum would take on a PostgreSQL server, by its default thresholds.
import { describe, expect, it } from 'vitest';
import { upkeepStatement } from '../../src/db/pglite-upkeep.mjs';

const table = (t: Partial<{ live: number; dead: number; modified: number; inserted: number; tuples: number }>, name = 'JobRun') => ({
  name,
  live: 0,
  dead: 0,
  modified: 0,
  inserted: 0,
  tuples: 0,
  ...t,
});

describe('upkeep of an embedded database table', () => {
  it('leaves a quiet table alone', () => {
    expect(upkeepStatement(table({ live: 10_000, tuples: 10_000, dead: 2_000, modified: 1_000, inserted: 2_000 }))).toBeNull();
    expect(upkeepStatement(table({}))).toBeNull();
  });

  it('vacuums once dead rows pass 50 + 20% of the table, analyzing too when enough changed', () => {
    expect(upkeepStatement(table({ live: 10_000, tuples: 10_000, dead: 2_051 }))).toBe('VACUUM "JobRun"');
    expect(upkeepStatement(table({ live: 10_000, tuples: 10_000, dead: 2_051, modified: 1_051 }))).toBe('VACUUM (ANALYZE) "JobRun"');
  });

  it('vacuums a table that only grows, once inserts pass 1,000 + 20% of it', () => {
    expect(upkeepStatement(table({ live: 5_000, tuples: 5_000, inserted: 2_001 }))).toBe('VACUUM "JobRun"');
  });

  it('analyzes once changes pass 50 + 10% of the table, and a table never analyzed that holds rows', () => {
    expect(upkeepStatement(table({ live: 10_000, tuples: 10_000, modified: 1_051 }))).toBe('ANALYZE "JobRun"');
    expect(upkeepStatement(table({ live: 3, tuples: -1 }))).toBe('ANALYZE "JobRun"');
    expect(upkeepStatement(table({ live: 0, tuples: -1 }))).toBeNull();
  });

  it('takes the statistics as PostgreSQL returns them (bigint columns as text) and quotes the name', () => {
    const fromPg = { name: 'Odd "name"', live: '100', dead: '500', modified: '0', inserted: '0', tuples: '100' };
    expect(upkeepStatement(fromPg)).toBe('VACUUM "Odd ""name"""');
  });
});
