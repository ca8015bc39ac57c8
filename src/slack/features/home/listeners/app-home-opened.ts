// Publishes the App Home whenever someone opens its Home tab (Bolt has already acked the
// event), and notes that they look at it, so later changes refresh it. The Messages tab
// also sends app_home_opened; it gets nothing.
import type { EventListener } from '../../../listener-types.js';
import type { AppContext } from '../../../../services/app-context.js';
import { noteHomeOpened } from '../../../../services/home-viewers.js';
import { publishHome } from '../publish-home.js';

export function appHomeOpened(ctx: AppContext): EventListener<'app_home_opened'> {
  return async ({ event, client }) => {
    if (event.tab !== 'home') return;
    // The hash of what they are looking at: if anything publishes meanwhile, ours is stale.
    // Bolt's View type omits it, but Slack sends the published view's hash with the event.
    const hash = (event.view as { hash?: string } | undefined)?.hash;
    await Promise.all([
      publishHome(ctx, client, event.user, hash ? { hash } : {}),
      // From now on changes refresh their Home too. Not noting it only costs them those refreshes.
      noteHomeOpened(ctx, event.user).catch((e: unknown) =>
        ctx.logger.warn({ err: (e as Error).message, user: event.user }, 'could not note that App Home was opened'),
      ),
    ]);
  };
}
