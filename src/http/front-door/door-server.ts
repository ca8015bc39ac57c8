// What every front door does with a request, in its thread or on the main thread: Bolt's
// HTTPReceiver checks the signature of /slack/events and hands the request to `app`
// (a stand-in whose processEvent decides where it goes); every other path is passed on.
import type http from 'node:http';
import { HTTPReceiver, type App } from '@slack/bolt';
import type { Logger } from '../../logger.js';
import { boltLogger } from '../../slack/bolt-logger.js';
import { answer, createLimitedServer, refuseBeforeBolt } from '../guard.js';
import { normalizeContentType } from '../server.js';
import type { FrontDoorSettings } from './messages.js';

export interface DoorServerOptions {
  settings: FrontDoorSettings;
  logger: Logger;
  /** Receives each verified Slack request; only its processEvent is called. */
  app: Pick<App, 'processEvent'>;
  /** Answers every path but /slack/events (health check, sandbox page). */
  passThrough(req: http.IncomingMessage, res: http.ServerResponse): void;
}

/** The public HTTP server of a front door, not yet listening. */
export function createDoorServer({ settings, logger, app, passThrough }: DoorServerOptions): http.Server {
  const receiver = new HTTPReceiver({
    signingSecret: settings.signingSecret,
    endpoints: '/slack/events',
    logger: boltLogger(logger),
    unhandledRequestTimeoutMillis: settings.unhandledRequestTimeoutMillis,
    bodyLimit: settings.bodyLimit,
  });
  receiver.init(app as App);
  return createLimitedServer((req, res) => {
    try {
      const path = (req.url ?? '/').split('?')[0];
      if (path === '/slack/events') {
        if (refuseBeforeBolt(req, res)) return;
        normalizeContentType(req);
        receiver.requestListener(req, res);
        return;
      }
      passThrough(req, res);
    } catch (e) {
      // Whatever a client sends, the port stays up: the request gets an answer, not a crash.
      logger.warn({ err: (e as Error).message, method: req.method, url: req.url }, 'a request to the front door failed');
      answer(req, res, 500, 'internal error');
    }
  });
}
