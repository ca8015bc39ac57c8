// Builds the Bolt app for a receiver: HTTP (Slack signs every request) or Socket Mode.
// The sandbox uses HTTP mode against the local fake Slack.
import { App, LogLevel, type Receiver } from '@slack/bolt';
import type { AppContext } from '../services/app-context.js';
import { boltLogger } from './bolt-logger.js';
import { trimmedViewFetch } from './trimmed-view-fetch.js';
import type { BotIdentity } from './identity.js';
import { register as registerActions } from './listeners/actions/index.js';
import { register as registerCommands } from './listeners/commands/index.js';
import { register as registerEvents } from './listeners/events/index.js';
import { register as registerFunctions } from './listeners/functions/index.js';
import { register as registerShortcuts } from './listeners/shortcuts/index.js';
import { register as registerViews } from './listeners/views/index.js';

export interface SlackSettings {
  mode: 'http' | 'socket';
  botToken: string;
  signingSecret?: string;
  appToken?: string;
  /** Base URL of the Web API (ends with /api/); Slack's own when unset. */
  apiUrl?: string;
  /** From auth.test at start; when null Bolt looks it up on the first request. */
  identity?: BotIdentity | null;
}

/**
 * In HTTP mode the requests come through `receiver` (the front door's, see
 * src/http/front-door); Socket Mode has its own.
 */
export function createSlackApp(ctx: AppContext, settings: SlackSettings, receiver?: Receiver): App {
  const logger = boltLogger(ctx.logger);
  const clientOptions = {
    slackApiUrl: settings.apiUrl,
    // The client waits out 429s itself; scheduled messages get their own retries in the outbox.
    timeout: 10_000,
    retryConfig: { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 5_000 },
    // Views echoed back by views.* calls, without the blocks and state nobody reads.
    fetch: trimmedViewFetch(),
  };
  const identity = settings.identity ? { botId: settings.identity.botId, botUserId: settings.identity.botUserId } : { tokenVerificationEnabled: false };
  if (settings.mode === 'socket') {
    const app = new App({
      token: settings.botToken,
      appToken: settings.appToken,
      socketMode: true,
      ...identity,
      logger,
      logLevel: LogLevel.INFO,
      clientOptions,
    });
    registerListeners(app, ctx);
    return app;
  }
  if (!receiver) throw new Error('HTTP mode needs a receiver');
  const app = new App({ token: settings.botToken, receiver, logger, clientOptions, ...identity });
  registerListeners(app, ctx);
  app.error(async (error) => {
    ctx.logger.error({ err: error }, 'unhandled error in a Slack listener');
  });
  return app;
}

function registerListeners(app: App, ctx: AppContext): void {
  registerCommands(app, ctx);
  registerActions(app, ctx);
  registerEvents(app, ctx);
  registerViews(app, ctx);
  registerFunctions(app, ctx);
  registerShortcuts(app, ctx);
}
