// A/B (issue #14): the front door on the main thread. Same signature check (Bolt's
// HTTPReceiver), same guard, same early ack and loading view for `/reap update`, same
// pass-through of other paths to the main thread's own server; no worker thread.
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { HTTPReceiver, type App, type ReceiverEvent } from '@slack/bolt';
import type { Logger } from '../../logger.js';
import { boltLogger } from '../../slack/bolt-logger.js';
import type { Lang } from '../../slack/i18n/index.js';
import { answer, createLimitedServer, refuseBeforeBolt } from '../guard.js';
import { normalizeContentType } from '../server.js';
import { openLoadingView, opensLoadingView } from './early-open.js';
import { LOADING_VIEW_CONTEXT_KEY, type FrontDoor } from './index.js';
import type { FrontDoorSettings, LoadingViewOpened } from './messages.js';

export async function openMainThreadFrontDoor(app: App, internal: http.Server, settings: FrontDoorSettings, logger: Logger): Promise<FrontDoor> {
  const languages = new Map<string, Lang>();
  const slack = {
    apiUrl: settings.apiUrl,
    botToken: settings.botToken,
    agent: new (settings.apiUrl.startsWith('https:') ? https : http).Agent({ keepAlive: true }),
  };
  const proxy = {
    async processEvent(event: ReceiverEvent): Promise<void> {
      const early = opensLoadingView(event.body);
      if (!early) return app.processEvent(event);
      await event.ack();
      const lang = languages.get(early.userId) ?? 'en';
      const opened: Promise<LoadingViewOpened> = openLoadingView(slack, early.triggerId, settings.loadingViews[lang]);
      return app.processEvent({ ...event, ack: async () => {}, customProperties: { ...event.customProperties, [LOADING_VIEW_CONTEXT_KEY]: opened } });
    },
  } as unknown as App;
  const receiver = new HTTPReceiver({
    signingSecret: settings.signingSecret,
    endpoints: '/slack/events',
    logger: boltLogger(logger),
    unhandledRequestTimeoutMillis: settings.unhandledRequestTimeoutMillis,
    bodyLimit: settings.bodyLimit,
  });
  receiver.init(proxy);
  const server = createLimitedServer((req, res) => {
    try {
      const path = (req.url ?? '/').split('?')[0];
      if (path === '/slack/events') {
        if (refuseBeforeBolt(req, res)) return;
        normalizeContentType(req);
        receiver.requestListener(req, res);
        return;
      }
      internal.emit('request', req, res);
    } catch (e) {
      logger.warn({ err: (e as Error).message, method: req.method, url: req.url }, 'a request to the front door failed');
      answer(req, res, 500, 'internal error');
    }
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, settings.host, () => resolve((server.address() as AddressInfo).port));
  });
  return {
    port,
    tellLanguage: (user, lang) => {
      languages.delete(user);
      languages.set(user, lang);
      if (languages.size > 20_000) languages.delete(languages.keys().next().value!);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          slack.agent.destroy();
          resolve();
        });
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 5_000).unref();
      }),
  };
}
