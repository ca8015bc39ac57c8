// Starts everything a running REAP Tracker needs in one process: database (migrated),
// the Slack app, and the HTTP server (Slack endpoint + health check).
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App } from '@slack/bolt';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import { migrate } from './db/migrate.js';
import { createHttpServer, type ExtraHandler } from './http/server.js';
import { FrontDoorReceiver, frontDoorInThread, startFrontDoor, type FrontDoor, type StartingFrontDoor } from './http/front-door/index.js';
import { openMainThreadFrontDoor } from './http/front-door/main-thread.js';
import type { Logger } from './logger.js';
import { createAppContext, type AppContext } from './services/app-context.js';
import { changeNoticeMessage } from './slack/features/digests/ui/change-notice.js';
import { bootstrapAdmins } from './services/members.js';
import { createSlackApp, type SlackSettings } from './slack/app.js';
import { lookupBotIdentity } from './slack/identity.js';
import { closeHomeRefreshes } from './slack/features/home/refresh-queue.js';
import { LANGUAGES, translator, type Lang } from './slack/i18n/index.js';
import { watchRememberedLanguages } from './slack/recent-languages.js';
import { loadingView } from './slack/features/update/ui/update-message-views.js';
import type { ModalView } from '@slack/types';
import type { FrontDoorSettings } from './http/front-door/messages.js';
import { assertValidCronOverrides, createDispatcherClient, startScheduler, type RunningScheduler } from './jobs/index.js';

export interface StartOptions {
  config: Config;
  logger: Logger;
  slack: SlackSettings;
  /** Port to listen on (0 = any free port); defaults to config.port. */
  port?: number;
  host?: string;
  extra?: ExtraHandler;
  /** Runs after migrations and before Slack traffic is accepted (e.g. demo seeding). */
  beforeListen?: (ctx: AppContext) => Promise<void>;
  now?: () => Date;
  db?: Database;
  /**
   * Run the scheduler (reminders, digests, briefings, outbox) in this process. Default
   * true; tests turn it off and run jobs explicitly so nothing fires behind their back.
   */
  scheduler?: boolean;
  /**
   * In HTTP mode, receive Slack's requests in a thread of their own. Default: on PGlite
   * only, where the database's work competes with the main thread (front-door/index.ts).
   */
  frontDoorThread?: boolean;
}

export interface RunningServer {
  ctx: AppContext;
  app: App;
  /** The main thread's HTTP server (in HTTP mode on 127.0.0.1, behind the front door). */
  server: http.Server;
  /** Where Slack's requests go. */
  port: number;
  url: string;
  /** The scheduler of this instance; null when started with scheduler: false. */
  jobs: RunningScheduler | null;
  stop(): Promise<void>;
}

