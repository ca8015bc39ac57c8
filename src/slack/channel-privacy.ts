// Whether Slack says a channel is private: Internal update text may show only in the
// department's own private channel (channel posts, canvases).
//
// Privacy changes rarely; asking Slack at every Submit or sync would cost a call (and rate
// limit) each time. Ten minutes is how long a channel turned public could still get an
// Internal update's text; the cache is per app, so one test app does not see another's.
import type { WebClient } from '@slack/web-api';
import type { AppContext } from '../services/app-context.js';

const PRIVACY_TTL_MS = 10 * 60_000;
const privacyCache = new WeakMap<AppContext, Map<string, { isPrivate: boolean; at: number }>>();

const slackError = (e: unknown): string => {
  const data = (e as { data?: { error?: unknown } }).data;
  return typeof data?.error === 'string' ? data.error : ((e as Error).message ?? 'unknown');
};

/**
 * When Slack cannot tell (a missing scope, an error) the answer is "no": Internal text is
 * then left out, never shown by mistake.
 */
export async function channelIsPrivate(ctx: AppContext, client: WebClient, channel: string): Promise<boolean> {
  let cache = privacyCache.get(ctx);
  if (!cache) privacyCache.set(ctx, (cache = new Map()));
  const hit = cache.get(channel);
  if (hit && Date.now() - hit.at < PRIVACY_TTL_MS) return hit.isPrivate;
  try {
    const res = await client.conversations.info({ channel });
    const isPrivate = (res.channel as { is_private?: boolean } | undefined)?.is_private === true;
    cache.set(channel, { isPrivate, at: Date.now() });
    return isPrivate;
  } catch (e) {
    ctx.logger.warn({ err: slackError(e), channel }, 'could not tell whether a channel is private; treating it as public');
    return false;
  }
}
