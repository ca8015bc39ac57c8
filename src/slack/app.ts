// Builds the Bolt app for a receiver: HTTP (Slack signs every request) or Socket Mode.
// The sandbox uses HTTP mode against the local fake Slack.
import { App, LogLevel, type Receiver } from '@slack/bolt';
import type { AppContext } from '../services/app-context.js';
import { boltLogger } from './bolt-logger.js';
import { trimmedViewFetch } from './trimmed-view-fetch.js';
import type { BotIdentity } from './identity.js';
import { registerReapCommand } from './commands/reap-command.js';
import * as admin from './features/admin/index.js';
import * as briefing from './features/briefing/index.js';
import * as home from './features/home/index.js';
import * as manage from './features/manage/index.js';
import * as plan from './features/plan/index.js';
import * as reminders from './features/reminders/index.js';
import * as settings from './features/settings/index.js';
import * as status from './features/status/index.js';
import * as update from './features/update/index.js';

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

/** `/reap` (its subcommands: commands/router.ts), then each feature's buttons, forms and events. */
function registerListeners(app: App, ctx: AppContext): void {
  registerReapCommand(app, ctx);
  for (const feature of [update, manage, status, plan, home, reminders, briefing, settings, admin]) feature.register(app, ctx);
}