export async function startServer(opts: StartOptions): Promise<RunningServer> {
  const { config, logger } = opts;
  const t0 = Date.now();
  // Three slow steps that need nothing from each other run at once: loading the front
  // door's thread (on PGlite), opening the database (then migrations), and asking Slack
  // who the bot is.
  const receiver = opts.slack.mode === 'http' ? new FrontDoorReceiver(logger) : undefined;
  const inThread = opts.frontDoorThread ?? frontDoorInThread((opts.db?.target ?? config.database).kind);
  const starting: StartingFrontDoor | null = receiver && inThread ? startFrontDoor(receiver, frontDoorSettings(opts), logger) : null;
  const identityLookup =
    opts.slack.identity !== undefined ? Promise.resolve(opts.slack.identity) : lookupBotIdentity(opts.slack.botToken, opts.slack.apiUrl, logger);
  // Awaited below; a failure must not count as unhandled while the database opens.
  identityLookup.catch(() => {});
  let opened: Database | undefined = opts.db;
  try {
    const db = (opened ??= await openDatabase(config.database));
    const migrated = await migrate(db);
    if (migrated.applied.length) logger.info({ applied: migrated.applied }, 'database migrated');
    // A wrong REAP_CRON_* must stop start-up before anything listens (one line, exit 1).
    if (opts.scheduler !== false) assertValidCronOverrides(config);
    const ctx = createAppContext(config, db, logger, opts.now);
    // Changes made from Slack tell the people they affect, in words the Slack layer owns.
    ctx.renderChangeNotice = changeNoticeMessage;
    const admins = await bootstrapAdmins(ctx.prisma, config.adminUserIds);
    if (admins.granted.length) logger.warn({ granted: admins.granted }, 'REAP_ADMIN_USER_IDS: made these members ORSE admins');
    if (admins.kept.length) {
      logger.warn({ kept: admins.kept }, 'REAP_ADMIN_USER_IDS: left as an admin set them in REAP Tracker; not made ORSE admins again');
    }
    await opts.beforeListen?.(ctx);

    const identity = await identityLookup;
    const app = createSlackApp(ctx, { ...opts.slack, identity }, receiver);
    const server = createHttpServer({ db, extra: opts.extra });
    let door: FrontDoor | null = null;
    let port: number;
    let jobs: RunningScheduler | null = null;
    try {
      if (starting) {
        const internalPort = await listen(server, 0, '127.0.0.1');
        door = await starting.listen(internalPort);
      } else if (receiver) {
        door = await openMainThreadFrontDoor(app, server, frontDoorSettings(opts), logger);
      }
      if (door) {
        watchRememberedLanguages(ctx, door.tellLanguage);
        port = door.port;
      } else {
        port = await listen(server, opts.port ?? config.port, opts.host ?? config.host);
      }
      if (opts.slack.mode === 'socket') await app.start();
      // Jobs start once Slack traffic is served, and are stopped before the database closes.
      if (opts.scheduler !== false) {
        jobs = await startScheduler(ctx, {
          client: createDispatcherClient(opts.slack.botToken, { apiUrl: opts.slack.apiUrl, logger }),
        });
      }
    } catch (e) {
      // Leave nothing listening behind a failed start, or the process would never exit.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      throw e;
    }
    const url = `http://${opts.host ?? config.host ?? 'localhost'}:${port}`;
    logger.info({ port, mode: opts.slack.mode, database: db.target.kind, ms: Date.now() - t0 }, 'REAP Tracker is up');

    let stopping: Promise<void> | undefined;
    const stop = () =>
      (stopping ??= (async () => {
        logger.info('shutting down');
        await door?.close();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          // Requests in flight get a moment to finish; idle keep-alive sockets go now.
          server.closeIdleConnections();
          setTimeout(() => {
            server.closeAllConnections();
            resolve();
          }, 5_000).unref();
        });
        await jobs?.stop();
        if (opts.slack.mode === 'socket') await app.stop().catch(() => {});
        await closeHomeRefreshes(ctx);
        await db.close();
      })());
    return { ctx, app, server, port, url, jobs, stop };
  } catch (e) {
    // The thread is running whether or not it listens yet; a failed start stops it.
    await starting?.close();
    if (!opts.db) await opened?.close().catch(() => {});
    throw e;
  }
}

function frontDoorSettings(opts: StartOptions): FrontDoorSettings {
  if (!opts.slack.signingSecret) throw new Error('HTTP mode needs a signing secret');
  const loadingViews = Object.fromEntries(LANGUAGES.map((lang) => [lang, loadingView(translator(lang))])) as Record<Lang, ModalView>;
  return {
    port: opts.port ?? opts.config.port,
    host: opts.host ?? opts.config.host,
    signingSecret: opts.slack.signingSecret,
    botToken: opts.slack.botToken,
    apiUrl: opts.slack.apiUrl ?? 'https://slack.com/api/',
    logLevel: opts.config.logLevel,
    bodyLimit: 1024 * 1024,
    // Slack gives up after 3 s; Bolt answers 404 after this so nothing hangs.
    unhandledRequestTimeoutMillis: 3001,
    loadingViews,
  };
}

function listen(server: http.Server, port: number, host?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
