// The front door: the thread that owns the app's public HTTP port (see ./index.ts for why).
//
// /slack/events: Bolt's own HTTPReceiver checks the signature, parses the body and answers
// Slack's checks here; each verified request goes to the main thread's Bolt app, and the
// main thread's ack comes back here to be written out. `/reap update` is acknowledged and
// its modal opened (a loading view, with the trigger id) here, at once, whatever the main
// thread is doing; the main thread fills the view in. Every other path is passed through
// to the main thread's own HTTP server (health check, the sandbox's page).
import http from 'node:http';
import https from 'node:https';
import { parentPort, workerData } from 'node:worker_threads';
import { AuthorizationError, type App, type ReceiverEvent } from '@slack/bolt';
import { createLogger } from '../../logger.js';
import { openLoadingView, opensLoadingView } from './early-open.js';
import { type FrontDoorSettings, type FromDoor, rememberLanguage, type ToDoor } from './messages.js';
import { forwardRequest } from './forward.js';
import { createDoorServer } from './door-server.js';
import type { Lang } from '../../slack/i18n/index.js';

const settings = workerData as FrontDoorSettings;
const port = parentPort!;
const logger = createLogger(settings.logLevel).child({ component: 'front-door' });
const post = (message: FromDoor) => port.postMessage(message);

/** The language each person was last answered in, as the main thread reports it. */
const languages = new Map<string, Lang>();

interface InFlight {
  ack: ReceiverEvent['ack'];
  done(error?: { message: string; code?: string }): void;
}
const inFlight = new Map<number, InFlight>();
let nextId = 1;
/** The main thread's own HTTP server, told with the 'listen' message. */
let internalPort = 0;

// Only processEvent is used by HTTPReceiver; the real App lives on the main thread.
const mainThreadApp = {
  async processEvent(event: ReceiverEvent): Promise<void> {
    const id = nextId++;
    const early = opensLoadingView(event.body);
    const finished = new Promise<void>((resolve, reject) => {
      inFlight.set(id, {
        ack: event.ack,
        done: (error) => {
          inFlight.delete(id);
          if (!error) return resolve();
          // Bolt's error handler answers 401 to this one class (no installation).
          const e =
            error.code === 'slack_bolt_authorization_error' ? new AuthorizationError(error.message, new Error(error.message)) : new Error(error.message);
          reject(e);
        },
      });
    });
    if (early) await event.ack();
    post({ type: 'event', id, body: event.body, retryNum: event.retryNum, retryReason: event.retryReason, acked: early !== null });
    if (early) {
      const lang = languages.get(early.userId) ?? 'en';
      void openLoadingView(slack, early.triggerId, settings.loadingViews[lang]).then((result) => post({ type: 'opened', id, result }));
    }
    return finished;
  },
} as unknown as App;

const forwardAgent = new http.Agent({ keepAlive: true });
const slack = {
  apiUrl: settings.apiUrl,
  botToken: settings.botToken,
  agent: new (settings.apiUrl.startsWith('https:') ? https : http).Agent({ keepAlive: true }),
};

const server = createDoorServer({
  settings,
  logger,
  app: mainThreadApp,
  passThrough: (req, res) => forwardRequest(req, res, { port: internalPort, agent: forwardAgent }),
});

port.on('message', (message: ToDoor) => {
  switch (message.type) {
    case 'ack': {
      const request = inFlight.get(message.id);
      if (!request) return;
      request.ack(message.response as Parameters<ReceiverEvent['ack']>[0]).catch((e: unknown) => {
        logger.warn({ err: (e as Error).message }, 'could not write an acknowledgement');
      });
      return;
    }
    case 'done':
      inFlight.get(message.id)?.done(message.error);
      return;
    case 'language':
      rememberLanguage(languages, message.user, message.lang);
      return;
    case 'listen':
      internalPort = message.internalPort;
      listen();
      return;
    case 'close':
      close();
      return;
  }
});

function close(): void {
  server.close(() => {
    forwardAgent.destroy();
    slack.agent.destroy();
    post({ type: 'closed' });
    port.close();
  });
  // Requests in flight get a moment to finish; idle keep-alive sockets go now.
  server.closeIdleConnections();
  setTimeout(() => server.closeAllConnections(), 5_000).unref();
}

function listen(): void {
  server.once('error', (e: NodeJS.ErrnoException) => {
    post({ type: 'listen-failed', message: e.message, code: e.code });
    port.close();
  });
  server.listen(settings.port, settings.host, () => {
    const address = server.address();
    post({ type: 'listening', port: typeof address === 'object' && address ? address.port : settings.port });
  });
}
