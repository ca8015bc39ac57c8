// What a use case needs: the database, the City's time zone and a clock. AppContext fits
// this shape as it is, so listeners pass their context straight through; tests build a
// small one with a fixed clock.
import type { Prisma } from '../db/client.js';
import type { Prisma as PrismaNS } from '../generated/prisma/client.js';
import { todayIn } from '../domain/calendar-dates.js';
import type { ChangeNoticeRenderer } from './change-notices.js';

export interface ServiceContext {
  prisma: Prisma;
  config: { timeZone: string };
  now: () => Date;
  /** Words for change notices (services/change-notices.ts); without it no one is told. */
  renderChangeNotice?: ChangeNoticeRenderer;
}

/** The client inside `prisma.$transaction(async (tx) => …)`. */
export type Tx = PrismaNS.TransactionClient;

/** The City's calendar date now. */
export const cityToday = (ctx: ServiceContext, now: Date = ctx.now()): string => todayIn(now, ctx.config.timeZone);

// Interactive transactions on embedded PGlite queue behind each other (one connection),
// so a writer may wait for another's transaction; give it longer than Prisma's 2 s.
export const TX_OPTIONS = { maxWait: 10_000, timeout: 20_000 } as const;
