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

/**
 * Whose Home to refresh after a change: those of `slackUserIds`, and the people whose Home
 * shows the work of `departmentIds` besides its owners (their active equity leads and the
 * managers who oversee them), if they opened their Home tab in the last HOME_VIEWER_DAYS
 * days. One statement, each part from an index: it runs after every Submit.
 */
export async function homeViewers(ctx: ServiceContext, who: { slackUserIds?: readonly string[]; departmentIds?: readonly number[] }): Promise<string[]> {
  const slackUserIds = [...new Set(who.slackUserIds ?? [])];
  const departmentIds = [...new Set(who.departmentIds ?? [])];
  if (slackUserIds.length === 0 && departmentIds.length === 0) return [];
  const since = new Date(ctx.now().getTime() - HOME_VIEWER_DAYS * DAY_MS);
  const rows = await ctx.prisma.$queryRaw<{ slackUserId: string }[]>(PrismaNS.sql`
    /* home viewers */
    SELECT m."slackUserId" FROM "Member" m
     WHERE m."homeOpenedAt" >= ${since}::timestamptz
       AND m.id IN (
         SELECT id FROM "Member" WHERE "slackUserId" = ANY(${slackUserIds}::text[])
         UNION
         SELECT id FROM "Member"
          WHERE "departmentId" = ANY(${departmentIds}::int[]) AND active AND 'EQUITY_LEAD' = ANY(roles::text[])
         UNION
         SELECT md."memberId" FROM "ManagedDepartment" md JOIN "Member" mm ON mm.id = md."memberId"
          WHERE md."departmentId" = ANY(${departmentIds}::int[]) AND mm.active)
     ORDER BY m."slackUserId"`);
  return rows.map((r) => r.slackUserId);
}
