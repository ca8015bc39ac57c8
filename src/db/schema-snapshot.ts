// A comparable description of a database schema (tables, columns, enums, indexes,
// constraints) read from the catalog. Used to prove that the migrations produce exactly
// the schema in schema.prisma, on PGlite and on a PostgreSQL server alike.
import type { SqlSession } from './client.js';

export interface SchemaSnapshot {
  columns: string[];
  enums: string[];
  indexes: string[];
  constraints: string[];
}

export async function snapshotSchema(s: SqlSession, schema = 'public'): Promise<SchemaSnapshot> {
  const columns = await s.query<{ line: string }>(
    `SELECT table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '')
            || CASE WHEN is_nullable = 'NO' THEN ' not null' ELSE '' END
            || coalesce(' default ' || column_default, '') AS line
       FROM information_schema.columns
      WHERE table_schema = $1 AND table_name <> '_prisma_migrations'
      ORDER BY 1`,
    [schema],
  );
  const enums = await s.query<{ line: string }>(
    `SELECT t.typname || ': ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS line
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = $1 GROUP BY t.typname ORDER BY 1`,
    [schema],
  );
  const indexes = await s.query<{ line: string }>(
    `SELECT indexdef AS line FROM pg_indexes WHERE schemaname = $1 AND tablename <> '_prisma_migrations' ORDER BY 1`,
    [schema],
  );
  const constraints = await s.query<{ line: string }>(
    `SELECT c.conrelid::regclass::text || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid) AS line
       FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace JOIN pg_class r ON r.oid = c.conrelid
      WHERE n.nspname = $1 AND r.relname <> '_prisma_migrations' ORDER BY 1`,
    [schema],
  );
  return {
    columns: columns.map((r) => r.line),
    enums: enums.map((r) => r.line),
    indexes: indexes.map((r) => r.line),
    constraints: constraints.map((r) => r.line),
  };
}
