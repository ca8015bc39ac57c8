// What every CLI command needs: configuration, a logger and an open, migrated database.
import { loadConfig, type Config } from '../config.js';
import { openDatabase, type Database } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { createLogger, type Logger } from '../logger.js';

export interface CliContext {
  config: Config;
  logger: Logger;
  db: Database;
}

/** Opens config + database (migrating first), runs fn, always closes the database. */
export async function withCliContext<T>(fn: (ctx: CliContext) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const db = await openDatabase(config.database);
  try {
    await migrate(db);
    return await fn({ config, logger, db });
  } finally {
    await db.close();
  }
}
