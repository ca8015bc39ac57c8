// `npm start` without Slack credentials: the app, a fake Slack on loopback and a web page
// that stands in for Slack's client, all in this process. The app runs exactly as in
// production (HTTP mode, signed requests, Web API over HTTP); only Slack is local.
//
//   browser ──/sandbox/api──► page routes ──signed POST /slack/events──► Bolt app ─┐
//      ▲                                                                            │ Web API
//      └──── Server-Sent Events ◄── journal of the fake Slack (127.0.0.1:random) ◄──┘
import { randomBytes, randomUUID } from 'node:crypto';
import type { App } from '@slack/bolt';
import { ConfigError, type Config } from '../config.js';
import { sandboxOnSlackDatabase, servedBySlack } from '../services/slack-served-marker.js';
import type { Logger } from '../logger.js';
import { startServer, type RunningServer } from '../server.js';
import { AppHealth } from './app-health.js';
import { DeliveryLog } from './delivery-log.js';
import { seedDemoDataIfEmpty } from './demo-data.js';
import { populateDemoWorkspace } from './demo-workspace.js';
import { EventStreamHub } from './event-stream.js';
import { FakeSlack } from './fake-slack/index.js';
import { callEntry, deliveryEntry } from './inspector-entries.js';
import { describeRunOutcome, type RunJob } from './job-control.js';
import { readManifestFacts } from './manifest-facts.js';
import { createPageRoutes } from './page-routes.js';
import { SandboxClock } from './sandbox-clock.js';
import { SlackClientSimulator } from './slack-client-simulator.js';
import { listWebAssets } from './static-files.js';

export interface SandboxOptions {
  config: Config;
  logger: Logger;
  /**
   * Runs a scheduled job now and returns a one-line result. Default: the scheduler the app
   * server runs in this process; with neither, the page shows that control disabled.
   */
  runJob?: RunJob;
  /** Run the scheduler (reminders, digests, outbox) as `npm start` does; default true. */
  scheduler?: boolean;
  /** Port of the page and the app; default config.port (PORT, 3000). 0 picks a free port. */
  port?: number;
  /** Where the "open this URL" line goes; default stdout. */
  print?: (line: string) => void;
  /**
   * Where Slack requests are delivered; default this server's /slack/events. Pointing it at an
   * app in another process (or at nothing, in tests) shows how the page copes when the app is down.
   */
  appUrl?: string;
  now?: () => Date;
}

export interface RunningSandbox {
  /** The page, e.g. http://localhost:3000/ */
  url: string;
  port: number;
  fake: FakeSlack;
  /** The Bolt app currently serving /slack/events (a new one after restartApp). */
  readonly app: App;
  /** Stops and starts the app (and its database connection) on the same port; Slack's state survives. */
  restartApp(): Promise<void>;
  stop(): Promise<void>;
}

/** How long to gather changes before telling the pages to refresh. */
const CHANGE_COALESCE_MS = 15;

