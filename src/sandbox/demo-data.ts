// The sandbox opens on a populated City: when the database has no departments yet (a new
// ./data directory, or pglite:memory), it gets the same demo seed as `reap seed`. A database
// that already has departments is left alone, so people's own sandbox edits survive restarts.
import { seedDatabase } from '../db/seed/index.js';
import type { AppContext } from '../services/app-context.js';
import { REDI_CHANNEL_SETTING } from '../services/digests.js';
import { REDI_CHANNEL } from './demo-workspace.js';

/** @param onSeeding told before a seed starts, so a person waiting at the terminal knows why. */
export async function seedDemoDataIfEmpty(ctx: AppContext, onSeeding: () => void = () => {}): Promise<boolean> {
  if ((await ctx.prisma.department.count()) > 0) return false;
  onSeeding();
  const started = Date.now();
  const summary = await seedDatabase(ctx.prisma, { now: ctx.now(), timeZone: ctx.config.timeZone });
  // The demo workspace has a #redi-network channel; point the REDI digest at it, as an
  // ORSE admin would with /reap settings.
  await ctx.prisma.appSetting.upsert({
    where: { key: REDI_CHANNEL_SETTING },
    create: { key: REDI_CHANNEL_SETTING, value: REDI_CHANNEL.id, updatedBy: 'sandbox' },
    update: {},
  });
  ctx.logger.info({ ms: Date.now() - started, created: summary.created, quarter: summary.currentQuarter }, 'sandbox: seeded the demo data');
  return true;
}
