// Where a progress update was posted in its department's channel. Kept so that an edit
// changes that post in place: a channel that still showed the corrected version would be
// the version people quote.
import { Prisma as PrismaNS } from '../generated/prisma/client.js';
import type { ServiceContext } from './service-context.js';
import { citywidePlanOf, findStrategy, strategyDepartment, strategyDepartmentId, strategyLabel, type StrategyRecord } from './strategy-records.js';

// Slack's ids are short and plain; anything else is not a post Slack told us about.
const CHANNEL_ID = /^[A-Z0-9]{1,32}$/;
const MESSAGE_TS = /^\d{1,20}\.\d{1,12}$/;

export interface ChannelPost {
  channel: string;
  ts: string;
}

/** Remembers the update's channel post (the one chat.postMessage answered with). */
export async function recordChannelPost(ctx: ServiceContext, updateId: number, post: ChannelPost): Promise<void> {
  if (!CHANNEL_ID.test(post.channel) || !MESSAGE_TS.test(post.ts)) {
    throw new Error(`not a Slack message: channel ${JSON.stringify(post.channel).slice(0, 40)}, ts ${JSON.stringify(post.ts).slice(0, 40)}`);
  }
  // One statement: Prisma runs updateMany in a transaction of its own, and on PGlite one such
  // transaction was seen begun and then never used or ended under load, holding the only
  // connection (commit a20e983; the worker's rollback of abandoned transactions is the net).
  // This runs after every Submit.
  await ctx.prisma.$executeRaw(PrismaNS.sql`
    /* remember channel post */
    UPDATE "ProgressUpdate" SET "channelPostChannel" = ${post.channel}::text, "channelPostTs" = ${post.ts}::text
     WHERE id = ${updateId}::int`);
}

/** Where the update was posted in its department's channel, if it was. */
export async function channelPostOf(ctx: ServiceContext, updateId: number): Promise<ChannelPost | null> {
  const row = await ctx.prisma.progressUpdate.findUnique({ where: { id: updateId }, select: { channelPostChannel: true, channelPostTs: true } });
  if (!row?.channelPostChannel || !row.channelPostTs) return null;
  return { channel: row.channelPostChannel, ts: row.channelPostTs };
}

export interface StrategyForPost {
  label: string;
  /** The citywide plan's title, which the label names; null for a department plan's. */
  citywidePlan: string | null;
  text: string;
  ownerSlackId: string | null;
  /** The department's channel, where its updates are posted. */
  channelId: string | null;
  departmentId: number | null;
}

/** What a channel post of an update on this strategy shows and where it goes. */
export function postTargetOf(s: StrategyRecord): StrategyForPost {
  return {
    label: strategyLabel(s),
    citywidePlan: citywidePlanOf(s),
    text: s.text,
    ownerSlackId: s.owner?.slackUserId ?? null,
    // A citywide strategy's updates go to its lead department's channel.
    channelId: strategyDepartment(s)?.slackChannelId ?? null,
    departmentId: strategyDepartmentId(s),
  };
}

/** `postTargetOf` the strategy as it is now; null when it is gone. */
export async function strategyForPost(ctx: ServiceContext, strategyId: number): Promise<StrategyForPost | null> {
  const s = await findStrategy(ctx.prisma, strategyId);
  return s ? postTargetOf(s) : null;
}
