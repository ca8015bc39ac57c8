// What listeners and jobs get to do their work: the database, configuration, logging and
// a clock that tests can move.
import type { Config } from '../config.js';
import type { Database, Prisma } from '../db/client.js';
import type { Logger } from '../logger.js';
import type { ChangeNoticeRenderer } from './change-notices.js';

export interface AppContext {
  config: Config;
  db: Database;
  prisma: Prisma;
  logger: Logger;
  now: () => Date;
  /** Set by the server: without it, changes tell no one (services/change-notices.ts). */
  renderChangeNotice?: ChangeNoticeRenderer;
}

export function createAppContext(config: Config, db: Database, logger: Logger, now: () => Date = () => new Date()): AppContext {
  return { config, db, prisma: db.prisma, logger, now };
}
