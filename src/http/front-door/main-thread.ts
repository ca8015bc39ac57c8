// The front door on the main thread: what ./worker.ts does, without a thread. Used on
// PostgreSQL, where the thread bought nothing steady under paced load and cost about 34 MiB
// and 15–25 % more CPU a request (bench/README.md); see ./index.ts for the choice.
//
// Same signature check, guard and pass-through; `/reap update` is acknowledged and its
// loading view opened before the listener runs, as in the thread, so the listener finds
// the view under LOADING_VIEW_CONTEXT_KEY either way.
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { App, ReceiverEvent } from '@slack/bolt';
import type { Logger } from '../../logger.js';
import type { Lang } from '../../slack/i18n/index.js';
import { createDoorServer } from './door-server.js';
import { openLoadingView, opensLoadingView } from './early-open.js';
import { type FrontDoor, LOADING_VIEW_CONTEXT_KEY } from './index.js';
import { type FrontDoorSettings, rememberLanguage } from './messages.js';

/** Listens on the public port; `internal` (not listening) answers the other paths. */
export async function openMainThreadFrontDoor(app: App, internal: http.Server, settings: FrontDoorSettings, logger: Logger): Promise<FrontDoor> {
  const languages = new Map<string, Lang>();
  const slack = {
    apiUrl: settings.apiUrl,
    botToken: settings.botToken,
    agent: new (settings.apiUrl.startsWith('https:') ? https : http).Agent({ keepAlive: true }),
  };
  const early = {
    processEvent(event: ReceiverEvent): Promise<void> {
      const update = opensLoadingView(event.body);
      if (!update) return app.processEvent(event);
      return event.ack().then(() => {
        const opened = openLoadingView(slack, update.triggerId, settings.loadingViews[languages.get(update.userId) ?? 'en']);
        // Acknowledged already: the listener's own ack writes nothing.
        return app.processEvent({ ...event, ack: async () => {}, customProperties: { ...event.customProperties, [LOADING_VIEW_CONTEXT_KEY]: opened } });
      });
    },
  };
  const server = createDoorServer({
    settings,
    logger: logger.child({ component: 'front-door' }),
    app: early,
    passThrough: (req, res) => internal.emit('request', req, res),
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(Object.assign(new Error(`cannot listen on port ${settings.port}: ${e.message}`), { code: e.code })),
    );
    server.listen(settings.port, settings.host, () => resolve((server.address() as AddressInfo).port));
  });
  let closing: Promise<void> | undefined;
  return {
    port,
    tellLanguage: (user, lang) => rememberLanguage(languages, user, lang),
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        server.close(() => {
          slack.agent.destroy();
          resolve();
        });
        // Requests in flight get a moment to finish; idle keep-alive sockets go now.
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 5_000).unref();
      })),
  };
}
