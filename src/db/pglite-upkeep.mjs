// Upkeep of the embedded database: what autovacuum does on a PostgreSQL server, which
// single-user PGlite has no process for. The worker (./pglite-worker.mjs) runs it; this
// module decides what each table needs, by autovacuum's default rules.
//
// Plain JavaScript for the same reason as the worker: it loads as it is in tsx, vitest and node.

/** The app's tables with what autovacuum looks at. */
export const UPKEEP_TABLES = `
  SELECT s.relname AS name, s.n_live_tup AS live, s.n_dead_tup AS dead, s.n_mod_since_analyze AS modified,
         s.n_ins_since_vacuum AS inserted, c.reltuples AS tuples
    FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
   WHERE s.schemaname = current_schema()`;

/**
 * The statement a table needs, or null. Thresholds are PostgreSQL's defaults:
 * autovacuum_vacuum_threshold 50 + scale 0.2, autovacuum_vacuum_insert_threshold 1000 +
 * scale 0.2, autovacuum_analyze_threshold 50 + scale 0.1.
 * @param {{ name: string, live: number|string, dead: number|string, modified: number|string, inserted: number|string, tuples: number|string }} t
 * @returns {string | null}
 */
export function upkeepStatement(t) {
  const tuples = Number(t.tuples);
  const rows = Math.max(tuples, Number(t.live), 0);
  const vacuum = Number(t.dead) > 50 + 0.2 * rows || Number(t.inserted) > 1000 + 0.2 * rows;
  // Never analyzed (reltuples is -1) yet holding rows: the planner is guessing.
  const analyze = Number(t.modified) > 50 + 0.1 * rows || (tuples < 0 && Number(t.live) > 0);
  const table = `"${String(t.name).replaceAll('"', '""')}"`;
  if (vacuum) return analyze ? `VACUUM (ANALYZE) ${table}` : `VACUUM ${table}`;
  return analyze ? `ANALYZE ${table}` : null;
}
