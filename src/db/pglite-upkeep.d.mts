// Types of ./pglite-upkeep.mjs (plain JavaScript, loaded by the PGlite worker).
export declare const UPKEEP_TABLES: string;

export interface UpkeepTableStats {
  name: string;
  live: number | string;
  dead: number | string;
  modified: number | string;
  inserted: number | string;
  tuples: number | string;
}

export declare function upkeepStatement(t: UpkeepTableStats): string | null;
