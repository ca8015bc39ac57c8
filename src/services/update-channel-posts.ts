// Where a progress update was posted in its department's channel. Kept so that an edit
// changes that post in place: a channel that still showed the corrected version would be
// the version people quote.
import { Prisma as PrismaNS } from '../generated/prisma/client.js';
import type { ServiceContext } from './service-context.js';

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
