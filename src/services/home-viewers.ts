// Who looks at the app's Home tab. A change (a progress update, a strategy managed, a
// person deactivated) refreshes the Home of the people it concerns; publishing to someone
// who never opens the tab is work for the app and for Slack's views.publish budget that
// nobody sees. Opening the tab always publishes a fresh Home (app_home_opened), so someone
// who has not looked for a while loses nothing: they get the current Home when they look.
import { Prisma as PrismaNS } from '../generated/prisma/client.js';
import type { ServiceContext } from './service-context.js';

/** People who opened Home within this many days get refreshes when something changes. */
export const HOME_VIEWER_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
// Noting every opening would be a write per click on the tab; to the hour is plenty.
const NOTE_EVERY_MS = 60 * 60 * 1000;

/** Notes that `slackUserId` opened their Home tab now (at most one write an hour). */
export async function noteHomeOpened(ctx: ServiceContext, slackUserId: string): Promise<void> {
  const now = ctx.now();
  // One statement, not updateMany (which Prisma wraps in a transaction): see
  // update-channel-posts.ts. Every opening of the Home tab comes here.
  await ctx.prisma.$executeRaw(PrismaNS.sql`
    /* note home opened */
    UPDATE "Member" SET "homeOpenedAt" = ${now}::timestamptz
     WHERE "slackUserId" = ${slackUserId}::text
       AND ("homeOpenedAt" IS NULL OR "homeOpenedAt" < ${new Date(now.getTime() - NOTE_EVERY_MS)}::timestamptz)`);
}

/** Those of `slackUserIds` who opened their Home tab in the last HOME_VIEWER_DAYS days. */
export async function homeViewersAmong(ctx: ServiceContext, slackUserIds: readonly string[]): Promise<string[]> {
  if (slackUserIds.length === 0) return [];
  const since = new Date(ctx.now().getTime() - HOME_VIEWER_DAYS * DAY_MS);
  const rows = await ctx.prisma.member.findMany({
    where: { slackUserId: { in: [...slackUserIds] }, homeOpenedAt: { gte: since } },
    select: { slackUserId: true },
  });
  const viewers = new Set(rows.map((r) => r.slackUserId));
  return slackUserIds.filter((id) => viewers.has(id));
}

/**
 * The people whose Home shows a department's work besides its owners: its active equity
 * leads and the managers who oversee it. Roles are filtered here: an enum-array `has`
 * filter fails on the embedded database's adapter.
 */
export async function departmentHomeAudience(ctx: ServiceContext, departmentId: number): Promise<string[]> {
  const people = await ctx.prisma.member.findMany({
    where: { active: true, OR: [{ departmentId }, { managedDepartments: { some: { departmentId } } }] },
    select: { slackUserId: true, roles: true, departmentId: true },
  });
  return people.filter((p) => p.departmentId !== departmentId || p.roles.includes('EQUITY_LEAD')).map((p) => p.slackUserId);
}
