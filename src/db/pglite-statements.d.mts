// Types of ./pglite-statements.mjs (plain JavaScript, loaded by the PGlite worker).
import type { PGlite, QueryOptions, Results, Transaction } from '@electric-sql/pglite';

export interface PreparedStatements {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[], options?: QueryOptions, tx?: Transaction | null): Promise<Results<T>>;
  /** How many statements are prepared now. */
  readonly size: number;
}

export declare function preparedStatements(pg: PGlite, options?: { max?: number }): PreparedStatements;