export async function startSandbox(options: SandboxOptions): Promise<RunningSandbox> {
  const { config, logger } = options;
  const print = options.print ?? ((line: string) => console.log(line));
  const manifest = readManifestFacts();
  // Fresh per run and never sent to the browser: the page asks the server to sign for it.
  const signingSecret = randomBytes(32).toString('hex');
  const botToken = `xoxb-sandbox-${randomBytes(12).toString('hex')}`;
  const fake = await new FakeSlack({
    botToken,
    chatWritePublic: manifest.chatWritePublic,
    homeTabEnabled: manifest.homeTabEnabled,
    functions: manifest.functions,
  }).start();
  populateDemoWorkspace(fake);

  // The app's clock: real time, unless a test fixes it or the page's "Today is…" moves it.
  const clock = new SandboxClock(config.timeZone, options.now);
  const hub = new EventStreamHub();
  const log = new DeliveryLog();
  const health = new AppHealth();
  const stream = streamToPages({ fake, log, health, hub });

  let port = 0;
  /** The app server; undefined only while restartApp replaces it. */
  let server: RunningServer | undefined;
  const simulator = new SlackClientSimulator({
    fake,
    signingSecret,
    appUrl: () => options.appUrl ?? `http://127.0.0.1:${port}/slack/events`,
    manifest,
    log,
    health,
    changed: stream.changed,
  });
  const routes = createPageRoutes({
    fake,
    simulator,
    log,
    health,
    hub,
    manifest,
    assets: await listWebAssets(),
    jobRunner: () => options.runJob ?? schedulerRunner(server),
    instanceId: randomUUID(),
    port: () => port,
    logger,
    clock,
  });

  const launch = (listenPort: number): Promise<RunningServer> =>
    startServer({
      // Jobs read the bot token and API URL from the configuration (e.g. the digest's App
      // Home link); in the sandbox they are the fake's.
      config: { ...config, slack: { ...config.slack, botToken, signingSecret, apiUrl: fake.url } },
      logger,
      slack: { mode: 'http', botToken, signingSecret, apiUrl: fake.url },
      port: listenPort,
      // The page can make the app act as anyone in the demo workspace: this machine only.
      host: '127.0.0.1',
      extra: routes,
      beforeListen: async (ctx) => {
        const since = config.sandboxAllowDatabase ? null : await servedBySlack(ctx.prisma);
        if (since !== null) throw new ConfigError(sandboxOnSlackDatabase(since));
        await seedDemoDataIfEmpty(ctx, () => print('REAP Tracker sandbox: loading the demo data into the new database (first start only)\u2026'));
      },
      now: clock.now,
      scheduler: options.scheduler,
    }).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
        throw new ConfigError(`PORT ${listenPort} is already in use on 127.0.0.1: stop the other process or set PORT to a free port`);
      }
      throw error;
    });
  const current = (): RunningServer => {
    if (!server) throw new Error('the app is restarting');
    return server;
  };

  try {
    server = await launch(options.port ?? config.port);
  } catch (error) {
    stream.dispose();
    await fake.stop();
    throw error;
  }
  port = server.port;
  const url = `http://localhost:${port}/`;
  const database = config.database.kind === 'pglite' ? `embedded database ${config.database.dataDir ?? '(in memory)'}` : 'PostgreSQL';
  print(`REAP Tracker sandbox: open ${url} in your browser (local fake Slack, ${database}; no real Slack is contacted)`);

  let stopping: Promise<void> | undefined;
  return {
    url,
    port,
    fake,
    get app() {
      return current().app;
    },
    async restartApp() {
      const old = current();
      server = undefined;
      // Open pages lose their event stream and reconnect once the server is back.
      hub.closeAll();
      await old.stop();
      server = await launch(port);
    },
    stop() {
      stopping ??= (async () => {
        // Event streams never go idle; end them first or the server waits for them.
        stream.dispose();
        await server?.stop();
        await fake.stop();
      })();
      return stopping;
    },
  };
}

/**
 * Forwards what happens to the open pages: each Web API call and delivery for the inspector,
 * violations, the app's status, and a coalesced "changed" nudge (one Web API call often
 * changes several things at once).
 */
function streamToPages(deps: { fake: FakeSlack; log: DeliveryLog; health: AppHealth; hub: EventStreamHub }): { changed: () => void; dispose: () => void } {
  const { fake, log, health, hub } = deps;
  let timer: NodeJS.Timeout | undefined;
  const changed = (): void => {
    timer ??= setTimeout(() => {
      timer = undefined;
      hub.broadcast('changed', {});
    }, CHANGE_COALESCE_MS);
  };
  fake.on('call', (call) => {
    hub.broadcast('journal', callEntry(call));
    changed();
  });
  fake.on('violation', (violation) => hub.broadcast('violation', violation));
  log.on('delivery', (delivery) => hub.broadcast('journal', deliveryEntry(delivery)));
  health.on('change', (status) => hub.broadcast('app-status', status));
  return {
    changed,
    dispose: () => {
      clearTimeout(timer);
      hub.dispose();
    },
  };
}

/** "Run now" through the scheduler of the running app server, if it has one. */
function schedulerRunner(running: RunningServer | undefined): RunJob | undefined {
  const jobs = running?.jobs;
  if (!jobs) return undefined;
  return async (name) => describeRunOutcome(await jobs.runNow(name));
}
